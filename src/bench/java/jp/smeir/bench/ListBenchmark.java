package jp.smeir.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The list filters of GET /api/v1/incidents on a big table (BENCHMARKS.md, "Lists on big tables"); run by
 * {@code src/bench/lists.sh}, which starts the packaged service. The JDK, a JDBC driver and Jackson:
 * <ul>
 * <li>{@code templates <base-url>}: opens incidents through the API (five kinds, three times of awareness, five
 * stages of progress up to closed, with completions), as real use stores them;</li>
 * <li>{@code seed <jdbc-url> <user> <count>} (service stopped, or on PostgreSQL running): copies those incidents
 * with every row they have (assessments, history, watched deadlines, completions, types) until there are
 * {@code count}, each copy moved back in time as a whole, opened over three years (older ones mostly closed, as
 * a real store has them), half of them with a ticket;</li>
 * <li>{@code measure <base-url> <requests>}: each filter {@code requests} times alone, then from 8 clients at
 * once ({@code requests} / 2 each), and prints the matches and the p50 / p99 per filter. An incident is opened
 * every half second meanwhile, as in a store in use (and so that H2 cannot answer a count from the result of the
 * same query before).</li>
 * </ul>
 */
public final class ListBenchmark {

    private static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("bench:bench-pass".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Instant NEVER = Instant.parse("9999-12-31T23:59:59Z");

    private ListBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "templates" -> templates(args[1]);
            case "seed" -> seed(args[1], args[2], Integer.parseInt(args[3]));
            case "measure" -> measure(args[1], Integer.parseInt(args[2]));
            default -> throw new IllegalArgumentException("templates | seed | measure");
        }
    }

    // ── Templates through the API ──────────────────────────────────────────────────────────────────────────

    private static final String[][] KINDS = {
            {"RANSOMWARE", "\"personalData\":{\"breach\":\"SUSPECTED\",\"affectedPersons\":1200,\"sensitive\":false,\"cardData\":false,\"myNumber\":false,\"encrypted\":false},\"impact\":{\"systemDown\":true,\"businessStopped\":true,\"damageSpreading\":true}"},
            {"MISDELIVERY", "\"personalData\":{\"breach\":\"CONFIRMED\",\"affectedPersons\":1500,\"sensitive\":false,\"financialHarmRisk\":false,\"cardData\":false,\"myNumber\":false,\"encrypted\":false,\"subjectsReachable\":true}"},
            {"PHISHING\",\"BUSINESS_EMAIL_COMPROMISE", "\"personalData\":{\"breach\":\"NONE\"},\"impact\":{\"customersAffected\":false}"},
            {"DDOS", "\"impact\":{\"systemDown\":true,\"businessStopped\":false,\"externallyAccessible\":true}"},
            {"DEVICE_LOSS", "\"personalData\":{\"breach\":\"SUSPECTED\",\"affectedPersons\":40,\"sensitive\":true,\"encrypted\":false}"},
    };
    private static final Duration[] AWARE_AGO = {Duration.ofMinutes(20), Duration.ofDays(2), Duration.ofDays(12)};
    private static final String[] STAGES = {"OPEN", "OPEN_PARTLY_DONE", "CONTAINED", "RECOVERED", "CLOSED"};

    static void templates(String base) throws Exception {
        int made = 0;
        for (String[] kind : KINDS) {
            for (Duration ago : AWARE_AGO) {
                for (String stage : STAGES) {
                    String awareAt = OffsetDateTime.now(ZoneOffset.ofHours(9)).minus(ago).truncatedTo(ChronoUnit.SECONDS).toString();
                    String facts = "{\"title\":\"" + kind[0].replace("\",\"", "/") + " " + stage.toLowerCase() + "\",\"awareAt\":\"" + awareAt
                            + "\",\"incidentTypes\":[\"" + kind[0] + "\"],\"organization\":{\"sector\":\"GENERAL\",\"dataProcessor\":false,"
                            + "\"inHouseCapability\":false}," + kind[1] + "}";
                    String id = field(call("POST", base + "/api/v1/incidents", facts, 201), "id");
                    if (!stage.equals("OPEN")) {
                        List<String> codes = openCodes(call("GET", base + "/api/v1/incidents/" + id, null, 200));
                        List<String> done = switch (stage) {
                            case "CLOSED" -> codes;
                            case "RECOVERED" -> codes.subList(0, Math.max(0, codes.size() - 1));
                            default -> codes.subList(0, codes.size() / 2);
                        };
                        for (String code : done) {
                            call("POST", base + "/api/v1/incidents/" + id + "/items/" + code + "/completion", "{\"by\":\"bench\"}", 200);
                        }
                    }
                    if (!stage.startsWith("OPEN")) {
                        call("POST", base + "/api/v1/incidents/" + id + "/status", "{\"status\":\"" + stage + "\",\"reason\":\"bench\"}", 200);
                    }
                    made++;
                }
            }
        }
        System.out.println("templates opened through the API: " + made);
    }

    /** The codes of the items neither done nor not applicable. */
    private static List<String> openCodes(String incident) throws Exception {
        List<String> codes = new ArrayList<>();
        for (var item : new com.fasterxml.jackson.databind.ObjectMapper().readTree(incident).path("progress")) {
            if (List.of("OPEN", "OVERDUE").contains(item.path("state").asText())) {
                codes.add(item.path("code").asText());
            }
        }
        return codes;
    }

    // ── Copies through JDBC ────────────────────────────────────────────────────────────────────────────────

    private static final String[] CHILDREN = {"incident_type", "assessment_record", "incident_event", "obligation_deadline",
            "item_completion", "item_not_applicable", "item_assignee"};

    record Table(String name, List<String> columns, List<Integer> types, Map<UUID, List<Object[]>> rowsByIncident) {
    }

    static void seed(String url, String user, int count) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, user, "")) {
            db.setAutoCommit(false);
            Table incidents = read(db, "incident", "id");
            List<Object[]> templates = incidents.rowsByIncident().values().stream().flatMap(List::stream).toList();
            List<Table> children = new ArrayList<>();
            for (String name : CHILDREN) {
                children.add(read(db, name, "incident_id"));
            }
            int status = incidents.columns().indexOf("status");
            List<Object[]> closed = templates.stream().filter(r -> "CLOSED".equals(r[status])).toList();
            Random random = new Random(20);
            Instant now = Instant.now();
            int existing = templates.size();
            long started = System.nanoTime();
            Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
            inserts.put("incident", insert(db, incidents));
            for (Table t : children) {
                inserts.put(t.name(), insert(db, t));
            }
            for (int n = 0; n < count - existing; n++) {
                // opened over three years; past four months nearly everything is closed, as in a real store
                long ageMillis = (long) (random.nextDouble() * Duration.ofDays(3 * 365).toMillis());
                boolean old = ageMillis > Duration.ofDays(120).toMillis() && random.nextInt(20) != 0;
                Object[] template = old ? closed.get(random.nextInt(closed.size())) : templates.get(random.nextInt(templates.size()));
                Instant opened = instant(template[incidents.columns().indexOf("opened_at")]);
                Duration shift = Duration.between(opened, now.minusMillis(ageMillis));
                UUID id = timeOrdered(opened.plus(shift), random);
                UUID templateId = (UUID) template[incidents.columns().indexOf("id")];
                Object[] copy = shifted(template, incidents, shift);
                set(copy, incidents, "id", id);
                set(copy, incidents, "idempotency_key", null);
                set(copy, incidents, "request_digest", null);
                String system = n % 2 == 0 ? null : n % 4 == 1 ? "Jira" : "Backlog";
                set(copy, incidents, "ticket_system", system);
                set(copy, incidents, "ticket_system_key", system == null ? null : system.toLowerCase());
                set(copy, incidents, "ticket_claim", system == null ? null : system.toLowerCase());
                set(copy, incidents, "ticket_id", system == null ? null : "BENCH-" + n);
                add(inserts.get("incident"), incidents, copy);
                for (Table t : children) {
                    for (Object[] row : t.rowsByIncident().getOrDefault(templateId, List.of())) {
                        Object[] child = shifted(row, t, shift);
                        if (t.name().equals("obligation_deadline") && instant(child[t.columns().indexOf("due_at")]).isBefore(now)) {
                            // the service drops a deadline once its overdue reminder is out: a copy that keeps it would
                            // leave the first reminder sweep thousands of reminders to send while the filters are timed
                            continue;
                        }
                        set(child, t, "incident_id", id);
                        add(inserts.get(t.name()), t, child);
                    }
                }
                if (n % 500 == 499) {
                    flush(db, inserts);
                }
                if (n % 10_000 == 9_999) {
                    System.out.printf("%,d copies, %d s%n", n + 1, (System.nanoTime() - started) / 1_000_000_000);
                }
            }
            flush(db, inserts);
            db.setAutoCommit(true);   // PostgreSQL's vacuum runs outside a transaction
            try (var s = db.createStatement()) {
                s.execute(url.startsWith("jdbc:postgresql") ? "vacuum analyze" : "analyze");
            }
            System.out.printf("%,d incidents stored (%d templates copied), %d s%n", count, existing,
                    (System.nanoTime() - started) / 1_000_000_000);
        }
    }

    private static Table read(Connection db, String name, String key) throws SQLException {
        try (var s = db.createStatement(); ResultSet rs = s.executeQuery("select * from " + name)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> columns = new ArrayList<>();
            List<Integer> types = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnName(i).toLowerCase();
                if (column.equals("id") && !key.equals("id")) {
                    continue;   // an identity: the database numbers the copies
                }
                columns.add(column);
                boolean timestamp = meta.getColumnType(i) == Types.TIMESTAMP_WITH_TIMEZONE
                        || meta.getColumnTypeName(i).equalsIgnoreCase("timestamptz");
                types.add(timestamp ? Types.TIMESTAMP_WITH_TIMEZONE : meta.getColumnType(i));
            }
            Map<UUID, List<Object[]>> rows = new LinkedHashMap<>();
            while (rs.next()) {
                Object[] row = new Object[columns.size()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = types.get(i) == Types.TIMESTAMP_WITH_TIMEZONE
                            ? rs.getObject(columns.get(i), OffsetDateTime.class) : rs.getObject(columns.get(i));
                }
                rows.computeIfAbsent((UUID) rs.getObject(key), k -> new ArrayList<>()).add(row);
            }
            return new Table(name, columns, types, rows);
        }
    }

    private static PreparedStatement insert(Connection db, Table t) throws SQLException {
        return db.prepareStatement("insert into " + t.name() + " (" + String.join(", ", t.columns()) + ") values ("
                + String.join(", ", t.columns().stream().map(c -> "?").toList()) + ")");
    }

    private static void add(PreparedStatement insert, Table t, Object[] row) throws SQLException {
        for (int i = 0; i < row.length; i++) {
            if (row[i] == null) {
                insert.setNull(i + 1, t.types().get(i));
            } else {
                insert.setObject(i + 1, row[i]);
            }
        }
        insert.addBatch();
    }

    private static void flush(Connection db, Map<String, PreparedStatement> inserts) throws SQLException {
        for (PreparedStatement p : inserts.values()) {
            p.executeBatch();
        }
        db.commit();
    }

    /** A copy of a row with every time moved by {@code shift}, except "overdue never". */
    private static Object[] shifted(Object[] row, Table t, Duration shift) {
        Object[] copy = Arrays.copyOf(row, row.length);
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] instanceof OffsetDateTime time && !time.toInstant().equals(NEVER)) {
                copy[i] = time.plus(shift);
            }
        }
        return copy;
    }

    private static void set(Object[] row, Table t, String column, Object value) {
        row[t.columns().indexOf(column)] = value;
    }

    private static Instant instant(Object value) {
        return ((OffsetDateTime) value).toInstant();
    }

    /** As the service makes incident ids: the time of opening in the first 48 bits (UUID version 7). */
    private static UUID timeOrdered(Instant at, Random random) {
        long most = at.toEpochMilli() << 16 | 0x7000L | random.nextInt(0x1000);
        long least = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(most, least);
    }

    // ── Measuring the filters over HTTP ────────────────────────────────────────────────────────────────────

    static void measure(String base, int requests) throws Exception {
        String soon = OffsetDateTime.now(ZoneOffset.ofHours(9)).plusDays(7).truncatedTo(ChronoUnit.SECONDS).toString().replace("+", "%2B");
        String longAgo = OffsetDateTime.now(ZoneOffset.ofHours(9)).minusDays(400).truncatedTo(ChronoUnit.SECONDS).toString().replace("+", "%2B");
        String[] filters = {"", "status=OPEN", "status=CLOSED", "type=RANSOMWARE", "type=DDOS", "overdue=true", "overdue=false",
                "dueBefore=" + soon, "dueBefore=" + longAgo, "ticketSystem=JIRA", "ticketSystem=jira&ticketId=BENCH-4001",
                "ticketId=BENCH-4001", "status=OPEN&overdue=true", "type=RANSOMWARE&overdue=true", "status=CLOSED&page=100"};
        for (String f : filters) {   // warm-up: the JIT and the database's caches (with 10 rounds the first rows were 3-5x slower)
            for (int i = 0; i < 50; i++) {
                list(base, f);
            }
        }
        System.out.printf("%-48s %8s %10s %10s %12s %12s%n", "filter", "matches", "p50 alone", "p99 alone", "p50 ×8", "p99 ×8");
        ExecutorService eight = Executors.newFixedThreadPool(8);
        Thread writer = new Thread(() -> {
            String facts = "{\"title\":\"written during the lists\",\"awareAt\":\"%s\",\"incidentTypes\":[\"MISDELIVERY\"],"
                    + "\"personalData\":{\"breach\":\"CONFIRMED\",\"affectedPersons\":20}}";
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    call("POST", base + "/api/v1/incidents", facts.formatted(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS)), 201);
                    Thread.sleep(500);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, "writer");
        writer.setDaemon(true);
        writer.start();
        for (String f : filters) {
            String first = list(base, f);
            // the total is counted up to the service's count limit: beyond it, "10000+"
            String total = field(first, "total") + ("false".equals(field(first, "totalExact")) ? "+" : "");
            List<Long> alone = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                alone.add(timed(base, f));
            }
            List<Future<List<Long>>> clients = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                clients.add(eight.submit(() -> {
                    List<Long> times = new ArrayList<>();
                    for (int i = 0; i < requests / 2; i++) {
                        times.add(timed(base, f));
                    }
                    return times;
                }));
            }
            List<Long> parallel = new ArrayList<>();
            for (Future<List<Long>> c : clients) {
                parallel.addAll(c.get());
            }
            System.out.printf("%-48s %8s %10s %10s %12s %12s%n", f.isEmpty() ? "(none)" : f.replaceAll("=(\\d{4}-[^&]*)", "=<date>"),
                    total, ms(alone, 50), ms(alone, 99), ms(parallel, 50), ms(parallel, 99));
        }
        eight.shutdown();
        writer.interrupt();
    }

    private static long timed(String base, String filter) throws Exception {
        long start = System.nanoTime();
        list(base, filter);
        return System.nanoTime() - start;
    }

    private static String list(String base, String filter) throws Exception {
        return call("GET", base + "/api/v1/incidents" + (filter.isEmpty() ? "" : "?" + filter), null, 200);
    }

    private static String ms(List<Long> nanos, int percentile) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return String.format("%.1f ms", sorted[index] / 1e6);
    }

    private static String call(String method, String url, String body, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", AUTH)
                .timeout(Duration.ofSeconds(60));
        request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"?([^\",}]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
