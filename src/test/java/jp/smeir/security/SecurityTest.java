package jp.smeir.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import jp.smeir.support.Incidents;

/** Who may call what: 401 without credentials, 403 for the wrong role, both as problem+json; health stays open. */
@QuarkusTest
class SecurityTest {

    static final String FACTS = "{\"awareAt\": \"2026-11-20T09:30:00+09:00\"}";
    static final String SCENARIO = "{\"facts\": " + FACTS + "}";
    static final String WEBHOOK = "{\"url\": \"http://127.0.0.1:9/x\", \"secret\": \"0123456789abcdef\", \"eventTypes\": [\"incident.opened\"]}";

    static RequestSpecification as(String user) {
        RequestSpecification spec = given().contentType("application/json");
        return user.equals("none") ? spec.auth().none() : spec.auth().preemptive().basic(user, user + "-pass");
    }

    static int call(String user, String method, String path, String body) {
        RequestSpecification spec = as(user);
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.request(method, path).then().extract().statusCode();
    }

    @ParameterizedTest(name = "{0} {1} {2} → {4}")
    @CsvSource(delimiter = '|', value = {
            "none     | GET  | /api/v1/ping            |          | 401",
            "reporter | GET  | /api/v1/ping            |          | 200",
            "none     | POST | /api/v1/assessments     | FACTS    | 401",
            "none     | GET  | /api/v1/incidents       |          | 401",
            "none     | GET  | /api/v1/rules           |          | 401",
            "none     | POST | /api/v1/scenarios/run   | SCENARIO | 401",
            "none     | GET  | /api/v1/webhooks        |          | 401",
            "reporter | POST | /api/v1/assessments     | FACTS    | 200",
            "reporter | POST | /api/v1/incidents       | FACTS    | 201",
            "reporter | GET  | /api/v1/incidents       |          | 200",
            "reporter | GET  | /api/v1/rules           |          | 403",
            "reporter | POST | /api/v1/scenarios/run   | SCENARIO | 403",
            "reporter | GET  | /api/v1/webhooks        |          | 403",
            "reporter | POST | /api/v1/rules/reload    |          | 403",
            "analyst  | GET  | /api/v1/rules           |          | 200",
            "analyst  | POST | /api/v1/scenarios/run   | SCENARIO | 200",
            "analyst  | POST | /api/v1/assessments     | FACTS    | 200",
            "analyst  | GET  | /api/v1/webhooks        |          | 403",
            "analyst  | POST | /api/v1/webhooks        | WEBHOOK  | 403",
            "analyst  | POST | /api/v1/rules/reload    |          | 403",
            "admin    | GET  | /api/v1/webhooks        |          | 200",
            "admin    | POST | /api/v1/webhooks        | WEBHOOK  | 201",
            "admin    | GET  | /api/v1/rules           |          | 200",
    })
    void rolesDecideWhoMayCallWhat(String user, String method, String path, String body, int status) {
        String json = body == null ? null : Map.of("FACTS", FACTS, "SCENARIO", SCENARIO, "WEBHOOK", WEBHOOK).get(body);
        org.junit.jupiter.api.Assertions.assertEquals(status, call(user, method, path, json), user + " " + method + " " + path);
    }

    @Test
    void failuresAreProblemJson() {
        as("none").body(FACTS).when().post("/api/v1/assessments")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Basic")).body("status", is(401));
        given().auth().preemptive().basic("reporter", "wrong").contentType("application/json").body(FACTS)
                .when().post("/api/v1/assessments")
                .then().statusCode(401).contentType("application/problem+json");
        as("reporter").when().get("/api/v1/rules")
                .then().statusCode(403).contentType("application/problem+json").body("status", is(403));
    }

    @Test
    void healthNeedsNoCredentials() {
        given().auth().none().when().get("/q/health/live").then().statusCode(200);
        given().auth().none().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void historyRecordsTheAuthenticatedPrincipal() {
        String id = as("reporter").body(Incidents.misdelivery(1500, "who")).when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        as("reporter").body("{\"by\": \"Sato\"}").when().post("/api/v1/incidents/" + id + "/items/PPC_FINAL_REPORT/completion")
                .then().statusCode(200).body("completion.recordedBy", is("reporter"));
        as("admin").when().get("/api/v1/incidents/" + id + "/history")
                .then().statusCode(200).body("actor", everyItem(is("reporter")));
    }
}
