package jp.smeir.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Trigger;

import jp.smeir.support.Incidents;
import jp.smeir.support.TestClock;

/** The calendar and CSV exports, read back with real parsers (ical4j, Commons CSV). */
@QuarkusTest
class IncidentExportTest {

    /** Commas, a semicolon and a backslash, which iCalendar TEXT must escape; long enough to be folded. */
    static final String TITLE = "顧客リストの誤送信, 第2報; 営業部\\東京支店（取引先向けの案内メールに添付した一覧表を誤って送付した件）";

    @Inject
    TestClock clock;

    @BeforeEach
    void fixClock() {
        clock.set(Instant.parse("2026-11-20T01:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** 1,500 persons, EU residents among them: the PPC reports and the GDPR notice (72 h) have deadlines. */
    static String facts(int persons) {
        return Incidents.misdelivery(persons, TITLE.replace("\\", "\\\\")).replace("\"euResidents\": false", "\"euResidents\": true");
    }

    static String open(String body) {
        return given().contentType("application/json").body(body).when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
    }

    static String calendarText(String path) {
        ExtractableResponse<Response> r = given().when().get(path).then().statusCode(200)
                .contentType(startsWith("text/calendar")).extract();
        return new String(r.asByteArray(), StandardCharsets.UTF_8);
    }

    static Calendar parse(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(calendar.validate().hasErrors()).as(calendar.validate().toString()).isFalse();
        return calendar;
    }

    static Map<String, VEvent> eventsByUid(Calendar calendar) {
        List<VEvent> events = calendar.getComponents("VEVENT");
        return events.stream().collect(Collectors.toMap(e -> value(e, Property.UID), Function.identity()));
    }

    static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse(null);
    }

    static Instant start(VEvent event) {
        DtStart<Temporal> start = event.<Temporal>getStartDate().orElseThrow();
        return Instant.from(start.getDate());
    }

    /** The alarms' triggers, relative to the start, in hours (ical4j reads -PT48H back as the equal -P2D). */
    static List<Long> triggers(VEvent event) {
        return event.getAlarms().stream().map(a -> ((VAlarm) a).<Trigger>getProperty(Property.TRIGGER).orElseThrow().getDuration())
                .map(t -> t instanceof Period p ? Duration.ofDays(p.getDays()) : (Duration) t)
                .map(Duration::toHours).toList();
    }

    @Test
    void eachDatedDutyIsAnEventWithAlarmsAndAReImportUpdatesTheSameEvents() throws Exception {
        String id = open(facts(1500));
        String ics = calendarText("/api/v1/incidents/" + id + "/calendar.ics");

        // RFC 5545 §3.1: CRLF line ends, no line longer than 75 octets, folded lines start with a space
        assertThat(ics).endsWith("END:VCALENDAR\r\n").doesNotContain("\r\r").contains("\r\n ");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        assertThat(Arrays.stream(ics.split("\r\n"))).allSatisfy(line ->
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75));

        Map<String, VEvent> events = eventsByUid(parse(ics));
        String preliminary = id + "-PPC_PRELIMINARY_REPORT@incident-decision";
        String gdpr = id + "-GDPR_AUTHORITY_NOTICE@incident-decision";
        assertThat(events).containsKeys(preliminary, id + "-PPC_FINAL_REPORT@incident-decision", gdpr);
        List<String> timed = given().when().get("/api/v1/incidents/" + id).then().extract()
                .path("progress.findAll { it.dueAt != null || it.targetAt != null }.code");
        assertThat(events).hasSize(timed.size());

        VEvent report = events.get(preliminary);
        assertThat(start(report)).isEqualTo(OffsetDateTime.parse("2026-11-25T23:59:59+09:00").toInstant());
        assertThat(report.getStartDate().orElseThrow().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Asia/Tokyo");
        // escaped and folded on the way out, the title reads back as typed
        assertThat(value(report, Property.SUMMARY)).isEqualTo("【期限】個人情報保護委員会へ速報する｜" + TITLE);
        assertThat(value(report, Property.DESCRIPTION)).contains("期限：2026年11月25日(水) 23:59", "区分：必須", "宛先：個人情報保護委員会",
                "状況：未完了", "インシデント：" + TITLE + "（管理番号 " + id + "）");
        assertThat(value(report, Property.STATUS)).isEqualTo("CONFIRMED");
        assertThat(value(report, Property.SEQUENCE)).isEqualTo("0");
        assertThat(triggers(report)).as("day 3 of the benchmark, then 24 h and 2 h").containsExactly(-48L, -24L, -2L);
        assertThat(ics).contains("TRIGGER:-PT48H\r\n");
        assertThat(start(events.get(gdpr))).isEqualTo(OffsetDateTime.parse("2026-11-23T09:30:00+09:00").toInstant());
        assertThat(triggers(events.get(gdpr))).containsExactly(-24L, -2L);
        assertThat(((VAlarm) events.get(gdpr).getAlarms().get(0)).getProperty(Property.DESCRIPTION).orElseThrow().getValue())
                .startsWith("期限まであと24時間：");
        // the notice to the persons is due 速やかに: an event at its working target, said not to be law
        VEvent notice = events.get(id + "-DATA_SUBJECT_NOTICE@incident-decision");
        assertThat(value(notice, Property.SUMMARY)).isEqualTo("【目標】本人へ通知する｜" + TITLE);
        assertThat(start(notice)).isEqualTo(OffsetDateTime.parse("2026-11-21T09:30:00+09:00").toInstant());
        assertThat(value(notice, Property.DESCRIPTION)).contains("目標：2026年11月21日(土) 09:30", "法令上の期限ではありません")
                .doesNotContain("期限：");
        assertThat(triggers(notice)).as("24 h before the target is awareAt itself: no alarm then").containsExactly(-2L);

        // the GDPR notice is sent, the final report marked not applicable, then the facts drop below the PPC threshold
        given().contentType("application/json").body("{\"by\": \"佐藤\", \"reference\": \"DPA-7\"}")
                .when().post("/api/v1/incidents/" + id + "/items/GDPR_AUTHORITY_NOTICE/completion").then().statusCode(200);
        given().contentType("application/json").body("{\"reason\": \"委託元が報告する\"}")
                .when().post("/api/v1/incidents/" + id + "/items/PPC_FINAL_REPORT/not-applicable").then().statusCode(200);
        Map<String, VEvent> marked = eventsByUid(parse(calendarText("/api/v1/incidents/" + id + "/calendar.ics")));
        assertThat(value(marked.get(gdpr), Property.SUMMARY)).startsWith("【完了】");
        assertThat(value(marked.get(gdpr), Property.DESCRIPTION)).contains("状況：完了（2026年11月20日(金) 10:00、佐藤、受付番号等 DPA-7）");
        assertThat(marked.get(gdpr).getAlarms()).isEmpty();
        VEvent notApplicable = marked.get(id + "-PPC_FINAL_REPORT@incident-decision");
        assertThat(value(notApplicable, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(notApplicable, Property.SUMMARY)).startsWith("【対象外】");
        assertThat(value(notApplicable, Property.DESCRIPTION)).contains("委託元が報告する");
        assertThat(Integer.parseInt(value(marked.get(preliminary), Property.SEQUENCE))).isEqualTo(2);

        String etag = given().when().get("/api/v1/incidents/" + id).then().extract().header("ETag");
        given().contentType("application/json").header("If-Match", etag).body(facts(900))
                .when().put("/api/v1/incidents/" + id + "/facts").then().statusCode(200);
        Map<String, VEvent> after = eventsByUid(parse(calendarText("/api/v1/incidents/" + id + "/calendar.ics")));
        VEvent removed = after.get(preliminary);
        assertThat(value(removed, Property.STATUS)).as("a duty the re-assessment removed is cancelled under the same UID").isEqualTo("CANCELLED");
        assertThat(value(removed, Property.SUMMARY)).isEqualTo("【取消】個人情報保護委員会へ速報する｜" + TITLE);
        assertThat(start(removed)).isEqualTo(start(report));
        assertThat(Integer.parseInt(value(removed, Property.SEQUENCE))).as("SEQUENCE follows the incident's version").isEqualTo(3);
        assertThat(removed.getAlarms()).isEmpty();
        VEvent noticeRemoved = after.get(id + "-DATA_SUBJECT_NOTICE@incident-decision");
        assertThat(value(noticeRemoved, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(noticeRemoved, Property.SUMMARY)).startsWith("【取消】本人へ通知する");
    }

    @Test
    void theOpenCalendarHoldsEveryIncidentNotClosed() throws Exception {
        String open = open(facts(1500));
        String closed = open(Incidents.misdelivery(1500, "closed"));
        for (String code : List.of("PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT", "DATA_SUBJECT_NOTICE")) {
            given().contentType("application/json").body("{\"by\": \"Sato\"}")
                    .when().post("/api/v1/incidents/" + closed + "/items/" + code + "/completion").then().statusCode(200);
        }
        given().contentType("application/json").body("{\"status\": \"CLOSED\", \"reason\": \"done\"}")
                .when().post("/api/v1/incidents/" + closed + "/status").then().statusCode(200);

        Map<String, VEvent> events = eventsByUid(parse(calendarText("/api/v1/calendar.ics")));
        assertThat(events).containsKey(open + "-PPC_PRELIMINARY_REPORT@incident-decision")
                .containsKey(open + "-GDPR_AUTHORITY_NOTICE@incident-decision");
        assertThat(events.keySet()).noneMatch(uid -> uid.startsWith(closed));
        // the closed incident's own calendar still answers, without alarms
        Map<String, VEvent> own = eventsByUid(parse(calendarText("/api/v1/incidents/" + closed + "/calendar.ics")));
        assertThat(own).isNotEmpty().allSatisfy((uid, e) -> assertThat(e.getAlarms()).isEmpty());
    }

    @Test
    void itemsCsvIsUtf8WithABomAndEveryFieldReadsBack() throws Exception {
        String id = open(facts(1500));
        String note = "速報済み, \"受付\"\n2行目";
        given().contentType("application/json")
                .body(Map.of("by", "佐藤", "at", "2026-11-20T09:45:00+09:00", "reference", "PPC-2026-001", "note", note))
                .when().post("/api/v1/incidents/" + id + "/items/PPC_PRELIMINARY_REPORT/completion").then().statusCode(200);
        given().contentType("application/json").body(Map.of("assignee", "=HYPERLINK(\"http://x\")"))
                .when().put("/api/v1/incidents/" + id + "/items/PPC_FINAL_REPORT/assignee").then().statusCode(200);
        given().contentType("application/json").body(Map.of("reason", "EU居住者の同意により不要"))
                .when().post("/api/v1/incidents/" + id + "/items/GDPR_AUTHORITY_NOTICE/not-applicable").then().statusCode(200);

        ExtractableResponse<Response> r = given().when().get("/api/v1/incidents/" + id + "/items.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract();
        assertThat(r.header("Content-Type")).containsIgnoringCase("charset=UTF-8");
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"incident-" + id + "-items.csv\"");
        byte[] bytes = r.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).as("UTF-8 byte order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).startsWith("code,priority,list,stage,status,title,timing,dueAt,targetAt,state,assignee,").contains("\r\n");

        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        List<String> codes = given().when().get("/api/v1/incidents/" + id).then().extract().path("progress.code");
        assertThat(rows).extracting(row -> row.get("code")).containsExactlyInAnyOrderElementsOf(codes);
        assertThat(rows).extracting(row -> Integer.parseInt(row.get("priority"))).as("in the order of urgency").isSorted();
        CSVRecord notice = rows.stream().filter(row -> row.get("code").equals("DATA_SUBJECT_NOTICE")).findFirst().orElseThrow();
        assertThat(notice.get("dueAt")).isEmpty();
        assertThat(notice.get("targetAt")).isEqualTo("2026-11-21T09:30:00+09:00");
        CSVRecord preliminary = rows.stream().filter(row -> row.get("code").equals("PPC_PRELIMINARY_REPORT")).findFirst().orElseThrow();
        assertThat(preliminary.get("title")).isEqualTo("個人情報保護委員会へ速報する");
        assertThat(preliminary.get("list")).isEqualTo("NOTIFICATION");
        assertThat(preliminary.get("stage")).isEqualTo("REPORT_AND_DISCLOSE");
        assertThat(preliminary.get("status")).isEqualTo("REQUIRED");
        assertThat(preliminary.get("dueAt")).isEqualTo("2026-11-25T23:59:59+09:00");
        assertThat(preliminary.get("state")).isEqualTo("DONE");
        assertThat(preliminary.get("completedBy")).isEqualTo("佐藤");
        assertThat(preliminary.get("completedAt")).isEqualTo("2026-11-20T09:45:00+09:00");
        assertThat(preliminary.get("completionReference")).isEqualTo("PPC-2026-001");
        assertThat(preliminary.get("completionNote")).as("comma, quotes and a line break survive").isEqualTo(note);
        CSVRecord finalReport = rows.stream().filter(row -> row.get("code").equals("PPC_FINAL_REPORT")).findFirst().orElseThrow();
        assertThat(finalReport.get("assignee")).as("a formula is defused").isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(finalReport.get("state")).isEqualTo("OPEN");
        assertThat(finalReport.get("completedBy")).isEmpty();
        CSVRecord gdpr = rows.stream().filter(row -> row.get("code").equals("GDPR_AUTHORITY_NOTICE")).findFirst().orElseThrow();
        assertThat(gdpr.get("state")).isEqualTo("NOT_APPLICABLE");
        assertThat(gdpr.get("notApplicableBy")).isEqualTo("admin");
        assertThat(gdpr.get("notApplicableAt")).isEqualTo("2026-11-20T10:00:00+09:00");
        assertThat(gdpr.get("notApplicableReason")).isEqualTo("EU居住者の同意により不要");

        String english = given().queryParam("lang", "en").when().get("/api/v1/incidents/" + id + "/items.csv").then().statusCode(200)
                .extract().asString();
        assertThat(english).contains("Send the preliminary report to the PPC");
        given().queryParam("lang", "fr").when().get("/api/v1/incidents/" + id + "/items.csv")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", is("lang"));
    }

    @Test
    void exportsNeedARoleAndAnIncidentThatExists() {
        String id = open(facts(1500));
        given().auth().none().when().get("/api/v1/incidents/" + id + "/calendar.ics").then().statusCode(401);
        given().auth().none().when().get("/api/v1/calendar.ics").then().statusCode(401);
        given().auth().none().when().get("/api/v1/incidents/" + id + "/items.csv").then().statusCode(401);
        given().auth().preemptive().basic("reporter", "reporter-pass").when().get("/api/v1/incidents/" + id + "/calendar.ics")
                .then().statusCode(200);
        given().auth().preemptive().basic("reporter", "reporter-pass").when().get("/api/v1/incidents/" + id + "/items.csv")
                .then().statusCode(200);
        given().when().get("/api/v1/incidents/" + java.util.UUID.randomUUID() + "/calendar.ics")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/incidents/" + java.util.UUID.randomUUID() + "/items.csv")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
