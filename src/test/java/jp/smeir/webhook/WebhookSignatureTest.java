package jp.smeir.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import jp.smeir.support.Incidents;
import jp.smeir.support.Receiver;
import jp.smeir.support.TestClock;

/**
 * Deliveries are signed as the Standard Webhooks specification says, checked here by a verifier written from
 * the specification alone (it shares no code with the service): it accepts every delivery and refuses a replay
 * older than five minutes, a changed body, a changed id and the wrong secret.
 */
@QuarkusTest
class WebhookSignatureTest {

    static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");
    /** Any secret of 16 to 200 characters: a receiver gives a Standard Webhooks library "whsec_" + its base64. */
    static final String PLAIN_SECRET = "plain-secret-for-signatures-01";
    /** A secret in the specification's own form: its key is the decoded bytes. */
    static final String WHSEC_SECRET = "whsec_" + Base64.getEncoder().encodeToString("twenty-four random bytes!".getBytes(StandardCharsets.UTF_8));

    @Inject
    TestClock clock;

    @Inject
    Dispatcher dispatcher;

    final List<String> subscriptions = new ArrayList<>();

    @BeforeEach
    void fixClock() {
        clock.set(T0);
    }

    @AfterEach
    void cleanUp() {
        subscriptions.forEach(id -> given().when().delete("/api/v1/webhooks/" + id));
        clock.reset();
    }

    /**
     * A Standard Webhooks verifier as a receiver would write it from the specification: the key is the base64
     * after {@code whsec_}; the signed content is {@code id.timestamp.body}; webhook-signature holds
     * space-separated {@code v1,<base64>} entries, any of which may match; the timestamp must be within five
     * minutes of the receiver's clock.
     */
    static final class StandardWebhooksVerifier {
        static final Duration TOLERANCE = Duration.ofMinutes(5);
        private final byte[] key;

        StandardWebhooksVerifier(String whsecSecret) {
            if (!whsecSecret.startsWith("whsec_")) {
                throw new IllegalArgumentException("a Standard Webhooks secret starts with whsec_");
            }
            key = Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
        }

        boolean verify(String id, String timestamp, String signatures, String body, Instant now) throws Exception {
            if (id == null || timestamp == null || signatures == null) {
                return false;
            }
            long seconds = Long.parseLong(timestamp);
            if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
                return false;
            }
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String entry : signatures.split(" ")) {
                int comma = entry.indexOf(',');
                if (comma > 0 && entry.substring(0, comma).equals("v1")
                        && MessageDigest.isEqual(expected, Base64.getDecoder().decode(entry.substring(comma + 1)))) {
                    return true;
                }
            }
            return false;
        }

        boolean verify(Receiver.Request r, Instant now) throws Exception {
            return verify(r.header("webhook-id"), r.header("webhook-timestamp"), r.header("webhook-signature"), r.body(), now);
        }
    }

    String subscribe(Receiver receiver, String secret) {
        String id = given().contentType("application/json")
                .body(Receiver.subscription(receiver.url(), secret, "incident.opened", "obligation.added"))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        subscriptions.add(id);
        return id;
    }

    @Test
    void everyDeliveryVerifiesAndAReplayOrATamperedOneDoesNot() throws Exception {
        try (Receiver plain = new Receiver(); Receiver whsec = new Receiver()) {
            subscribe(plain, PLAIN_SECRET);
            subscribe(whsec, WHSEC_SECRET);
            given().contentType("application/json").body(Incidents.misdelivery(1500, "signed")).when().post("/api/v1/incidents")
                    .then().statusCode(201);
            dispatcher.deliverDue();
            StandardWebhooksVerifier forPlain = new StandardWebhooksVerifier(
                    "whsec_" + Base64.getEncoder().encodeToString(PLAIN_SECRET.getBytes(StandardCharsets.UTF_8)));
            StandardWebhooksVerifier forWhsec = new StandardWebhooksVerifier(WHSEC_SECRET);
            assertThat(plain.delivered()).hasSizeGreaterThan(1);
            assertThat(whsec.delivered()).hasSizeGreaterThan(1);
            for (Receiver.Request r : plain.delivered()) {
                assertThat(forPlain.verify(r, T0)).as("delivery %s verifies", r.eventId()).isTrue();
                assertThat(r.header("webhook-id")).isEqualTo(r.eventId());
                assertThat(r.header("webhook-timestamp")).isEqualTo(Long.toString(T0.getEpochSecond()));
                assertThat(r.signedWith(PLAIN_SECRET)).as("X-Signature stays for existing receivers").isTrue();
                assertThat(forWhsec.verify(r, T0)).as("another subscriber's key").isFalse();
            }
            for (Receiver.Request r : whsec.delivered()) {
                assertThat(forWhsec.verify(r, T0)).isTrue();
                assertThat(r.signedWith(WHSEC_SECRET)).as("X-Signature is keyed with the secret's own bytes").isTrue();
            }
            Receiver.Request r = plain.delivered().get(0);
            assertThat(forPlain.verify(r, T0.plus(Duration.ofMinutes(5)))).as("within five minutes").isTrue();
            assertThat(forPlain.verify(r, T0.plus(Duration.ofMinutes(5)).plusSeconds(1))).as("a replay after five minutes").isFalse();
            assertThat(forPlain.verify(r.header("webhook-id"), r.header("webhook-timestamp"), r.header("webhook-signature"),
                    r.body().replace("\"incident.opened\"", "\"incident.closed\""), T0)).as("a tampered body").isFalse();
            assertThat(forPlain.verify(r.header("webhook-id"), Long.toString(T0.getEpochSecond() + 1), r.header("webhook-signature"),
                    r.body(), T0)).as("a moved timestamp").isFalse();
            assertThat(forPlain.verify(plain.delivered().get(1).header("webhook-id"), r.header("webhook-timestamp"),
                    r.header("webhook-signature"), r.body(), T0)).as("another event's id").isFalse();
        }
    }

    @Test
    void aRetryIsSignedAnewWithTheTimeOfItsAttemptAndTheSameId() throws Exception {
        try (Receiver receiver = new Receiver()) {
            subscribe(receiver, PLAIN_SECRET);
            receiver.failNext.set(1);
            given().contentType("application/json").body(Incidents.misdelivery(5, "retried")).when().post("/api/v1/incidents")
                    .then().statusCode(201);
            dispatcher.deliverDue();
            clock.set(T0.plus(Duration.ofMinutes(10)));
            dispatcher.deliverDue();
            Receiver.Request first = receiver.requests().get(0);
            Receiver.Request retry = receiver.requests().get(1);
            assertThat(first.answered()).isEqualTo(500);
            assertThat(retry.header("webhook-id")).isEqualTo(first.header("webhook-id"));
            StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(
                    "whsec_" + Base64.getEncoder().encodeToString(PLAIN_SECRET.getBytes(StandardCharsets.UTF_8)));
            Instant later = T0.plus(Duration.ofMinutes(10));
            assertThat(verifier.verify(retry, later)).as("the retry, ten minutes later, verifies then").isTrue();
            assertThat(verifier.verify(first, later)).as("the first attempt replayed then does not").isFalse();
        }
    }
}
