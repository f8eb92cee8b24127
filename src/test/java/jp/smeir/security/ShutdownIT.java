package jp.smeir.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.smeir.support.AppProcess;
import jp.smeir.support.Incidents;
import jp.smeir.support.Receiver;

/**
 * SIGTERM under load: the service stops taking new requests, answers the ones in flight, then closes. No request
 * that the service began is cut off: a request that got no answer left no incident behind (the service never read
 * it: a request sent on a kept-alive connection as the service closed it, which a client sees as an empty answer
 * and may send again), a 503 or a refused connection is a clean refusal, every incident acknowledged is there
 * after a restart, and the log has no error from work that ran on after the database was closed.
 */
class ShutdownIT {

    @TempDir
    Path data;

    @Test
    void sigtermDrainsInFlightRequests() throws Exception {
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> cutOff = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unanswered = new ConcurrentLinkedQueue<>();
        Path log;
        try (Receiver receiver = new Receiver()) {
            // six writers as fast as they can go: the per-user write limit is not what this test is about
            try (AppProcess app = AppProcess.start(data, Map.of("incident.rate-limit.enabled", "false"))) {
                log = app.log();
                app.given().contentType("application/json")
                        .body(Receiver.subscription(receiver.url(), "shutdown-secret-0123456789", "incident.opened"))
                        .when().post("/api/v1/webhooks").then().statusCode(201);
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                String auth = "Basic " + Base64.getEncoder().encodeToString((AppProcess.ADMIN + ":" + AppProcess.PASSWORD).getBytes(StandardCharsets.UTF_8));
                AtomicBoolean running = new AtomicBoolean(true);
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < 6; w++) {
                    int writer = w;
                    Thread t = new Thread(() -> {
                        for (int i = 0; running.get(); i++) {
                            String ticket = "S-" + writer + "-" + i;
                            String body = Incidents.misdelivery(1500, "shutdown " + ticket).replace("\"title\"",
                                    "\"externalTicket\": {\"system\": \"shutdown\", \"id\": \"" + ticket + "\"}, \"title\"");
                            HttpRequest open = HttpRequest.newBuilder(URI.create(app.url() + "/api/v1/incidents"))
                                    .timeout(Duration.ofSeconds(30)).header("Authorization", auth).header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                            try {
                                HttpResponse<String> response = http.send(open, HttpResponse.BodyHandlers.ofString());
                                if (response.statusCode() == 201) {
                                    acknowledged.add(response.headers().firstValue("Location").orElseThrow());
                                } else if (response.statusCode() != 503) {
                                    cutOff.add(response.statusCode() + " " + response.body());
                                }
                            } catch (ConnectException refused) {
                                return; // the service no longer listens: a clean refusal
                            } catch (IOException e) {
                                unanswered.add(ticket);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    });
                    t.start();
                    writers.add(t);
                }
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (acknowledged.size() < 60 && System.nanoTime() < end) {
                    Thread.sleep(20);
                }
                app.stop();
                running.set(false);
                for (Thread t : writers) {
                    t.join(30_000);
                }
            }
            assertThat(acknowledged).as("incidents acknowledged before SIGTERM").hasSizeGreaterThan(20);
            assertThat(cutOff).as("requests cut off by the shutdown").isEmpty();
            String text = Files.readString(log);
            assertThat(text.lines().filter(ShutdownIT::workAfterClose)).as("errors logged during the shutdown").isEmpty();

            Path restartLog;
            try (AppProcess app = AppProcess.start(data, Map.of())) {
                restartLog = app.log();
                for (String location : acknowledged) {
                    app.given().when().get(URI.create(location).getPath()).then().statusCode(200);
                }
                for (String ticket : unanswered) {
                    int found = app.given().queryParam("ticketSystem", "shutdown").queryParam("ticketId", ticket)
                            .when().get("/api/v1/incidents").then().statusCode(200).extract().path("total");
                    assertThat(found).as("incident %s, sent without an answer, was stored: the service cut it off", ticket).isZero();
                }
                app.stop();
            }
            assertThat(Files.readString(restartLog).lines().filter(ShutdownIT::workAfterClose))
                    .as("errors logged during an idle shutdown").isEmpty();
        }
    }

    /**
     * A log line showing work that failed or ran on as the service closed: an error, the closed database, a
     * transaction the reaper had to abort, or a scheduled check that could no longer read.
     */
    private static boolean workAfterClose(String line) {
        return line.contains("\"level\":\"ERROR\"") || line.contains("EntityManagerFactory is closed")
                || line.contains("ARJUNA") || line.contains("cannot read the active rule version");
    }
}
