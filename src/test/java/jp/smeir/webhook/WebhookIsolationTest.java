package jp.smeir.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import jp.smeir.support.Incidents;
import jp.smeir.support.Receiver;

/**
 * One healthy subscriber beside ten hung ones (they accept the connection and never answer) and three failing
 * ones (503, and a port where nothing listens): the healthy one gets every event of a burst, in order per
 * incident, within 2 s of its occurrence, while the others wait out their timeouts. The deliveries are made by
 * the scheduled dispatcher, as in production.
 */
@QuarkusTest
class WebhookIsolationTest {

    static final String SECRET = "s3cret-for-isolation-0123456789";
    static final Duration MAX_LAG = Duration.ofSeconds(2);

    final List<String> subscriptions = new ArrayList<>();
    final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        subscriptions.forEach(id -> given().when().delete("/api/v1/webhooks/" + id));
        for (AutoCloseable c : closing) {
            c.close();
        }
    }

    @Test
    void aHealthySubscribersLagStaysUnderTwoSecondsBesideHungAndFailingOnes() throws Exception {
        Receiver healthy = new Receiver();
        closing.add(healthy);
        String healthySubscription = subscribe(healthy.url());
        for (int i = 0; i < 10; i++) {
            Hung hung = new Hung();
            closing.add(hung);
            subscribe(hung.url());
        }
        for (int i = 0; i < 2; i++) {
            Receiver failing = new Receiver();
            failing.down = true;
            closing.add(failing);
            subscribe(failing.url());
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        subscribe("http://127.0.0.1:" + closedPort + "/hook");

        // two bursts: one at once, one while the first requests to the hung receivers time out
        List<String> incidents = new ArrayList<>();
        for (int burst = 0; burst < 2; burst++) {
            for (int i = 0; i < 8; i++) {
                incidents.add(given().contentType("application/json").body(Incidents.misdelivery(1500 + i, "isolation " + burst))
                        .when().post("/api/v1/incidents").then().statusCode(201).extract().<String>path("id"));
            }
            // facts changed three times on one incident: a chain of events that must arrive in order
            String chained = incidents.get(incidents.size() - 1);
            for (int change = 1; change <= 3; change++) {
                String etag = given().when().get("/api/v1/incidents/" + chained).then().extract().header("ETag");
                given().contentType("application/json").header("If-Match", etag)
                        .body(Incidents.misdelivery(2000 + change, "isolation " + burst))
                        .when().put("/api/v1/incidents/" + chained + "/facts").then().statusCode(200);
            }
            if (burst == 0) {
                Thread.sleep(9_000);   // the hung receivers' requests time out after 10 s (incident.webhooks.timeout)
            }
        }
        long expected = Long.parseLong(given().when().get("/api/v1/webhooks/" + healthySubscription + "/deliveries").then()
                .statusCode(200).extract().header("X-Total-Count"));
        List<Receiver.Request> got = healthy.await(r -> r.size() >= expected, Duration.ofSeconds(15));

        Duration worst = Duration.ZERO;
        for (Receiver.Request r : got) {
            Duration lag = Duration.between(OffsetDateTime.parse(r.json().path("occurredAt").asText()).toInstant(), r.receivedAt());
            worst = lag.compareTo(worst) > 0 ? lag : worst;
        }
        System.out.printf("healthy subscriber: %d events, worst lag %d ms%n", got.size(), worst.toMillis());
        assertThat(worst).as("the healthy subscriber's worst delivery lag").isLessThan(MAX_LAG);
        // in order per incident: each incident's events arrive in the order they occurred
        for (String incident : incidents) {
            List<String> times = got.stream().filter(r -> incident.equals(r.json().path("incidentId").asText()))
                    .map(r -> r.json().path("occurredAt").asText()).toList();
            assertThat(times.stream().map(t -> OffsetDateTime.parse(t).toInstant()).toList()).as(incident).isSorted();
        }
    }

    String subscribe(String url) {
        String id = given().contentType("application/json").body(Receiver.subscription(url, SECRET, "*"))
                .when().post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
        subscriptions.add(id);
        return id;
    }

    /** Accepts connections and never answers, until closed. */
    static final class Hung implements AutoCloseable {
        final ServerSocket server;
        final List<Socket> held = new CopyOnWriteArrayList<>();

        Hung() throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException e) {
                        return;
                    }
                }
            }, "hung-receiver");
            accepting.setDaemon(true);
            accepting.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getLocalPort() + "/hook";
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
