package jp.smeir.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Anyone can send any method name and any path: the metrics must not grow a series for each one. Unknown methods
 * fall into one tag value, unmatched paths into another, so the number of HTTP series stays bounded whatever is
 * sent.
 */
@QuarkusTest
class MetricsFloodTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void madeUpMethodsAndPathsAddNoSeries() throws Exception {
        send("GET", "/api/v1/rules");
        long before = httpSeries();
        for (int i = 0; i < 1_500; i++) {
            send("M" + Integer.toString(i, 36).toUpperCase(), i % 2 == 0 ? "/api/v1/assessments" : "/api/v1/incidents");
            send("GET", "/no/such/path/" + i);
            send("GET", "/api/v1/incidents/" + i + "/items/X" + i + "/completion");
        }
        long after = httpSeries();
        assertTrue(after - before <= 20, "HTTP series grew from " + before + " to " + after + ", e.g. "
                + series().stream().skip(after / 2).limit(5).toList());
    }

    /** Sends one request with a raw socket: HTTP clients refuse method names they do not know. */
    private void send(String method, String path) throws IOException {
        try (Socket socket = new Socket(root.getHost(), root.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            in.readAllBytes();
        }
    }

    private long httpSeries() {
        return series().size();
    }

    private java.util.List<String> series() {
        String metrics = given().auth().none().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")).toList();
    }
}
