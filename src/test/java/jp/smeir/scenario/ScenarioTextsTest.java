package jp.smeir.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Assessor;
import jp.smeir.engine.Catalogue;
import jp.smeir.support.OneLanguage;
import jp.smeir.support.TestRules;

/**
 * One language per text (docs/legal-basis.md §16.6): what a company reads in an answer is Japanese throughout in
 * {@code ja} and English throughout in {@code en}, without section references. The rules are those of
 * {@link OneLanguage}: recipient contacts are the one bilingual string of the contract; basis, because and rule
 * names are for analysts.
 */
class ScenarioTextsTest {

    /** Every scenario's facts, through the engine and the assembler as the API answers them. */
    @Test
    void everyTextOfEveryScenarioAnswerIsInOneLanguage() throws Exception {
        List<String> problems = new ArrayList<>();
        int answers = 0;
        for (ScenarioSuite.Entry entry : TestRules.scenarios()) {
            Scenario s = entry.scenario();
            if (s.facts() == null || !s.facts().violations().isEmpty()) {
                continue;
            }
            Assessment assessment = Assessor.assess(TestRules.engine().evaluate(s.facts(),
                    s.evaluatedAt() != null ? s.evaluatedAt() : s.facts().awareAt().plusHours(1)));
            JsonNode answer = TestRules.JSON.valueToTree(assessment);
            OneLanguage.problems(answer).forEach(p -> problems.add(entry.name() + ": " + p));
            answers++;
        }
        assertTrue(answers > 150, "ran the scenarios: " + answers);
        // the same text fails in many scenarios: list each problem once
        TreeSet<String> distinct = new TreeSet<>(problems.stream().map(p -> p.substring(p.indexOf(": ") + 2)).toList());
        assertTrue(problems.isEmpty(), distinct.size() + " texts in more than one language:\n  " + String.join("\n  ", distinct));
    }

    /** Also the catalogue's texts that no scenario happens to reach: every title, detail, name, question and note. */
    @Test
    void everyTextOfTheCatalogueIsInOneLanguage() {
        Catalogue catalogue = TestRules.engine().ruleBase().catalogue();
        JsonNode all = TestRules.JSON.valueToTree(catalogue);
        List<String> problems = OneLanguage.problems(all);
        assertTrue(problems.isEmpty(), problems.size() + " texts in more than one language:\n  " + String.join("\n  ", problems));
    }

    /** The rules themselves, so that a change to them cannot quietly make every text pass. */
    @Test
    void theRulesCatchWhatTheyAreFor() {
        assertEquals("has a section reference (§)", OneLanguage.japaneseProblem("確認してください（ref §3.1.5）。"));
        assertEquals("has English words in a row: \"Check the primary text before you rely on it.\"",
                OneLanguage.japaneseProblem("【要確認】Check the primary text before you rely on it."));
        assertEquals("has half-width brackets, not （）", OneLanguage.japaneseProblem("事業継続計画(BCP)で業務を続ける"));
        assertNull(OneLanguage.japaneseProblem("翌開庁日の12月21日(月)まで（2026年12月21日(月) 23:59）"));
        assertNull(OneLanguage.japaneseProblem("GDPR 33条に基づき、IPA・JPCERT/CCへ。No More Ransom などで探すことができます。"));
        assertNull(OneLanguage.japaneseProblem("窓口（https://www.ipa.go.jp/security/support/soudan.html、cs-support@ipa.go.jp）へ。"));
        assertNull(OneLanguage.japaneseProblem("PCI DSS の要件に従います。"));
        assertEquals("has Japanese: \"特\" in …Send My Numbers (特定個人情報) to the PPC.…",
                OneLanguage.englishProblem("Send My Numbers (特定個人情報) to the PPC."));
        assertEquals("has Japanese: \"（\" in …Report（to the PPC)…", OneLanguage.englishProblem("Report（to the PPC)"));
        assertNull(OneLanguage.englishProblem("About 3–5 days, by Wed 25 Nov 2026 23:59 JST (Art. 33(3))."));
        assertNull(OneLanguage.contactProblem("Webフォーム / web form: https://www.jpcert.or.jp/form/"));
        assertEquals("is not written in both languages (\"日本語 / English\")", OneLanguage.contactProblem("https://www.jpcert.or.jp/form/"));
        assertEquals("is not written in both languages (\"日本語 / English\")", OneLanguage.contactProblem("Webフォームから"));
    }
}
