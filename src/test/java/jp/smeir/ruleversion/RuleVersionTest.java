package jp.smeir.ruleversion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import jp.smeir.engine.RuleBase;
import jp.smeir.support.Folders;

/**
 * Rule sets as versions in the database: the start seeds one from the rules folder, a reload stores what it put into
 * service, an older version can be activated again, a version activated by another instance (a row written straight
 * into the database) is served here within seconds, and a stored assessment replays under the version that made it.
 */
@QuarkusTest
@TestProfile(RuleVersionTest.CopyOfRules.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RuleVersionTest {

    static final Path FOLDER = Path.of("target", "version-rules");

    /** Runs on a copy of rules/, so that the test can change it; versions are checked every 200 ms. */
    public static class CopyOfRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Folders.copy(Path.of("rules"), FOLDER);
            return Map.of("incident.rules.folder", FOLDER.toAbsolutePath().toString(), "incident.rules.version-check", "200ms");
        }
    }

    static final String FACTS = """
            {"awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["RANSOMWARE"],
             "personalData": {"breach": "SUSPECTED", "affectedPersons": 1200}}
            """;

    /** A rule another instance's version adds: every incident records the reporter's contact details. */
    static final String AUDIT_RULE = """
            package rules;
            import jp.smeir.engine.Due;
            import jp.smeir.engine.Finding;
            import jp.smeir.engine.Reasoning;
            import jp.smeir.facts.IncidentFacts;
            rule "Audit test – every incident → record the reporter's contact details"
                @inForce("2023-04-26", "ipa-guide")
                @stage("DETECT_AND_RESPOND")
                @basis("IPA Guide step 1-a — legal-basis §12.2")
            when
                IncidentFacts()
            then
                insert(Finding.advice(kcontext, "RECORD_REPORTER_CONTACT", Due.immediately(), Reasoning.fact("test rule")));
            end
            """;

    /**
     * Bodiless POSTs go out as JSON: RestAssured would send them as an empty form, which the console's CSRF filter
     * refuses with a bare 400 before the API sees them (RuleReloadTest meets the same).
     */
    static final String NO_FORM = "application/json";

    @Inject
    DataSource data;

    @Test
    @Order(1)
    void theStartSeedsTheFolderAsTheActiveVersion() {
        String seeded = RuleBase.versionOf(RuleBase.sources(FOLDER));
        JsonPath versions = given().auth().preemptive().basic("analyst", "analyst-pass").when().get("/api/v1/rules/versions")
                .then().statusCode(200).extract().jsonPath();
        assertThat(versions.getList("findAll { it.active }.digest")).containsExactly(seeded);
        assertThat(versions.getString("find { it.digest == '" + seeded + "' }.storedBy")).isEqualTo("start-up");
        given().when().get("/api/v1/rules").then().statusCode(200).body("version", is(seeded));
    }

    @Test
    @Order(2)
    void aReloadStoresTheVersionItPutIntoServiceAndAnOlderOneCanBeActivatedAgain() throws Exception {
        String seeded = given().when().get("/api/v1/rules").then().statusCode(200).extract().path("version");
        Path appi = FOLDER.resolve("appi.drl");
        String original = Files.readString(appi);
        Files.writeString(appi, original + "\n// edited for a new version\n");
        String reloaded;
        try {
            reloaded = given().contentType(NO_FORM).when().post("/api/v1/rules/reload").then().statusCode(200).extract().path("version");
        } finally {
            Files.writeString(appi, original);
        }
        assertThat(reloaded).isNotEqualTo(seeded);

        JsonPath versions = given().when().get("/api/v1/rules/versions").then().statusCode(200).extract().jsonPath();
        Map<String, Object> stored = versions.getMap("find { it.digest == '" + reloaded + "' }");
        assertThat(stored).containsEntry("active", true).containsEntry("storedBy", "admin");
        assertThat((Integer) stored.get("scenariosPassed")).isPositive().isEqualTo(stored.get("scenariosTotal"));
        assertThat(versions.getList("findAll { it.active }")).hasSize(1);

        // its files, as they were when it was put into service
        JsonPath files = given().auth().preemptive().basic("analyst", "analyst-pass").when().get("/api/v1/rules/versions/" + reloaded)
                .then().statusCode(200).body("active", is(true)).extract().jsonPath();
        assertThat(files.getList("files.name", String.class)).contains("appi.drl", "catalogue.yaml", "severity.drl")
                .noneMatch(name -> name.startsWith("scenarios/") || name.startsWith("reports/"));
        assertThat(files.getString("files.find { it.name == 'appi.drl' }.content")).isEqualTo(original + "\n// edited for a new version\n");
        assertThat(files.getString("files.find { it.name == 'catalogue.yaml' }.content"))
                .isEqualTo(Files.readString(FOLDER.resolve("catalogue.yaml")));

        // the older version back in service: gated by the scenarios on disk and recorded
        given().auth().preemptive().basic("analyst", "analyst-pass").contentType(NO_FORM).when().post("/api/v1/rules/versions/" + seeded + "/activate")
                .then().statusCode(403);
        given().contentType(NO_FORM).when().post("/api/v1/rules/versions/" + seeded + "/activate").then().statusCode(200)
                .body("previousVersion", is(reloaded)).body("version", is(seeded)).body("scenariosPassed", greaterThan(0));
        given().when().get("/api/v1/rules").then().body("version", is(seeded));
        given().when().get("/api/v1/rules/versions").then()
                .body("find { it.active }.digest", is(seeded))
                .body("digest", hasItem(reloaded));
    }

    @Test
    @Order(3)
    void unknownAndMalformedDigestsAreAnswered() {
        String unknown = "sha256:" + "0".repeat(64);
        given().when().get("/api/v1/rules/versions/" + unknown).then().statusCode(404).contentType("application/problem+json");
        given().contentType(NO_FORM).when().post("/api/v1/rules/versions/" + unknown + "/activate").then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/rules/versions/sha256:xyz").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("digest"));
        given().auth().preemptive().basic("reporter", "reporter-pass").when().get("/api/v1/rules/versions").then().statusCode(403);
    }

    @Test
    @Order(4)
    void aVersionActivatedByAnotherInstanceIsServedWithinSecondsAndOldAnswersReplayUnderTheirOwnRules() throws Exception {
        String before = given().when().get("/api/v1/rules").then().extract().path("version");
        String id = given().auth().preemptive().basic("reporter", "reporter-pass").contentType("application/json").body(FACTS)
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");

        // another instance stores a version with one more rule and makes it active: rows written straight into the database
        Map<String, byte[]> files = new TreeMap<>(RuleBase.sources(FOLDER));
        files.put("zz-audit.drl", AUDIT_RULE.getBytes(StandardCharsets.UTF_8));
        String other = RuleBase.versionOf(files);
        insertActive(other, files);
        // a build of the rules takes seconds, more on a loaded machine (BENCHMARKS.md, "Rule reload")
        long deadline = System.currentTimeMillis() + 30_000;
        String served = before;
        while (!served.equals(other) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            served = given().when().get("/api/v1/rules").then().extract().path("version");
        }
        assertThat(served).as("the version in service 30 s after another instance activated one").isEqualTo(other);
        List<String> now = given().auth().preemptive().basic("reporter", "reporter-pass").contentType("application/json").body(FACTS)
                .when().post("/api/v1/assessments").then().statusCode(200).extract().path("actions.code");
        assertThat(now).contains("RECORD_REPORTER_CONTACT");

        // the incident's first answer, replayed: under the rules of the time, as it was stored, nothing written
        int historyBefore = given().when().get("/api/v1/incidents/" + id + "/history").then().statusCode(200).extract().path("size()");
        JsonPath replay = given().auth().preemptive().basic("analyst", "analyst-pass").when()
                .get("/api/v1/incidents/" + id + "/assessments/1/replay").then().statusCode(200).extract().jsonPath();
        assertThat(replay.getString("rulesetVersion")).isEqualTo(before);
        assertThat(replay.getString("replayed.rulesetVersion")).isEqualTo(before);
        assertThat(replay.getBoolean("same")).isTrue();
        assertThat(replay.getList("replayed.actions.code", String.class)).isEqualTo(replay.getList("stored.actions.code", String.class))
                .doesNotContain("RECORD_REPORTER_CONTACT");
        assertThat(replay.getString("replayed.evaluatedAt")).isEqualTo(replay.getString("stored.evaluatedAt"));
        given().when().get("/api/v1/incidents/" + id + "/history").then().body("size()", is(historyBefore));

        // its facts replaced now: the second answer is the other version's, and replays under it (built from the database)
        String etag = given().when().get("/api/v1/incidents/" + id).then().extract().header("ETag");
        given().header("If-Match", etag).contentType("application/json").body(FACTS.replace("1200", "1300"))
                .when().put("/api/v1/incidents/" + id + "/facts").then().statusCode(200);
        given().contentType(NO_FORM).when().post("/api/v1/rules/versions/" + before + "/activate").then().statusCode(200);
        given().when().get("/api/v1/incidents/" + id + "/assessments/2/replay").then().statusCode(200)
                .body("rulesetVersion", is(other)).body("same", is(true))
                .body("replayed.actions.code", hasItem("RECORD_REPORTER_CONTACT"));
        given().when().get("/api/v1/incidents/" + id + "/assessments/9/replay").then().statusCode(404).contentType("application/problem+json");
    }

    private void insertActive(String digest, Map<String, byte[]> files) throws Exception {
        try (Connection c = data.getConnection()) {
            try (PreparedStatement s = c.prepareStatement("insert into rule_version (digest, stored_at, stored_by) values (?, ?, 'other-instance')")) {
                s.setString(1, digest);
                s.setTimestamp(2, Timestamp.from(Instant.now()));
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("insert into rule_version_file (digest, name, content) values (?, ?, ?)")) {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    s.setString(1, digest);
                    s.setString(2, file.getKey());
                    s.setBytes(3, file.getValue());
                    s.executeUpdate();
                }
            }
            try (PreparedStatement s = c.prepareStatement("insert into rule_activation (digest, activated_at, activated_by) values (?, ?, 'other-instance')")) {
                s.setString(1, digest);
                s.setTimestamp(2, Timestamp.from(Instant.now()));
                s.executeUpdate();
            }
        }
    }
}
