package jp.smeir.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jp.smeir.support.Incidents;
import jp.smeir.support.Receiver;
import jp.smeir.support.TestClock;

/** An operator's hand on webhooks: giving up, redelivering, pinging, changing a subscription, paging deliveries, SSRF. */
@QuarkusTest
class WebhookOperationsTest {

    static final String SECRET = "s3cret-for-operations-012345";
    static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Subscribers subscribers;

    @Inject
    Outbox outbox;

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

    String subscribe(Map<String, Object> body) {
        String id = given().contentType("application/json").body(body).when().post("/api/v1/webhooks")
                .then().statusCode(201).extract().path("id");
        subscriptions.add(id);
        return id;
    }

    static String open(String title) {
        return given().contentType("application/json").body(Incidents.misdelivery(1500, title)).when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
    }

    void at(Duration sinceT0) {
        clock.set(T0.plus(sinceT0));
        dispatcher.deliverDue();
    }

    @Test
    void aDeliveryFailingFor72HoursIsFailedAndCanBeRedelivered() {
        String subscription = subscribe(Receiver.subscription(receiver.url(), SECRET, "incident.opened", "obligation.added"));
        receiver.down = true;
        String incident = open("gives up");
        at(Duration.ZERO);
        at(Duration.ofHours(71).plusMinutes(59));
        int tried = receiver.requests().size();
        assertThat(tried).as("one head of the incident, tried twice").isEqualTo(2);
        given().when().get("/api/v1/webhooks/" + subscription + "/deliveries?status=PENDING").then()
                .body("failingSince", hasItem("2026-11-20T10:00:00+09:00"));
        at(Duration.ofHours(72));
        String opened = receiver.requests().get(0).eventId();
        long failed = given().when().get("/api/v1/webhooks/" + subscription + "/deliveries?status=FAILED").then().statusCode(200)
                .body("eventId", contains(opened)).body("[0].attempts", is(3)).body("[0].nextAttemptAt", nullValue())
                .extract().jsonPath().getLong("[0].id");
        at(Duration.ofHours(80));
        assertThat(receiver.requests().stream().filter(r -> r.eventId().equals(opened))).as("no more attempts").hasSize(3);

        // the receiver is back: the events that waited behind the failed one go out, and it is redelivered on request
        receiver.down = false;
        at(Duration.ofHours(81));
        assertThat(receiver.delivered()).extracting(Receiver.Request::type).contains("obligation.added").doesNotContain("incident.opened");
        given().when().post("/api/v1/webhooks/" + subscription + "/deliveries/" + failed + "/redeliver").then().statusCode(202)
                .body("status", is("PENDING")).body("failingSince", nullValue()).body("incidentId", is(incident));
        at(Duration.ofHours(81).plusSeconds(1));
        Receiver.Request again = receiver.delivered().stream().filter(r -> r.eventId().equals(opened)).findFirst().orElseThrow();
        assertThat(again.header("webhook-id")).isEqualTo(opened);
        given().when().get("/api/v1/webhooks/" + subscription + "/deliveries/" + failed + "/attempts").then()
                .body("statusCode", contains(503, 503, 503, 204));
        given().when().post("/api/v1/webhooks/" + subscription + "/deliveries/999999999/redeliver").then().statusCode(404)
                .contentType("application/problem+json");
        String other = subscribe(Receiver.subscription(receiver.url(), SECRET, "incident.opened"));
        given().when().post("/api/v1/webhooks/" + other + "/deliveries/" + failed + "/redeliver").then().statusCode(404);
    }

    @Test
    void aPingReachesTheSubscriberWhateverItsEventTypes() {
        String subscription = subscribe(Receiver.subscription(receiver.url(), SECRET, "item.completed"));
        long delivery = given().when().post("/api/v1/webhooks/" + subscription + "/ping").then().statusCode(202)
                .header("Location", endsWith("/api/v1/webhooks/" + subscription + "/deliveries/" + given().when()
                        .get("/api/v1/webhooks/" + subscription + "/deliveries").then().extract().path("[0].id") + "/attempts"))
                .body("type", is("webhook.ping")).body("status", is("PENDING")).body("$", not(org.hamcrest.Matchers.hasKey("incidentId")))
                .extract().jsonPath().getLong("id");
        dispatcher.deliverDue();
        Receiver.Request ping = receiver.delivered().get(0);
        assertThat(ping.type()).isEqualTo("webhook.ping");
        assertThat(ping.json().path("data").path("subscriptionId").asText()).isEqualTo(subscription);
        assertThat(ping.json().has("incidentId")).isFalse();
        assertThat(ping.signedWith(SECRET)).isTrue();
        given().when().get("/api/v1/webhooks/" + subscription + "/deliveries/" + delivery + "/attempts").then().body("statusCode", contains(204));
        given().when().post("/api/v1/webhooks/" + UUID.randomUUID() + "/ping").then().statusCode(404).contentType("application/problem+json");
        given().contentType("application/json").body(Receiver.subscription(receiver.url(), SECRET, "webhook.ping"))
                .when().post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", is("eventTypes[0]"));
    }

    @Test
    void aSubscriptionIsChangedInPlaceAndStarTakesEveryType() {
        String subscription = subscribe(Receiver.subscription(receiver.url(), SECRET, "incident.opened"));
        try (Receiver moved = new Receiver()) {
            given().contentType("application/merge-patch+json")
                    .body(Map.of("url", moved.url(), "eventTypes", List.of("*", "item.completed"), "description", "all of it"))
                    .when().patch("/api/v1/webhooks/" + subscription).then().statusCode(200)
                    .body("url", is(moved.url())).body("eventTypes", contains("*")).body("description", is("all of it"))
                    .body("includeConditional", is(false));
            String incident = open("patched");
            given().contentType("application/json").body("{\"by\": \"Sato\"}")
                    .when().post("/api/v1/incidents/" + incident + "/items/PPC_PRELIMINARY_REPORT/completion").then().statusCode(200);
            dispatcher.deliverDue();
            assertThat(receiver.requests()).isEmpty();
            assertThat(moved.delivered()).extracting(Receiver.Request::type)
                    .contains("incident.opened", "obligation.added", "item.completed");
        }
        given().contentType("application/json").body(Map.of("includeConditional", true))
                .when().patch("/api/v1/webhooks/" + subscription).then().statusCode(200)
                .body("includeConditional", is(true)).body("eventTypes", contains("*"));
        given().contentType("application/json").body(Map.of("url", "ftp://x", "eventTypes", List.of("nope")))
                .when().patch("/api/v1/webhooks/" + subscription).then().statusCode(400)
                .body("errors.field", hasItem("url")).body("errors.field", hasItem("eventTypes[0]"));
        given().contentType("application/json").body(Map.of("urll", receiver.url()))
                .when().patch("/api/v1/webhooks/" + subscription).then().statusCode(400)
                .body("errors[0].message", is("is not a known field; did you mean url?"));
        given().contentType("application/json").body(Map.of("description", "x"))
                .when().patch("/api/v1/webhooks/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aRotatedSecretKeepsSigningBesideTheNewOneForTheGracePeriod() throws Exception {
        String subscription = subscribe(Receiver.subscription(receiver.url(), SECRET, "incident.opened"));
        String rotated = "rotated-secret-for-operations-9";
        given().contentType("application/json").body(Map.of("secret", rotated))
                .when().patch("/api/v1/webhooks/" + subscription).then().statusCode(200)
                .body("$", not(org.hamcrest.Matchers.hasKey("secret")))
                .body("previousSecretUntil", is("2026-11-21T10:00:00+09:00"));
        open("rotated");
        dispatcher.deliverDue();
        Receiver.Request during = receiver.delivered().get(0);
        String[] signatures = during.header("webhook-signature").split(" ");
        assertThat(signatures).hasSize(2);
        assertThat(signatures[0]).isEqualTo(v1(rotated, during));
        assertThat(signatures[1]).isEqualTo(v1(SECRET, during));
        assertThat(during.signedWith(rotated)).as("X-Signature uses the new secret at once").isTrue();

        clock.set(T0.plus(Duration.ofHours(24)).plusSeconds(1));
        open("rotated later");
        dispatcher.deliverDue();
        Receiver.Request after = receiver.delivered().get(receiver.delivered().size() - 1);
        assertThat(after.header("webhook-signature")).isEqualTo(v1(rotated, after));
        given().when().get("/api/v1/webhooks/" + subscription).then().body("$", not(org.hamcrest.Matchers.hasKey("previousSecretUntil")));
    }

    /** The Standard Webhooks signature of a request under a secret used as its own bytes, computed here. */
    static String v1(String secret, Receiver.Request r) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signed = r.header("webhook-id") + "." + r.header("webhook-timestamp") + "." + r.body();
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void deliveriesArePagedWithATotalAndLinks() {
        String subscription = subscribe(Receiver.subscription(receiver.url(), SECRET, "incident.opened"));
        for (int i = 0; i < 3; i++) {
            open("paged " + i);
        }
        String base = "/api/v1/webhooks/" + subscription + "/deliveries";
        var first = given().when().get(base + "?size=2").then().statusCode(200)
                .header("X-Total-Count", "3").body("size()", is(2)).extract();
        assertThat(first.header("Link")).isEqualTo("<" + base + "?size=2&page=1>; rel=\"next\"");
        var second = given().when().get(base + "?size=2&page=1").then().statusCode(200)
                .header("X-Total-Count", "3").body("size()", is(1)).extract();
        assertThat(second.header("Link")).isEqualTo("<" + base + "?size=2&page=0>; rel=\"prev\"");
        given().when().get(base + "?status=FAILED&size=2").then().header("X-Total-Count", "0").header("Link", nullValue());
        dispatcher.deliverDue();
        var delivered = given().when().get(base + "?status=DELIVERED&size=1&page=1").then().header("X-Total-Count", "3").extract();
        assertThat(delivered.headers().getValues("Link")).containsExactlyInAnyOrder(
                "<" + base + "?status=DELIVERED&size=1&page=2>; rel=\"next\"", "<" + base + "?status=DELIVERED&size=1&page=0>; rel=\"prev\"");
    }

    @Test
    void urlsAndSecretsAreCheckedAsTheyShouldBe() {
        String upper = receiver.url().replace("http://", "HTTP://");
        given().contentType("application/json").body(Receiver.subscription(upper, SECRET, "incident.opened"))
                .when().post("/api/v1/webhooks").then().statusCode(201).body("url", is(receiver.url()))
                .extract().path("id").toString().transform(subscriptions::add);
        given().contentType("application/json").body(Receiver.subscription(receiver.url(), " ".repeat(20), "incident.opened"))
                .when().post("/api/v1/webhooks").then().statusCode(400)
                .body("errors[0].field", is("secret")).body("errors[0].message", is("must not be only white space"));
        // 127.0.0.2 is loopback too, and not named in incident.webhooks.allowed-hosts (127.0.0.1, localhost)
        given().contentType("application/json").body(Receiver.subscription("http://127.0.0.2:9/hook", SECRET, "incident.opened"))
                .when().post("/api/v1/webhooks").then().statusCode(400).body("errors[0].field", is("url"));
    }

    @Test
    void aURLIsCheckedAgainAtEveryAttempt() {
        // as if it had been allowed when subscribed (the list or the name's address changed since)
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookSubscription s = new WebhookSubscription();
            s.id = id;
            s.url = "http://127.0.0.2:9/hook";
            s.secret = SECRET;
            s.eventTypes = "|incident.opened|";
            s.active = true;
            s.createdAt = T0;
            s.persist();
            subscribers.changed();
        });
        subscriptions.add(id.toString());
        open("rechecked");
        dispatcher.deliverDue();
        given().when().get("/api/v1/webhooks/" + id + "/deliveries").then().statusCode(200)
                .body("[0].status", is("PENDING")).body("[0].attempts", is(1))
                .body("[0].lastError", is("not sent: the URL must point to an allowed host (127.0.0.1, localhost)"));
    }

    @Test
    void aDeliveryClaimedByAnotherInstanceIsSentOnlyOnceItsLeaseHasPassed() {
        String subscription = subscribe(Receiver.subscription(receiver.url(), SECRET, "item.assigned"));
        UUID id = UUID.fromString(subscription);
        // as if another instance had claimed it and died while sending: its lease runs 60 s from T0
        long delivery = QuarkusTransaction.requiringNew().call(() -> {
            long d = outbox.ping(id, T0);
            WebhookDelivery claimed = WebhookDelivery.findById(d);
            claimed.claimedBy = "other-instance/0000";
            claimed.claimedUntil = T0.plusSeconds(60);
            return d;
        });
        dispatcher.deliverDue();
        clock.set(T0.plusSeconds(60));
        dispatcher.deliverDue();
        assertThat(receiver.requests()).as("sent while another instance holds it").isEmpty();

        clock.set(T0.plusSeconds(61));
        dispatcher.deliverDue();
        assertThat(receiver.delivered()).hasSize(1);
        WebhookDelivery done = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.findById(delivery));
        assertThat(done.status).isEqualTo(WebhookDelivery.Status.DELIVERED);
        assertThat(done.claimedBy).as("the claim ends with the outcome").isNull();
        assertThat(done.claimedUntil).isNull();
    }

    @Test
    void aSubscriptionChangedElsewhereIsSeenByTheNextEvent() {
        // as another instance changes it: straight in the database, moving the counter in the same transaction
        String subscription = subscribe(Receiver.subscription(receiver.url(), SECRET, "incident.status_changed"));
        UUID id = UUID.fromString(subscription);
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookSubscription s = WebhookSubscription.findById(id);
            s.eventTypes = "|incident.opened|";
            subscribers.changed();
        });
        open("changed elsewhere");
        dispatcher.deliverDue();
        assertThat(receiver.delivered()).extracting(Receiver.Request::type).containsExactly("incident.opened");
    }
}
