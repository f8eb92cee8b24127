package jp.smeir.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Bad input is a 400 problem+json naming the field, never a 5xx (contract §1, §5). */
@QuarkusTest
class AssessmentValidationTest {

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

    @Test
    void unknownExtraFieldsAreIgnored() {
        given().contentType("application/json").body("{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"colour\": \"blue\"}")
                .when().post("/api/v1/assessments")
                .then().statusCode(200);
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
