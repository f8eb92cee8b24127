package jp.smeir.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jp.smeir.support.Incidents;
import jp.smeir.support.TestClock;

/**
 * The columns the list filters read (overdue_from, ticket_system_key, the incident_type rows) follow every write,
 * and each filter answers what its definition over the incident's own fields gives (the definitions the filters had
 * before those columns: past nextDueAt or nextTargetAt, the type in incidentTypes, the ticket system without
 * regard to case), at several moments.
 */
@QuarkusTest
class IncidentListColumnsTest {

    @Inject
    TestClock clock;

    final String system = "Redmine-" + UUID.randomUUID();

    @BeforeEach
    void fixClock() {
        clock.set(Instant.parse("2026-11-20T01:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theColumnsFollowFactsCompletionsMarksTicketsAndClosing() {
        String id = open(Incidents.misdelivery(1500, "columns").replace("\"title\"",
                "\"externalTicket\": {\"system\": \"" + system + "\", \"id\": \"C-1\"}, \"title\""));
        String other = open(Incidents.misdelivery(3, "columns, other"));
        checkColumns(id, other);
        filtersAsDefined();

        // facts change: another type, and more persons
        String ransomware = Incidents.misdelivery(2000, "columns").replace("[\"MISDELIVERY\"]", "[\"RANSOMWARE\", \"MALWARE\"]");
        json(ransomware).header("If-Match", etag(id)).when().put("/api/v1/incidents/" + id + "/facts").then().statusCode(200);
        assertThat(types(id)).containsExactlyInAnyOrder("RANSOMWARE", "MALWARE");
        checkColumns(id, other);
        filtersAsDefined();

        // completions of the items with a working target: the next deadline moves to the legal ones
        List<String> targeted = given().when().get("/api/v1/incidents/" + id).then().statusCode(200)
                .extract().path("progress.findAll { it.targetAt != null }.code");
        for (String code : targeted) {
            json("{\"by\": \"Sato\"}").when().post(item(id, code, "completion")).then().statusCode(200);
            checkColumns(id);
        }
        filtersAsDefined();
        clock.set(Instant.parse("2026-11-26T01:00:00Z"));   // past the preliminary report's deadline
        filtersAsDefined();

        // not applicable, and withdrawn again
        List<String> open = given().when().get("/api/v1/incidents/" + id).then()
                .extract().path("progress.findAll { it.state == 'OVERDUE' || it.state == 'OPEN' }.code");
        assertThat(open).isNotEmpty();
        json("{\"reason\": \"対象外と確認\"}").when().post(item(id, open.get(0), "not-applicable")).then().statusCode(200);
        checkColumns(id);
        filtersAsDefined();
        json("{\"reason\": \"確認が誤っていた\"}").when().delete(item(id, open.get(0), "not-applicable")).then().statusCode(200);
        checkColumns(id);
        filtersAsDefined();

        // a withdrawn completion opens its item again
        json("{\"reason\": \"記録の誤り\"}").header("If-Match", etag(id)).when().delete(item(id, targeted.get(0), "completion"))
                .then().statusCode(200);
        checkColumns(id);
        filtersAsDefined();
        json("{\"by\": \"Sato\"}").when().post(item(id, targeted.get(0), "completion")).then().statusCode(200);

        // a new ticket system, in other letters
        json("{\"system\": \"" + system.toUpperCase(Locale.ROOT) + "-B\", \"id\": \"C-2\"}").header("If-Match", etag(id))
                .when().put("/api/v1/incidents/" + id + "/ticket").then().statusCode(200);
        checkColumns(id);
        filtersAsDefined();

        // every open item done, then closed: nothing is due, the incident is overdue never
        for (String code : open) {
            json("{\"by\": \"Sato\"}").when().post(item(id, code, "completion")).then().statusCode(200);
        }
        json("{\"status\": \"CLOSED\", \"reason\": \"対応完了\"}").when().post("/api/v1/incidents/" + id + "/status")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.is("CLOSED"));
        Incident closed = stored(id);
        assertThat(closed.nextDueAt).isNull();
        assertThat(closed.overdueFrom).isEqualTo(Incident.NEVER);
        checkColumns(id, other);
        filtersAsDefined();
        clock.set(Instant.parse("2027-06-01T00:00:00Z"));
        filtersAsDefined();
    }

    /** overdue_from, ticket_system_key and the type rows are what the incident's own fields say. */
    private void checkColumns(String... ids) {
        for (String id : ids) {
            Incident i = stored(id);
            Instant earliest = Stream.of(i.nextDueAt, i.nextTargetAt).filter(java.util.Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(Incident.NEVER);
            assertThat(i.overdueFrom).as("overdue_from of %s", id).isEqualTo(earliest);
            assertThat(i.ticketSystemKey).isEqualTo(i.ticketSystem == null ? null : i.ticketSystem.toLowerCase(Locale.ROOT));
            assertThat(types(id)).containsExactlyInAnyOrder(Stream.of(i.incidentTypes.split("\\|")).filter(s -> !s.isEmpty()).toArray(String[]::new));
            for (IncidentTypeRow row : typeRows(id)) {
                assertThat(row.overdueFrom).as("overdue_from of %s's %s row", id, row.type).isEqualTo(i.overdueFrom);
                assertThat(row.openedAt).as("opened_at of %s's %s row", id, row.type).isEqualTo(i.openedAt);
            }
        }
    }

    /** Every filter, over all pages, gives the incidents its definition picks from all stored ones, newest first. */
    private void filtersAsDefined() {
        Instant now = clock.instant();
        List<Incident> all = QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>listAll());
        String weekAhead = OffsetDateTime.ofInstant(now.plusSeconds(7 * 86400), ZoneOffset.ofHours(9)).toString();
        check("overdue=true", all, i -> before(i.nextDueAt, now) || before(i.nextTargetAt, now));
        check("overdue=false", all, i -> !before(i.nextDueAt, now) && !before(i.nextTargetAt, now));
        check("dueBefore=" + weekAhead, all, i -> before(i.nextDueAt, now.plusSeconds(7 * 86400)));
        for (String type : List.of("MISDELIVERY", "RANSOMWARE", "MALWARE", "DDOS")) {
            check("type=" + type, all, i -> i.incidentTypes.contains("|" + type + "|"));
            check("type=" + type + "&overdue=true", all,
                    i -> i.incidentTypes.contains("|" + type + "|") && (before(i.nextDueAt, now) || before(i.nextTargetAt, now)));
            check("type=" + type + "&overdue=false", all,
                    i -> i.incidentTypes.contains("|" + type + "|") && !before(i.nextDueAt, now) && !before(i.nextTargetAt, now));
            check("type=" + type + "&status=OPEN", all, i -> i.incidentTypes.contains("|" + type + "|") && i.status == IncidentStatus.OPEN);
        }
        for (String status : List.of("OPEN", "CLOSED")) {
            check("status=" + status, all, i -> i.status.name().equals(status));
            check("status=" + status + "&overdue=true", all,
                    i -> i.status.name().equals(status) && (before(i.nextDueAt, now) || before(i.nextTargetAt, now)));
        }
        for (String s : List.of(system, system.toUpperCase(Locale.ROOT) + "-b")) {
            check("ticketSystem=" + s, all, i -> s.equalsIgnoreCase(i.ticketSystem));
        }
        check("ticketSystem=" + system.toUpperCase(Locale.ROOT) + "-B&ticketId=C-2", all,
                i -> (system + "-b").equalsIgnoreCase(i.ticketSystem) && "C-2".equals(i.ticketId));
    }

    private static boolean before(Instant time, Instant now) {
        return time != null && time.isBefore(now);
    }

    private static void check(String filter, List<Incident> all, Predicate<Incident> definition) {
        List<String> expected = all.stream().filter(definition).map(i -> i.id.toString()).sorted().toList();
        List<String> listed = new ArrayList<>();
        List<String> opened = new ArrayList<>();
        for (int page = 0; ; page++) {
            var request = given().queryParam("size", 200).queryParam("page", page);
            for (String pair : filter.split("&")) {
                request = request.queryParam(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
            var response = request.when().get("/api/v1/incidents").then().statusCode(200).extract();
            List<String> ids = response.path("items.id");
            assertThat(((Number) response.path("total")).longValue()).as(filter).isEqualTo(expected.size());
            assertThat((Boolean) response.path("totalExact")).as(filter).isTrue();
            listed.addAll(ids);
            opened.addAll(response.path("items.openedAt"));
            if (ids.size() < 200) {
                break;
            }
        }
        assertThat(listed.stream().sorted().toList()).as(filter).isEqualTo(expected);
        List<Instant> times = opened.stream().map(t -> OffsetDateTime.parse(t).toInstant()).toList();
        assertThat(times).as(filter + ": newest first").isSortedAccordingTo(Comparator.reverseOrder());
    }

    private static Incident stored(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Incident.<Incident>findById(UUID.fromString(id)));
    }

    private static List<String> types(String id) {
        return typeRows(id).stream().map(r -> r.type).toList();
    }

    private static List<IncidentTypeRow> typeRows(String id) {
        return QuarkusTransaction.requiringNew().call(() -> IncidentTypeRow.<IncidentTypeRow>list("incidentId", UUID.fromString(id)));
    }

    private static String open(String body) {
        return json(body).when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    private static io.restassured.specification.RequestSpecification json(String body) {
        return given().contentType("application/json").body(body);
    }

    private static String item(String id, String code, String what) {
        return "/api/v1/incidents/" + id + "/items/" + code + "/" + what;
    }

    private static String etag(String id) {
        return given().when().get("/api/v1/incidents/" + id).then().statusCode(200).extract().header("ETag");
    }
}
