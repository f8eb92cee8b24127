package jp.smeir.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Request bodies that trickle in must not hold the service down: 300 of them, opened by two users, are refused
 * beyond the per-principal cap or cut at the body timeout, and a third user's request still answers within a
 * second meanwhile; worker threads do not pile up.
 */
@QuarkusTest
@TestProfile(SlowBodyTest.SmallLimits.class)
class SlowBodyTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incident.http.body-timeout", "3s", "incident.http.uploads-per-principal", "4",
                    "incident.http.uploads", "12");
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URI root;

    @Test
    void tricklingBodiesDoNotStarveOtherRequests() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertEquals(200, assess().statusCode()); // the first answers of a fresh service compile much
        }
        int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        List<Socket> slow = new ArrayList<>();
        try {
            String[] users = {"reporter:reporter-pass", "analyst:analyst-pass"};
            for (int i = 0; i < 300; i++) {
                String path = i % 2 == 0 ? "/api/v1/incidents" : "/api/v1/assessments";
                slow.add(startTrickle(path, users[i % users.length]));
            }
            for (int round = 0; round < 3; round++) {
                for (Socket s : slow) {
                    trickle(s);
                }
                long start = System.nanoTime();
                HttpResponse<String> normal = assess();
                long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
                assertEquals(200, normal.statusCode(), normal.body());
                assertTrue(millis < 1_000, "a normal request took " + millis + " ms beside trickling uploads");
                Thread.sleep(500);
            }
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            assertTrue(threads - threadsBefore < 40, "threads grew from " + threadsBefore + " to " + threads);

            // past the body timeout every trickling upload has been answered (429 at once or 408) and closed
            Thread.sleep(3_500);
            int refused = 0;
            int timedOut = 0;
            for (Socket s : slow) {
                String status = statusLine(s);
                if (status.contains(" 429 ")) {
                    refused++;
                } else if (status.contains(" 408 ")) {
                    timedOut++;
                } else {
                    throw new AssertionError("a trickling upload got " + status);
                }
            }
            assertTrue(refused > 0 && timedOut > 0 && timedOut <= 12, refused + " refused, " + timedOut + " timed out");
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    /** Bodies that arrived whole are no uploads, however long their handling takes: no 408, no cap. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(HttpClient.Version.class)
    void aRequestWhoseBodyHasArrivedIsNeitherTimedOutNorCountedWhileItIsHandled(HttpClient.Version version) throws Exception {
        // Java's client asks for HTTP/2 by default (h2c, by an upgrade of the first request)
        HttpClient client = HttpClient.newBuilder().version(version).build();
        // six at once from one user (cap 4), each handled for 4 s (body timeout 3 s)
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            HttpRequest request = HttpRequest.newBuilder(root.resolve("api/v1/test-only/slow-handling"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin-pass".getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"n\": " + i + "}"))
                    .build();
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> answer = answers.get(i).get();
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("{\"n\": " + i + "}", answer.body());
        }
    }

    private Socket startTrickle(String path, String user) throws IOException {
        Socket socket = new Socket(root.getHost(), root.getPort());
        socket.setSoTimeout(10_000);
        String auth = Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                + "\r\nContent-Type: application/json\r\nContent-Length: 20000\r\n\r\n{\"title\": \"").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static void trickle(Socket socket) {
        try {
            socket.getOutputStream().write('a');
            socket.getOutputStream().flush();
        } catch (IOException closed) {
            // the service answered and closed it: that is what a refused upload looks like
        }
    }

    private static String statusLine(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString();
    }

    private HttpResponse<String> assess() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(root.resolve("api/v1/assessments"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin-pass".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{\"awareAt\": \"2026-11-20T09:30:00+09:00\", \"incidentTypes\": [\"RANSOMWARE\"]}"))
                .build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
