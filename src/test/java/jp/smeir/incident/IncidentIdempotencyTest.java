package jp.smeir.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import jp.smeir.support.Incidents;

/** An Idempotency-Key belongs to the user who sent it: another user's same key opens another incident. */
@QuarkusTest
class IncidentIdempotencyTest {

    @Test
    void keysAreScopedToTheirUser() {
        String key = "shared-" + UUID.randomUUID();
        String body = Incidents.misdelivery(10, "scoped key");
        String reporters = given().auth().preemptive().basic("reporter", "reporter-pass").header("Idempotency-Key", key)
                .contentType("application/json").body(body).when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        // the same key and body from another user: a new incident, not a replay of the reporter's
        given().auth().preemptive().basic("admin", "admin-pass").header("Idempotency-Key", key)
                .contentType("application/json").body(body).when().post("/api/v1/incidents")
                .then().statusCode(201).header("Idempotency-Replayed", (String) null).body("id", not(is(reporters)));
        // another body under the same key from the other user is no reuse of the reporter's key either
        given().auth().preemptive().basic("analyst", "analyst-pass").header("Idempotency-Key", key)
                .contentType("application/json").body(Incidents.misdelivery(11, "scoped key")).when().post("/api/v1/incidents")
                .then().statusCode(201);
        // the reporter's retry is still a replay
        given().auth().preemptive().basic("reporter", "reporter-pass").header("Idempotency-Key", key)
                .contentType("application/json").body(body).when().post("/api/v1/incidents")
                .then().statusCode(201).header("Idempotency-Replayed", "true").body("id", is(reporters));
    }
}
