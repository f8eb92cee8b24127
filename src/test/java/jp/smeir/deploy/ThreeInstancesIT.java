package jp.smeir.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import jp.smeir.support.AppProcess;
import jp.smeir.support.Folders;
import jp.smeir.support.Incidents;
import jp.smeir.support.Receiver;
import jp.smeir.support.TestRules;

/**
 * Three instances of the packaged application on one PostgreSQL, as behind a load balancer: 1,000 incidents opened
 * round-robin, each event delivered once and in order per incident, each reminder once, a reload on one instance
 * served by all three within 5 s, and a {@code kill -9} of one instance under load that loses no acknowledged write
 * and whose claimed deliveries the others send after its lease. Runs in the PostgreSQL leg of {@code .ci/run}
 * ({@code -Dquarkus.profile=prod,pg}, INCIDENT_DB_URL naming the database); skipped on the embedded H2.
 */
class ThreeInstancesIT {

    private static final int INCIDENTS = Integer.getInteger("replicas.incidents", 1000);
    private static final Duration LEASE = Duration.ofSeconds(15);
    private static final String SECRET = "three-instances-secret-0123456789";
    private static final String AUTH = "Basic " + Base64.getEncoder()
            .encodeToString((AppProcess.ADMIN + ":" + AppProcess.PASSWORD).getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path work;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void threeInstancesOnOneDatabaseShareTheWorkAndOneTruth() throws Exception {
        Assumptions.assumeTrue(System.getProperty("quarkus.profile", "").contains("pg") && System.getenv("INCIDENT_DB_URL") != null,
                "needs PostgreSQL: runs in the PostgreSQL leg of .ci/run (-Dquarkus.profile=prod,pg and INCIDENT_DB_URL)");
        Path rules = work.resolve("rules");
        Folders.copy(Path.of("rules"), rules);
        Map<String, String> settings = Map.of(
                "incident.rules.folder", rules.toString(),
                "incident.webhooks.lease", LEASE.toSeconds() + "s",
                "incident.webhooks.timeout", "5s",
                "incident.reminders.poll-interval", "2s",
                "incident.reminders.start-delay", "1s",
                "incident.rate-limit.enabled", "false",
                "incident.rules.reload-rehearsal.enabled", "false");
        List<CompletableFuture<AppProcess>> starting = IntStream.range(0, 3)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> AppProcess.start(work.resolve("data" + i), settings))).toList();
        List<AppProcess> apps = starting.stream().map(CompletableFuture::join).toList();
        phase("three instances started");
        try (Receiver receiver = new Receiver(32); Connection db = database()) {
            String subscription = send(apps.get(0), "POST", "/api/v1/webhooks", TestRules.JSON.writeValueAsString(
                    Receiver.subscription(receiver.url(), SECRET, "incident.opened", "incident.status_changed", "obligation.overdue")))
                    .path("id").asText();

            // 1. 1,000 incidents round-robin, every tenth aware since 20 November (its early duties overdue, so reminded
            //    of at once by the three sweeps together), each contained through the next instance
            List<String> ids = openRoundRobin(apps, INCIDENTS);
            phase("1,000 incidents opened");
            assertThat(ids).hasSize(INCIDENTS).doesNotHaveDuplicates();
            runAll(INCIDENTS, i -> send(apps.get((i + 1) % 3), "POST", "/api/v1/incidents/" + ids.get(i) + "/status",
                    "{\"status\": \"CONTAINED\", \"reason\": \"isolated\"}"));
            awaitNothingPending(db, subscription, Duration.ofSeconds(180));
            phase("1,000 incidents opened, contained and delivered");
            List<Receiver.Request> got = receiver.delivered();
            Map<String, Long> times = got.stream().collect(Collectors.groupingBy(Receiver.Request::eventId, Collectors.counting()));
            assertThat(times.values()).as("deliveries per event id").allMatch(n -> n == 1);
            Map<String, List<String>> stored = storedOrder(db, subscription);
            assertThat(times.keySet()).as("every stored event delivered").containsExactlyInAnyOrderElementsOf(
                    stored.values().stream().flatMap(List::stream).toList());
            assertThat(arrivalOrder(got)).as("events in order per incident").isEqualTo(stored);
            List<String> reminders = got.stream().filter(r -> r.type().equals("obligation.overdue"))
                    .map(r -> r.json().path("incidentId").asText() + " " + r.json().path("item").path("code").asText()).toList();
            assertThat(reminders).as("overdue reminders, one per incident and duty").isNotEmpty().doesNotHaveDuplicates();
            // the database may hold other tests' incidents, whose reminders this subscriber gets too: count this test's
            Set<String> mine = Set.copyOf(ids);
            assertThat(reminders.stream().map(r -> r.split(" ")[0]).filter(mine::contains).distinct().count()).isEqualTo(INCIDENTS / 10);

            phase("deliveries and reminders checked");
            // 2. a reload on one instance is served by all three within 5 s
            String before = send(apps.get(0), "GET", "/api/v1/rules", null).path("version").asText();
            Path appi = rules.resolve("appi.drl");
            Files.writeString(appi, Files.readString(appi) + "\n// three instances " + UUID.randomUUID() + "\n");
            String reloaded = send(apps.get(0), "POST", "/api/v1/rules/reload", "{}").path("version").asText();
            long reloadedAt = System.nanoTime();
            try {
                assertThat(reloaded).isNotEqualTo(before);
                for (AppProcess app : apps) {
                    awaitVersion(app, reloaded, reloadedAt + Duration.ofSeconds(5).toNanos());
                }
            } finally {
                send(apps.get(1), "POST", "/api/v1/rules/versions/" + before + "/activate", "{}");
            }

            phase("reload served by all three");
            // 3. kill -9 of one instance under load, with a slow receiver so that it has deliveries in flight
            receiver.delayMillis = 200;
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicInteger opened = new AtomicInteger();
            ExecutorService load = Executors.newFixedThreadPool(6);
            List<AppProcess> alive = new java.util.concurrent.CopyOnWriteArrayList<>(apps);
            for (int t = 0; t < 6; t++) {
                int thread = t;
                load.submit(() -> {
                    for (int i = thread; opened.get() < 300; i++) {
                        AppProcess app = alive.get(i % alive.size());
                        try {
                            acknowledged.add(send(app, "POST", "/api/v1/incidents", facts(i, "after kill " + i)).path("id").asText());
                            opened.incrementAndGet();
                        } catch (Exception refused) {
                            // the killed instance: not acknowledged, so the client would try again elsewhere
                        }
                    }
                    return null;
                });
            }
            while (opened.get() < 100) {
                Thread.sleep(20);
            }
            AppProcess killed = apps.get(2);
            alive.remove(killed);
            killed.kill();
            Map<Long, String> claimedAtKill = claims(db);
            load.shutdown();
            assertThat(load.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
            // claims that are still the same seconds later are the dead instance's: the living ones answer within 0.5 s
            Thread.sleep(3_000);
            Map<Long, String> orphans = new HashMap<>(claims(db));
            orphans.entrySet().retainAll(claimedAtKill.entrySet());
            assertThat(orphans).as("deliveries the killed instance held").isNotEmpty();

            phase("killed one instance");
            awaitNothingPending(db, subscription, LEASE.plusSeconds(120));
            phase("the killed instance's deliveries made by the others");
            for (String id : acknowledged) {
                send(apps.get(0), "GET", "/api/v1/incidents/" + id, null);
            }
            List<Receiver.Request> all = receiver.delivered();
            Set<String> received = all.stream().map(Receiver.Request::eventId).collect(Collectors.toSet());
            Map<Long, String> orphanEvents = eventIds(db, orphans.keySet());
            assertThat(received).as("the killed instance's deliveries, sent by the others after its lease").containsAll(orphanEvents.values());
            Map<String, List<String>> storedAfter = storedOrder(db, subscription);
            assertThat(received).as("every stored event delivered").containsExactlyInAnyOrderElementsOf(
                    storedAfter.values().stream().flatMap(List::stream).toList());
            assertThat(arrivalOrder(all)).as("events in order per incident, by first arrival").isEqualTo(storedAfter);
            Set<String> twice = all.stream().collect(Collectors.groupingBy(Receiver.Request::eventId, Collectors.counting()))
                    .entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).collect(Collectors.toSet());
            assertThat(orphanEvents.values()).as("only deliveries in flight at the crash may arrive twice").containsAll(twice);
        } finally {
            apps.forEach(AppProcess::close);
        }
    }

    /** Opens the incidents from 8 clients, the i-th through instance i mod 3; their ids in that order. */
    private List<String> openRoundRobin(List<AppProcess> apps, int count) throws Exception {
        String[] ids = new String[count];
        runAll(count, i -> ids[i] = send(apps.get(i % 3), "POST", "/api/v1/incidents", facts(i, "replica " + i)).path("id").asText());
        return List.of(ids);
    }

    /**
     * A misdelivery reportable to the PPC (over 1,000 persons), every tenth aware since 20 November 2026 (as
     * {@link Incidents#misdelivery}), the others aware now.
     */
    private static String facts(int i, String title) {
        String body = Incidents.misdelivery(1001 + i % 500, title);
        return i % 10 == 0 ? body
                : body.replace("2026-11-20T09:30:00+09:00", OffsetDateTime.now(ZoneOffset.ofHours(9)).withNano(0).toString());
    }

    private interface Step {
        void run(int i) throws Exception;
    }

    private static void runAll(int count, Step step) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                done.add(clients.submit(() -> {
                    step.run(n);
                    return null;
                }));
            }
            for (var f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** Sends a request as the admin; the answer's JSON, or an exception for anything but 2xx. */
    private JsonNode send(AppProcess app, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app.url() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", AUTH).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(method + " " + path + " on " + app.url() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body().isEmpty() ? TestRules.JSON.nullNode() : TestRules.JSON.readTree(response.body());
    }

    private void awaitVersion(AppProcess app, String version, long deadline) throws Exception {
        String assessment = facts(1, "version check");
        while (true) {
            String served = send(app, "POST", "/api/v1/assessments", assessment).path("rulesetVersion").asText();
            if (served.equals(version)) {
                return;
            }
            assertThat(System.nanoTime()).as("%s serves %s 5 s after the reload, not %s", app.url(), served, version).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The event ids each incident's deliveries to the subscription were stored in, in that order. */
    private static Map<String, List<String>> storedOrder(Connection db, String subscription) throws SQLException {
        Map<String, List<String>> order = new LinkedHashMap<>();
        try (var query = db.prepareStatement("select d.incident_id, e.event_id from webhook_delivery d join outbox_event e on e.id = d.event_pk "
                + "where d.subscription_id = ? order by d.id")) {
            query.setObject(1, UUID.fromString(subscription));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    order.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(rows.getString(2));
                }
            }
        }
        return order;
    }

    /** Each incident's event ids in the order they first arrived. */
    private static Map<String, List<String>> arrivalOrder(List<Receiver.Request> got) {
        Map<String, List<String>> order = new LinkedHashMap<>();
        for (Receiver.Request r : got) {
            List<String> events = order.computeIfAbsent(r.json().path("incidentId").asText(), k -> new ArrayList<>());
            if (!events.contains(r.eventId())) {
                events.add(r.eventId());
            }
        }
        return order;
    }

    /** Pending deliveries claimed now: id → claimant and lease. */
    private static Map<Long, String> claims(Connection db) throws SQLException {
        Map<Long, String> claims = new HashMap<>();
        try (var rows = db.createStatement().executeQuery("select id, claimed_by, claimed_until from webhook_delivery "
                + "where status = 'PENDING' and claimed_until > current_timestamp")) {
            while (rows.next()) {
                claims.put(rows.getLong(1), rows.getString(2) + " " + rows.getTimestamp(3).toInstant());
            }
        }
        return claims;
    }

    private static Map<Long, String> eventIds(Connection db, Set<Long> deliveries) throws SQLException {
        Map<Long, String> events = new HashMap<>();
        try (var query = db.prepareStatement("select d.id, e.event_id, d.status from webhook_delivery d join outbox_event e on e.id = d.event_pk where d.id = ?")) {
            for (long id : deliveries) {
                query.setLong(1, id);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    assertThat(row.getString(3)).as("delivery %d", id).isEqualTo("DELIVERED");
                    events.put(id, row.getString(2));
                }
            }
        }
        return events;
    }

    /** Waits until every passed deadline has been reminded of and every delivery to the subscription made. */
    private static void awaitNothingPending(Connection db, String subscription, Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        long pending = -1;
        while (System.nanoTime() < end) {
            try (var query = db.prepareStatement("select (select count(*) from obligation_deadline where due_at < current_timestamp) "
                    + "+ (select count(*) from webhook_delivery where subscription_id = ? and status = 'PENDING')")) {
                query.setObject(1, UUID.fromString(subscription));
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    pending = row.getLong(1);
                }
            }
            if (pending == 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(pending + " deadlines not reminded of or deliveries still pending after " + timeout);
    }

    private final long started = System.nanoTime();

    /** Says in the test's output how long the test had run when a phase ended. */
    private void phase(String what) {
        System.out.printf("ThreeInstancesIT: %s after %d s%n", what, Duration.ofNanos(System.nanoTime() - started).toSeconds());
    }

    private static Connection database() throws SQLException {
        String password = System.getenv("INCIDENT_DB_PASSWORD");
        return DriverManager.getConnection(System.getenv("INCIDENT_DB_URL"), System.getenv().getOrDefault("INCIDENT_DB_USER", "postgres"),
                password == null ? "" : password);
    }
}
