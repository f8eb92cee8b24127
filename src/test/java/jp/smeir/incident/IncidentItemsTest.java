package jp.smeir.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import jp.smeir.support.Incidents;
import jp.smeir.support.Receiver;
import jp.smeir.support.TestClock;

/** Not-applicable marks, corrected and withdrawn completions, and assignees of an incident's items. */
@QuarkusTest
class IncidentItemsTest {

    @Inject
    TestClock clock;

    @BeforeEach
    void fixClock() {
        clock.set(Instant.parse("2026-11-20T01:00:00Z"));   // 10:00 JST, half an hour after awareAt
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Preliminary report due 2026-11-25 23:59:59 JST, final report 2026-12-21; the subject notice is due promptly. */
    static String open(String title) {
        return given().contentType("application/json").body(Incidents.misdelivery(1500, title))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    static String etag(String id) {
        return given().when().get("/api/v1/incidents/" + id).then().statusCode(200).extract().header("ETag");
    }

    static RequestSpecification json(String body) {
        return given().contentType("application/json").body(body);
    }

    static String item(String id, String code, String what) {
        return "/api/v1/incidents/" + id + "/items/" + code + "/" + what;
    }

    static String progress(String code) {
        return "progress.find { it.code == '" + code + "' }";
    }

    /** The codes that have a working target (the subject notice, and whatever else the rules time 速やかに / 直ちに). */
    static List<String> targeted(String id) {
        return given().when().get("/api/v1/incidents/" + id).then().extract().path("progress.findAll { it.targetAt != null }.code");
    }

    @Test
    void aNotApplicableItemIsNeverOverdueNorBlocksClosingAndItsMarkCanBeWithdrawn() {
        String id = open("not applicable");
        // the items with a working target (all past below) are done, so that only the preliminary report can be overdue
        List<String> targeted = targeted(id);
        assertThat(targeted).contains("DATA_SUBJECT_NOTICE");
        for (String code : targeted) {
            json("{\"by\": \"Sato\"}").when().post(item(id, code, "completion")).then().statusCode(200);
        }
        String marked = "\"" + (targeted.size() + 1) + "\"";
        json("{\"reason\": \"誤送信先が未開封のまま削除したことを確認したため\"}")
                .when().post(item(id, "PPC_PRELIMINARY_REPORT", "not-applicable"))
                .then().statusCode(200)
                .header("ETag", is(marked))
                .body("state", is("NOT_APPLICABLE"))
                .body("notApplicable.by", is("admin"))
                .body("notApplicable.at", is("2026-11-20T10:00:00+09:00"))
                .body("notApplicable.reason", is("誤送信先が未開封のまま削除したことを確認したため"));
        // a repeat returns the first mark
        json("{\"reason\": \"another\"}").when().post(item(id, "PPC_PRELIMINARY_REPORT", "not-applicable"))
                .then().statusCode(200).header("ETag", is(marked))
                .body("notApplicable.reason", is("誤送信先が未開封のまま削除したことを確認したため"));
        given().when().get("/api/v1/incidents/" + id).then()
                .body("nextDueAt", is("2026-12-21T23:59:59+09:00"))
                .body(progress("PPC_PRELIMINARY_REPORT") + ".state", is("NOT_APPLICABLE"));

        clock.set(Instant.parse("2026-11-26T01:00:00Z"));   // the preliminary report's deadline has passed
        given().when().get("/api/v1/incidents/" + id).then()
                .body("overdue", is(false))
                .body(progress("PPC_PRELIMINARY_REPORT") + ".state", is("NOT_APPLICABLE"));
        json("{\"by\": \"Sato\"}").when().post(item(id, "PPC_PRELIMINARY_REPORT", "completion"))
                .then().statusCode(409).contentType("application/problem+json").body("type", is("/problems/item-not-applicable"));

        // withdrawn: the item is open again, and overdue
        json("{\"reason\": \"未開封の確認が取れていなかった\"}").when().delete(item(id, "PPC_PRELIMINARY_REPORT", "not-applicable"))
                .then().statusCode(200).body("state", is("OVERDUE")).body("notApplicable", nullValue());
        given().when().get("/api/v1/incidents/" + id).then().body("overdue", is(true));
        json("{\"reason\": \"again\"}").when().delete(item(id, "PPC_PRELIMINARY_REPORT", "not-applicable"))
                .then().statusCode(404).body("type", is("/problems/not-applicable-not-found"));

        json("{\"reason\": \"受領者の削除証明を受領\"}").when().post(item(id, "PPC_PRELIMINARY_REPORT", "not-applicable"))
                .then().statusCode(200);
        json("{\"by\": \"Sato\"}").when().post(item(id, "PPC_FINAL_REPORT", "completion")).then().statusCode(200);
        json("{\"status\": \"CLOSED\", \"reason\": \"対応完了\"}").when().post("/api/v1/incidents/" + id + "/status")
                .then().statusCode(200).body("status", is("CLOSED"));
        json("{\"reason\": \"x\"}").when().delete(item(id, "PPC_PRELIMINARY_REPORT", "not-applicable"))
                .then().statusCode(409).body("type", is("/problems/incident-closed"));

        String report = "findAll { it.data.code == 'PPC_PRELIMINARY_REPORT' }";
        given().when().get("/api/v1/incidents/" + id + "/history").then()
                .body("type[-1]", is("STATUS_CHANGED"))
                .body(report + ".type", contains("ITEM_NOT_APPLICABLE", "NOT_APPLICABLE_WITHDRAWN", "ITEM_NOT_APPLICABLE"))
                .body(report + "[0].data.notApplicable.reason", is("誤送信先が未開封のまま削除したことを確認したため"))
                .body(report + "[1].data.notApplicable.reason", is("誤送信先が未開封のまま削除したことを確認したため"))
                .body(report + "[1].data.reason", is("未開封の確認が取れていなかった"))
                .body(report + "[1].at", is("2026-11-26T10:00:00+09:00"))
                .body(report + "[2].data.notApplicable.reason", is("受領者の削除証明を受領"));
    }

    @Test
    void aMissedWorkingTargetIsOverdueAsAMissedDeadlineIsAndTheViewSaysWhich() {
        String id = open("targets");
        // the notice to the persons is due 速やかに: the service's working target is awareAt + 24 h
        given().when().get("/api/v1/incidents/" + id).then()
                .body(progress("DATA_SUBJECT_NOTICE") + ".targetAt", is("2026-11-21T09:30:00+09:00"))
                .body(progress("DATA_SUBJECT_NOTICE") + ".dueAt", nullValue())
                .body("nextTargetAt", is("2026-11-21T09:30:00+09:00"))
                .body("nextDueAt", is("2026-11-25T23:59:59+09:00"));
        clock.set(Instant.parse("2026-11-21T00:30:00Z"));   // 09:30 JST: the target itself
        given().when().get("/api/v1/incidents/" + id).then()
                .body("overdue", is(false))
                .body(progress("DATA_SUBJECT_NOTICE") + ".state", is("OPEN"));
        clock.set(Instant.parse("2026-11-21T00:30:01Z"));
        given().when().get("/api/v1/incidents/" + id).then()
                .body("overdue", is(true))
                .body(progress("DATA_SUBJECT_NOTICE") + ".state", is("OVERDUE"))
                .body(progress("PPC_PRELIMINARY_REPORT") + ".state", is("OPEN"));
        given().queryParam("overdue", "true").queryParam("size", 200).when().get("/api/v1/incidents")
                .then().statusCode(200).body("items.find { it.id == '" + id + "' }.nextTargetAt", is("2026-11-21T09:30:00+09:00"));
        given().queryParam("overdue", "false").queryParam("size", 200).when().get("/api/v1/incidents")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        // marked not applicable, it is overdue no more; with every other targeted item done, no target is left
        json("{\"reason\": \"全員に個別連絡済みのため\"}").when().post(item(id, "DATA_SUBJECT_NOTICE", "not-applicable"))
                .then().statusCode(200).body("state", is("NOT_APPLICABLE"));
        for (String code : targeted(id)) {
            if (!code.equals("DATA_SUBJECT_NOTICE")) {
                json("{\"by\": \"Sato\"}").when().post(item(id, code, "completion")).then().statusCode(200);
            }
        }
        given().when().get("/api/v1/incidents/" + id).then()
                .body("overdue", is(false))
                .body("nextTargetAt", nullValue());
    }

    @Test
    void aNotApplicableMarkNeedsAReasonAnItemNotDoneAndTheCurrentVersion() {
        String id = open("not applicable refused");
        json("{}").when().post(item(id, "PPC_FINAL_REPORT", "not-applicable"))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("reason"));
        json("{\"reason\": \"  \"}").when().post(item(id, "PPC_FINAL_REPORT", "not-applicable"))
                .then().statusCode(400).body("errors.field", contains("reason"));
        json("{\"reason\": \"" + "x".repeat(2001) + "\"}").when().post(item(id, "PPC_FINAL_REPORT", "not-applicable"))
                .then().statusCode(400).body("errors.field", contains("reason"));
        json("{\"reason\": 12}").when().post(item(id, "PPC_FINAL_REPORT", "not-applicable"))
                .then().statusCode(400).body("errors.field", contains("reason"));
        json("{\"reason\": \"x\"}").when().post(item(id, "NO_SUCH_CODE", "not-applicable"))
                .then().statusCode(404).body("type", is("/problems/item-not-found"));
        json("{\"reason\": \"x\"}").when().post(item(UUID.randomUUID().toString(), "PPC_FINAL_REPORT", "not-applicable"))
                .then().statusCode(404).body("type", is("/problems/incident-not-found"));
        json("{\"reason\": \"x\"}").header("If-Match", "\"7\"").when().post(item(id, "PPC_FINAL_REPORT", "not-applicable"))
                .then().statusCode(412);
        json("{\"by\": \"Sato\"}").when().post(item(id, "DATA_SUBJECT_NOTICE", "completion")).then().statusCode(200);
        json("{\"reason\": \"x\"}").when().post(item(id, "DATA_SUBJECT_NOTICE", "not-applicable"))
                .then().statusCode(409).body("type", is("/problems/item-done"));
        json("{\"reason\": \"x\"}").header("If-Match", etag(id)).when().post(item(id, "PPC_FINAL_REPORT", "not-applicable"))
                .then().statusCode(200).body("state", is("NOT_APPLICABLE"));
        given().when().get("/api/v1/incidents/" + id + "/history").then()
                .body("type", contains("OPENED", "ITEM_COMPLETED", "ITEM_NOT_APPLICABLE"));
    }

    @Test
    void aCompletionIsCorrectedAndWithdrawnAndEveryRecordIsKept() {
        String id = open("corrections");
        String url = item(id, "PPC_PRELIMINARY_REPORT", "completion");
        json("{\"by\": \"Sato\", \"at\": \"2026-11-20T09:45:00+09:00\", \"reference\": \"PPC-2026-001\"}").when().post(url)
                .then().statusCode(200).header("ETag", is("\"1\""));
        String corrected = """
                {"by": "佐藤", "at": "2026-11-20T09:50:00+09:00", "reference": "PPC-2026-002", "note": "受付番号を訂正",
                 "reason": "受付番号の転記誤り"}""";
        json(corrected).when().put(url).then().statusCode(428).contentType("application/problem+json");
        json(corrected).header("If-Match", "\"0\"").when().put(url).then().statusCode(412);
        json(corrected.replace("\"at\": \"2026-11-20T09:50:00+09:00\", ", "")).header("If-Match", "\"1\"").when().put(url)
                .then().statusCode(400).body("errors.field", contains("at"));
        json(corrected.replace("\"reason\": \"受付番号の転記誤り\"", "\"reason\": \"\"")).header("If-Match", "\"1\"").when().put(url)
                .then().statusCode(400).body("errors.field", contains("reason"));
        json(corrected).header("If-Match", "\"1\"").when().put(url)
                .then().statusCode(200)
                .header("ETag", is("\"2\""))
                .body("state", is("DONE"))
                .body("completion.by", is("佐藤"))
                .body("completion.at", is("2026-11-20T09:50:00+09:00"))
                .body("completion.reference", is("PPC-2026-002"))
                .body("completion.note", is("受付番号を訂正"))
                .body("completion.recordedBy", is("admin"));
        // the same record again changes nothing: no event, the same version
        json(corrected).header("If-Match", "\"2\"").when().put(url).then().statusCode(200).header("ETag", is("\"2\""));

        json("{\"reason\": \"報告はまだ受理されていなかった\"}").when().delete(url).then().statusCode(428);
        json("{}").header("If-Match", "\"2\"").when().delete(url).then().statusCode(400).body("errors.field", contains("reason"));
        json("{\"reason\": \"報告はまだ受理されていなかった\"}").header("If-Match", "\"2\"").when().delete(url)
                .then().statusCode(200).header("ETag", is("\"3\"")).body("state", is("OPEN")).body("completion", nullValue());
        given().when().get("/api/v1/incidents/" + id).then().body("nextDueAt", is("2026-11-25T23:59:59+09:00"));
        json(corrected).header("If-Match", "*").when().put(url).then().statusCode(404).body("type", is("/problems/completion-not-found"));
        json("{\"reason\": \"x\"}").header("If-Match", "*").when().delete(url).then().statusCode(404);
        json("{\"by\": \"Suzuki\", \"reference\": \"PPC-2026-003\"}").when().post(url)
                .then().statusCode(200).body("completion.by", is("Suzuki"));

        given().when().get("/api/v1/incidents/" + id + "/history").then()
                .body("type", contains("OPENED", "ITEM_COMPLETED", "COMPLETION_CORRECTED", "COMPLETION_WITHDRAWN", "ITEM_COMPLETED"))
                .body("[2].data.code", is("PPC_PRELIMINARY_REPORT"))
                .body("[2].data.from.reference", is("PPC-2026-001"))
                .body("[2].data.from.at", is("2026-11-20T09:45:00+09:00"))
                .body("[2].data.to.reference", is("PPC-2026-002"))
                .body("[2].data.reason", is("受付番号の転記誤り"))
                .body("[3].data.completion.reference", is("PPC-2026-002"))
                .body("[3].data.reason", is("報告はまだ受理されていなかった"));

        // nothing overwritten: every record stays as it was written, ended by the correction or the withdrawal
        List<ItemCompletion> rows = QuarkusTransaction.requiringNew().call(() -> ItemCompletion.<ItemCompletion>list(
                "incidentId = ?1 and code = ?2", UUID.fromString(id), "PPC_PRELIMINARY_REPORT"))
                .stream().sorted(Comparator.comparing(c -> c.id)).toList();
        assertThat(rows).extracting(c -> c.reference).containsExactly("PPC-2026-001", "PPC-2026-002", "PPC-2026-003");
        assertThat(rows).extracting(c -> c.completedBy).containsExactly("Sato", "佐藤", "Suzuki");
        assertThat(rows).extracting(c -> c.endedHow)
                .containsExactly(ItemCompletion.End.CORRECTED, ItemCompletion.End.WITHDRAWN, null);
        assertThat(rows.get(0).endedReason).isEqualTo("受付番号の転記誤り");
        assertThat(rows.get(1).endedBy).isEqualTo("admin");
    }

    @Test
    void aCompletionOfAClosedIncidentCanBeCorrectedButNotWithdrawn() {
        String id = open("closed corrections");
        for (String code : List.of("PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT", "DATA_SUBJECT_NOTICE")) {
            json("{\"by\": \"Sato\", \"at\": \"2026-11-20T09:50:00+09:00\"}").when().post(item(id, code, "completion")).then().statusCode(200);
        }
        json("{\"status\": \"CLOSED\", \"reason\": \"done\"}").when().post("/api/v1/incidents/" + id + "/status").then().statusCode(200);
        json("{\"by\": \"Sato\", \"at\": \"2026-11-20T09:50:00+09:00\", \"reference\": \"PPC-9\", \"reason\": \"受付番号の追記\"}")
                .header("If-Match", etag(id)).when().put(item(id, "PPC_FINAL_REPORT", "completion"))
                .then().statusCode(200).body("completion.reference", is("PPC-9"));
        json("{\"reason\": \"x\"}").header("If-Match", etag(id)).when().delete(item(id, "PPC_FINAL_REPORT", "completion"))
                .then().statusCode(409).body("type", is("/problems/incident-closed"));
    }

    @Test
    void anAssigneeIsSetChangedAndClearedAndShownInTheViewHistoryAndDraft() {
        String id = open("assignees");
        String url = item(id, "PPC_FINAL_REPORT", "assignee");
        json("{\"assignee\": \"jira:5b10ac8d82e05b22\"}").when().put(url)
                .then().statusCode(200).header("ETag", is("\"1\"")).body("assignee", is("jira:5b10ac8d82e05b22"));
        json("{\"assignee\": \"jira:5b10ac8d82e05b22\"}").when().put(url).then().statusCode(200).header("ETag", is("\"1\""));
        given().when().get("/api/v1/incidents/" + id).then()
                .body(progress("PPC_FINAL_REPORT") + ".assignee", is("jira:5b10ac8d82e05b22"))
                .body(progress("PPC_PRELIMINARY_REPORT") + ".assignee", nullValue());
        given().queryParam("kind", "management").when().get("/api/v1/incidents/" + id + "/report")
                .then().statusCode(200).body(containsString("（担当：jira:5b10ac8d82e05b22）"));
        given().queryParam("kind", "management").queryParam("lang", "en").when().get("/api/v1/incidents/" + id + "/report")
                .then().statusCode(200).body(containsString("(assigned to jira:5b10ac8d82e05b22)"));

        json("{\"assignee\": \"  鈴木  \"}").when().put(url).then().statusCode(200).body("assignee", is("鈴木"));
        json("{\"assignee\": \"\"}").when().put(url).then().statusCode(200).body("assignee", nullValue());
        json("{\"assignee\": null}").when().put(url).then().statusCode(200).header("ETag", is("\"3\""));

        json("{\"assignee\": \"a\\u0007b\"}").when().put(url).then().statusCode(400).body("errors.field", contains("assignee"));
        json("{\"assignee\": \"a\\nb\"}").when().put(url).then().statusCode(400).body("errors.field", contains("assignee"));
        json("{\"assignee\": \"" + "x".repeat(201) + "\"}").when().put(url).then().statusCode(400).body("errors.field", contains("assignee"));
        json("{\"assignee\": 12}").when().put(url).then().statusCode(400).body("errors.field", contains("assignee"));
        json("{\"assignee\": \"x\"}").when().put(item(id, "NO_SUCH_CODE", "assignee")).then().statusCode(404);
        json("{\"assignee\": \"x\"}").header("If-Match", "\"1\"").when().put(url).then().statusCode(412);

        given().when().get("/api/v1/incidents/" + id + "/history").then()
                .body("type", contains("OPENED", "ITEM_ASSIGNED", "ITEM_ASSIGNED", "ITEM_ASSIGNED"))
                .body("[1].data.to", is("jira:5b10ac8d82e05b22"))
                .body("[1].data.from", nullValue())
                .body("[2].data.from", is("jira:5b10ac8d82e05b22"))
                .body("[2].data.to", is("鈴木"))
                .body("[3].data.from", is("鈴木"))
                .body("[3].data.to", nullValue());
    }

    @Test
    void eachItemChangeIsAnnouncedWithTheItemsAssignee() {
        Receiver receiver = new Receiver();
        String subscription = given().contentType("application/json")
                .body(Receiver.subscription(receiver.url(), "items-secret-0123456789", "item.assigned", "item.completed",
                        "item.completion_corrected", "item.completion_withdrawn", "item.not_applicable", "item.not_applicable_withdrawn"))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        try {
            String id = open("item events");
            json("{\"assignee\": \"sato@example.co.jp\"}").when().put(item(id, "PPC_FINAL_REPORT", "assignee")).then().statusCode(200);
            json("{\"by\": \"Sato\", \"at\": \"2026-11-20T09:45:00+09:00\", \"reference\": \"R-1\"}")
                    .when().post(item(id, "PPC_FINAL_REPORT", "completion")).then().statusCode(200);
            json("{\"by\": \"Sato\", \"at\": \"2026-11-20T09:45:00+09:00\", \"reference\": \"R-2\", \"reason\": \"誤記\"}").header("If-Match", "*")
                    .when().put(item(id, "PPC_FINAL_REPORT", "completion")).then().statusCode(200);
            json("{\"reason\": \"未提出\"}").header("If-Match", "*").when().delete(item(id, "PPC_FINAL_REPORT", "completion")).then().statusCode(200);
            json("{\"reason\": \"本人へ通知不要と判断\"}").when().post(item(id, "DATA_SUBJECT_NOTICE", "not-applicable")).then().statusCode(200);
            json("{\"reason\": \"判断を見直し\"}").when().delete(item(id, "DATA_SUBJECT_NOTICE", "not-applicable")).then().statusCode(200);

            List<Receiver.Request> mine = receiver.await(r -> r.stream().filter(x -> x.json().path("incidentId").asText().equals(id)).count() >= 6,
                            Duration.ofSeconds(15)).stream()
                    .filter(x -> x.json().path("incidentId").asText().equals(id)).toList();
            assertThat(mine).extracting(Receiver.Request::type).containsExactly("item.assigned", "item.completed",
                    "item.completion_corrected", "item.completion_withdrawn", "item.not_applicable", "item.not_applicable_withdrawn");
            assertThat(mine).allMatch(r -> r.signedWith("items-secret-0123456789"));
            assertThat(mine.subList(0, 4)).allSatisfy(r -> {
                assertThat(r.json().path("item").path("code").asText()).isEqualTo("PPC_FINAL_REPORT");
                assertThat(r.json().path("item").path("assignee").asText()).isEqualTo("sato@example.co.jp");
            });
            assertThat(mine.get(0).json().path("data").path("to").asText()).isEqualTo("sato@example.co.jp");
            assertThat(mine.get(2).json().path("data").path("from").path("reference").asText()).isEqualTo("R-1");
            assertThat(mine.get(2).json().path("data").path("to").path("reference").asText()).isEqualTo("R-2");
            assertThat(mine.get(2).json().path("data").path("reason").asText()).isEqualTo("誤記");
            assertThat(mine.get(3).json().path("data").path("completion").path("reference").asText()).isEqualTo("R-2");
            assertThat(mine.get(4).json().path("item").path("code").asText()).isEqualTo("DATA_SUBJECT_NOTICE");
            assertThat(mine.get(4).json().path("item").has("assignee")).isFalse();
            assertThat(mine.get(4).json().path("data").path("notApplicable").path("reason").asText()).isEqualTo("本人へ通知不要と判断");
            assertThat(mine.get(5).json().path("data").path("reason").asText()).isEqualTo("判断を見直し");
        } finally {
            given().when().delete("/api/v1/webhooks/" + subscription);
            receiver.close();
        }
    }

    @Test
    void everyRoleMayChangeItemsAndTheRecordSaysWho() {
        String id = open("roles");
        given().auth().none().contentType("application/json").body("{\"reason\": \"x\"}")
                .when().post(item(id, "PPC_FINAL_REPORT", "not-applicable")).then().statusCode(401);
        given().auth().preemptive().basic("reporter", "reporter-pass").contentType("application/json").body("{\"reason\": \"委託元が報告\"}")
                .when().post(item(id, "PPC_FINAL_REPORT", "not-applicable"))
                .then().statusCode(200).body("notApplicable.by", is("reporter"));
        given().auth().preemptive().basic("analyst", "analyst-pass").contentType("application/json").body("{\"assignee\": \"a1\"}")
                .when().put(item(id, "PPC_FINAL_REPORT", "assignee")).then().statusCode(200);
        given().when().get("/api/v1/incidents/" + id + "/history").then()
                .body("actor", contains("admin", "reporter", "analyst"))
                .body("type", hasItem("ITEM_ASSIGNED"));
    }
}
