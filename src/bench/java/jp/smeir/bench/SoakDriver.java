package jp.smeir.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * The soak of {@code src/bench/soak.sh}: a bounded mixed load on the packaged service for a given time, then the
 * checks. The JDK and Jackson only.
 * <ul>
 * <li>two writers (each its own incidents): open an incident, replace its facts with If-Match, record a completion;
 * every 2xx is noted with the version its ETag gives and what it wrote;</li>
 * <li>three readers: an incident, or a page of the list with a filter; one client posting assessments;</li>
 * <li>slow clients, at most four at once: POSTs whose body trickles in, half within the service's body timeout
 * (their 201s are noted as writes), half too slowly (408 expected);</li>
 * <li>two webhook subscribers in this process: a healthy one (answers 204 at once, counts the event ids) and a hung
 * one (accepts the connection and never answers; at most 64 connections kept, older ones closed).</li>
 * </ul>
 * Then it waits (at most 90 s) for the healthy subscriber to receive every delivery made for it, reads back every
 * acknowledged write, and prints the summary; exit status 1 on any 5xx, lost write, undelivered event, I/O
 * error of an ordinary request, or a healthy subscriber's lag of 2 s or more at p99. Each kind of client keeps to a
 * bounded rate (below).
 * Usage: {@code SoakDriver <base-url> <seconds> <healthy-port> <hung-port>}.
 */
public final class SoakDriver {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("bench:bench-pass".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FACTS = "{\"title\":\"soak %d\",\"awareAt\":\"%s\",\"incidentTypes\":[\"RANSOMWARE\"],"
            + "\"organization\":{\"sector\":\"GENERAL\",\"dataProcessor\":false,\"cyberInsurance\":true,\"inHouseCapability\":false},"
            + "\"personalData\":{\"breach\":\"SUSPECTED\",\"affectedPersons\":%d,\"sensitive\":false,\"financialHarmRisk\":false,"
            + "\"cardData\":false,\"myNumber\":false,\"encrypted\":false,\"euResidents\":false,\"subjectsReachable\":true},"
            + "\"impact\":{\"systemDown\":true,\"businessStopped\":true,\"damageSpreading\":true}}";
    private static final String[] FILTERS = {"", "status=OPEN", "status=CLOSED", "type=RANSOMWARE", "overdue=true",
            "overdue=false", "ticketSystem=jira", "status=OPEN&overdue=false", "page=3&size=50"};

    /** Status codes per kind of request, e.g. "open 201". */
    private static final Map<String, LongAdder> CODES = new ConcurrentHashMap<>();
    private static final LongAdder IO_ERRORS = new LongAdder();
    private static final List<String> FIRST_ERRORS = new ArrayList<>();
    /** What the service acknowledged: incident id → the write it last acknowledged. */
    private static final Map<String, Written> WRITTEN = new ConcurrentHashMap<>();
    private static final Set<String> RECEIVED = ConcurrentHashMap.newKeySet();
    private static final AtomicLong SEQ = new AtomicLong();
    /** Of the healthy subscriber: ms from an event's occurredAt to its first receipt. */
    private static final java.util.Queue<Long> LAGS = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private static final Pattern OCCURRED = Pattern.compile("\"occurredAt\":\"([^\"]+)\"");
    /** The same lags by event type, to tell which events wait. */
    private static final Map<String, java.util.Queue<Long>> LAGS_BY_TYPE = new ConcurrentHashMap<>();
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z_.]+)\"");

    /** The last acknowledged write of an incident: its version, the persons in its facts, the items completed. */
    record Written(long version, int persons, Set<String> completed) {
    }

    private SoakDriver() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        long seconds = Long.parseLong(args[1]);
        int healthyPort = Integer.parseInt(args[2]);
        int hungPort = Integer.parseInt(args[3]);
        HttpServer healthy = healthyReceiver(healthyPort);
        Thread hung = hungReceiver(hungPort);
        String healthyHook = subscribe(base, healthyPort);
        subscribe(base, hungPort);

        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService workers = Executors.newFixedThreadPool(10);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            running.add(workers.submit(() -> loop(end, WRITES_PER_SECOND / 2, () -> write(base))));
        }
        for (int i = 0; i < 3; i++) {
            running.add(workers.submit(() -> loop(end, READS_PER_SECOND / 3, () -> read(base))));
        }
        running.add(workers.submit(() -> loop(end, ASSESSMENTS_PER_SECOND, () -> assess(base))));
        for (int i = 0; i < 4; i++) {
            boolean onTime = i % 2 == 0;
            running.add(workers.submit(() -> loop(end, 0, () -> slow(base, onTime))));
        }
        for (Future<?> f : running) {
            f.get();
        }
        workers.shutdown();
        System.out.printf("load: %d s, %d incidents written%n", seconds, WRITTEN.size());

        // the healthy subscriber gets every delivery made for it
        long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        long made;
        do {
            made = deliveries(base, healthyHook, null);
            if (RECEIVED.size() >= made) {
                break;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < wait);
        long delivered = deliveries(base, healthyHook, "DELIVERED");
        long missing = Math.max(0, made - RECEIVED.size());
        healthy.stop(0);
        hung.interrupt();

        long lost = verify(base);
        long fiveXx = CODES.entrySet().stream().filter(e -> e.getKey().matches(".* 5\\d\\d"))
                .mapToLong(e -> e.getValue().sum()).sum();
        System.out.println("answers by request and status: " + new TreeMap<>(CODES.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().sum()))));
        System.out.printf("5xx: %d%n", fiveXx);
        System.out.printf("I/O errors of ordinary requests: %d%s%n", IO_ERRORS.sum(), FIRST_ERRORS.isEmpty() ? "" : " " + FIRST_ERRORS);
        System.out.printf("lost writes: %d of %d incidents acknowledged (%d completions)%n", lost, WRITTEN.size(),
                WRITTEN.values().stream().mapToInt(w -> w.completed().size()).sum());
        System.out.printf("healthy subscriber: %d events received, %d deliveries made for it (%d DELIVERED), %d missing%n",
                RECEIVED.size(), made, delivered, missing);
        long[] lags = LAGS.stream().mapToLong(Long::longValue).sorted().toArray();
        long lagP99 = lags.length == 0 ? 0 : lags[Math.min(lags.length - 1, (int) Math.ceil(lags.length * 0.99) - 1)];
        if (lags.length > 0) {
            System.out.printf("healthy subscriber's lag from occurredAt: p50 %d ms, p99 %d ms, max %d ms (limit at p99: %d ms)%n",
                    lags[lags.length / 2], lagP99, lags[lags.length - 1], LAG_LIMIT_MS);
            new java.util.TreeMap<>(LAGS_BY_TYPE).forEach((type, byType) -> {
                long[] sorted = byType.stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("  %s: %d events, p50 %d ms, p99 %d ms, %d over 900 ms%n", type, sorted.length, sorted[sorted.length / 2],
                        sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)],
                        java.util.Arrays.stream(sorted).filter(l -> l > 900).count());
            });
        }
        System.out.printf("load: at most %.0f write cycles, %.0f reads and %.0f assessments a second, 4 slow clients%n",
                WRITES_PER_SECOND, READS_PER_SECOND, ASSESSMENTS_PER_SECOND);
        boolean failed = fiveXx > 0 || lost > 0 || missing > 0 || IO_ERRORS.sum() > 0 || lagP99 >= LAG_LIMIT_MS;
        System.out.println(failed ? "SOAK FAILED" : "soak passed");
        System.exit(failed ? 1 : 0);
    }

    interface Step {
        void run() throws Exception;
    }

    /**
     * The load is bounded, as the service's users make it: at most so many write cycles (open, facts, completion),
     * reads and assessments a second (SOAK_WRITES, SOAK_READS, SOAK_ASSESSMENTS; 0 = as fast as answered, which
     * measures a saturated service rather than its steady state).
     */
    private static final double WRITES_PER_SECOND = rate("SOAK_WRITES", 4);
    private static final double READS_PER_SECOND = rate("SOAK_READS", 60);
    private static final double ASSESSMENTS_PER_SECOND = rate("SOAK_ASSESSMENTS", 20);
    /** The healthy subscriber's lag from an event's occurredAt to its receipt, at p99, must stay under this. */
    private static final long LAG_LIMIT_MS = (long) rate("SOAK_LAG_LIMIT_MS", 2000);

    private static double rate(String name, double fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value);
    }

    /** Runs the step until the end, at most perSecond times a second (0: without a pause). */
    private static void loop(long end, double perSecond, Step step) {
        long interval = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
        long next = System.nanoTime();
        while (System.nanoTime() < end) {
            if (interval > 0) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    try {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                next = Math.max(next + interval, System.nanoTime() - interval);
            }
            try {
                step.run();
            } catch (IOException e) {
                IO_ERRORS.increment();
                note(e.toString());
            } catch (Exception e) {
                note(e.toString());
                throw new IllegalStateException(e);
            }
        }
    }

    private static synchronized void note(String error) {
        if (FIRST_ERRORS.size() < 5) {
            FIRST_ERRORS.add(error);
        }
    }

    // ── Load ───────────────────────────────────────────────────────────────────────────────────────────────

    /** Opens an incident, replaces its facts with If-Match, records a completion: each acknowledged write noted. */
    private static void write(String base) throws Exception {
        int persons = 1000 + ThreadLocalRandom.current().nextInt(1000);
        HttpResponse<String> opened = call("open", "POST", base + "/api/v1/incidents", facts(persons), null);
        if (opened.statusCode() != 201) {
            return;
        }
        String id = JSON.readTree(opened.body()).path("id").asText();
        WRITTEN.put(id, new Written(version(opened), persons, Set.of()));
        int more = persons + 1;
        HttpResponse<String> changed = call("facts", "PUT", base + "/api/v1/incidents/" + id + "/facts", facts(more),
                opened.headers().firstValue("ETag").orElseThrow());
        if (changed.statusCode() != 200) {
            return;
        }
        WRITTEN.put(id, new Written(version(changed), more, Set.of()));
        String code = null;
        for (JsonNode item : JSON.readTree(changed.body()).path("progress")) {
            if (item.path("completion").isNull() || item.path("completion").isMissingNode()) {
                code = item.path("code").asText();
                break;
            }
        }
        if (code == null) {
            return;
        }
        HttpResponse<String> done = call("completion", "POST", base + "/api/v1/incidents/" + id + "/items/" + code + "/completion",
                "{\"by\":\"soak\",\"note\":\"soak\"}", null);
        if (done.statusCode() == 200) {
            WRITTEN.put(id, new Written(version(done), more, Set.of(code)));
        }
    }

    private static void read(String base) throws Exception {
        List<String> ids = List.copyOf(WRITTEN.keySet());
        if (!ids.isEmpty() && ThreadLocalRandom.current().nextBoolean()) {
            call("get", "GET", base + "/api/v1/incidents/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())), null, null);
        } else {
            String filter = FILTERS[ThreadLocalRandom.current().nextInt(FILTERS.length)];
            call("list", "GET", base + "/api/v1/incidents" + (filter.isEmpty() ? "" : "?" + filter), null, null);
        }
    }

    private static void assess(String base) throws Exception {
        call("assess", "POST", base + "/api/v1/assessments", facts(500), null);
    }

    /**
     * A POST to /incidents whose body trickles in over a raw socket: on time (about 3 s in all, within the
     * service's body timeout: a 201, noted as a write) or too slowly (a byte a second: the service answers 408).
     */
    private static void slow(String base, boolean onTime) throws Exception {
        URI uri = URI.create(base);
        int persons = 100 + ThreadLocalRandom.current().nextInt(100);
        byte[] body = facts(persons).getBytes(StandardCharsets.UTF_8);
        String kind = onTime ? "slow-on-time" : "slow-too-slow";
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/incidents HTTP/1.1\r\nHost: " + uri.getHost() + "\r\nAuthorization: " + AUTH
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int chunk = onTime ? Math.max(1, body.length / 30) : 1;
            long pause = onTime ? 100 : 1000;
            InputStream in = socket.getInputStream();
            for (int sent = 0; sent < body.length; sent += chunk) {
                try {
                    out.write(body, sent, Math.min(chunk, body.length - sent));
                    out.flush();
                } catch (IOException e) {
                    break;   // the service gave up on the body: its answer is read below
                }
                if (in.available() > 0) {
                    break;
                }
                Thread.sleep(pause);
            }
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String status = answer.length() > 12 ? answer.substring(9, 12) : "none";
            count(kind, status);
            if (status.equals("201")) {
                // the body may come in chunks: the incident's id is the first "id" in it, its version the ETag
                Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(answer);
                Matcher etag = Pattern.compile("(?i)\r\netag: \"?(\\d+)").matcher(answer);
                if (!id.find() || !etag.find()) {
                    throw new IllegalStateException("a 201 without an id or ETag: " + answer);
                }
                WRITTEN.put(id.group(1), new Written(Long.parseLong(etag.group(1)), persons, Set.of()));
            }
        } catch (IOException e) {
            count(kind, "reset");   // a connection the service closed is what a too slow body may get
        }
    }

    private static String facts(int persons) {
        String awareAt = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).truncatedTo(ChronoUnit.SECONDS).toString();
        return FACTS.formatted(SEQ.incrementAndGet(), awareAt, persons);
    }

    // ── Webhooks ───────────────────────────────────────────────────────────────────────────────────────────

    private static HttpServer healthyReceiver(int port) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            if (id != null && RECEIVED.add(id)) {
                Matcher at = OCCURRED.matcher(body);
                if (at.find()) {
                    long lag = Duration.between(OffsetDateTime.parse(at.group(1)).toInstant(), java.time.Instant.now()).toMillis();
                    LAGS.add(lag);
                    Matcher type = TYPE.matcher(body);
                    LAGS_BY_TYPE.computeIfAbsent(type.find() ? type.group(1) : "?", k -> new java.util.concurrent.ConcurrentLinkedQueue<>()).add(lag);
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        return server;
    }

    /** Accepts connections and never answers; keeps at most 64 open, closing the oldest. */
    private static Thread hungReceiver(int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.bind(new InetSocketAddress("127.0.0.1", port), 64);
        Thread thread = new Thread(() -> {
            ArrayDeque<Socket> held = new ArrayDeque<>();
            try (server) {
                while (!Thread.currentThread().isInterrupted()) {
                    held.add(server.accept());
                    if (held.size() > 64) {
                        held.poll().close();
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }, "hung-receiver");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static String subscribe(String base, int port) throws Exception {
        HttpResponse<String> r = call("subscribe", "POST", base + "/api/v1/webhooks",
                "{\"url\":\"http://127.0.0.1:" + port + "/hook\",\"secret\":\"soak-secret-0123456789\",\"eventTypes\":[\"*\"]}", null);
        if (r.statusCode() != 201) {
            throw new IllegalStateException("subscribe: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body()).path("id").asText();
    }

    private static long deliveries(String base, String hook, String status) throws Exception {
        HttpResponse<String> r = call("deliveries", "GET", base + "/api/v1/webhooks/" + hook + "/deliveries?size=1"
                + (status == null ? "" : "&status=" + status), null, null);
        return Long.parseLong(r.headers().firstValue("X-Total-Count").orElse("0"));
    }

    // ── Checks ─────────────────────────────────────────────────────────────────────────────────────────────

    /** Reads every acknowledged incident back: found, at least at its acknowledged version, with its facts and completions. */
    private static long verify(String base) throws Exception {
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<Boolean>> checks = new ArrayList<>();
        WRITTEN.forEach((id, written) -> checks.add(readers.submit(() -> {
            HttpResponse<String> r = call("verify", "GET", base + "/api/v1/incidents/" + id, null, null);
            if (r.statusCode() != 200) {
                note("lost " + id + ": " + r.statusCode());
                return false;
            }
            JsonNode incident = JSON.readTree(r.body());
            boolean ok = incident.path("version").asLong() >= written.version()
                    && incident.path("facts").path("personalData").path("affectedPersons").asInt() == written.persons();
            for (JsonNode item : incident.path("progress")) {
                if (written.completed().contains(item.path("code").asText()) && item.path("completion").isNull()) {
                    ok = false;
                }
            }
            if (!ok) {
                note("lost write of " + id + ": acknowledged " + written + ", read version " + incident.path("version"));
            }
            return ok;
        })));
        long lost = 0;
        for (Future<Boolean> c : checks) {
            lost += c.get() ? 0 : 1;
        }
        readers.shutdown();
        return lost;
    }

    private static HttpResponse<String> call(String kind, String method, String url, String body, String ifMatch) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTH)
                .timeout(Duration.ofSeconds(30));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        count(kind, String.valueOf(response.statusCode()));
        if (response.statusCode() >= 500) {
            note(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static void count(String kind, String status) {
        CODES.computeIfAbsent(kind + " " + status, k -> new LongAdder()).increment();
    }

    private static long version(HttpResponse<String> r) {
        return Long.parseLong(r.headers().firstValue("ETag").orElseThrow().replace("\"", "").replace("W/", ""));
    }
}
