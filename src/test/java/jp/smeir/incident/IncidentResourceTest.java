package jp.smeir.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import jp.smeir.support.Incidents;
import jp.smeir.support.TestClock;

@QuarkusTest
class IncidentResourceTest {

    @Inject
    TestClock clock;

    /** The incidents below become known on 2026-11-20 09:30 JST; the tests run half an hour later unless they say otherwise. */
    @BeforeEach
    void fixClock() {
        clock.set(Instant.parse("2026-11-20T01:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String misdelivery(int persons, String title) {
        return Incidents.misdelivery(persons, title);
    }

    static Response open(String body) {
        return given().contentType("application/json").body(body).when().post("/api/v1/incidents");
    }

    static String openId(String body) {
        return open(body).then().statusCode(201).extract().path("id");
    }

    static String etag(String id) {
        return given().when().get("/api/v1/incidents/" + id).then().statusCode(200).extract().header("ETag");
    }

    @Test
    void opensAnIncidentWithItsAssessmentAndServesIt() {
        Response created = open(misdelivery(1500, "Mail to the wrong customer list"));
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/incidents/"))
                .header("ETag", is("\"0\""))
                .body("status", is("OPEN"))
                .body("version", is(0))
                .body("facts.personalData.affectedPersons", is(1500))
                .body("assessment.rulesetVersion", startsWith("sha256:"))
                .body("assessment.notifications.code", hasItems("PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT"))
                .body("progress.find { it.code == 'PPC_PRELIMINARY_REPORT' }.state", is("OPEN"))
                .body("progress.find { it.code == 'PPC_PRELIMINARY_REPORT' }.list", is("NOTIFICATION"))
                .body("nextDueAt", is("2026-11-25T23:59:59+09:00"));
        String id = created.path("id");
        java.util.Map<String, Object> facts = created.path("facts");
        given().when().get(created.header("Location"))
                .then().statusCode(200)
                .header("ETag", is("\"0\""))
                .body("id", is(id))
                .body("title", is("Mail to the wrong customer list"))
                // the open answers with the facts at hand; a read gives them back from the store, the same
                .body("facts", is(facts));
    }

    @Test
    void unknownIncidentIs404() {
        given().when().get("/api/v1/incidents/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json").body("status", is(404));
        given().when().get("/api/v1/incidents/not-a-uuid").then().statusCode(404);
        given().when().get("/api/v1/incidents/" + UUID.randomUUID() + "/history").then().statusCode(404);
    }

    @Test
    void invalidFactsAreA400() {
        open("{\"incidentTypes\": [\"MISDELIVERY\"]}").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("awareAt"));
        open("{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"externalTicket\": {\"system\": \"jira\"}}").then().statusCode(400)
                .body("errors.field", hasItem("externalTicket.id"));
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheSameIncident() {
        String key = "retry-" + UUID.randomUUID();
        String body = misdelivery(10, "idempotent");
        String first = given().header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        given().header("Idempotency-Key", key).contentType("application/json").body(body)
                .when().post("/api/v1/incidents")
                .then().statusCode(201)
                .header("Idempotency-Replayed", "true")
                .header("Location", endsWith("/api/v1/incidents/" + first))
                .body("id", is(first));
        given().queryParam("ticketId", "none").when().get("/api/v1/incidents").then().statusCode(200);
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIs422() {
        String key = "retry-" + UUID.randomUUID();
        given().header("Idempotency-Key", key).contentType("application/json").body(misdelivery(10, "a"))
                .when().post("/api/v1/incidents").then().statusCode(201);
        given().header("Idempotency-Key", key).contentType("application/json").body(misdelivery(11, "a"))
                .when().post("/api/v1/incidents")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", is("/problems/idempotency-key-reused"));
    }

    @Test
    void replacingFactsNeedsTheCurrentETag() {
        String id = openId(misdelivery(900, "etag"));
        given().contentType("application/json").body(misdelivery(950, "etag"))
                .when().put("/api/v1/incidents/" + id + "/facts")
                .then().statusCode(428).contentType("application/problem+json");
        given().contentType("application/json").header("If-Match", "\"7\"").body(misdelivery(950, "etag"))
                .when().put("/api/v1/incidents/" + id + "/facts")
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType("application/json").header("If-Match", "\"0\"").body(misdelivery(950, "etag"))
                .when().put("/api/v1/incidents/" + id + "/facts")
                .then().statusCode(200).header("ETag", is("\"1\""));
        given().contentType("application/json").header("If-Match", "\"0\"").body(misdelivery(960, "etag"))
                .when().put("/api/v1/incidents/" + id + "/facts")
                .then().statusCode(412);
        given().contentType("application/json").header("If-Match", "\"1\"").body("{\"awareAt\": \"nope\"}")
                .when().put("/api/v1/incidents/" + id + "/facts")
                .then().statusCode(400).body("errors.field", hasItem("awareAt"));
    }

    @Test
    void ifMatchStarOrAListOfETagsMatchAsHttpSaysItShould() {
        String id = openId(misdelivery(900, "if-match forms"));
        // RFC 9110 §13.1.1: a list matches when it names the current version, * whatever the version is
        given().contentType("application/json").header("If-Match", "\"5\", \"6\"").body(misdelivery(910, "if-match forms"))
                .when().put("/api/v1/incidents/" + id + "/facts")
                .then().statusCode(412).body("detail", containsString("version 0"));
        given().contentType("application/json").header("If-Match", "\"5\", \"0\"").body(misdelivery(920, "if-match forms"))
                .when().put("/api/v1/incidents/" + id + "/facts")
                .then().statusCode(200).header("ETag", is("\"1\""));
        given().contentType("application/json").header("If-Match", "*").body(misdelivery(930, "if-match forms"))
                .when().put("/api/v1/incidents/" + id + "/facts")
                .then().statusCode(200).header("ETag", is("\"2\""));
        given().contentType("application/json").header("If-Match", "\"x\"").body(misdelivery(940, "if-match forms"))
                .when().put("/api/v1/incidents/" + id + "/facts")
                .then().statusCode(412).contentType("application/problem+json");
        given().contentType("application/json").header("If-Match", "\"2\"\"2\"").body(misdelivery(940, "if-match forms"))
                .when().put("/api/v1/incidents/" + id + "/facts")
                .then().statusCode(412);
        // two If-Match lines are one list (RFC 9110 §5.3): the second names the current version
        given().contentType("application/json")
                .headers(new io.restassured.http.Headers(new io.restassured.http.Header("If-Match", "\"9\""),
                        new io.restassured.http.Header("If-Match", "\"2\"")))
                .body(misdelivery(950, "if-match forms"))
                .when().put("/api/v1/incidents/" + id + "/facts")
                .then().statusCode(200).header("ETag", is("\"3\""));
    }

    @Test
    void crossingTheThousandPersonThresholdAddsThePpcReports() {
        String id = openId(misdelivery(900, "threshold"));
        given().when().get("/api/v1/incidents/" + id).then()
                .body("assessment.notifications.code", not(hasItem("PPC_PRELIMINARY_REPORT")));
        given().contentType("application/json").header("If-Match", etag(id)).body(misdelivery(1500, "threshold"))
                .when().put("/api/v1/incidents/" + id + "/facts")
                .then().statusCode(200)
                .body("difference.added.code", hasItems("PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT", "DATA_SUBJECT_NOTICE"))
                .body("difference.added.find { it.code == 'PPC_PRELIMINARY_REPORT' }.dueAt", is("2026-11-25T23:59:59+09:00"))
                .body("difference.added.find { it.code == 'PPC_FINAL_REPORT' }.dueAt", is("2026-12-21T23:59:59+09:00"))
                .body("difference.removed", empty())
                .body("assessment.notifications.code", hasItems("PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT"));

        // back below the threshold: the reports go again, and the history keeps both steps
        given().contentType("application/json").header("If-Match", etag(id)).body(misdelivery(1000, "threshold"))
                .when().put("/api/v1/incidents/" + id + "/facts")
                .then().statusCode(200)
                .body("difference.removed.code", hasItems("PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT"));
        given().when().get("/api/v1/incidents/" + id + "/history")
                .then().statusCode(200)
                .body("type", contains("OPENED", "FACTS_CHANGED", "REASSESSED", "FACTS_CHANGED", "REASSESSED"))
                .body("seq", contains(1, 2, 3, 4, 5))
                .body("[1].data.changes.field", hasItem("personalData.affectedPersons"))
                .body("[1].data.changes.find { it.field == 'personalData.affectedPersons' }.from", is(900))
                .body("[1].data.changes.find { it.field == 'personalData.affectedPersons' }.to", is(1500))
                .body("[2].data.rulesetVersion", startsWith("sha256:"))
                .body("[2].data.difference.added.code", hasItem("PPC_PRELIMINARY_REPORT"))
                .body("actor", everyIs("admin"));
    }

    @Test
    void completingItemsRecordsProgressOnceAndUnknownCodesAre404() {
        String id = openId(misdelivery(1500, "completion"));
        given().contentType("application/json").body("{\"by\": \"Sato\", \"at\": \"2026-11-20T09:45:00+09:00\", \"reference\": \"PPC-2026-001\", \"note\": \"速報済み\"}")
                .when().post("/api/v1/incidents/" + id + "/items/PPC_PRELIMINARY_REPORT/completion")
                .then().statusCode(200)
                .body("state", is("DONE"))
                .body("completion.by", is("Sato"))
                .body("completion.reference", is("PPC-2026-001"))
                .body("completion.at", is("2026-11-20T09:45:00+09:00"));
        // a second completion is idempotent: the first record stands
        given().contentType("application/json").body("{\"by\": \"Suzuki\", \"reference\": \"other\"}")
                .when().post("/api/v1/incidents/" + id + "/items/PPC_PRELIMINARY_REPORT/completion")
                .then().statusCode(200).body("completion.by", is("Sato")).body("completion.reference", is("PPC-2026-001"));
        given().contentType("application/json").body("{\"by\": \"Sato\"}")
                .when().post("/api/v1/incidents/" + id + "/items/NO_SUCH_CODE/completion")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body("{\"by\": \"Sato\"}")
                .when().post("/api/v1/incidents/" + UUID.randomUUID() + "/items/PPC_FINAL_REPORT/completion")
                .then().statusCode(404);
        given().contentType("application/json").body("{\"note\": \"who?\"}")
                .when().post("/api/v1/incidents/" + id + "/items/PPC_FINAL_REPORT/completion")
                .then().statusCode(400).body("errors.field", hasItem("by"));
        given().contentType("application/json").body("{\"by\": \"Sato\", \"at\": \"2099-01-01T00:00:00+09:00\"}")
                .when().post("/api/v1/incidents/" + id + "/items/PPC_FINAL_REPORT/completion")
                .then().statusCode(400).body("errors.field", hasItem("at"));

        given().when().get("/api/v1/incidents/" + id).then()
                .body("progress.find { it.code == 'PPC_PRELIMINARY_REPORT' }.state", is("DONE"))
                .body("nextDueAt", is("2026-12-21T23:59:59+09:00"));
        given().when().get("/api/v1/incidents/" + id + "/history").then()
                .body("type", contains("OPENED", "ITEM_COMPLETED"))
                .body("[1].data.code", is("PPC_PRELIMINARY_REPORT"));
    }

    @Test
    void closingIsRefusedWhileRequiredDutiesAreOpen() {
        String id = openId(misdelivery(1500, "closing"));
        given().contentType("application/json").body("{\"status\": \"CONTAINED\", \"reason\": \"recipient deleted the mail\"}")
                .when().post("/api/v1/incidents/" + id + "/status")
                .then().statusCode(200).body("status", is("CONTAINED"));
        given().contentType("application/json").body("{\"status\": \"OPEN\", \"reason\": \"back\"}")
                .when().post("/api/v1/incidents/" + id + "/status")
                .then().statusCode(409).contentType("application/problem+json");
        given().contentType("application/json").body("{\"status\": \"REPORTED\"}")
                .when().post("/api/v1/incidents/" + id + "/status")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType("application/json").body("{\"status\": \"CLOSED\", \"reason\": \"done\"}")
                .when().post("/api/v1/incidents/" + id + "/status")
                .then().statusCode(409)
                .body("type", is("/problems/required-duties-open"))
                .body("openCodes", containsInAnyOrder("PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT", "DATA_SUBJECT_NOTICE"));

        for (String code : new String[] {"PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT", "DATA_SUBJECT_NOTICE"}) {
            given().contentType("application/json").body("{\"by\": \"Sato\"}")
                    .when().post("/api/v1/incidents/" + id + "/items/" + code + "/completion").then().statusCode(200);
        }
        given().contentType("application/json").body("{\"status\": \"CLOSED\", \"reason\": \"all duties done\"}")
                .when().post("/api/v1/incidents/" + id + "/status")
                .then().statusCode(200).body("status", is("CLOSED"));
        given().contentType("application/json").header("If-Match", etag(id)).body(misdelivery(10, "closing"))
                .when().put("/api/v1/incidents/" + id + "/facts")
                .then().statusCode(409);
        // a closed incident has nothing left due, whatever the clock says
        clock.set(Instant.parse("2027-06-01T00:00:00Z"));
        given().when().get("/api/v1/incidents/" + id).then().body("overdue", is(false));
        given().queryParam("overdue", "true").queryParam("size", 200).when().get("/api/v1/incidents")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().when().get("/api/v1/incidents/" + id + "/history").then()
                .body("findAll { it.type == 'STATUS_CHANGED' }.data.to", contains("CONTAINED", "CLOSED"))
                .body("findAll { it.type == 'STATUS_CHANGED' }.data.reason", contains("recipient deleted the mail", "all duties done"));
    }

    @Test
    void overdueFollowsTheClock() {
        String id = openId(misdelivery(1500, "overdue"));
        // the items with a working target (awareAt + 24 h, long past below) are done, so that the legal deadline is what counts here
        java.util.List<String> targeted = given().when().get("/api/v1/incidents/" + id).then().extract()
                .path("progress.findAll { it.targetAt != null }.code");
        for (String code : targeted) {
            given().contentType("application/json").body("{\"by\": \"Sato\"}")
                    .when().post("/api/v1/incidents/" + id + "/items/" + code + "/completion").then().statusCode(200);
        }
        clock.set(Instant.parse("2026-11-25T14:59:58Z"));   // 23:59:58 JST on day 5
        given().when().get("/api/v1/incidents/" + id).then()
                .body("overdue", is(false))
                .body("progress.find { it.code == 'PPC_PRELIMINARY_REPORT' }.state", is("OPEN"));
        clock.set(Instant.parse("2026-11-25T15:00:00Z"));   // 00:00:00 JST on day 6
        given().when().get("/api/v1/incidents/" + id).then()
                .body("overdue", is(true))
                .body("progress.find { it.code == 'PPC_PRELIMINARY_REPORT' }.state", is("OVERDUE"))
                .body("progress.find { it.code == 'PPC_FINAL_REPORT' }.state", is("OPEN"));
        given().queryParam("overdue", "true").queryParam("size", 200).when().get("/api/v1/incidents")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().queryParam("overdue", "false").queryParam("size", 200).when().get("/api/v1/incidents")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        // completing the overdue report clears it; the next deadline is the final report's
        given().contentType("application/json").body("{\"by\": \"Sato\"}")
                .when().post("/api/v1/incidents/" + id + "/items/PPC_PRELIMINARY_REPORT/completion").then().statusCode(200);
        given().when().get("/api/v1/incidents/" + id).then()
                .body("overdue", is(false))
                .body("nextDueAt", is("2026-12-21T23:59:59+09:00"));
    }

    @Test
    void listsWithFiltersTicketsAndPaging() {
        String system = "jira-" + UUID.randomUUID();
        String ransomware = """
                {"title": "ransomware", "awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["RANSOMWARE"],
                 "externalTicket": {"system": "%s", "id": "SEC-1"}}
                """.formatted(system);
        String a = openId(ransomware);
        String b = openId(misdelivery(10, "listed").replace("\"title\"", "\"externalTicket\": {\"system\": \"" + system + "\", \"id\": \"SEC-2\"}, \"title\""));

        given().queryParam("ticketSystem", system).queryParam("ticketId", "SEC-1").when().get("/api/v1/incidents")
                .then().statusCode(200)
                .body("total", is(1))
                .body("items[0].id", is(a))
                .body("items[0].externalTicket.id", is("SEC-1"))
                .body("items[0].incidentTypes", contains("RANSOMWARE"));
        given().queryParam("ticketSystem", system).queryParam("type", "MISDELIVERY").when().get("/api/v1/incidents")
                .then().body("items.id", contains(b));
        given().queryParam("ticketSystem", system).queryParam("status", "OPEN").queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/v1/incidents")
                .then().body("total", is(2)).body("size", is(1)).body("page", is(1)).body("items.size()", is(1));
        given().queryParam("ticketSystem", system).queryParam("dueBefore", "2026-11-26T00:00:00+09:00").when().get("/api/v1/incidents")
                .then().body("items.id", contains(a));
        given().queryParam("status", "NOPE").when().get("/api/v1/incidents")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        given().queryParam("size", 0).when().get("/api/v1/incidents")
                .then().statusCode(400).body("errors.field", hasItem("size"));
        given().queryParam("dueBefore", "tomorrow").when().get("/api/v1/incidents")
                .then().statusCode(400).body("errors.field", hasItem("dueBefore"));
    }

    @Test
    void eachStoredAssessmentKeepsItsRulesetVersionAndFiredRules() {
        String id = openId(misdelivery(1500, "explain"));
        given().when().get("/api/v1/incidents/" + id).then()
                .body("assessment.firedRules", hasItem("APPI – reportable leak → preliminary report to the PPC within about 3–5 days"))
                .body("assessment.rulesetVersion", notNullValue())
                .body("difference", nullValue());
    }

    @Test
    void ofTwoRacingFactChangesExactlyOneWins() throws Exception {
        for (int round = 0; round < 5; round++) {
            String id = openId(misdelivery(900, "race"));
            String etag = etag(id);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ConcurrentLinkedQueue<Integer> statuses = new java.util.concurrent.ConcurrentLinkedQueue<>();
            java.util.List<Thread> racers = new java.util.ArrayList<>();
            for (int persons : new int[] {1200, 1300}) {
                io.restassured.specification.RequestSpecification put = given().contentType("application/json")
                        .header("If-Match", etag).body(misdelivery(persons, "race"));
                racers.add(new Thread(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    statuses.add(put.when().put("/api/v1/incidents/" + id + "/facts").then().extract().statusCode());
                }));
            }
            racers.forEach(Thread::start);
            for (Thread t : racers) {
                t.join();
            }
            org.assertj.core.api.Assertions.assertThat(statuses).containsExactlyInAnyOrder(200, 412);
            given().when().get("/api/v1/incidents/" + id + "/history").then()
                    .body("findAll { it.type == 'FACTS_CHANGED' }.size()", is(1));
        }
    }

    static org.hamcrest.Matcher<Iterable<? extends Object>> everyIs(Object value) {
        return org.hamcrest.Matchers.everyItem(equalTo(value));
    }
}
