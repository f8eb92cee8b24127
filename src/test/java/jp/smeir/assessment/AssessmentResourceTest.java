package jp.smeir.assessment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AssessmentResourceTest {

    static final String RANSOMWARE = """
            {
              "title": "Ransomware on file server",
              "awareAt": "2026-11-20T09:30:00+09:00",
              "incidentTypes": ["RANSOMWARE"],
              "organization": {"sector": "GENERAL", "dataProcessor": false, "cyberInsurance": true, "inHouseCapability": false},
              "personalData": {"breach": "SUSPECTED", "affectedPersons": 1200, "encrypted": false, "euResidents": false,
                               "myNumber": false, "subjectsReachable": true},
              "impact": {"systemDown": true, "businessStopped": true, "damageSpreading": true},
              "attack": {"ransomDemanded": true}
            }
            """;

    @Test
    void assessesFactsIntoBilingualItemsThatNameTheirRuleAndBasis() {
        given().contentType("application/json").body(RANSOMWARE)
                .when().post("/api/v1/assessments")
                .then().statusCode(200)
                .contentType("application/json")
                .body("rulesetVersion", startsWith("sha256:"))
                .body("awareAt", is("2026-11-20T09:30:00+09:00"))
                .body("evaluatedAt", containsString("+09:00"))
                .body("severity", is("CRITICAL"))
                .body("notifications.find { it.code == 'PPC_PRELIMINARY_REPORT' }.status", is("REQUIRED"))
                .body("notifications.find { it.code == 'PPC_PRELIMINARY_REPORT' }.dueAt", is("2026-11-25T23:59:59+09:00"))
                .body("notifications.find { it.code == 'PPC_PRELIMINARY_REPORT' }.recipient.code", is("PPC"))
                .body("notifications.find { it.code == 'PPC_FINAL_REPORT' }.dueAt", is("2027-01-19T23:59:59+09:00"))
                .body("actions.code", hasItems("REPORT_TO_SECURITY_OFFICER", "REPORT_TO_MANAGEMENT", "ISOLATE_FROM_NETWORK",
                        "DO_NOT_POWER_OFF", "PRESERVE_EVIDENCE", "CHECK_DECRYPTOR_BEFORE_PAYING", "INVESTIGATE_5W1H", "ROOT_CAUSE_PREVENTION"))
                .body("actions.title.ja", everyItem(not(emptyOrNullString())))
                .body("actions.title.en", everyItem(not(emptyOrNullString())))
                .body("notifications.detail.ja", everyItem(not(emptyOrNullString())))
                .body("escalations.detail.en", everyItem(not(emptyOrNullString())))
                .body("actions.rule", everyItem(not(emptyOrNullString())))
                .body("notifications.every { it.basis.size() > 0 }", is(true))
                .body("actions.every { it.because.size() > 0 }", is(true))
                .body("notifications.recipient", everyItem(notNullValue()))
                .body("escalations.recipient", everyItem(notNullValue()))
                .body("firedRules", hasItem("Classification – unprotected leak in a reportable category → APPI duties apply"))
                .body("lawApplied.find { it.id == 'appi-reporting' }.law", is("APPI breach reporting and notice to the persons (Art. 26)"))
                .body("lawApplied.find { it.id == 'appi-reporting' }.inForceFrom", is("2022-04-01"))
                .body("lawApplied.find { it.id == 'appi-reporting' }.status", is("LAW"))
                .body("lawApplied.find { it.id == 'appi-reporting' }.name.ja", startsWith("個人情報保護法"))
                .body("lawApplied.find { it.id == 'service' }.note.en", is("Not law: the criteria of this service."))
                .body("watch.id", is(java.util.List.of("appi-2026-amendment")))
                .body("watch[0].ja", startsWith("2026年7月17日に公布された個人情報保護法の改正は、まだ施行されていません"));
    }

    @Test
    void unknownFactsMakeDutiesConditionalAndAreAsked() {
        given().contentType("application/json").body("""
                {"awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["RANSOMWARE"]}
                """)
                .when().post("/api/v1/assessments")
                .then().statusCode(200)
                .body("notifications.find { it.code == 'PPC_PRELIMINARY_REPORT' }.status", is("CONDITIONAL"))
                .body("notifications.find { it.code == 'PPC_PRELIMINARY_REPORT' }.dueAt", is("2026-11-25T23:59:59+09:00"))
                .body("questions.find { it.fact == 'personalData.breach' }.affects", hasItem("PPC_PRELIMINARY_REPORT"))
                .body("questions.find { it.fact == 'personalData.breach' }.question.ja", not(emptyOrNullString()));
    }

    @Test
    void listsEveryRuleWithStageAndBasis() {
        given().when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("version", startsWith("sha256:"))
                .body("rules.size()", greaterThan(100))
                .body("rules.name", hasItem("APPI – reportable leak → preliminary report to the PPC within about 3–5 days"))
                .body("rules.stage", everyItem(not(emptyOrNullString())))
                .body("rules.every { it.basis.size() > 0 }", is(true))
                .body("rules.name", not(hasItem("findings")));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/assessments"))
                .body("components.schemas.IncidentFacts.properties", org.hamcrest.Matchers.hasKey("awareAt"))
                .body("components.schemas.IncidentType.enum", hasItem("RANSOMWARE"));
    }
}
