package jp.smeir.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.stringContainsInOrder;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import jp.smeir.support.TestClock;

/** The report drafts (GET /incidents/{id}/report): management, the PPC's 漏えい等報告 and the public notice, in ja and en. */
@QuarkusTest
class ReportResourceTest {

    @Inject
    TestClock clock;

    /** The incidents below become known on 2026-11-20 09:30 JST; the tests run half an hour later unless they say otherwise. */
    @BeforeEach
    void fixClock() {
        clock.set(Instant.parse("2026-11-20T01:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Ransomware, 1,200 persons, card data; many other facts unknown. Final report at day 60 (category ③). */
    static String ransomware(String title) {
        return """
                {"title": "%s", "awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["RANSOMWARE"],
                 "organization": {"sector": "GENERAL", "cyberInsurance": true},
                 "personalData": {"breach": "SUSPECTED", "affectedPersons": 1200, "cardData": true},
                 "impact": {"systemDown": true, "businessStopped": true, "damageSpreading": true}}
                """.formatted(title);
    }

    /** A misdelivery whose only possible APPI category is the number of persons. */
    static String misdelivery(int persons, String title) {
        return """
                {
                  "title": "%s",
                  "awareAt": "2026-11-20T09:30:00+09:00",
                  "incidentTypes": ["MISDELIVERY"],
                  "organization": {"sector": "GENERAL", "dataProcessor": false, "cyberInsurance": false, "otasukeTaiSubscriber": false,
                                   "inHouseCapability": true, "designatedOperator": false},
                  "personalData": {"breach": "CONFIRMED", "affectedPersons": %d, "sensitive": false, "financialHarmRisk": false,
                                   "cardData": false, "myNumber": false, "improperPurpose": false, "encrypted": false,
                                   "euResidents": false, "exposedOnline": false, "subjectsReachable": true, "recoveredUnviewed": false},
                  "impact": {"systemDown": false, "businessStopped": false, "customersAffected": true, "partnersAffected": false,
                             "publicImpact": false, "damageSpreading": false, "externallyAccessible": false},
                  "attack": {"crimeSuspected": false}
                }
                """.formatted(title, persons);
    }

    static String openId(String body) {
        return given().contentType("application/json").body(body).when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
    }

    static JsonPath incident(String id) {
        return given().when().get("/api/v1/incidents/" + id).then().statusCode(200).extract().jsonPath();
    }

    static void complete(String id, String code, String by, String at, String reference) {
        given().contentType("application/json")
                .body("{\"by\": \"%s\", \"at\": \"%s\", \"reference\": \"%s\"}".formatted(by, at, reference))
                .when().post("/api/v1/incidents/" + id + "/items/" + code + "/completion")
                .then().statusCode(200).body("state", is("DONE"));
    }

    static String markdown(String id, String kind, String lang) {
        return given().queryParam("kind", kind).queryParam("lang", lang)
                .when().get("/api/v1/incidents/" + id + "/report")
                .then().statusCode(200).contentType(startsWith("text/markdown")).extract().asString();
    }

    static String html(String id, String kind, String lang) {
        return given().header("Accept", "text/html").queryParam("kind", kind).queryParam("lang", lang)
                .when().get("/api/v1/incidents/" + id + "/report")
                .then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
    }

    static String title(JsonPath incident, String code, String lang) {
        return incident.getString("assessment.notifications.find { it.code == '" + code + "' }.title." + lang);
    }

    /** The title of an item in whichever list it is. */
    static String anyTitle(JsonPath incident, String code, String lang) {
        for (String list : List.of("actions", "notifications", "escalations")) {
            String title = incident.getString("assessment." + list + ".find { it.code == '" + code + "' }.title." + lang);
            if (title != null) {
                return title;
            }
        }
        throw new AssertionError("no item " + code);
    }

    @Test
    void managementReportShowsSeverityOpenDutiesWithDeadlinesAndQuestions() {
        String id = openId(ransomware("Tanaka Taro's laptop"));
        JsonPath incident = incident(id);
        List<String> questionsJa = incident.getList("assessment.questions.question.ja");
        List<String> questionsEn = incident.getList("assessment.questions.question.en");
        assertThat(questionsJa, not(empty()));

        String ja = markdown(id, "management", "ja");
        assertThat(ja, containsString("# 経営者向け報告：Tanaka Taro's laptop"));
        assertThat(ja, containsString("重大度：**緊急**"));
        assertThat(ja, containsString("| 2026年11月25日(水) 23:59 （要確認） | " + title(incident, "PPC_PRELIMINARY_REPORT", "ja") + " | 個人情報保護委員会 | 必須 | 未完了 |"));
        assertThat(ja, containsString("| 2027年1月19日(火) 23:59 （要確認） | " + title(incident, "PPC_FINAL_REPORT", "ja") + " |"));
        assertThat(ja, containsString("| 直ちに | " + title(incident, "CARD_ACQUIRER_NOTICE", "ja") + " |"));
        assertThat(ja, containsString("| 本人の数 | 1,200 |"));
        assertThat(ja, containsString("| 発生日時 | 【要記入】 |"));
        assertThat(ja, containsString("保険会社への事故通知"));
        questionsJa.forEach(q -> assertThat(ja, containsString(q)));
        // a question names the items it decides by their titles in the draft's language, not by their codes
        String firstAffected = incident.getString("assessment.questions[0].affects[0]");
        assertThat(ja, containsString(questionsJa.get(0) + "（影響する項目：" + anyTitle(incident, firstAffected, "ja")));
        assertThat(ja, not(containsString("`" + firstAffected + "`")));
        assertThat(ja, stringContainsInOrder(List.of("## 1. 状況", "## 2. 影響", "## 3. 義務と期限", "## 4. 対応済みの事項",
                "## 5. 経営者の判断が必要な事項", "## 6. 次の手順")));

        String en = markdown(id, "management", "en");
        assertThat(en, containsString("Severity: **Critical**"));
        assertThat(en, containsString("| Wed 25 Nov 2026 23:59 JST (unconfirmed) | " + title(incident, "PPC_PRELIMINARY_REPORT", "en")
                + " | Personal Information Protection Commission (PPC) | Required | Open |"));
        assertThat(en, containsString("| Tue 19 Jan 2027 23:59 JST (unconfirmed) | " + title(incident, "PPC_FINAL_REPORT", "en") + " |"));
        assertThat(en, containsString("| Immediately | " + title(incident, "CARD_ACQUIRER_NOTICE", "en") + " |"));
        assertThat(en, containsString("| Persons affected | 1,200 |"));
        assertThat(en, containsString("| Occurred | [to be completed] |"));
        questionsEn.forEach(q -> assertThat(en, containsString(q)));
        assertThat(en, containsString(questionsEn.get(0) + " (affects: " + anyTitle(incident, firstAffected, "en")));

        // Japanese is the default language
        String byDefault = given().queryParam("kind", "management").when().get("/api/v1/incidents/" + id + "/report")
                .then().statusCode(200).extract().asString();
        assertThat(byDefault, containsString("重大度：**緊急**"));
    }

    @Test
    void managementReportShowsWhatIsDoneAndWhatIsOverdue() {
        String id = openId(ransomware("overdue"));
        complete(id, "INSURER_NOTICE", "Sato", "2026-11-20T09:50:00+09:00", "POL-7");
        JsonPath incident = incident(id);

        clock.set(Instant.parse("2026-11-26T00:00:00Z")); // Thu 26 Nov 09:00 JST: the preliminary report is late
        String ja = markdown(id, "management", "ja");
        assertThat(ja, containsString("期限を過ぎた義務が"));
        assertThat(ja, containsString("| 2026年11月25日(水) 23:59 （要確認） | " + title(incident, "PPC_PRELIMINARY_REPORT", "ja") + " | 個人情報保護委員会 | 必須 | 期限超過 |"));
        assertThat(ja, containsString("- " + title(incident, "INSURER_NOTICE", "ja") + "：2026年11月20日(金) 09:50、Sato（受付番号等 POL-7）"));

        String en = markdown(id, "management", "en");
        assertThat(en, containsString("past the deadline"));
        assertThat(en, containsString("| Wed 25 Nov 2026 23:59 JST (unconfirmed) | " + title(incident, "PPC_PRELIMINARY_REPORT", "en")
                + " | Personal Information Protection Commission (PPC) | Required | Overdue |"));
        assertThat(en, containsString("- " + title(incident, "INSURER_NOTICE", "en") + ": Fri 20 Nov 2026 09:50 JST, Sato (reference POL-7)"));
    }

    @Test
    void ppcReportHasTheNineItemsInOrderAndMarksWhatIsUnknown() {
        String id = openId(ransomware("Tanaka Taro's laptop"));

        String ja = markdown(id, "ppc", "ja");
        assertThat(ja, stringContainsInOrder(List.of(
                "## 1. 概要",
                "## 2. 漏えい等が発生し、又は発生したおそれがある個人データの項目",
                "## 3. 漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数",
                "## 4. 原因",
                "## 5. 二次被害又はそのおそれの有無及びその内容",
                "## 6. 本人への対応の実施状況",
                "## 7. 公表の実施状況",
                "## 8. 再発防止のための措置",
                "## 9. その他参考となる事項")));
        assertThat(ja, containsString("https://www.ppc.go.jp/personalinfo/legal/leakAction/"));
        assertThat(ja, containsString("**会社名**"));
        assertThat(ja, containsString("**1,200 人**"));
        assertThat(ja, containsString("期限 **2026年11月25日(水) 23:59**"));
        assertThat(ja, containsString("期限 **2027年1月19日(火) 23:59**"));
        assertThat(ja, containsString("| 発生日時 | 【要記入】 |"));
        assertThat(ja, containsString("| 発覚日時 | 2026年11月20日(金) 09:30 |"));
        assertThat(ja, containsString("| クレジットカード番号 | はい |"));
        assertThat(ja, containsString("| 要配慮個人情報 | 不明【要記入】 |"));
        assertThat(ja, containsString("| 速報 | 必須 | 2026年11月25日(水) 23:59 （要確認） | 未完了 | － | － |"));

        String en = markdown(id, "ppc", "en");
        assertThat(en, stringContainsInOrder(List.of(
                "## 1. Summary (概要)",
                "## 2. Items of the personal data leaked or possibly leaked",
                "## 3. Number of persons (本人の数)",
                "## 4. Cause (原因)",
                "## 5. Secondary damage or risk of it, and its nature",
                "## 6. Response to the persons concerned",
                "## 7. Public announcement",
                "## 8. Measures to prevent recurrence",
                "## 9. Other useful information")));
        assertThat(en, containsString("**1,200 persons**"));
        assertThat(en, containsString("due **Wed 25 Nov 2026 23:59 JST**"));
        assertThat(en, containsString("due **Tue 19 Jan 2027 23:59 JST**"));
        assertThat(en, containsString("| Occurred | [to be completed] |"));
        assertThat(en, containsString("| Sensitive personal information (要配慮個人情報) | unknown [to be completed] |"));
        // deadlines resting on unconfirmed points are marked, and the legend says what is unconfirmed, in the
        // draft's language: the notes' words, not their sources (legal-basis §16.6)
        assertThat(en, containsString("due **Wed 25 Nov 2026 23:59 JST** (unconfirmed)"));
        assertThat(en, containsString("**(unconfirmed)**: the duty or its deadline rests on a point the sources leave unconfirmed"));
        assertThat(en, containsString("- Send the final report to the PPC: When a company counts as aware, which starts the clock"));
        assertThat(en, containsString(" / Whether a deadline that falls on a weekend"));
        assertThat(en, not(containsString("legal-basis §")));
        assertThat(ja, containsString("期限 **2026年11月25日(水) 23:59** （要確認）"));
        assertThat(ja, containsString("**（要確認）**：義務またはその期限が、根拠資料で確認できていない点に基づいています"));
        assertThat(ja, containsString("- 個人情報保護委員会へ確報を出す：会社がいつ事態を「知った」ことになるか"));
        assertThat(ja, not(containsString("When a company")));
        assertThat(ja, not(containsString("§")));

        // after the preliminary report is sent, the draft shows when and its receipt number, but not who sent it
        complete(id, "PPC_PRELIMINARY_REPORT", "Sato", "2026-11-20T09:45:00+09:00", "PPC-2026-001");
        ja = markdown(id, "ppc", "ja");
        assertThat(ja, containsString("| 速報 | 必須 | 2026年11月25日(水) 23:59 （要確認） | 完了 | 2026年11月20日(金) 09:45 | PPC-2026-001 |"));
        assertThat(ja, not(containsString("Sato")));
        assertThat(html(id, "ppc", "ja"), containsString("<td>PPC-2026-001</td>"));
        en = markdown(id, "ppc", "en");
        assertThat(en, containsString("| Preliminary report (速報) | Required | Wed 25 Nov 2026 23:59 JST (unconfirmed) | Done | Fri 20 Nov 2026 09:45 JST | PPC-2026-001 |"));
        assertThat(en, not(containsString("Sato")));
        assertThat(html(id, "ppc", "en"), containsString("<td>PPC-2026-001</td>"));
    }

    @Test
    void ppcReportSaysWhichDutiesDoNotApply() {
        String id = openId(misdelivery(10, "ten letters"));
        assertThat(incident(id).getList("assessment.notifications.code"), not(hasItem("PPC_PRELIMINARY_REPORT")));

        String ja = markdown(id, "ppc", "ja");
        assertThat(ja, containsString("**速報**：現在の評価では不要です"));
        assertThat(ja, containsString("| 速報 | 現在の評価では不要 |"));
        assertThat(ja, containsString("| 確報 | 現在の評価では不要 |"));
        assertThat(ja, containsString("| 本人への通知 | 現在の評価では該当しません |"));
        assertThat(ja, containsString("**10 人**"));

        String en = markdown(id, "ppc", "en");
        assertThat(en, containsString("**Preliminary report (速報)**: not required on the current assessment"));
        assertThat(en, containsString("| Final report (確報) | Not required on the current assessment |"));
        assertThat(en, containsString("| Notice to the persons | Does not apply on the current assessment |"));
    }

    @Test
    void publicNoticeIdentifiesNoOne() {
        String id = openId(ransomware("Tanaka Taro's laptop"));
        complete(id, "PPC_PRELIMINARY_REPORT", "Sato", "2026-11-20T09:45:00+09:00", "PPC-2026-001");
        complete(id, "INSURER_NOTICE", "Suzuki Hanako", "2026-11-20T09:50:00+09:00", "POL-7");
        given().contentType("application/json").body("{\"status\": \"CONTAINED\", \"reason\": \"Sato unplugged Tanaka's PC\"}")
                .when().post("/api/v1/incidents/" + id + "/status").then().statusCode(200);

        for (String lang : List.of("ja", "en")) {
            for (String text : List.of(markdown(id, "public", lang), html(id, "public", lang))) {
                for (String secret : List.of("Tanaka", "Taro", "laptop", "Sato", "Suzuki", "Hanako", "PPC-2026-001", "PPC\\-2026\\-001",
                        "2026\\-001", "POL", id)) {
                    assertThat(lang + " must not name " + secret, text, not(containsString(secret)));
                }
            }
        }

        String ja = markdown(id, "public", "ja");
        assertThat(ja, containsString("対象となる方の人数：1,200 名"));
        assertThat(ja, containsString("当社が事態を把握した日時：2026年11月20日(金) 09:30"));
        assertThat(ja, containsString("ランサムウェア"));
        assertThat(ja, containsString("クレジットカードのご利用明細"));
        assertThat(ja, containsString("個人情報保護委員会への報告：報告いたしました。"));
        assertThat(ja, stringContainsInOrder(List.of("## 6. お問い合わせ窓口", "電話番号：【要記入】", "メールアドレス：【要記入】")));

        String en = markdown(id, "public", "en");
        assertThat(en, containsString("Number of persons concerned: 1,200"));
        assertThat(en, containsString("When we became aware of it: Fri 20 Nov 2026 09:30 JST"));
        assertThat(en, containsString("Ransomware"));
        assertThat(en, containsString("credit-card statements"));
        assertThat(en, stringContainsInOrder(List.of("## 6. Inquiry desk", "Phone: [to be completed]", "E-mail: [to be completed]")));
    }

    @Test
    void publicNoticeTellsPersonsWhatToWatchForMyNumbers() {
        String id = openId("""
                {"title": "payroll", "awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["DEVICE_THEFT"],
                 "personalData": {"breach": "SUSPECTED", "affectedPersons": 40, "myNumber": true, "cardData": false}}
                """);
        String ja = markdown(id, "public", "ja");
        assertThat(ja, containsString("- マイナンバー（個人番号）\n"));
        assertThat(ja, containsString("市区町村にマイナンバーの変更を請求"));
        assertThat(ja, not(containsString("クレジットカード")));
        String en = markdown(id, "public", "en");
        assertThat(en, containsString("ask the municipality where you live to change it"));
        assertThat(en, not(containsString("credit-card statements")));
    }

    @Test
    void htmlOnRequestWithCallerTextEscaped() {
        String id = openId(misdelivery(1500, "<script>alert(1)</script>"));
        String page = html(id, "management", "ja");
        assertThat(page, startsWith("<!DOCTYPE html>"));
        assertThat(page, containsString("<table>"));
        assertThat(page, not(containsString("<script>")));
        assertThat(page, containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertThat(html(id, "ppc", "en"), containsString("<table>"));

        String md = given().header("Accept", "text/markdown").queryParam("kind", "management")
                .when().get("/api/v1/incidents/" + id + "/report")
                .then().statusCode(200).contentType(startsWith("text/markdown")).extract().asString();
        assertThat(md, not(containsString("<script>")));
    }

    @Test
    void invalidParametersAre400AndUnknownIncidentsAre404() {
        String id = openId(misdelivery(1500, "params"));
        given().queryParam("kind", "nope").when().get("/api/v1/incidents/" + id + "/report")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("kind"));
        given().queryParam("kind", "ppc").queryParam("lang", "fr").when().get("/api/v1/incidents/" + id + "/report")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("lang"));
        given().when().get("/api/v1/incidents/" + id + "/report")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("kind"));
        given().queryParam("kind", "ppc").when().get("/api/v1/incidents/" + UUID.randomUUID() + "/report")
                .then().statusCode(404).contentType("application/problem+json").body("status", is(404));
    }
}
