package jp.smeir.assessment;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import jp.smeir.support.Cases;
import jp.smeir.support.TestClock;
import jp.smeir.support.TestRules;

/** Views of an answer (lang, view=compact) and its readable sheets (Accept: text/markdown, text/html), on the case. */
@QuarkusTest
class AnswerViewResourceTest {

    /**
     * Two A4 pages: the sheet's print style sets 10-point type on 14.5-point lines with 14 mm margins, so a page
     * (269 mm, 762 pt of text) holds 52 lines, two pages 104; 100 leave room for the four headings' larger type.
     */
    static final int MAX_LINES = 100;
    static final int MAX_COLUMNS = 80;

    static final String CASE = Cases.json(Cases.RANSOMWARE_MANUFACTURER);

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

    static Response assess(String body, Map<String, String> query) {
        return given().contentType("application/json").queryParams(query).body(body).when().post("/api/v1/assessments");
    }

    static JsonNode tree(Response response) throws Exception {
        return TestRules.JSON.readTree(response.then().statusCode(200).contentType(startsWith("application/json")).extract().asByteArray());
    }

    /** Every object of the answer that is a text: {ja, en} or one of them. */
    static void texts(JsonNode node, List<JsonNode> out) {
        if (node.isObject()) {
            if (node.size() > 0 && node.size() <= 2 && Set.of("ja", "en").containsAll(iterable(node.fieldNames()))) {
                out.add(node);
                return;
            }
            node.forEach(child -> texts(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> texts(child, out));
        }
    }

    static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    @Test
    void aCompactJapaneseAnswerToTheCaseIsUnder8KB() throws Exception {
        Response response = assess(CASE, Map.of("lang", "ja", "view", "compact"));
        byte[] body = response.then().statusCode(200).extract().asByteArray();
        JsonNode a = tree(response);

        assertThat(body.length).as("bytes of the compact Japanese answer").isLessThan(8_000);
        for (String list : List.of("actions", "notifications", "escalations")) {
            a.path(list).forEach(item -> {
                assertThat(iterable(item.fieldNames())).isSubsetOf("code", "status", "stage", "priority", "title", "dueAt", "targetAt")
                        .contains("code", "status", "stage", "priority", "title");
                assertThat(iterable(item.path("title").fieldNames())).containsExactly("ja");
                if (!item.path("status").asText().equals("RECOMMENDED")) {
                    assertThat(item.has("dueAt") != item.has("targetAt")).as(item.path("code").asText()).isTrue();
                }
            });
        }
        assertThat(a.path("actions").size() + a.path("notifications").size() + a.path("escalations").size()).isEqualTo(39);
        a.path("questions").forEach(q -> assertThat(iterable(q.fieldNames())).containsExactly("fact"));
        assertThat(a.path("questions").size()).isGreaterThan(5);
        assertThat(a.path("firstSteps").get(0).path("code").asText()).isEqualTo("ISOLATE_FROM_NETWORK");
        // the law versions and the watch note are the full answer's context, not a list's
        assertThat(a.has("lawApplied")).isFalse();
        assertThat(a.has("watch")).isFalse();
        assertThat(a.has("firedRules")).isFalse();
        assertThat(a.has("severityBecause")).isFalse();
        assertThat(a.path("severity").asText()).isEqualTo("CRITICAL");
    }

    @Test
    void oneLanguageKeepsTheShapeWithOneKey() throws Exception {
        JsonNode full = tree(assess(CASE, Map.of()));
        JsonNode en = tree(assess(CASE, Map.of("lang", "en")));

        List<JsonNode> texts = new java.util.ArrayList<>();
        texts(en, texts);
        assertThat(texts).hasSizeGreaterThan(100);
        texts.forEach(t -> assertThat(iterable(t.fieldNames())).containsExactly("en"));
        // the same items, fields and order; only the Japanese is gone
        assertThat(en.path("notifications").size()).isEqualTo(full.path("notifications").size());
        JsonNode first = en.path("notifications").get(0);
        assertThat(iterable(first.fieldNames())).isEqualTo(iterable(full.path("notifications").get(0).fieldNames()));
        assertThat(first.path("detail").path("en").asText()).isEqualTo(full.path("notifications").get(0).path("detail").path("en").asText());
        assertThat(first.path("targetBasis").path("en").asText()).contains("not a legal deadline");
        assertThat(first.path("recipient").path("name").has("ja")).isFalse();
        assertThat(en.path("firstSteps").get(0).path("title").path("en").asText()).isNotBlank();
        assertThat(en.path("firedRules")).isEqualTo(full.path("firedRules"));
        // a watch note is {id, ja, en}, not a text object: it keeps its one language too
        assertThat(full.path("watch").size()).isPositive();
        full.path("watch").forEach(w -> assertThat(iterable(w.fieldNames())).containsExactly("id", "ja", "en"));
        en.path("watch").forEach(w -> assertThat(iterable(w.fieldNames())).containsExactly("id", "en"));

        List<JsonNode> both = new java.util.ArrayList<>();
        texts(full, both);
        both.forEach(t -> assertThat(iterable(t.fieldNames())).containsExactly("ja", "en"));
    }

    @Test
    void anUnknownLanguageOrViewIsA400NamingTheParameter() {
        assess(CASE, Map.of("lang", "fr")).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("lang"));
        assess(CASE, Map.of("view", "short")).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("view"));
        given().contentType("application/json").accept("text/markdown").queryParam("lang", "de").body(CASE)
                .when().post("/api/v1/assessments").then().statusCode(400).body("errors.field", hasItem("lang"));
    }

    @Test
    void jsonStaysTheDefaultAndOtherTypesAre406() {
        // rest-assured asks for */*
        assess(CASE, Map.of()).then().statusCode(200).contentType(startsWith("application/json"))
                .body("firstSteps[0].code", is("ISOLATE_FROM_NETWORK")).body("notifications[0].priority", is(3));
        given().contentType("application/json").accept("text/markdown;q=0.5, application/json").body(CASE)
                .when().post("/api/v1/assessments").then().statusCode(200).contentType(startsWith("application/json"));
        given().contentType("application/json").accept("application/xml").body(CASE)
                .when().post("/api/v1/assessments").then().statusCode(406).contentType("application/problem+json");
        given().accept("application/xml").when().get("/api/v1/incidents/" + java.util.UUID.randomUUID()).then().statusCode(406);
    }

    static String sheet(String lang) {
        return given().contentType("application/json").accept("text/markdown").queryParam("lang", lang).body(CASE)
                .when().post("/api/v1/assessments")
                .then().statusCode(200).contentType(startsWith("text/markdown")).extract().asString();
    }

    @Test
    void theMarkdownSheetOfTheCasePrintsOnTwoA4Pages() {
        String md = sheet("ja");
        for (String sheet : List.of(md, sheet("en"))) {
            List<String> lines = sheet.lines().toList();
            assertThat(lines.size()).as("lines").isLessThanOrEqualTo(MAX_LINES);
            lines.forEach(line -> assertThat(columns(line)).as(line).isLessThanOrEqualTo(MAX_COLUMNS));
        }
        assertThat(md).startsWith("# 対応シート：ファイルサーバのランサムウェア感染（顧客情報3,000件）");
        // first steps, then the duties with their times, then the questions
        assertThat(md).containsSubsequence("## 1. 今すぐやること", "1. **ネットワークから切り離す**", "2. **証拠を保全する**",
                "## 2. 義務と期限", "目標 11/20(金) 10:30　カード情報のデータベースを直ちに切り離す", "期限 11/25(水) 23:59　個人情報保護委員会へ速報する",
                "## 3. 確認が必要な事実", "## 4. そのほかの推奨事項", "①検知・初動対応");
        assertThat(md.replaceAll("\n *", "")).as("folded lines joined").contains("「目標」は法令上の期限ではなく、このサービスの作業目標です（「直ちに」＝発覚から1時間以内、「速やかに」＝24時間以内）");
        assertThat(md).doesNotContain("PPC_").doesNotContain("personalData").doesNotContain("{");
    }

    @Test
    void theSheetIsPrintableHtmlAndInEnglishOnRequest() {
        String html = given().contentType("application/json").accept("text/html").body(CASE)
                .when().post("/api/v1/assessments")
                .then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"ja\">").contains("@media print").contains("@page{size:A4")
                .contains("<li><strong>ネットワークから切り離す</strong>");

        String en = given().contentType("application/json").accept("text/markdown").queryParam("lang", "en").body(CASE)
                .when().post("/api/v1/assessments")
                .then().statusCode(200).contentType(startsWith("text/markdown")).extract().asString();
        assertThat(en).containsSubsequence("## 1. Do now", "## 2. Duties and deadlines", "## 3. Facts to check");
        assertThat(en).contains("1. **Disconnect affected devices from the network**")
                .contains("- Target Fri 20 Nov 10:30: Cut the card-data database").contains("not a legal deadline")
                .doesNotContain("今すぐ").doesNotContain("目標");
    }

    @Test
    void anIncidentAnswersInViewsAndAsASheetWithItsProgress() throws Exception {
        Response opened = given().contentType("application/json").queryParam("view", "compact").queryParam("lang", "en").body(CASE)
                .when().post("/api/v1/incidents");
        opened.then().statusCode(201);
        JsonNode incident = TestRules.JSON.readTree(opened.asByteArray());
        String id = incident.path("id").asText();
        assertThat(iterable(incident.path("assessment").path("notifications").get(0).fieldNames())).doesNotContain("detail", "basis");
        assertThat(iterable(incident.path("assessment").path("actions").get(0).path("title").fieldNames())).containsExactly("en");
        assertThat(incident.path("progress").size()).isEqualTo(39);

        JsonNode ja = tree(given().queryParam("lang", "ja").when().get("/api/v1/incidents/" + id));
        assertThat(iterable(ja.path("assessment").path("notifications").get(0).path("detail").fieldNames())).containsExactly("ja");
        given().queryParam("view", "all").when().get("/api/v1/incidents/" + id).then().statusCode(400).body("errors.field", hasItem("view"));
        // GET one incident compact (a ticket system's poll, BENCHMARKS.md): the items as a list needs them, the rest kept
        Response read = given().queryParam("view", "compact").queryParam("lang", "ja").when().get("/api/v1/incidents/" + id);
        read.then().statusCode(200).header("ETag", "\"0\"");
        JsonNode compact = TestRules.JSON.readTree(read.asByteArray());
        assertThat(compact.path("id").asText()).isEqualTo(id);
        assertThat(compact.path("progress").size()).isEqualTo(39);
        assertThat(iterable(compact.path("assessment").path("notifications").get(0).fieldNames()))
                .isSubsetOf("code", "status", "stage", "priority", "title", "dueAt", "targetAt");
        assertThat(iterable(compact.path("assessment").path("actions").get(0).path("title").fieldNames())).containsExactly("ja");
        assertThat(compact.path("assessment").has("firedRules")).isFalse();
        assertThat(read.asByteArray().length).as("bytes of the compact incident")
                .isLessThan(given().when().get("/api/v1/incidents/" + id).asByteArray().length / 3);

        given().contentType("application/json").body("{\"by\": \"Sato\"}")
                .when().post("/api/v1/incidents/" + id + "/items/ISOLATE_FROM_NETWORK/completion").then().statusCode(200);
        String sheet = given().accept("text/markdown").when().get("/api/v1/incidents/" + id)
                .then().statusCode(200).contentType(startsWith("text/markdown")).header("ETag", "\"1\"").extract().asString();
        assertThat(sheet).contains("1. **ネットワークから切り離す**［完了］").contains("管理番号 " + id).contains("対応中");
        String html = given().accept("text/html").queryParam("lang", "en").when().get("/api/v1/incidents/" + id)
                .then().statusCode(200).contentType(startsWith("text/html")).extract().asString();
        assertThat(html).contains("<html lang=\"en\">").contains("Disconnect affected devices from the network</strong> [Done]");
        // JSON stays the default for the incident too
        given().when().get("/api/v1/incidents/" + id).then().statusCode(200).contentType(startsWith("application/json"));
    }

    /**
     * Display columns, counted independently of the service and on the safe side: every character outside
     * ASCII as two.
     */
    static int columns(String line) {
        return line.codePoints().map(c -> c < 0x80 ? 1 : 2).sum();
    }

}
