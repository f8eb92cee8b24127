package jp.smeir.scenario;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ScenarioResourceTest {

    static String shipped(String file) throws Exception {
        return Files.readString(Path.of("rules/scenarios").resolve(file));
    }

    @Test
    void runsOneScenarioFromTheRulesFolderFormat() throws Exception {
        given().contentType("application/json").body(shipped("appi/01-ransomware-1200-persons.json"))
                .when().post("/api/v1/scenarios/run")
                .then().statusCode(200)
                .body("rulesetVersion", startsWith("sha256:"))
                .body("rules", is("current"))
                .body("total", is(1)).body("passed", is(1)).body("failed", is(0))
                .body("results[0].passed", is(true))
                .body("results[0].assessment", nullValue());
    }

    @Test
    void reportsTheDifferencesOfAFailingScenario() throws Exception {
        String failing = """
                {"name": "wrong on purpose", "description": "1,000 persons is not more than 1,000",
                 "facts": {"awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["MISDELIVERY"],
                           "personalData": {"breach": "CONFIRMED", "affectedPersons": 1000, "sensitive": false,
                                            "financialHarmRisk": false, "cardData": false, "improperPurpose": false}},
                 "expect": {"present": [{"code": "PPC_PRELIMINARY_REPORT", "status": "REQUIRED"}], "severity": "LOW"}}
                """;
        given().contentType("application/json").queryParam("verbose", true)
                .body("[" + shipped("appi/01-ransomware-1200-persons.json") + "," + failing + "]")
                .when().post("/api/v1/scenarios/run")
                .then().statusCode(200)
                .body("total", is(2)).body("passed", is(1)).body("failed", is(1))
                .body("results[0].name", is("#1"))
                .body("results[1].name", is("wrong on purpose"))
                .body("results[1].differences", hasItem("PPC_PRELIMINARY_REPORT: expected, but absent"))
                .body("results[1].assessment.rulesetVersion", notNullValue());
    }

    @Test
    void canRunAgainstTheRuleFilesOnDisk() throws Exception {
        given().contentType("application/json").queryParam("rules", "folder").body(shipped("appi/01-ransomware-1200-persons.json"))
                .when().post("/api/v1/scenarios/run")
                .then().statusCode(200).body("rules", is("folder")).body("passed", is(1));
    }

    @Test
    void badBatchesAre400() {
        given().contentType("application/json").body("[]").when().post("/api/v1/scenarios/run").then().statusCode(400);
        given().contentType("application/json").body("42").when().post("/api/v1/scenarios/run").then().statusCode(400);
        given().contentType("application/json").queryParam("rules", "../tomorrow").body("{\"facts\": {\"awareAt\": \"2026-11-20T09:30:00+09:00\"}}")
                .when().post("/api/v1/scenarios/run").then().statusCode(400).body("errors.field", hasItem("rules"));
        // a name that could be a draft's, but the drafts workspace has none so named
        given().contentType("application/json").queryParam("rules", "tomorrow").body("{\"facts\": {\"awareAt\": \"2026-11-20T09:30:00+09:00\"}}")
                .when().post("/api/v1/scenarios/run").then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("[{\"facts\": {\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"incidentTypes\": [\"X\"]}}]")
                .when().post("/api/v1/scenarios/run").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("[0].facts.incidentTypes[0]"));
        given().contentType("application/json").body("{\"facts\": {}}")
                .when().post("/api/v1/scenarios/run").then().statusCode(200)
                .body("results[0].passed", is(false)).body("results[0].differences", hasItem(startsWith("facts.awareAt")));
    }
}
