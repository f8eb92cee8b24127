package jp.smeir.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import jp.smeir.facts.IncidentFacts;
import jp.smeir.support.FactsArbitraries;
import jp.smeir.support.TestRules;

/**
 * Sends more than 10,000 generated and mutated requests to every endpoint and fails on any 5xx, any error that
 * is not problem+json, and any error body that shows a class name, stack trace or SQL.
 */
@QuarkusTest
class FuzzTest {

    static final int REQUESTS = 10_500;
    static final long SEED = 20261125L;
    static final String[] CONTENT_TYPES = {"application/json", "application/json", "application/json", "text/plain",
            "application/xml", "application/json; charset=ISO-8859-1", null};
    static final String[] LEAKS = {"Exception", "jp.smeir", "org.hibernate", "java.", "SQL", "select ", "\tat "};

    final Random random = new Random(SEED);
    final List<String> incidents = new ArrayList<>();
    final List<String> failures = new ArrayList<>();
    /** Subscriptions the fuzzing made: removed afterwards, so later tests' deliveries do not queue behind them. */
    final List<String> subscriptions = new ArrayList<>();

    @AfterEach
    void removeSubscriptions() {
        subscriptions.forEach(id -> given().when().delete("/api/v1/webhooks/" + id));
    }

    @Test
    void noRequestBreaksTheService() throws Exception {
        for (int i = 0; i < 20; i++) {
            String id = given().contentType("application/json").body(json(FactsArbitraries.facts(random)))
                    .when().post("/api/v1/incidents").then().extract().path("id");
            if (id != null) {
                incidents.add(id);
            }
        }
        assertThat(incidents).isNotEmpty();
        for (int i = 0; i < REQUESTS; i++) {
            send(i);
        }
        assertThat(failures).as("requests that broke the service (seed " + SEED + ")").isEmpty();
    }

    private void send(int i) throws Exception {
        String id = random.nextInt(5) == 0 ? UUID.randomUUID().toString() : incidents.get(random.nextInt(incidents.size()));
        String method;
        String path;
        String body = null;
        switch (random.nextInt(16)) {
            case 0, 1, 2 -> { method = "POST"; path = "/api/v1/assessments"; body = mutate(json(FactsArbitraries.facts(random))); }
            case 3, 4 -> { method = "POST"; path = "/api/v1/incidents"; body = mutate(json(FactsArbitraries.facts(random))); }
            case 5 -> { method = "PUT"; path = "/api/v1/incidents/" + id + "/facts"; body = mutate(json(FactsArbitraries.facts(random))); }
            case 6 -> { method = "GET"; path = "/api/v1/incidents/" + maybe(id) + query(); }
            case 7 -> { method = "GET"; path = "/api/v1/incidents" + query(); }
            case 8 -> { method = "POST"; path = "/api/v1/incidents/" + id + "/items/" + pick("PPC_FINAL_REPORT", "REMEDIATE", "NOPE", "", "%00", "../x")
                    + "/completion"; body = mutate("{\"by\": \"Sato\", \"at\": \"2026-11-20T10:00:00+09:00\", \"reference\": \"R-1\", \"note\": \"n\"}"); }
            case 9 -> { method = "POST"; path = "/api/v1/incidents/" + id + "/status"; body = mutate("{\"status\": \"" + pick("CONTAINED", "CLOSED", "OPEN", "X") + "\", \"reason\": \"r\"}"); }
            case 10 -> { method = "GET"; path = "/api/v1/incidents/" + maybe(id) + "/history"; }
            case 11 -> { method = "GET"; path = "/api/v1/incidents/" + id + "/report?kind=" + pick("management", "ppc", "public", "x", "")
                    + "&lang=" + pick("ja", "en", "fr", ""); }
            case 12 -> { method = "POST"; path = "/api/v1/scenarios/run" + pick("", "?rules=current", "?rules=x", "?verbose=true");
                    body = mutate("{\"facts\": " + json(FactsArbitraries.facts(random)) + ", \"expect\": {\"absent\": [\"PPC_FINAL_REPORT\"]}}"); }
            case 13 -> { method = "POST"; path = "/api/v1/webhooks"; body = mutate("{\"url\": \"http://127.0.0.1:9/h\", \"secret\": \"0123456789abcdef0\", \"eventTypes\": [\"incident.opened\"]}"); }
            case 14 -> { method = pick("GET", "DELETE"); path = "/api/v1/webhooks/" + maybe(UUID.randomUUID().toString()) + pick("", "/deliveries", "/deliveries?status=X&size=0"); }
            default -> { method = pick("GET", "PATCH", "HEAD", "OPTIONS", "DELETE"); path = pick("/api/v1/rules", "/api/v1/assessments", "/api/v1/nothing", "/api/v1/incidents/" + id); }
        }
        RequestSpecification request = given().urlEncodingEnabled(false);
        String contentType = CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
        if (contentType != null) {
            request = request.contentType(contentType);
        }
        if (random.nextInt(10) == 0) {
            request = request.header("If-Match", pick("\"0\"", "W/\"1\"", "x", "\"99999999999999999999\"", ""));
        }
        if (random.nextInt(10) == 0) {
            request = request.header("Idempotency-Key", pick("k-" + random.nextInt(50), "", "x".repeat(300)));
        }
        if (body != null) {
            request = request.body(body.getBytes(StandardCharsets.UTF_8));
        }
        Response response = request.request(method, path);
        check(i, method, path, body, response);
        if (path.equals("/api/v1/webhooks") && response.statusCode() == 201) {
            String url = response.path("url");
            assertThat(url).as("mutated webhook URLs stay on loopback (incident.webhooks.allowed-hosts in tests)")
                    .matches("https?://(127\\.0\\.0\\.1|localhost)([:/].*)?");
            subscriptions.add(response.path("id"));
        }
    }

    private void check(int i, String method, String path, String body, Response response) {
        int status = response.statusCode();
        String text = response.asString();
        String contentType = response.contentType();
        String what = "#" + i + " " + method + " " + path + " → " + status + " " + contentType + " " + shorten(text)
                + (body == null ? "" : " ← " + shorten(body));
        if (status >= 500) {
            failures.add("5xx: " + what);
        } else if (status >= 400 && !method.equals("HEAD") && !(contentType != null && contentType.startsWith("application/problem+json"))) {
            failures.add("not problem+json: " + what);
        } else if (status >= 400) {
            for (String leak : LEAKS) {
                if (text.contains(leak)) {
                    failures.add("leaks '" + leak + "': " + what);
                }
            }
        }
    }

    /** Breaks a JSON text the way clients and attackers do. */
    private String mutate(String json) {
        StringBuilder s = new StringBuilder(json);
        int kind = random.nextInt(14);
        int at = s.length() == 0 ? 0 : random.nextInt(s.length());
        switch (kind) {
            case 0 -> { return json; }
            case 1 -> { return json; }
            case 2 -> s.deleteCharAt(at);
            case 3 -> s.insert(at, (char) random.nextInt(0x80));
            case 4 -> s.setLength(at);
            case 5 -> { return json.replaceFirst("(\"[a-zA-Z]+\": )(\"[^\"]*\"|-?[0-9]+|true|false|null)",
                    "$1" + pick("12", "-1", "true", "\"x\"", "[]", "{}", "1e999", "99999999999999999999999", "\"\\u0000\"", "0.5", "null")); }
            case 6 -> { return "{\"a\":" + "[".repeat(random.nextInt(2000)) + "]".repeat(random.nextInt(2000)) + "}"; }
            case 7 -> { return pick("", "null", "[]", "\"x\"", "{}", "1", "{\"awareAt\":\"2026-13-45T99:00:00+09:00\"}",
                    "{\"awareAt\":\"1899-01-01T00:00:00Z\"}", "{\"awareAt\":\"2026-11-20T09:30:00+09:00\",\"incidentTypes\":[\"RANSOMWARE\",null,7]}"); }
            case 8 -> s.insert(at, "\uD800\uDC00\u202E\uFEFF" + "\u0007");
            case 9 -> { return json + json; }
            case 10 -> { return json.replace("\"", "'"); }
            case 11 -> { return json.replaceFirst("\\{", "{\"awareAt\":\"2026-11-20T09:30:00+09:00\",\"awareAt\":\"x\","); }
            case 12 -> s.insert(at, "\"" + "ü".repeat(random.nextInt(5000)) + "\"");
            default -> { return new String(randomBytes(), StandardCharsets.ISO_8859_1); }
        }
        return s.toString();
    }

    private byte[] randomBytes() {
        byte[] b = new byte[random.nextInt(300)];
        random.nextBytes(b);
        return b;
    }

    private String query() {
        return pick("", "?status=OPEN", "?status=x", "?type=RANSOMWARE", "?overdue=true", "?overdue=maybe", "?dueBefore=2026-12-01T00:00:00Z",
                "?dueBefore=x", "?page=-1", "?size=100000", "?page=99999&size=200", "?ticketSystem=%00", "?ticketId='%20or%201=1--");
    }

    private String maybe(String id) {
        return random.nextInt(8) == 0 ? pick("not-a-uuid", "%2e%2e", "00000000-0000-0000-0000-000000000000", "", "🙂") : id;
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private static String json(IncidentFacts facts) throws Exception {
        return TestRules.JSON.writeValueAsString(facts);
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
