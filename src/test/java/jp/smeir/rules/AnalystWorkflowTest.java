package jp.smeir.rules;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import jp.smeir.support.Folders;
import jp.smeir.support.Incidents;

/**
 * The analyst's workflow over REST: draft rule sets, the whole suite on the server without upload, the impact of a
 * draft (and of a reload) on the open incidents, and a decided case turned into a scenario.
 */
@QuarkusTest
@TestProfile(AnalystWorkflowTest.Workspace.class)
class AnalystWorkflowTest {

    static final Path RULES = Path.of("target", "workflow-rules");
    static final Path DRAFTS = Path.of("target", "workflow-drafts");
    /** The APPI threshold of category ④ (more than 1,000 persons), in classification.drl. */
    static final String THRESHOLD = "affectedPersons != null, affectedPersons > 1000, $n : affectedPersons";

    /** The service's rules are a copy of rules/, so that the reload test can change them; the drafts are made by the tests. */
    public static class Workspace implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Folders.copy(Path.of("rules"), RULES);
            Folders.delete(DRAFTS);
            return Map.of("incident.rules.folder", RULES.toAbsolutePath().toString(),
                    "incident.rules.drafts", DRAFTS.toAbsolutePath().toString());
        }
    }

    @Test
    void theWholeSuiteRunsOverRestWithoutUpload() throws IOException {
        long files;
        try (Stream<Path> all = Files.walk(RULES.resolve("scenarios"))) {
            files = all.filter(p -> p.toString().endsWith(".json")).count();
        }
        given().when().post("/api/v1/scenarios/run?suite=all").then().statusCode(200)
                .body("rules", is("current"))
                .body("failures", empty())
                .body("summary.total", is((int) files)).body("summary.passed", is((int) files)).body("summary.failed", is(0))
                .body("summary.rulesetVersion", startsWith("sha256:"));
        given().auth().preemptive().basic("analyst", "analyst-pass").when().post("/api/v1/scenarios/run?suite=all&rules=folder")
                .then().statusCode(200).body("rules", is("folder")).body("summary.failed", is(0));
        given().auth().preemptive().basic("reporter", "reporter-pass").when().post("/api/v1/scenarios/run?suite=all").then().statusCode(403);
        given().contentType("text/plain").body("hello").when().post("/api/v1/scenarios/run").then().statusCode(415);
        given().when().post("/api/v1/scenarios/run").then().statusCode(400).contentType("application/problem+json");
        given().when().post("/api/v1/scenarios/run?suite=some").then().statusCode(400).body("errors.field", hasItem("suite"));
    }

    @Test
    void aDraftRaisingTheThresholdFailsItsScenariosFirstAndItsPreviewListsTheIncidentsThatLoseADuty() throws IOException {
        Path draft = draft("raised-threshold");
        Path classification = draft.resolve("classification.drl");
        String rules = Files.readString(classification);
        assertThat(rules).contains(THRESHOLD);
        Files.writeString(classification, rules.replace(THRESHOLD, THRESHOLD.replace("> 1000", "> 2000")));

        String over = open(Incidents.misdelivery(1200, "1,200 persons"));
        String far = open(Incidents.misdelivery(3000, "3,000 persons"));
        String closed = closedAfterItsDuties(Incidents.misdelivery(1500, "1,500 persons, closed"));

        JsonPath suite = given().when().post("/api/v1/scenarios/run?suite=all&rules=raised-threshold").then().statusCode(200)
                .body("rules", is("raised-threshold"))
                .body("failures.size()", greaterThan(0))
                .body("failures.name", hasItem("appi/16-1001-persons-category-four.json"))
                .body("failures.flatten().differences.flatten()", hasItem(containsString("PPC_PRELIMINARY_REPORT")))
                .extract().jsonPath();
        assertThat(suite.getInt("summary.failed")).isEqualTo(suite.getList("failures").size());
        assertThat(suite.getInt("summary.total")).isEqualTo(suite.getInt("summary.passed") + suite.getInt("summary.failed"));
        // the failures come before the summary
        String body = given().when().post("/api/v1/scenarios/run?suite=all&rules=raised-threshold").then().extract().asString();
        assertThat(body.indexOf("\"failures\"")).isLessThan(body.indexOf("\"summary\""));

        String inService = given().when().get("/api/v1/rules").then().extract().path("version");
        JsonPath preview = given().when().post("/api/v1/rules/preview?rules=raised-threshold").then().statusCode(200)
                .body("rules", is("raised-threshold"))
                .body("inServiceVersion", is(inService))
                .body("version", not(inService))
                .body("scenarios.summary.failed", greaterThan(0))
                .body("impact.losing", greaterThan(0))
                .body("impact.incidents.id", hasItem(over))
                .body("impact.incidents.id", not(hasItem(far)))
                .body("impact.incidents.id", not(hasItem(closed)))
                .extract().jsonPath();
        Map<String, Object> lost = preview.getMap("impact.incidents.find { it.id == '" + over + "' }.lost.find { it.code == 'PPC_PRELIMINARY_REPORT' }");
        assertThat(lost).isNotNull();
        assertThat(preview.getString("impact.incidents.find { it.id == '" + over + "' }.title")).isEqualTo("1,200 persons");
        assertThat(preview.getString("impact.incidents.find { it.id == '" + over + "' }.lost.find { it.code == 'PPC_PRELIMINARY_REPORT' }.before.status"))
                .isEqualTo("REQUIRED");
        assertThat(preview.getString("impact.incidents.find { it.id == '" + over + "' }.lost.find { it.code == 'PPC_PRELIMINARY_REPORT' }.before.dueAt"))
                .startsWith("2026-11-25");
        assertThat(lost.get("after")).isNull();
        // a preview writes nothing: the incident keeps its duty
        given().when().get("/api/v1/incidents/" + over).then().statusCode(200)
                .body("assessment.notifications.code", hasItem("PPC_PRELIMINARY_REPORT"));

        given().when().get("/api/v1/rules/drafts").then().statusCode(200).body("name", hasItem("raised-threshold"))
                .body("find { it.name == 'raised-threshold' }.scenarioFiles", greaterThan(100));
    }

    @Test
    void draftNamesAreChecked() throws IOException {
        for (String bad : List.of("..", "../rules", "a/b", ".hidden", "a..b", "x".repeat(65))) {
            given().queryParam("rules", bad).when().post("/api/v1/scenarios/run?suite=all").then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("rules"));
            given().queryParam("rules", bad).when().post("/api/v1/rules/preview").then().statusCode(400)
                    .body("errors.field", hasItem("rules"));
        }
        // a link in the workspace to a folder outside it is no draft
        Files.createDirectories(DRAFTS);
        Path link = DRAFTS.resolve("outside");
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, RULES.toAbsolutePath());
        given().when().post("/api/v1/scenarios/run?suite=all&rules=outside").then().statusCode(400).body("errors.field", hasItem("rules"));
        Files.delete(link);
        given().when().post("/api/v1/rules/preview?rules=no-such-draft").then().statusCode(404).contentType("application/problem+json");
        given().when().post("/api/v1/scenarios/run?suite=all&rules=no-such-draft").then().statusCode(404);
        given().when().post("/api/v1/rules/preview").then().statusCode(400).body("errors.field", hasItem("rules"));
        given().contentType("application/json").queryParam("rules", "no-such-draft")
                .body("{\"facts\": {\"awareAt\": \"2026-11-20T09:30:00+09:00\"}}").when().post("/api/v1/scenarios/run").then().statusCode(404);
    }

    @Test
    void aScenarioFileWithAnUnknownKeyIsNamedWithTheKeyMeant() throws IOException {
        Path draft = draft("misspelt");
        Files.writeString(draft.resolve("scenarios").resolve("zz-misspelt.json"),
                "{\"facts\": {\"awareAt\": \"2026-11-20T09:30:00+09:00\"}, \"expct\": {\"severity\": \"LOW\"}}");
        given().when().post("/api/v1/scenarios/run?suite=all&rules=misspelt").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", is("/problems/scenarios-invalid"))
                .body("scenarioFile", is("zz-misspelt.json")).body("field", is("expct"))
                .body("detail", containsString("zz-misspelt.json: expct is not a known field; did you mean expect?"));
    }

    @Test
    void aDraftWithASyntaxErrorIsRefusedWithTheFirstErrorAndTheCountOfTheRest() throws IOException {
        Path draft = draft("typo");
        Path appi = draft.resolve("appi.drl");
        Files.writeString(appi, Files.readString(appi).replaceFirst("OwnAppiDuty\\( \\$why : why \\)", "OwnAppiDuty( \\$why : why "));
        for (String path : List.of("/api/v1/scenarios/run?suite=all&rules=typo", "/api/v1/rules/preview?rules=typo")) {
            given().when().post(path).then().statusCode(422).contentType("application/problem+json")
                    .body("type", is("/problems/rules-invalid"))
                    .body("ruleErrors.size()", is(1))
                    .body("ruleErrors[0].file", is("appi.drl"))
                    .body("ruleErrors[0].line", greaterThan(1)).body("ruleErrors[0].column", is(1))
                    .body("ruleErrors[0].text", is("then"))
                    .body("followingErrors", greaterThan(0));
        }
    }

    @Test
    void aReloadAnswersWhatItDidToTheOpenIncidents() throws IOException {
        String probe = open(Incidents.misdelivery(10, "reload-impact-probe"));
        String other = open(Incidents.misdelivery(20, "untouched"));
        Path file = RULES.resolve("detect-and-respond.drl");
        String original = Files.readString(file);
        try {
            // a rule no scenario meets: the reload passes, and only the probe incident gains an item
            Files.writeString(file, original + """

                    rule "Probe – the reload test's incident → look for a decryptor"
                        @inForce("2000-01-01", "official-guidance")
                        @stage("DETECT_AND_RESPOND")
                        @basis("a probe of the reload test — legal-basis §12.6")
                    when
                        jp.smeir.facts.IncidentFacts( title == "reload-impact-probe" )
                    then
                        insert(Finding.advice(kcontext, "CHECK_DECRYPTOR_BEFORE_PAYING", Due.immediately(), Reasoning.fact("probe")));
                    end
                    """);
            String before = given().when().get("/api/v1/rules").then().extract().path("version");
            given().when().post("/api/v1/rules/reload").then().statusCode(200)
                    .body("impact.fromVersion", is(before))
                    .body("impact.gaining", is(1)).body("impact.losing", is(0)).body("impact.changing", is(0))
                    .body("impact.incidents.id", hasItem(probe)).body("impact.incidents.id", not(hasItem(other)))
                    .body("impact.incidents[0].gained[0].code", is("CHECK_DECRYPTOR_BEFORE_PAYING"))
                    .body("impact.incidents[0].gained[0].before", nullValue())
                    .body("impact.incidents[0].gained[0].after.timing", is("IMMEDIATELY"))
                    .body("impact.unassessable", empty());
        } finally {
            Files.writeString(file, original);
            given().when().post("/api/v1/rules/reload").then().statusCode(200).body("impact.losing", is(1));
        }
    }

    @Test
    void aDecidedIncidentBecomesAScenarioThatPasses() throws IOException {
        String facts = Files.readString(Path.of("src/test/resources/cases/ransomware-manufacturer.json"));
        String id = open(facts);
        var download = given().when().post("/api/v1/incidents/" + id + "/scenario").then().statusCode(200)
                .contentType("application/json")
                .header("Content-Disposition", is("attachment; filename=\"incident-" + id + ".json\""))
                .body("facts.title", startsWith("ファイルサーバ"))
                .body("expect.present.code", hasItem("PPC_PRELIMINARY_REPORT"))
                .body("expect.present.status", everyItem(not(nullValue())))
                .body("expect.severity", not(nullValue()))
                .body("expect.questions", not(nullValue()))
                .extract();
        assertThat(download.jsonPath().getString("expect.present.find { it.code == 'PPC_PRELIMINARY_REPORT' }.dueAt")).isNotNull();
        given().contentType("application/json").body(download.asString()).when().post("/api/v1/scenarios/run")
                .then().statusCode(200).body("passed", is(1)).body("failed", is(0));
        // and as a file of the suite
        Path draft = draft("with-case");
        Files.writeString(draft.resolve("scenarios").resolve("zz-incident.json"), download.asString());
        given().when().post("/api/v1/scenarios/run?suite=all&rules=with-case").then().statusCode(200)
                .body("failures", empty());
        given().when().post("/api/v1/incidents/00000000-0000-0000-0000-000000000000/scenario").then().statusCode(404);
        given().auth().preemptive().basic("reporter", "reporter-pass").when().post("/api/v1/incidents/" + id + "/scenario").then().statusCode(403);
    }

    @Inject
    OpenIncidents incidents;

    @Test
    void openIncidentsAreReadAPageAtATimeInIdOrderWithoutTheClosedOnes() {
        open(Incidents.misdelivery(5, "one"));
        open(Incidents.misdelivery(6, "two"));
        open(Incidents.misdelivery(7, "three"));
        String closed = closedAfterItsDuties(Incidents.misdelivery(1500, "closed"));
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        incidents.forEachPage(2, page -> {
            sizes.add(page.size());
            page.forEach(row -> seen.add(row.id().toString()));
        });
        int total = given().queryParam("size", 200).when().get("/api/v1/incidents").then().statusCode(200).extract().path("total");
        int closedCount = given().queryParam("status", "CLOSED").when().get("/api/v1/incidents").then().extract().path("total");
        assertThat(seen).hasSize(total - closedCount).doesNotContain(closed).doesNotHaveDuplicates();
        assertThat(sizes).allMatch(s -> s <= 2);
        assertThat(sizes.size()).isGreaterThan(1);
        List<java.util.UUID> ids = seen.stream().map(java.util.UUID::fromString).toList();
        assertThat(ids).isSorted();
    }

    /** Opens an incident, records every REQUIRED duty done, and closes it. */
    static String closedAfterItsDuties(String facts) {
        String id = open(facts);
        List<String> required = given().when().get("/api/v1/incidents/" + id).then().statusCode(200)
                .extract().path("assessment.notifications.findAll { it.status == 'REQUIRED' }.code");
        List<String> actions = given().when().get("/api/v1/incidents/" + id).then()
                .extract().path("assessment.actions.findAll { it.status == 'REQUIRED' }.code");
        List<String> escalations = given().when().get("/api/v1/incidents/" + id).then()
                .extract().path("assessment.escalations.findAll { it.status == 'REQUIRED' }.code");
        for (List<String> codes : List.of(required, actions, escalations)) {
            for (String code : codes) {
                given().contentType("application/json").body("{\"by\": \"Sato\"}")
                        .when().post("/api/v1/incidents/" + id + "/items/" + code + "/completion").then().statusCode(200);
            }
        }
        given().contentType("application/json").body("{\"status\": \"CLOSED\", \"reason\": \"all duties done\"}")
                .when().post("/api/v1/incidents/" + id + "/status").then().statusCode(200);
        return id;
    }

    static String open(String facts) {
        return given().contentType("application/json").body(facts).when().post("/api/v1/incidents").then().statusCode(201)
                .extract().path("id");
    }

    /** A draft that is a copy of the rules in service's folder. */
    static Path draft(String name) {
        Path draft = DRAFTS.resolve(name);
        Folders.copy(RULES, draft);
        return draft;
    }
}
