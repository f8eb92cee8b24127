package jp.smeir.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Assessor;
import jp.smeir.scenario.ScenarioSuite;
import jp.smeir.support.TestRules;

/** The rules' reasons, in words: every reason any scenario gives reads in both languages, without a fact path or a code. */
class BecauseTest {

    static final Pattern RAW = Pattern.compile("\\b(personalData|impact|attack|organization)\\.[a-zA-Z]+|incidentTypes|[A-Z]{2,}_[A-Z_]+|awareAt| = | > ");

    final Labels labels = Labels.load(Path.of("rules/reports/labels.yaml"));

    @Test
    void everyReasonOfEveryScenarioReadsInWords() {
        TreeSet<String> reasons = new TreeSet<>();
        Map<String, String> titles = new java.util.HashMap<>();
        for (ScenarioSuite.Entry entry : TestRules.scenarios()) {
            var facts = entry.scenario().facts();
            Assessment a = Assessor.assess(TestRules.engine().evaluate(facts, facts.awareAt().plusHours(1)));
            a.items().forEach(i -> reasons.addAll(i.because()));
            reasons.addAll(a.severityBecause());
            a.items().forEach(i -> titles.put(i.code(), i.title().ja()));
        }
        assertThat(reasons).hasSizeGreaterThan(40);
        for (String lang : List.of("ja", "en")) {
            Because because = new Because(labels, lang, titles::get);
            for (String reason : reasons) {
                List<String> words = because.words(List.of(reason));
                assertThat(words).as("%s in %s", reason, lang).isNotEmpty();
                words.forEach(w -> assertThat(RAW.matcher(w).find()).as("%s → %s", reason, w).isFalse());
            }
        }
    }

    @Test
    void factsValuesAndSentencesAreWritten() {
        Because ja = new Because(labels, "ja", code -> code.equals("PPC_FINAL_REPORT") ? "個人情報保護委員会へ確報を出す" : null);
        assertThat(ja.words("impact.businessStopped = true")).isEqualTo("業務停止：はい");
        assertThat(ja.words("personalData.affectedPersons = 3000 > 1000")).isEqualTo("本人の数：3,000（1,000超）");
        assertThat(ja.words("personalData.breach = SUSPECTED")).isEqualTo("個人データの漏えい等：発生したおそれあり");
        assertThat(ja.words("personalData.cardData = true (card numbers carry a risk of financial harm)")).isEqualTo("クレジットカード番号：はい");
        assertThat(ja.words("incidentTypes contains RANSOMWARE, PHISHING"))
                .isEqualTo("種別：ランサムウェア（身代金要求型ウイルス）感染、フィッシング（なりすましメール・偽サイト）");
        assertThat(ja.words("organization.dataProcessor is unknown")).isEqualTo("委託を受けて扱うデータ：不明");
        assertThat(ja.words("REQUIRED duty PPC_FINAL_REPORT")).isEqualTo("必須の義務：個人情報保護委員会へ確報を出す");
        assertThat(ja.words("an incident or suspected incident was found")).isEqualTo("インシデント又はその疑いがある");
        // a reason with no words is left out, never shown as it stands
        assertThat(ja.words("personalData.somethingNew = true")).isNull();
        assertThat(ja.words("REQUIRED duty NOT_IN_THE_ANSWER")).isNull();
        assertThat(ja.words(List.of("impact.systemDown = false, impact.medicalCareDisrupted = false; cyberattack")))
                .containsExactly("システム停止：いいえ", "診療への支障：いいえ", "サイバー攻撃");

        Because en = new Because(labels, "en", code -> null);
        assertThat(en.words("personalData.affectedPersons = 3000 > 1000")).isEqualTo("persons affected: 3,000 (over 1,000)");
        assertThat(en.words("organization.sector = FINANCE")).isEqualTo("sector: Financial business (FSA-supervised)");
    }
}
