package jp.smeir.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.path.json.JsonPath;

import jp.smeir.support.AppProcess;
import jp.smeir.support.Incidents;
import jp.smeir.support.Receiver;

/**
 * Kills the application (SIGKILL) in the middle of a stream of writes and starts it again on the same data:
 * every write that was acknowledged is there with its history, and the outbox delivers what it owed.
 */
class CrashIT {

    static final String SECRET = "crash-secret-0123456789";
    static final String MARKER = "Yamada-Hanako-0120-000-000";

    @TempDir
    Path data;

    @Test
    void acknowledgedWritesSurviveAKill() throws Exception {
        String system = "crash-" + UUID.randomUUID();
        ConcurrentLinkedQueue<String> opened = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> completed = new ConcurrentLinkedQueue<>();
        try (Receiver receiver = new Receiver()) {
            try (AppProcess app = AppProcess.start(data, Map.of("incident.webhooks.backoff.initial", "1s", "incident.webhooks.backoff.max", "2s"))) {
                app.given().contentType("application/json")
                        .body(Receiver.subscription(receiver.url(), SECRET, "incident.opened", "item.completed"))
                        .when().post("/api/v1/webhooks").then().statusCode(201);
                AtomicBoolean alive = new AtomicBoolean(true);
                Thread writer = new Thread(() -> {
                    for (int i = 0; alive.get(); i++) {
                        try {
                            String body = Incidents.misdelivery(1500, "crash " + i + " " + MARKER).replace("\"title\"",
                                    "\"externalTicket\": {\"system\": \"" + system + "\", \"id\": \"C-" + i + "\"}, \"title\"");
                            var response = app.given()
                                    .contentType("application/json").body(body).when().post("/api/v1/incidents");
                            if (response.statusCode() != 201) {
                                continue;
                            }
                            String id = response.path("id");
                            opened.add(id);
                            if (app.given()
                                    .contentType("application/json").body("{\"by\": \"Sato\", \"reference\": \"R-" + i + "\"}")
                                    .when().post("/api/v1/incidents/" + id + "/items/PPC_FINAL_REPORT/completion").statusCode() == 200) {
                                completed.add(id);
                            }
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                });
                writer.start();
                long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (opened.size() < 40 && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                app.kill();
                alive.set(false);
                writer.join(10_000);
            }
            assertThat(opened).as("writes acknowledged before the kill").hasSizeGreaterThan(10);

            try (AppProcess app = AppProcess.start(data, Map.of("incident.webhooks.backoff.initial", "1s"))) {
                for (String id : opened) {
                    JsonPath incident = app.given()
                            .when().get("/api/v1/incidents/" + id).then().statusCode(200).extract().jsonPath();
                    List<String> history = app.given()
                            .when().get("/api/v1/incidents/" + id + "/history").then().statusCode(200).extract().jsonPath().getList("type");
                    assertThat(history).first().isEqualTo("OPENED");
                    if (completed.contains(id)) {
                        assertThat(incident.getString("progress.find { it.code == 'PPC_FINAL_REPORT' }.state")).isEqualTo("DONE");
                        assertThat(history).contains("ITEM_COMPLETED");
                    }
                }
                // the outbox resumes: every acknowledged incident's opening reaches the receiver
                Set<String> expected = Set.copyOf(opened);
                receiver.await(got -> got.stream().filter(r -> r.type().equals("incident.opened"))
                        .map(r -> r.json().path("incidentId").asText()).collect(Collectors.toSet()).containsAll(expected), Duration.ofSeconds(90));
                app.stop();
            }
        }
        // structured logs never carry the facts: the marker in the titles is nowhere in the application's logs
        for (Path log : Files.list(Path.of("target", "it-logs")).toList()) {
            assertThat(Files.readString(log)).as("log %s", log).doesNotContain(MARKER);
        }
    }
}
