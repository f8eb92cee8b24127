package jp.smeir.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import jp.smeir.support.Incidents;

/** Writes are limited per principal: the fourth write in a burst of three is 429 with Retry-After. */
@QuarkusTest
@TestProfile(RateLimitTest.ThreeWrites.class)
class RateLimitTest {

    public static class ThreeWrites implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incident.rate-limit.burst", "3", "incident.rate-limit.writes-per-minute", "6");
        }
    }

    static int open(String user) {
        return given().auth().preemptive().basic(user, user + "-pass").contentType("application/json")
                .body(Incidents.misdelivery(10, "rate")).when().post("/api/v1/incidents").then().extract().statusCode();
    }

    @Test
    void theFourthWriteInABurstIsTooMany() {
        for (int i = 0; i < 3; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(201, open("reporter"));
        }
        given().auth().preemptive().basic("reporter", "reporter-pass").contentType("application/json")
                .body(Incidents.misdelivery(10, "rate")).when().post("/api/v1/incidents")
                .then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", is(429));
        // another principal has its own allowance; reading and assessing are not writes
        org.junit.jupiter.api.Assertions.assertEquals(201, open("analyst"));
        given().auth().preemptive().basic("reporter", "reporter-pass").contentType("application/json")
                .body("{\"awareAt\": \"2026-11-20T09:30:00+09:00\"}").when().post("/api/v1/assessments").then().statusCode(200);
        given().auth().preemptive().basic("reporter", "reporter-pass").contentType("application/json")
                .body("{\"awareAt\": \"2026-11-20T09:30:00+09:00\"}").when().post("/api/v1/assessments/").then().statusCode(200);
        given().auth().preemptive().basic("reporter", "reporter-pass").when().get("/api/v1/incidents").then().statusCode(200);
    }
}
