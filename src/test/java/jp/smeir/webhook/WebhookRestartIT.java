package jp.smeir.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.smeir.support.AppProcess;
import jp.smeir.support.Incidents;
import jp.smeir.support.Receiver;

/** Events not yet delivered when the application dies are delivered after it starts again: at least once. */
class WebhookRestartIT {

    static final String SECRET = "restart-secret-0123456789";
    static final Map<String, String> FAST_RETRY = Map.of("incident.webhooks.backoff.initial", "1s", "incident.webhooks.backoff.max", "2s");

    @TempDir
    Path data;

    @Test
    void pendingDeliveriesSurviveACrash() {
        String system = "webhook-restart-" + UUID.randomUUID();
        try (Receiver receiver = new Receiver()) {
            receiver.down = true;
            String subscription;
            String incident;
            int expected;
            try (AppProcess app = AppProcess.start(data, FAST_RETRY)) {
                subscription = app.given().contentType("application/json")
                        .body(Receiver.subscription(receiver.url(), SECRET, "incident.opened", "obligation.added"))
                        .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
                incident = app.given().contentType("application/json")
                        .body(Incidents.misdelivery(1500, "crash").replace("\"title\"",
                                "\"externalTicket\": {\"system\": \"" + system + "\", \"id\": \"T-1\"}, \"title\""))
                        .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
                List<Boolean> mandatory = app.given().when().get("/api/v1/incidents/" + incident)
                        .then().extract().jsonPath().getList("assessment.notifications.mandatory", Boolean.class);
                expected = 1 + (int) mandatory.stream().filter(b -> b).count();
                awaitAttempts(receiver, 2);
                app.kill();
            }
            receiver.down = false;
            try (AppProcess app = AppProcess.start(data, FAST_RETRY)) {
                List<Receiver.Request> got = receiver.await(r -> r.stream().map(Receiver.Request::eventId).distinct().count() >= expected,
                        Duration.ofSeconds(60));
                assertThat(got.get(0).type()).as("in order: the opening first").isEqualTo("incident.opened");
                assertThat(got).allMatch(r -> r.signedWith(SECRET));
                assertThat(got).allMatch(r -> r.json().path("incidentId").asText().equals(incident));
                assertThat(got.stream().filter(r -> r.type().equals("obligation.added")).map(r -> r.json().path("item").path("code").asText()))
                        .contains("PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT");
                List<String> statuses = app.given().when().get("/api/v1/webhooks/" + subscription + "/deliveries")
                        .then().statusCode(200).extract().jsonPath().getList("status");
                assertThat(statuses).hasSize(expected).containsOnly("DELIVERED");
                app.stop();
            }
        }
    }

    private static void awaitAttempts(Receiver receiver, int attempts) {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (receiver.requests().size() < attempts && System.nanoTime() < end) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(receiver.requests().size()).as("attempts made while the receiver was down").isGreaterThanOrEqualTo(attempts);
    }
}
