package jp.smeir.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;

import jp.smeir.support.Incidents;
import jp.smeir.support.TestClock;

/** Bad input is a 400 problem+json naming the field, never a 5xx (contract §1, §5). */
@QuarkusTest
class AssessmentValidationTest {

    @Inject
    TestClock clock;

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{}                                                                              | awareAt",
            "{\"awareAt\": null}                                                             | awareAt",
            "{\"awareAt\": \"yesterday\"}                                                    | awareAt",
            "{\"awareAt\": \"2026-11-20T09:30:00\"}                                          | awareAt",
            "{\"awareAt\": 12}                                                               | awareAt",
            "{\"awareAt\": \"1999-12-31T09:30:00+09:00\"}                                    | awareAt",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"incidentTypes\": [\"VIRUS\"]}    | incidentTypes[0]",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"incidentTypes\": \"RANSOMWARE\"}  | incidentTypes",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"incidentTypes\": [null]}         | incidentTypes",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"affectedPersons\": -1}}      | personalData.affectedPersons",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"affectedPersons\": 1.5}}     | personalData.affectedPersons",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"affectedPersons\": \"12\"}}  | personalData.affectedPersons",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"affectedPersons\": 99999999999999999999}} | personalData.affectedPersons",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"breach\": \"MAYBE\"}}        | personalData.breach",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"sensitive\": \"yes\"}}      | personalData.sensitive",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"sensitive\": 1}}            | personalData.sensitive",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"organization\": {\"sector\": \"RETAIL\"}}      | organization.sector",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"organization\": []}                            | organization",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"organization\": {\"ownDataAffected\": false}}     | organization.ownDataAffected",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"organization\": {\"dataProcessor\": false, \"ownDataAffected\": false}} | organization.ownDataAffected",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"organization\": {\"ownDataAffected\": \"no\"}}  | organization.ownDataAffected",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"organization\": {\"privacyMarkOrAccreditedBodyMember\": 1}} | organization.privacyMarkOrAccreditedBodyMember",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"occurredAt\": \"2026-11-21T09:30:00+09:00\"}   | occurredAt",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"title\": \"a\\u0000b\"}                        | title",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"myNumberPersons\": -1}}      | personalData.myNumberPersons",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"affectedPersons\": 10, \"myNumberPersons\": 11}} | personalData.myNumberPersons",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"myNumber\": false, \"myNumberPersons\": 1}} | personalData.myNumberPersons",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"myNumber\": true, \"myNumberPersons\": 0}} | personalData.myNumberPersons",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"title\": 12}                                 | title",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"title\": true}                               | title",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"title\": [\"a\"]}                            | title",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"affectedPersons\": 3000000000}} | personalData.affectedPersons",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"affectedPersons\": 1234567890123456789012345678901}} | personalData.affectedPersons",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"occurredAt\": \"-999999999-01-01T00:00:00+18:00\"} | occurredAt",
            "{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"occurredAt\": \"1969-12-31T23:59:59+09:00\"} | occurredAt",
    })
    void invalidFieldIsNamed(String body, String field) {
        given().contentType("application/json").body(body)
                .when().post("/api/v1/assessments")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("title", is("Invalid input"))
                .body("errors.field", hasItem(field))
                .body(not(containsString("Exception")))
                .body(not(containsString("jp.sme")));
    }

    @Test
    void aNumberOutOfRangeSaysSoAtItsField() {
        for (String persons : new String[] {"3000000000", "1234567890123456789012345678901"}) {
            given().contentType("application/json")
                    .body("{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"personalData\": {\"affectedPersons\": " + persons + "}}")
                    .when().post("/api/v1/incidents")
                    .then().statusCode(400)
                    .body("errors[0].field", is("personalData.affectedPersons"))
                    .body("errors[0].message", is("must be a whole number within range"));
        }
    }

    @Test
    void anIncidentMayHaveBegunYearsBeforeAnyoneNoticed() {
        given().contentType("application/json")
                .body("{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"occurredAt\": \"1970-01-01T00:00:00+09:00\"}")
                .when().post("/api/v1/assessments")
                .then().statusCode(200);
    }

    @Test
    void malformedJsonIsA400() {
        given().contentType("application/json").body("{\"awareAt\": ")
                .when().post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].message", containsString("well-formed"));
    }

    @Test
    void emptyBodyIsA400() {
        given().contentType("application/json")
                .when().post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            // the case: answered 200 with the ransomware actions gone and the severity lowered
            "\"incidentType\": [\"RANSOMWARE\"]                    | incidentType                | is not a known field; did you mean incidentTypes?",
            "\"personalData\": {\"encrpted\": true}                | personalData.encrpted       | is not a known field; did you mean personalData.encrypted?",
            "\"organization\": {\"Sector\": \"MEDICAL\"}           | organization.Sector         | is not a known field; did you mean organization.sector?",
            "\"personalData\": {\"affected\": 12}                  | personalData.affected       | is not a known field; did you mean personalData.affectedPersons?",
            "\"attack\": {\"ransom\": true}                        | attack.ransom               | is not a known field; did you mean attack.ransomDemanded?",
            "\"impact\": {\"colour\": \"blue\"}                    | impact.colour               | is not a known field (known here: businessStopped, customersAffected,",
            "\"colour\": \"blue\"                                    | colour                      | is not a known field (known here: attack, awareAt, externalReporter,",
    })
    void anUnknownFieldIsA400NamingItAndTheFieldMeant(String extra, String field, String message) {
        given().contentType("application/json").body("{\"awareAt\": \"2026-11-20T09:30:00+09:00\", " + extra + "}")
                .when().post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.size()", is(1))
                .body("errors[0].field", is(field))
                .body("errors[0].message", startsWith(message))
                .body("detail", startsWith(field + " " + message));
    }

    @Test
    void everyRequestBodyRefusesUnknownFields() {
        given().contentType("application/json")
                .body(Incidents.misdelivery(5, "strict").replace("\"title\"", "\"externalTicket\": {\"sytem\": \"jira\", \"id\": \"S-1\"}, \"title\""))
                .when().post("/api/v1/incidents").then().statusCode(400)
                .body("errors[0].field", is("externalTicket.sytem"))
                .body("errors[0].message", is("is not a known field; did you mean externalTicket.system?"));
        String id = given().contentType("application/json").body(Incidents.misdelivery(5, "strict"))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        given().contentType("application/json").header("If-Match", "*")
                .body(Incidents.misdelivery(5, "strict").replace("\"title\"", "\"incidentType\": [\"RANSOMWARE\"], \"title\""))
                .when().put("/api/v1/incidents/" + id + "/facts").then().statusCode(400)
                .body("errors[0].field", is("incidentType"));
        given().contentType("application/json").body("{\"by\": \"Sato\", \"referenceNumber\": \"R-1\"}")
                .when().post("/api/v1/incidents/" + id + "/items/REPORT_TO_MANAGEMENT/completion").then().statusCode(400)
                .body("errors[0].field", is("referenceNumber"))
                .body("errors[0].message", is("is not a known field; did you mean reference?"));
        given().contentType("application/json").body("{\"status\": \"CONTAINED\", \"reasons\": \"isolated\"}")
                .when().post("/api/v1/incidents/" + id + "/status").then().statusCode(400)
                .body("errors[0].field", is("reasons"))
                .body("errors[0].message", is("is not a known field; did you mean reason?"));
        given().contentType("application/json")
                .body("{\"url\": \"http://127.0.0.1:9/h\", \"secret\": \"0123456789abcdef0\", \"eventType\": [\"incident.opened\"]}")
                .when().post("/api/v1/webhooks").then().statusCode(400)
                .body("errors[0].field", is("eventType"))
                .body("errors[0].message", is("is not a known field; did you mean eventTypes?"));
        given().contentType("application/json")
                .body("{\"facts\": {\"awareAt\": \"2026-11-20T09:30:00+09:00\"}, \"expect\": {\"absnt\": [\"PPC_FINAL_REPORT\"]}}")
                .when().post("/api/v1/scenarios/run").then().statusCode(400)
                .body("errors[0].field", is("expect.absnt"))
                .body("errors[0].message", is("is not a known field; did you mean expect.absent?"));
    }

    @Test
    void aNumberIsNoTime() {
        // 1795000000 s after 1970 is in 2026: Jackson would take it for an instant
        given().contentType("application/json").body("{\"awareAt\": 1795000000}")
                .when().post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", is("awareAt"))
                .body("errors[0].message", startsWith("must be an ISO-8601 date-time with an offset"));
        given().contentType("application/json").body("{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"occurredAt\": 1795000000.5}")
                .when().post("/api/v1/assessments")
                .then().statusCode(400).body("errors[0].field", is("occurredAt"));
    }

    @Test
    void awarenessMoreThanFiveMinutesAheadOfTheClockIsA400() {
        clock.set(java.time.Instant.parse("2026-11-20T01:00:00Z"));   // 10:00 JST
        try {
            given().contentType("application/json").body("{\"awareAt\": \"2026-11-20T10:05:00+09:00\"}")
                    .when().post("/api/v1/assessments").then().statusCode(200);
            given().contentType("application/json").body("{\"awareAt\": \"2026-11-20T10:05:01+09:00\"}")
                    .when().post("/api/v1/assessments").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", is("awareAt"))
                    .body("errors[0].message", is("must not be in the future (more than 5 minutes after the service's clock, 2026-11-20T10:00+09:00)"));
            // a wrong year is the usual mistake; on an incident it would move every deadline
            given().contentType("application/json").body(Incidents.misdelivery(5, "next year").replace("2026-11-20T09:30", "2027-11-20T09:30"))
                    .when().post("/api/v1/incidents").then().statusCode(400).body("errors[0].field", is("awareAt"));
            String id = given().contentType("application/json").body(Incidents.misdelivery(5, "this year"))
                    .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
            given().contentType("application/json").header("If-Match", "*").body(Incidents.misdelivery(5, "next year").replace("2026-11-20T09:30", "2027-11-20T09:30"))
                    .when().put("/api/v1/incidents/" + id + "/facts").then().statusCode(400).body("errors[0].field", is("awareAt"));
        } finally {
            clock.reset();
        }
    }

    @Test
    void wrongContentTypeIs415AndUnknownPathIs404() {
        given().contentType("text/plain").body("hello")
                .when().post("/api/v1/assessments")
                .then().statusCode(415).contentType("application/problem+json");
        given().when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
