package jp.smeir.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import jp.smeir.support.Incidents;
import jp.smeir.support.Receiver;
import jp.smeir.support.TestClock;

@QuarkusTest
class WebhookResourceTest {

    static final String SECRET = "s3cret-for-tests-0123456789";
    static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    Dispatcher dispatcher;

    Receiver receiver;
    final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void start() {
        clock.set(T0);
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        subscriptions.forEach(id -> given().when().delete("/api/v1/webhooks/" + id));
        receiver.close();
        clock.reset();
    }

    String subscribe(String... types) {
        String id = given().contentType("application/json").body(Receiver.subscription(receiver.url(), SECRET, types))
                .when().post("/api/v1/webhooks").then().statusCode(201)
                .body("$", not(hasKey("secret")))
                .body("eventTypes", hasItem(types[0]))
                .extract().path("id");
        subscriptions.add(id);
        return id;
    }

    static String open(int persons) {
        return given().contentType("application/json")
                .body(Incidents.misdelivery(persons, "webhook " + persons).replace("\"title\"",
                        "\"externalTicket\": {\"system\": \"jira-" + java.util.UUID.randomUUID() + "\", \"id\": \"SEC-" + persons + "\"}, \"title\""))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    @Test
    void subscriptionsAreValidatedAndNeverShowTheirSecret() {
        String id = subscribe("incident.opened");
        given().when().get("/api/v1/webhooks").then().statusCode(200)
                .body("id", hasItem(id)).body("find { it.id == '" + id + "' }", not(hasKey("secret")));
        given().when().get("/api/v1/webhooks/" + id).then().statusCode(200).body("$", not(hasKey("secret")));
        given().contentType("application/json").body(Map.of("url", "ftp://x", "secret", "short", "eventTypes", List.of("nope")))
                .when().post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("url")).body("errors.field", hasItem("secret")).body("errors.field", hasItem("eventTypes[0]"));
        given().contentType("application/json").body(Map.of("url", receiver.url(), "secret", SECRET, "eventTypes", List.of()))
                .when().post("/api/v1/webhooks").then().statusCode(400).body("errors.field", hasItem("eventTypes"));
        given().contentType("application/json").body(Map.of("url", "http://10.1.2.3/hook", "secret", SECRET, "eventTypes", List.of("incident.opened")))
                .when().post("/api/v1/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'url' }.message", containsString("allowed host"));
        given().when().delete("/api/v1/webhooks/" + id).then().statusCode(204);
        given().when().get("/api/v1/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void eventsArriveSignedWithTheirIdAndTicket() {
        subscribe("incident.opened", "obligation.added", "item.completed", "incident.reassessed");
        String incident = open(1500);
        List<Receiver.Request> got = receiver.await(r -> r.size() >= 4, Duration.ofSeconds(15));
        Receiver.Request opened = got.get(0);
        assertThat(opened.type()).isEqualTo("incident.opened");
        assertThat(opened.signedWith(SECRET)).as("X-Signature is the HMAC-SHA256 of the raw body").isTrue();
        assertThat(opened.signedWith("another-secret-000000")).isFalse();
        assertThat(opened.json().path("eventId").asText()).isEqualTo(opened.eventId());
        assertThat(opened.json().path("incidentId").asText()).isEqualTo(incident);
        assertThat(opened.json().path("externalTicket").path("id").asText()).isEqualTo("SEC-1500");
        assertThat(got.stream().filter(r -> r.type().equals("obligation.added")).map(r -> r.json().path("item").path("code").asText()))
                .contains("PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT", "DATA_SUBJECT_NOTICE");
        assertThat(got.stream().filter(r -> r.type().equals("obligation.added")).filter(r -> r.json().path("item").path("code").asText()
                .equals("PPC_PRELIMINARY_REPORT")).findFirst().orElseThrow().json().path("item").path("dueAt").asText())
                .isEqualTo("2026-11-25T23:59:59+09:00");

        given().contentType("application/json").body("{\"by\": \"Sato\", \"reference\": \"PPC-1\"}")
                .when().post("/api/v1/incidents/" + incident + "/items/PPC_PRELIMINARY_REPORT/completion").then().statusCode(200);
        Receiver.Request completed = receiver.await(r -> r.stream().anyMatch(x -> x.type().equals("item.completed")), Duration.ofSeconds(15))
                .stream().filter(x -> x.type().equals("item.completed")).findFirst().orElseThrow();
        assertThat(completed.json().path("item").path("code").asText()).isEqualTo("PPC_PRELIMINARY_REPORT");
        assertThat(completed.json().path("data").path("completion").path("reference").asText()).isEqualTo("PPC-1");
        assertThat(completed.signedWith(SECRET)).isTrue();
    }

    @Test
    void aNewDutyAfterAFactChangeIsAnnounced() {
        subscribe("obligation.added", "incident.reassessed");
        String incident = open(900);
        receiver.await(r -> true, Duration.ofSeconds(1));
        String etag = given().when().get("/api/v1/incidents/" + incident).then().extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag)
                .body(Incidents.misdelivery(1500, "webhook 900"))
                .when().put("/api/v1/incidents/" + incident + "/facts").then().statusCode(200);
        List<Receiver.Request> got = receiver.await(r -> r.stream().anyMatch(x -> x.type().equals("incident.reassessed"))
                && r.stream().filter(x -> x.type().equals("obligation.added")).count() >= 3, Duration.ofSeconds(15));
        assertThat(got.stream().filter(x -> x.type().equals("incident.reassessed")).findFirst().orElseThrow()
                .json().path("data").path("difference").path("added").findValuesAsText("code")).contains("PPC_PRELIMINARY_REPORT");
    }

    @Test
    void adviceThatBecomesADutyIsAnnouncedAsAnObligation() {
        subscribe("obligation.added", "incident.reassessed");
        String facts = "{\"title\": \"outage at %s\", \"awareAt\": \"2026-11-20T09:30:00+09:00\", \"incidentTypes\": [\"MALWARE\"],"
                + " \"organization\": {\"sector\": \"%s\"}, \"personalData\": {\"breach\": \"NONE\"}, \"impact\": {\"systemDown\": true}}";
        String incident = given().contentType("application/json").body(facts.formatted("a shop", "GENERAL"))
                .when().post("/api/v1/incidents").then().statusCode(201)
                .body("assessment.escalations.find { it.code == 'SYSTEM_VENDOR' }.mandatory", is(false))
                .extract().path("id");
        given().contentType("application/json").header("If-Match", "\"0\"").body(facts.formatted("a clinic", "MEDICAL"))
                .when().put("/api/v1/incidents/" + incident + "/facts").then().statusCode(200)
                .body("assessment.escalations.find { it.code == 'SYSTEM_VENDOR' }.mandatory", is(true));
        java.util.function.Predicate<Receiver.Request> vendorAdded = x -> x.type().equals("obligation.added")
                && x.json().path("incidentId").asText().equals(incident) && x.json().path("item").path("code").asText().equals("SYSTEM_VENDOR");
        List<Receiver.Request> got = receiver.await(r -> r.stream().anyMatch(vendorAdded), Duration.ofSeconds(15));
        // SYSTEM_VENDOR was advice and is now a medical institution's duty: it is in the difference as changed,
        // not added, and still announced as a new obligation
        assertThat(got).filteredOn(vendorAdded).hasSize(1);
    }

    @Test
    void failedDeliveriesAreRetriedWithBackOffInOrder() {
        String subscription = subscribe("incident.opened", "obligation.added");
        receiver.failNext.set(2);
        open(1500);
        // first attempt fails; the later events of the incident wait behind it
        dispatcher.deliverDue();
        assertThat(receiver.requests()).hasSize(1);
        assertThat(receiver.requests().get(0).answered()).isEqualTo(500);
        clock.set(T0.plusSeconds(1));
        dispatcher.deliverDue();
        assertThat(receiver.requests()).as("not before the back-off of 2 s").hasSize(1);
        clock.set(T0.plusSeconds(3));
        dispatcher.deliverDue();
        assertThat(receiver.requests()).hasSize(2);
        clock.set(T0.plusSeconds(3 + 3));
        dispatcher.deliverDue();
        assertThat(receiver.requests()).as("the second back-off is 4 s").hasSize(2);
        clock.set(T0.plusSeconds(3 + 5));
        dispatcher.deliverDue();
        List<Receiver.Request> all = receiver.requests();
        List<String> firstTries = new ArrayList<>();
        all.forEach(r -> {
            if (!firstTries.contains(r.eventId())) {
                firstTries.add(r.eventId());
            }
        });
        assertThat(all.get(0).eventId()).as("the same event is retried").isEqualTo(all.get(1).eventId()).isEqualTo(all.get(2).eventId());
        assertThat(all.get(2).answered()).isEqualTo(204);
        assertThat(receiver.delivered().get(0).type()).isEqualTo("incident.opened");
        assertThat(receiver.delivered().stream().map(Receiver.Request::eventId).distinct().count())
                .as("every event arrives once it succeeds").isEqualTo(receiver.delivered().size());

        given().when().get("/api/v1/webhooks/" + subscription + "/deliveries").then().statusCode(200)
                .body("find { it.eventId == '" + all.get(0).eventId() + "' }.attempts", is(3))
                .body("find { it.eventId == '" + all.get(0).eventId() + "' }.status", is("DELIVERED"))
                .body("find { it.eventId == '" + all.get(0).eventId() + "' }.lastStatusCode", is(204));
        int delivery = given().when().get("/api/v1/webhooks/" + subscription + "/deliveries").then()
                .extract().path("find { it.eventId == '" + all.get(0).eventId() + "' }.id");
        given().when().get("/api/v1/webhooks/" + subscription + "/deliveries/" + delivery + "/attempts").then().statusCode(200)
                .body("attempt", contains(1, 2, 3))
                .body("statusCode", contains(500, 500, 204))
                .body("at[0]", is("2026-11-20T10:00:00+09:00"));
        given().when().get("/api/v1/webhooks/" + subscription + "/deliveries/999999999/attempts").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aDeadSubscriberWithALongBacklogDoesNotHoldUpOthers() {
        try (Receiver dead = new Receiver()) {
            dead.down = true;
            String deadSubscription = given().contentType("application/json")
                    .body(Receiver.subscription(dead.url(), SECRET, "incident.opened")).when().post("/api/v1/webhooks")
                    .then().statusCode(201).extract().path("id");
            subscriptions.add(deadSubscription);
            for (int i = 0; i < 8; i++) {
                open(100 + i);   // more pending deliveries than one batch (5 in tests), all failing and backing off
            }
            dispatcher.deliverDue();
            assertThat(dead.requests()).hasSizeGreaterThanOrEqualTo(5);
            subscribe("incident.opened");
            String incident = open(200);
            dispatcher.deliverDue();
            assertThat(receiver.delivered()).extracting(r -> r.json().path("incidentId").asText()).contains(incident);
        }
    }

    @Test
    void moreDeadSubscribersThanOneBatchDoNotStarveALiveOne() {
        List<Receiver> dead = new ArrayList<>();
        try {
            for (int i = 0; i < 7; i++) {   // more than one batch (5 in tests), subscribed before the live one
                Receiver r = new Receiver();
                r.down = true;
                dead.add(r);
                subscriptions.add(given().contentType("application/json").body(Receiver.subscription(r.url(), SECRET, "incident.opened"))
                        .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id"));
            }
            subscribe("incident.opened");
            String incident = open(300);
            dispatcher.deliverDue();
            assertThat(receiver.delivered()).extracting(r -> r.json().path("incidentId").asText()).containsExactly(incident);
            assertThat(dead).allSatisfy(r -> assertThat(r.requests()).as("each dead receiver was tried once").hasSize(1));
        } finally {
            dead.forEach(Receiver::close);
        }
    }

    @Test
    void aReceiverThatNeverAnswersDoesNotHoldUpOthers() throws Exception {
        // accepts connections and reads nothing, answers nothing: each request waits for the 10 s timeout
        try (java.net.ServerSocket hung = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<java.net.Socket> accepted = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(hung.accept());
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            subscriptions.add(given().contentType("application/json")
                    .body(Receiver.subscription("http://127.0.0.1:" + hung.getLocalPort() + "/hook", SECRET, "incident.opened"))
                    .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id"));
            for (int i = 0; i < 12; i++) {
                open(400 + i);   // more than a batch (5 in tests) and than a subscriber may have in flight
            }
            subscribe("incident.opened");
            String incident = open(500);
            long start = System.nanoTime();
            dispatcher.deliverDue();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(receiver.delivered()).extracting(r -> r.json().path("incidentId").asText()).contains(incident);
            assertThat(took).as("the live receiver is served while the hung one's requests wait for their timeout")
                    .isLessThan(Duration.ofSeconds(8));
            assertThat(accepted).as("the hung receiver had at most its share of deliveries in flight, not all twelve")
                    .hasSizeLessThanOrEqualTo(8);
            accepted.forEach(socket -> {
                try {
                    socket.close();
                } catch (java.io.IOException e) {
                    // already closed
                }
            });
        }
    }

    @Test
    void deletingASubscriptionCancelsWhatIsPending() {
        String subscription = subscribe("incident.opened");
        receiver.down = true;
        open(10);
        dispatcher.deliverDue();
        given().when().delete("/api/v1/webhooks/" + subscription).then().statusCode(204);
        subscriptions.remove(subscription);
        receiver.down = false;
        clock.set(T0.plusSeconds(60));
        dispatcher.deliverDue();
        assertThat(receiver.delivered()).isEmpty();
        given().when().get("/api/v1/webhooks/" + subscription + "/deliveries").then().statusCode(200)
                .body("status", hasItem("CANCELLED"));
    }
}
