package jp.smeir.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import jp.smeir.reminder.Reminders;
import jp.smeir.support.Incidents;
import jp.smeir.support.Receiver;
import jp.smeir.support.TestClock;

/**
 * Obligation events without noise: a subscriber sees REQUIRED duties unless it opted in to CONDITIONAL ones,
 * and learns of a duty that is added, removed or changed from one event that says so.
 */
@QuarkusTest
class WebhookEventsTest {

    static final String SECRET = "s3cret-for-events-0123456789";
    static final String[] OBLIGATIONS = {"incident.opened", "obligation.added", "obligation.removed", "obligation.changed",
            "obligation.due_soon", "obligation.overdue"};
    static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");   // 10:00 JST, half an hour after awareness

    @Inject
    TestClock clock;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Reminders reminders;

    /** Subscribed with the defaults: REQUIRED duties only. */
    Receiver plain;
    /** Subscribed with includeConditional. */
    Receiver all;
    final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void subscribe() {
        clock.set(T0);
        plain = new Receiver();
        all = new Receiver();
        subscriptions.add(given().contentType("application/json").body(Receiver.subscription(plain.url(), SECRET, OBLIGATIONS))
                .when().post("/api/v1/webhooks").then().statusCode(201)
                .body("includeConditional", org.hamcrest.Matchers.is(false)).extract().path("id"));
        subscriptions.add(given().contentType("application/json").body(Receiver.withConditional(all.url(), SECRET, OBLIGATIONS))
                .when().post("/api/v1/webhooks").then().statusCode(201)
                .body("includeConditional", org.hamcrest.Matchers.is(true)).extract().path("id"));
    }

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(id -> given().when().delete("/api/v1/webhooks/" + id));
        plain.close();
        all.close();
        clock.reset();
    }

    static String open(String facts) {
        return given().contentType("application/json").body(facts).when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
    }

    static void replace(String incident, String facts) {
        given().contentType("application/json").header("If-Match", "*").body(facts)
                .when().put("/api/v1/incidents/" + incident + "/facts").then().statusCode(200);
    }

    /** The events of one incident that a receiver got, of one type, in order. */
    static List<Receiver.Request> events(Receiver receiver, String incident, String type) {
        return receiver.delivered().stream()
                .filter(r -> r.json().path("incidentId").asText().equals(incident) && r.type().equals(type)).toList();
    }

    static Set<String> codes(List<Receiver.Request> events) {
        return events.stream().map(r -> r.json().path("item").path("code").asText()).collect(Collectors.toSet());
    }

    /** The codes of the incident's duties (mandatory items) with the status given. */
    static Set<String> duties(String incident, String status) {
        JsonPath view = given().when().get("/api/v1/incidents/" + incident).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = new ArrayList<>();
        for (String list : new String[] {"actions", "notifications", "escalations"}) {
            items.addAll(view.getList("assessment." + list));
        }
        return items.stream().filter(i -> Boolean.TRUE.equals(i.get("mandatory")) && status.equals(i.get("status")))
                .map(i -> (String) i.get("code")).collect(Collectors.toSet());
    }

    @Test
    void aFirstPhishingReportWithTheSectorUnknownSendsNoConditionalDutyToADefaultSubscriber() {
        String incident = open("{\"title\": \"phishing mail opened\", \"awareAt\": \"2026-11-20T09:30:00+09:00\", \"incidentTypes\": [\"PHISHING\"]}");
        dispatcher.deliverDue();
        Set<String> required = duties(incident, "REQUIRED");
        Set<String> conditional = duties(incident, "CONDITIONAL");
        assertThat(conditional).as("the sector unknown, its duties are CONDITIONAL").isNotEmpty();
        assertThat(events(plain, incident, "incident.opened")).hasSize(1);
        assertThat(events(plain, incident, "obligation.added"))
                .allSatisfy(r -> assertThat(r.json().path("item").path("status").asText()).isEqualTo("REQUIRED"));
        assertThat(codes(events(plain, incident, "obligation.added"))).isEqualTo(required);
        Set<String> everything = new java.util.HashSet<>(required);
        everything.addAll(conditional);
        assertThat(codes(events(all, incident, "obligation.added"))).as("a subscriber that opted in gets them all").isEqualTo(everything);
    }

    @Test
    void aDutyThatBecomesConditionalIsRemovedForOneAndChangedForTheOther() {
        // 20 persons: a reportable leak only because it was done on purpose (category ③)
        String facts = Incidents.misdelivery(20, "purpose asked").replace("\"improperPurpose\": false", "\"improperPurpose\": true");
        String incident = open(facts);
        dispatcher.deliverDue();
        assertThat(codes(events(plain, incident, "obligation.added"))).contains("PPC_PRELIMINARY_REPORT");

        // whether it was done on purpose is not known after all: the PPC duties hang on it now
        replace(incident, facts.replace("\"improperPurpose\": true", "\"improperPurpose\": null"));
        dispatcher.deliverDue();
        Receiver.Request removed = only(events(plain, incident, "obligation.removed"), "PPC_PRELIMINARY_REPORT");
        assertThat(removed.json().path("data").path("reason").asText()).isEqualTo("NOW_CONDITIONAL");
        assertThat(removed.json().path("item").path("title").path("ja").asText()).isNotBlank();
        assertThat(events(plain, incident, "obligation.changed")).as("a default subscriber never saw it CONDITIONAL")
                .noneMatch(r -> r.json().path("item").path("status").asText().equals("CONDITIONAL"));
        Receiver.Request changed = only(events(all, incident, "obligation.changed"), "PPC_PRELIMINARY_REPORT");
        assertThat(changed.json().path("data").path("changed").toString()).isEqualTo("[\"status\"]");
        assertThat(changed.json().path("data").path("from").path("status").asText()).isEqualTo("REQUIRED");
        assertThat(changed.json().path("data").path("to").path("status").asText()).isEqualTo("CONDITIONAL");
        assertThat(changed.json().path("data").path("to").path("dueAt").asText()).isEqualTo("2026-11-25T23:59:59+09:00");
        assertThat(changed.json().path("item").path("title").path("en").asText()).isEqualTo("Send the preliminary report to the PPC");
        assertThat(events(all, incident, "obligation.removed")).extracting(r -> r.json().path("item").path("code").asText())
                .doesNotContain("PPC_PRELIMINARY_REPORT");

        // it was done on purpose: the duty is back, added for the one, changed again for the other
        replace(incident, facts);
        dispatcher.deliverDue();
        assertThat(events(plain, incident, "obligation.added")).filteredOn(r -> code(r).equals("PPC_PRELIMINARY_REPORT")).hasSize(2);
        assertThat(events(all, incident, "obligation.changed")).filteredOn(r -> code(r).equals("PPC_PRELIMINARY_REPORT"))
                .extracting(r -> r.json().path("data").path("to").path("status").asText()).containsExactly("CONDITIONAL", "REQUIRED");
    }

    @Test
    void aDeadlineThatMovesIsOneChangedEventToEveryoneAndADutyThatGoesIsRemoved() {
        String facts = Incidents.misdelivery(1500, "deadline moves");
        String incident = open(facts);
        dispatcher.deliverDue();
        // aware a day earlier: every deadline counted from awareness moves
        replace(incident, facts.replace("2026-11-20T09:30", "2026-11-19T09:30"));
        dispatcher.deliverDue();
        for (Receiver receiver : List.of(plain, all)) {
            Receiver.Request changed = only(events(receiver, incident, "obligation.changed"), "PPC_PRELIMINARY_REPORT");
            assertThat(changed.json().path("data").path("changed").toString()).isEqualTo("[\"dueAt\"]");
            assertThat(changed.json().path("data").path("from").path("dueAt").asText()).isEqualTo("2026-11-25T23:59:59+09:00");
            assertThat(changed.json().path("data").path("to").path("dueAt").asText()).isEqualTo("2026-11-24T23:59:59+09:00");
            assertThat(changed.json().path("item").path("dueAt").asText()).isEqualTo("2026-11-24T23:59:59+09:00");
        }
        assertThat(only(events(plain, incident, "obligation.changed"), "PPC_PRELIMINARY_REPORT").eventId())
                .as("one event, delivered to both").isEqualTo(only(events(all, incident, "obligation.changed"), "PPC_PRELIMINARY_REPORT").eventId());

        // a report done is done: when its deadline moves again, nobody is told
        given().contentType("application/json").body("{\"by\": \"Sato\"}")
                .when().post("/api/v1/incidents/" + incident + "/items/PPC_PRELIMINARY_REPORT/completion").then().statusCode(200);
        replace(incident, facts);
        dispatcher.deliverDue();
        assertThat(events(all, incident, "obligation.changed")).filteredOn(r -> code(r).equals("PPC_PRELIMINARY_REPORT")).hasSize(1);

        // 900 persons: no longer a reportable leak by count
        replace(incident, Incidents.misdelivery(900, "deadline moves"));
        dispatcher.deliverDue();
        Receiver.Request removed = only(events(plain, incident, "obligation.removed"), "PPC_FINAL_REPORT");
        assertThat(removed.json().path("data").path("reason").asText()).isIn("DROPPED", "NO_LONGER_A_DUTY");
        assertThat(removed.json().path("item").path("status").asText()).as("the item as it was").isEqualTo("REQUIRED");
        assertThat(events(plain, incident, "obligation.removed")).as("done, so not announced")
                .noneMatch(r -> code(r).equals("PPC_PRELIMINARY_REPORT"));
    }

    @Test
    void remindersOfConditionalDutiesGoOnlyToSubscribersThatOptedIn() {
        String incident = open(Incidents.misdelivery(20, "reminded").replace("\"improperPurpose\": false", "\"improperPurpose\": null"));
        assertThat(duties(incident, "CONDITIONAL")).contains("PPC_PRELIMINARY_REPORT");
        clock.set(Instant.parse("2026-11-26T00:00:00Z"));   // Thu 26 Nov 09:00 JST: the preliminary report is late
        reminders.sweep();
        dispatcher.deliverDue();
        assertThat(events(all, incident, "obligation.overdue")).extracting(WebhookEventsTest::code).contains("PPC_PRELIMINARY_REPORT");
        assertThat(events(plain, incident, "obligation.overdue")).extracting(WebhookEventsTest::code).doesNotContain("PPC_PRELIMINARY_REPORT")
                .allSatisfy(code -> assertThat(duties(incident, "REQUIRED")).contains(code));
    }

    static String code(Receiver.Request r) {
        return r.json().path("item").path("code").asText();
    }

    static Receiver.Request only(List<Receiver.Request> events, String code) {
        List<Receiver.Request> of = events.stream().filter(r -> code(r).equals(code)).toList();
        assertThat(of).as("events about " + code).hasSize(1);
        return of.get(0);
    }
}
