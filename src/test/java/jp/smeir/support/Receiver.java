package jp.smeir.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import jp.smeir.webhook.Signature;

/**
 * A webhook receiver on loopback: records every request, and answers 500 for the first {@link #failNext}
 * requests (or 503 while {@link #down} is set), 204 otherwise.
 */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Request(String eventId, String type, String signature, String body, JsonNode json, int answered,
                          Map<String, String> headers, java.time.Instant receivedAt) {

        public boolean signedWith(String secret) {
            return Signature.of(secret, body.getBytes(StandardCharsets.UTF_8)).equals(signature);
        }

        /** A request header by its name in any case; null when absent. */
        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    public final AtomicInteger failNext = new AtomicInteger();
    public volatile boolean down;
    private final java.util.concurrent.ExecutorService pool;
    /** How long each request is held before it is answered: a slow receiver, so that deliveries stay in flight. */
    public volatile long delayMillis;

    public Receiver() {
        this(0);
    }

    /** A receiver answering on that many threads at once (0: one at a time, on the server's own thread). */
    public Receiver(int threads) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        pool = threads > 0 ? java.util.concurrent.Executors.newFixedThreadPool(threads) : null;
        server.setExecutor(pool);
        server.createContext("/hook", exchange -> {
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = down ? 503 : failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            JsonNode json = TestRules.JSON.readTree(body);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            requests.add(new Request(exchange.getRequestHeaders().getFirst("X-Event-Id"),
                    exchange.getRequestHeaders().getFirst("X-Event-Type"), exchange.getRequestHeaders().getFirst("X-Signature"),
                    body, json, status, Map.copyOf(headers), java.time.Instant.now()));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests answered with 2xx, in order. */
    public List<Request> delivered() {
        return requests.stream().filter(r -> r.answered() < 300).toList();
    }

    /** Waits until the condition holds on the delivered requests (the dispatcher polls every second). */
    public List<Request> await(Predicate<List<Request>> condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            List<Request> got = delivered();
            if (condition.test(got)) {
                return got;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("the receiver did not get what was expected within " + timeout + "; it got "
                + requests.stream().map(r -> r.type() + "/" + r.answered()).toList());
    }

    public static Map<String, Object> subscription(String url, String secret, String... types) {
        return Map.of("url", url, "secret", secret, "eventTypes", List.of(types));
    }

    /** A subscription that also gets obligation events for CONDITIONAL duties. */
    public static Map<String, Object> withConditional(String url, String secret, String... types) {
        return Map.of("url", url, "secret", secret, "eventTypes", List.of(types), "includeConditional", true);
    }

    @Override
    public void close() {
        server.stop(0);
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
