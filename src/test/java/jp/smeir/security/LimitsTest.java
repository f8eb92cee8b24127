package jp.smeir.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Oversized bodies are 413 problem+json, with or without Content-Length; metrics are served. */
@QuarkusTest
class LimitsTest {

    static String big() {
        return "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"title\": \"" + "a".repeat(300_000) + "\"}";
    }

    @Test
    void anOversizedBodyIs413() {
        given().contentType("application/json").body(big()).when().post("/api/v1/assessments")
                .then().statusCode(413).contentType("application/problem+json").body("status", is(413));
    }

    @Test
    void anOversizedChunkedBodyIs413() {
        // an InputStream body is sent chunked, without Content-Length
        given().contentType("application/json").body(new ByteArrayInputStream(big().getBytes(StandardCharsets.UTF_8)))
                .when().post("/api/v1/incidents")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aChunkedBodyToTheNonBlockingAssessmentsIsReadAndLimited() {
        // assessments run on the event loop: a body without Content-Length must still be read, and limited
        given().contentType("application/json")
                .body(new ByteArrayInputStream("{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"incidentTypes\": [\"RANSOMWARE\"]}"
                        .getBytes(StandardCharsets.UTF_8)))
                .when().post("/api/v1/assessments")
                .then().statusCode(200).body("notifications.code", hasItem("PPC_PRELIMINARY_REPORT"));
        given().contentType("application/json").body(new ByteArrayInputStream(big().getBytes(StandardCharsets.UTF_8)))
                .when().post("/api/v1/assessments")
                .then().statusCode(413).contentType("application/problem+json").body("status", is(413));
    }

    @Test
    void deepNestingAndHugeNumbersAre400() {
        given().contentType("application/json").body("{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}")
                .when().post("/api/v1/assessments").then().statusCode(400).contentType("application/problem+json");
        given().contentType("application/json").body("{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"affectedPersons\": 1" + "0".repeat(500) + "}}")
                .when().post("/api/v1/assessments").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void metricsAreServed() {
        given().contentType("application/json").body("{\"awareAt\": \"2026-11-20T09:30:00+09:00\"}").when().post("/api/v1/assessments")
                .then().statusCode(200);
        given().auth().none().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("incident_assessments_total"))
                .body(containsString("incident_rules_evaluation_seconds_count"))
                .body(containsString("incident_outbox_backlog"))
                .body(containsString("incident_deliveries_failed_total"));
    }
}
