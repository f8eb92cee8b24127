package jp.smeir.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

import jp.smeir.engine.RuleBase;
import jp.smeir.engine.RuleEngine;
import jp.smeir.problem.ProblemException;
import jp.smeir.scenario.RuleReload;

/** A reload under load: broken rules are refused with 422 while every evaluation keeps answering. */
import jp.smeir.support.Folders;

@QuarkusTest
@TestProfile(RuleReloadTest.CopyOfRules.class)
public class RuleReloadTest {

    static final Path FOLDER = Path.of("target", "reload-rules");

    /** Runs on a copy of rules/, so that the test can break it. */
    public static class CopyOfRules implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Folders.copy(Path.of("rules"), FOLDER);
            return Map.of("incident.rules.folder", FOLDER.toAbsolutePath().toString());
        }
    }

    static final String FACTS = """
            {"awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["RANSOMWARE"],
             "personalData": {"breach": "SUSPECTED", "affectedPersons": 1200}}
            """;

    @Test
    void brokenRulesAreRefusedWhileRequestsKeepBeingAnswered() throws Exception {
        String before = given().when().get("/api/v1/rules").then().statusCode(200).extract().path("version");
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        List<Thread> load = Stream.generate(() -> new Thread(() -> {
            while (running.get()) {
                statuses.add(given().auth().preemptive().basic("reporter", "reporter-pass").contentType("application/json")
                        .body(FACTS).when().post("/api/v1/assessments").then().extract().statusCode());
            }
        })).limit(4).toList();
        load.forEach(Thread::start);
        try {
            // 1. a rule that does not compile
            Path broken = FOLDER.resolve("zz-broken.drl");
            Files.writeString(broken, "package rules;\nrule \"Broken\" @stage(\"SEVERITY\") @basis(\"x — legal-basis §16\")\nwhen\n  NoSuchFact()\nthen\nend\n");
            given().contentType("application/json").when().post("/api/v1/rules/reload").then().statusCode(422).contentType("application/problem+json")
                    .body("type", is("/problems/rules-invalid"))
                    .body("ruleErrors.file", hasItem("zz-broken.drl"));
            Files.delete(broken);

            // 2. rules that build but break a scenario: the preliminary report no longer fires
            Path appi = FOLDER.resolve("appi.drl");
            String original = Files.readString(appi);
            Files.writeString(appi, original.replace("insert(Finding.duty(kcontext, \"PPC_PRELIMINARY_REPORT\", Due.days(5), $why).variant(filedWith($sector)));", ""));
            given().contentType("application/json").when().post("/api/v1/rules/reload").then().statusCode(422)
                    .body("type", is("/problems/scenarios-failed"))
                    .body("scenarioFailures.name", hasItem("appi/01-ransomware-1200-persons.json"));
            given().when().get("/api/v1/rules").then().body("version", is(before));

            // 3. rules that build but throw, or name a code the catalogue lacks: failing scenarios, not a 500
            Files.writeString(appi, original.replace("insert(Finding.duty(kcontext, \"PPC_PRELIMINARY_REPORT\", Due.days(5), $why).variant(filedWith($sector)));",
                    "insert(Finding.duty(kcontext, \"NO_SUCH_CODE\", Due.days(5), $why));"));
            given().contentType("application/json").when().post("/api/v1/rules/reload").then().statusCode(422).contentType("application/problem+json")
                    .body("type", is("/problems/scenarios-failed"))
                    .body("scenarioFailures.differences.flatten()", hasItem(containsString("NO_SUCH_CODE")));
            Files.writeString(appi, original.replace("insert(Finding.duty(kcontext, \"PPC_PRELIMINARY_REPORT\", Due.days(5), $why).variant(filedWith($sector)));",
                    "if ($why != null) { throw new IllegalArgumentException(\"boom\"); }"));
            given().contentType("application/json").when().post("/api/v1/rules/reload").then().statusCode(422)
                    .body("type", is("/problems/scenarios-failed"))
                    .body(not(containsString("Exception"))).body(not(containsString("jp.smeir")));
            Files.writeString(appi, original);

            // 4. an unreadable scenario file is named by file and field, without Java type names
            Path bad = FOLDER.resolve("scenarios").resolve("zz-bad.json");
            Files.writeString(bad, "{\"facts\": {\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"incidentTypes\": [\"NOPE\"]}}");
            given().contentType("application/json").when().post("/api/v1/rules/reload").then().statusCode(422)
                    .body("type", is("/problems/scenarios-invalid"))
                    .body("detail", containsString("zz-bad.json: facts.incidentTypes[0]"))
                    .body(not(containsString("jp.smeir"))).body(not(containsString("/reload-rules")));
            Files.delete(bad);
            given().when().get("/api/v1/rules").then().body("version", is(before));

            // 5. a sound change goes into service
            Files.writeString(appi, original + "\n// reviewed\n");
            String after = given().contentType("application/json").when().post("/api/v1/rules/reload").then().statusCode(200)
                    .body("previousVersion", is(before))
                    .body("buildMillis", greaterThan(0)).body("scenariosMillis", greaterThanOrEqualTo(0))
                    .extract().path("version");
            assertThat(after).isNotEqualTo(before);
            given().when().get("/api/v1/rules").then().body("version", is(after));
            given().auth().preemptive().basic("reporter", "reporter-pass").contentType("application/json").body(FACTS)
                    .when().post("/api/v1/assessments").then().statusCode(200).body("rulesetVersion", is(after))
                    .body("notifications.code", hasItem("PPC_PRELIMINARY_REPORT"));
            Files.writeString(appi, original);
        } finally {
            running.set(false);
            for (Thread t : load) {
                t.join();
            }
        }
        assertThat(statuses).isNotEmpty().allMatch(s -> s == 200);
        given().contentType("application/json").when().post("/api/v1/rules/reload").then().statusCode(200);
        given().auth().preemptive().basic("reporter", "reporter-pass").when().post("/api/v1/rules/reload").then().statusCode(403)
                .body("status", is(403)).body(not(is("")));
    }

    @Inject
    RuleReload reload;

    @Inject
    RuleEngine engine;

    /** The rehearsal after the start (off in tests, called here) builds and tests the rules on disk, and serves none. */
    @Test
    void aRehearsalBuildsAndTestsTheRulesOnDiskButPutsNothingIntoService() throws IOException {
        RuleBase inService = engine.ruleBase();
        Path appi = FOLDER.resolve("appi.drl");
        Path broken = FOLDER.resolve("zz-broken.drl");
        String original = Files.readString(appi);
        try {
            // a sound change, and one that fails a scenario: a reload would serve the first and refuse the second
            Files.writeString(appi, original + "\n// reviewed\n");
            assertThat(reload.rehearse()).isPositive();
            Files.writeString(appi, original.replace("insert(Finding.duty(kcontext, \"PPC_PRELIMINARY_REPORT\", Due.days(5), $why).variant(filedWith($sector)));", ""));
            assertThat(reload.rehearse()).isPositive();
            // rules that do not build fail the rehearsal as they would fail a reload
            Files.writeString(broken, "package rules;\nrule \"Broken\" @stage(\"SEVERITY\") @basis(\"x — legal-basis §16\")\nwhen\n  NoSuchFact()\nthen\nend\n");
            assertThatThrownBy(reload::rehearse).isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
            assertThat(engine.ruleBase()).isSameAs(inService);
        } finally {
            Files.deleteIfExists(broken);
            Files.writeString(appi, original);
        }
    }
}
