package jp.smeir.reminder;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jp.smeir.support.Incidents;
import jp.smeir.support.Receiver;
import jp.smeir.support.TestClock;
import jp.smeir.webhook.Dispatcher;

/** Reminders follow a controllable clock: due soon at 48 h (PPC day 3), 24 h and 2 h, overdue once, each exactly once. */
@QuarkusTest
class RemindersTest {

    static final String SECRET = "reminder-secret-0123456789";

    @Inject
    TestClock clock;

    @Inject
    Reminders reminders;

    @Inject
    Dispatcher dispatcher;

    Receiver receiver;
    String subscription;
    String incident;

    @BeforeEach
    void open() {
        clock.set(Instant.parse("2026-11-20T01:00:00Z"));    // 10:00 JST, half an hour after awareness
        receiver = new Receiver();
        subscription = given().contentType("application/json")
                .body(Receiver.subscription(receiver.url(), SECRET, "obligation.due_soon", "obligation.overdue"))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        // the preliminary report is due 2026-11-25 23:59:59 JST, the final report 2026-12-21 23:59:59 JST
        incident = given().contentType("application/json").body(Incidents.misdelivery(1500, "reminders"))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    @AfterEach
    void close() {
        given().when().delete("/api/v1/webhooks/" + subscription);
        receiver.close();
        clock.reset();
    }

    /** Moves the clock, sweeps and delivers; returns the (code, kind) of the reminders of legal deadlines this incident got since. */
    List<String> at(String instant) {
        return at(instant, "DEADLINE");
    }

    /** The same for the reminders of one kind of time: DEADLINE (legal) or TARGET (the service's working target). */
    List<String> at(String instant, String kind) {
        int before = mine(kind).size();
        clock.set(Instant.parse(instant));
        reminders.sweep();
        dispatcher.deliverDue();
        List<String> all = mine(kind);
        return all.subList(before, all.size());
    }

    List<String> mine() {
        return mine("DEADLINE");
    }

    List<String> mine(String kind) {
        return receiver.delivered().stream()
                .filter(r -> r.json().path("incidentId").asText().equals(incident))
                .filter(r -> r.json().path("data").path("kind").asText().equals(kind))
                .map(r -> r.json().path("item").path("code").asText() + " " + r.type()
                        + (r.type().equals("obligation.due_soon") ? " " + r.json().path("data").path("leadTime").asText() : ""))
                .toList();
    }

    @Test
    void remindsAtEachLeadTimeAndOnceWhenOverdue() {
        assertThat(at("2026-11-23T14:59:58Z")).as("2 s before day 3 ends").isEmpty();
        assertThat(at("2026-11-23T15:00:00Z")).as("day 3 of the 3–5-day benchmark has passed")
                .containsExactly("PPC_PRELIMINARY_REPORT obligation.due_soon PT48H");
        assertThat(at("2026-11-23T15:30:00Z")).as("exactly once").isEmpty();
        assertThat(at("2026-11-24T15:00:00Z")).containsExactly("PPC_PRELIMINARY_REPORT obligation.due_soon PT24H");
        assertThat(at("2026-11-25T13:00:00Z")).containsExactly("PPC_PRELIMINARY_REPORT obligation.due_soon PT2H");
        assertThat(at("2026-11-25T14:59:59Z")).as("at the deadline itself it is not yet overdue").isEmpty();
        assertThat(at("2026-11-25T15:00:00Z")).containsExactly("PPC_PRELIMINARY_REPORT obligation.overdue");
        assertThat(at("2026-11-26T15:00:00Z")).as("overdue once only").isEmpty();
        List<Receiver.Request> got = receiver.delivered();
        assertThat(got).allMatch(r -> r.signedWith(SECRET));
        // the event's own times are in Japan time, as the item's dueAt beside them
        List<Receiver.Request> reminders = got.stream().filter(r -> r.json().path("incidentId").asText().equals(incident))
                .filter(r -> r.json().path("data").path("kind").asText().equals("DEADLINE")).toList();
        assertThat(reminders).isNotEmpty().allSatisfy(r -> {
            assertThat(r.json().path("data").path("dueAt").asText()).isEqualTo("2026-11-25T23:59:59+09:00")
                    .isEqualTo(r.json().path("item").path("dueAt").asText());
        });
        assertThat(reminders).filteredOn(r -> r.type().equals("obligation.overdue"))
                .singleElement().satisfies(r -> assertThat(r.json().path("data").path("overdueSince").asText()).isEqualTo("2026-11-25T23:59:59+09:00"));
    }

    @Test
    void aWorkingTargetIsRemindedOfAndFallsOverdueAndTheEventsSayItIsNoLegalDeadline() {
        // the notice to the persons is due 速やかに: its working target is awareAt + 24 h, 2026-11-21 09:30 JST; 24 h
        // before it is awareAt itself, which is no reminder, so the first is the 2-hour one
        assertThat(at("2026-11-20T22:29:59Z", "TARGET")).isEmpty();
        assertThat(at("2026-11-20T22:30:00Z", "TARGET")).containsExactly("DATA_SUBJECT_NOTICE obligation.due_soon PT2H");
        assertThat(at("2026-11-21T00:30:00Z", "TARGET")).as("at the target itself it is not yet overdue").isEmpty();
        assertThat(at("2026-11-21T00:30:01Z", "TARGET")).containsExactly("DATA_SUBJECT_NOTICE obligation.overdue");
        assertThat(at("2026-11-22T00:30:01Z", "TARGET")).isEmpty();
        List<Receiver.Request> targets = receiver.delivered().stream()
                .filter(r -> r.json().path("incidentId").asText().equals(incident))
                .filter(r -> r.json().path("data").path("kind").asText().equals("TARGET")).toList();
        assertThat(targets).hasSize(2).allSatisfy(r -> {
            assertThat(r.json().path("data").path("targetAt").asText()).isEqualTo("2026-11-21T09:30:00+09:00");
            assertThat(r.json().path("data").has("dueAt")).isFalse();
            assertThat(r.json().path("item").path("targetAt").asText()).isEqualTo("2026-11-21T09:30:00+09:00");
            assertThat(r.json().path("item").path("targetBasis").path("ja").asText()).contains("法令上の期限ではありません");
        });
        assertThat(targets.get(1).json().path("data").path("overdueSince").asText()).isEqualTo("2026-11-21T09:30:00+09:00");
    }

    @Test
    void aLateStartSendsOnlyTheNearestReminderAndDoneItemsGetNone() {
        given().contentType("application/json").body("{\"by\": \"Sato\", \"at\": \"2026-11-20T09:50:00+09:00\"}")
                .when().post("/api/v1/incidents/" + incident + "/items/DATA_SUBJECT_NOTICE/completion").then().statusCode(200);
        assertThat(at("2026-11-25T14:00:00Z")).as("48 h, 24 h and 2 h are all crossed: only the 2 h reminder goes out")
                .containsExactly("PPC_PRELIMINARY_REPORT obligation.due_soon PT2H");
        assertThat(at("2026-11-25T14:30:00Z")).isEmpty();
        given().contentType("application/json").body("{\"by\": \"Sato\"}")
                .when().post("/api/v1/incidents/" + incident + "/items/PPC_PRELIMINARY_REPORT/completion").then().statusCode(200);
        assertThat(at("2026-11-26T15:00:00Z")).as("a report made is not overdue").isEmpty();
        assertThat(at("2026-12-20T15:00:00Z")).containsExactly("PPC_FINAL_REPORT obligation.due_soon PT24H");
    }

    @Test
    void aNotApplicableItemIsNotRemindedOfUntilTheMarkIsWithdrawnAndRemindersNameTheAssignee() {
        given().contentType("application/json").body("{\"reason\": \"誤送信先が未開封で削除\"}")
                .when().post("/api/v1/incidents/" + incident + "/items/PPC_PRELIMINARY_REPORT/not-applicable").then().statusCode(200);
        given().contentType("application/json").body("{\"assignee\": \"jira:sato\"}")
                .when().put("/api/v1/incidents/" + incident + "/items/PPC_PRELIMINARY_REPORT/assignee").then().statusCode(200);
        assertThat(at("2026-11-23T15:00:00Z")).as("day 3").isEmpty();
        assertThat(at("2026-11-25T13:00:00Z")).as("2 h before").isEmpty();
        assertThat(at("2026-11-25T15:00:00Z")).as("past the deadline").isEmpty();
        given().contentType("application/json").body("{\"reason\": \"削除の確認が取れていなかった\"}")
                .when().delete("/api/v1/incidents/" + incident + "/items/PPC_PRELIMINARY_REPORT/not-applicable").then().statusCode(200);
        assertThat(at("2026-11-25T15:01:00Z")).containsExactly("PPC_PRELIMINARY_REPORT obligation.overdue");
        assertThat(receiver.delivered()).filteredOn(r -> r.json().path("incidentId").asText().equals(incident))
                .filteredOn(r -> r.json().path("item").path("code").asText().equals("PPC_PRELIMINARY_REPORT")).singleElement()
                .satisfies(r -> assertThat(r.json().path("item").path("assignee").asText()).isEqualTo("jira:sato"));
    }

    @Test
    void eachDeadlineIsPlannedAtItsNextReminderAndNoSweepLooksAtItBefore() {
        reminders.sweep();   // the first sweep since start unplans every deadline: made before what is checked here
        incident = given().contentType("application/json").body(Incidents.misdelivery(1500, "planned reminders"))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        // the notice's working target is 2026-11-21 09:30 JST (24 h before it is awareAt: no reminder), the
        // preliminary report's deadline 2026-11-25 23:59:59 JST (48 h before), the final report's 2026-12-21 (24 h)
        assertThat(nextReminders()).as("planned when written")
                .containsEntry("DATA_SUBJECT_NOTICE", Instant.parse("2026-11-20T22:30:00Z"))
                .containsEntry("PPC_PRELIMINARY_REPORT", Instant.parse("2026-11-23T14:59:59Z"))
                .containsEntry("PPC_FINAL_REPORT", Instant.parse("2026-12-20T14:59:59Z"));
        clock.set(Instant.parse("2026-11-20T02:00:07Z"));
        reminders.sweep();
        clock.set(Instant.parse("2026-11-20T02:00:08Z"));
        assertThat(reminders.sweep().looked()).as("no reminder has come in the second since the last sweep").isZero();
        assertThat(at("2026-11-20T22:30:00Z", "TARGET")).containsExactly("DATA_SUBJECT_NOTICE obligation.due_soon PT2H");
        assertThat(nextReminders()).as("then the target itself, past which it is overdue")
                .containsEntry("DATA_SUBJECT_NOTICE", Instant.parse("2026-11-21T00:30:00Z"));
        assertThat(at("2026-11-23T15:00:00Z")).containsExactly("PPC_PRELIMINARY_REPORT obligation.due_soon PT48H");
        assertThat(nextReminders()).as("then the 24-hour one")
                .containsEntry("PPC_PRELIMINARY_REPORT", Instant.parse("2026-11-24T14:59:59Z"));
    }

    /** The next reminder planned for each watched deadline of this incident. */
    private Map<String, Instant> nextReminders() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Instant> next = new HashMap<>();
            ObligationDeadline.<ObligationDeadline>list("incidentId", UUID.fromString(incident)).forEach(d -> next.put(d.code, d.nextRemindAt));
            return next;
        });
    }

    @Test
    void remindersWaitForTheReceiver() {
        receiver.down = true;
        at("2026-11-23T15:00:00Z");
        assertThat(mine()).isEmpty();
        receiver.down = false;
        clock.set(Instant.parse("2026-11-23T16:00:00Z"));
        dispatcher.deliverDue();
        assertThat(receiver.await(r -> !mine().isEmpty(), Duration.ofSeconds(5))).isNotEmpty();
        assertThat(mine()).containsExactly("PPC_PRELIMINARY_REPORT obligation.due_soon PT48H");
    }
}
