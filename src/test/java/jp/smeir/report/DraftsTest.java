package jp.smeir.report;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

import jp.smeir.support.Cases;
import jp.smeir.support.Incidents;
import jp.smeir.support.TestClock;

/**
 * The drafts of the case: the management draft opens with a one-screen summary naming every deadline of
 * the next 72 hours; the PPC draft fills in the reportable situations, ③ presumed with why; no draft shows a code
 * or a fact path; next steps follow the order of urgency.
 */
@QuarkusTest
class DraftsTest {

    /**
     * One screen: at most 30 source lines, which wrapped at 80 columns (a full-width character counts two) fill at
     * most 45 rows, what a 1080-pixel-high screen shows at 24-pixel lines.
     */
    static final int SCREEN_LINES = 30;
    static final int SCREEN_COLUMNS = 45 * 80;

    static final Pattern RAW = Pattern.compile("\\b(personalData|impact|attack|organization)\\.[a-zA-Z]+|incidentTypes|awareAt"
            + "|\\b[A-Z][A-Z0-9]+(_[A-Z0-9]+)+\\b| = true| = false|ref \\x{A7}");

    static final DateTimeFormatter JA = DateTimeFormatter.ofPattern("uuuu年M月d日(E) HH:mm", Locale.JAPANESE);
    static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm 'JST'", Locale.ENGLISH);

    @Inject
    TestClock clock;

    @BeforeEach
    void fixClock() {
        clock.set(Instant.parse("2026-11-20T00:40:00Z")); // 09:40 JST, ten minutes after becoming aware
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String open(String body) {
        return given().contentType("application/json").body(body).when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
    }

    static String draft(String id, String kind, String lang) {
        return given().queryParam("kind", kind).queryParam("lang", lang).when().get("/api/v1/incidents/" + id + "/report")
                .then().statusCode(200).extract().asString();
    }

    /** What the management draft shows before its detail (section 1). */
    static String summary(String draft) {
        return draft.substring(0, draft.indexOf("\n## 1."));
    }

    @Test
    void theManagementDraftOpensWithOneScreenNamingEveryDeadlineOfTheNext72Hours() {
        String id = open(Cases.json(Cases.RANSOMWARE_MANUFACTURER));
        checkFirstScreen(id, OffsetDateTime.parse("2026-11-20T09:40:00+09:00"));
        // three days on, the targets of the first day are overdue and the preliminary report is within 72 hours
        clock.set(Instant.parse("2026-11-23T00:00:00Z"));
        checkFirstScreen(id, OffsetDateTime.parse("2026-11-23T09:00:00+09:00"));
        assertThat(summary(draft(id, "management", "ja"))).contains("［期限超過］").contains("個人情報保護委員会へ速報する");
    }

    private void checkFirstScreen(String id, OffsetDateTime now) {
        JsonPath incident = given().when().get("/api/v1/incidents/" + id).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = new ArrayList<>();
        for (String list : List.of("actions", "notifications", "escalations")) {
            items.addAll(incident.getList("assessment." + list));
        }
        int named = 0;
        for (String lang : List.of("ja", "en")) {
            String first = summary(draft(id, "management", lang));
            List<String> lines = first.lines().toList();
            assertThat(lines.size()).as("lines of the summary").isLessThanOrEqualTo(SCREEN_LINES);
            assertThat(lines.stream().mapToInt(DraftsTest::columns).sum()).as("columns of the summary").isLessThanOrEqualTo(SCREEN_COLUMNS);
            assertThat(first).contains(lang.equals("ja") ? "経営者の判断が必要な事項" : "Decisions for management")
                    .contains(lang.equals("ja") ? "何が起きたか" : "What happened");
            for (Map<String, Object> item : items) {
                Object at = item.get("dueAt") != null ? item.get("dueAt") : item.get("targetAt");
                if (at == null || item.get("status").equals("RECOMMENDED")) {
                    continue;
                }
                OffsetDateTime when = OffsetDateTime.parse((String) at);
                if (when.isAfter(now.plusHours(72))) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                String title = ((Map<String, String>) item.get("title")).get(lang);
                String time = "**" + when.format(lang.equals("ja") ? JA : EN) + "**";
                assertThat(lines).as("a line of the summary with %s and %s", time, title)
                        .anyMatch(line -> line.contains(time) && line.contains(title));
                named++;
            }
        }
        assertThat(named).isGreaterThanOrEqualTo(2 * 10);
    }

    @Test
    void thePpcDraftNamesTheReportableSituationsAndSaysWhyImproperPurposeIsPresumed() {
        String id = open(Cases.json(Cases.RANSOMWARE_MANUFACTURER));

        String ja = draft(id, "ppc", "ja");
        assertThat(ja).contains("| 報告対象となる事態").contains("②不正に利用されることにより財産的被害が生じるおそれがある個人データの漏えい等（クレジットカード番号：はい）")
                .contains("③不正の目的をもって行われたおそれがある個人データの漏えい等：**推定**。事案の種別（ランサムウェア（身代金要求型ウイルス）感染）から")
                .contains("このため、確報の期限は60日です")
                .contains("④本人の数が1,000人を超える漏えい等（本人の数：3,000（1,000超））")
                .contains("①要配慮個人情報が含まれる個人データの漏えい等：該当するかどうか確認中です")
                .contains("- 不正の目的をもって行われたおそれ：該当するおそれあり（推定）")
                .doesNotContain("不正の目的をもって行われたおそれ：不明");
        assertThat(draft(id, "management", "ja")).contains("| 不正の目的のおそれ | 該当するおそれあり（推定） |");

        String en = draft(id, "ppc", "en");
        assertThat(en).contains("(iii) a leak possibly caused by an act with improper purpose: **presumed**. From the incident type (Ransomware infection)")
                .contains("This is why the final report is due in 60 days")
                .doesNotContain("improper purpose (不正の目的): unknown");

        // stated in the facts, it is not presumed; with no attack, there is no ③ and no 60 days
        String stated = draft(open(Cases.json(Cases.RANSOMWARE_MANUFACTURER).replace("\"cardData\": true", "\"cardData\": true, \"improperPurpose\": true")), "ppc", "ja");
        assertThat(stated).contains("③不正の目的をもって行われたおそれがある個人データの漏えい等（不正の目的のおそれ：はい）。このため、確報の期限は60日です")
                .doesNotContain("**推定**");
        String misdelivery = draft(open(Incidents.misdelivery(1500, "letters")), "ppc", "ja");
        assertThat(misdelivery).contains("④本人の数が1,000人を超える漏えい等（本人の数：1,500（1,000超））")
                .doesNotContain("③不正の目的").doesNotContain("60日").contains("- 不正の目的をもって行われたおそれ：いいえ");
    }

    @Test
    void noDraftShowsACodeOrAFactPath() {
        List<String> ids = List.of(open(Cases.json(Cases.RANSOMWARE_MANUFACTURER)), open(Incidents.misdelivery(1500, "letters")),
                open("""
                        {"awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["BUSINESS_EMAIL_COMPROMISE", "PHISHING"],
                         "organization": {"sector": "FINANCE"}, "attack": {"moneyTransferred": true},
                         "personalData": {"breach": "CONFIRMED", "affectedPersons": 40, "euResidents": true, "myNumber": true}}
                        """));
        given().contentType("application/json").body("{\"by\": \"Sato\"}")
                .when().post("/api/v1/incidents/" + ids.get(0) + "/items/PRESERVE_EVIDENCE/completion").then().statusCode(200);
        for (String id : ids) {
            for (String kind : List.of("management", "ppc", "public")) {
                for (String lang : List.of("ja", "en")) {
                    String text = draft(id, kind, lang).replaceAll("`sha256:[0-9a-f]+`", "");
                    var m = RAW.matcher(text);
                    assertThat(m.find()).as("%s %s of %s shows %s", kind, lang, id, m.find(0) ? m.group() : "").isFalse();
                }
            }
        }
    }

    @Test
    void nextStepsStartWithTheFirstStepsThenFollowTheOrderOfUrgency() {
        String id = open(Cases.json(Cases.RANSOMWARE_MANUFACTURER));
        String ja = draft(id, "management", "ja");
        String next = ja.substring(ja.indexOf("## 6. 次の手順"));

        assertThat(next).containsSubsequence("**ネットワークから切り離す**", "**証拠を保全する**", "**カード情報のデータベースを直ちに切り離す**",
                "個人情報保護委員会へ速報する", "件の事実を確認し", "システムやサービスを停止する", "経営者へ報告する（");
        assertThat(next.indexOf("ネットワークから切り離す")).isLessThan(next.indexOf("経営者へ報告する"));
        String en = draft(id, "management", "en");
        assertThat(en.substring(en.indexOf("## 6. Next steps"))).containsSubsequence("**Disconnect affected devices from the network**",
                "**Preserve evidence**", "Send the preliminary report to the PPC", "Establish the");
    }

    static int columns(String line) {
        return line.codePoints().map(c -> c < 0x80 ? 1 : 2).sum();
    }
}
