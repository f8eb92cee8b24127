package jp.smeir.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import jp.smeir.engine.Text;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.support.TestRules;

/** The assembler keeps the texts it fills in: the same deadline gives the same text, another its own. */
class AssessorTest {

    static Assessment assess(String awareAt) throws Exception {
        return assess(awareAt, false);
    }

    static Assessment assess(String awareAt, boolean euResidents) throws Exception {
        IncidentFacts facts = TestRules.JSON.readValue("""
                {"awareAt": "%s", "incidentTypes": ["UNAUTHORIZED_ACCESS"],
                 "organization": {"sector": "GENERAL", "dataProcessor": false},
                 "personalData": {"breach": "CONFIRMED", "affectedPersons": 1200, "encrypted": false, "improperPurpose": true,
                                  "euResidents": %s}}
                """.formatted(awareAt, euResidents), IncidentFacts.class);
        return Assessor.assess(TestRules.engine().evaluate(facts, facts.awareAt().plusHours(1)));
    }

    static Text detail(Assessment assessment, String code) {
        return assessment.items().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow().detail();
    }

    @Test
    void theSameDeadlineAndSourcesGiveTheSameTextObject() throws Exception {
        Text first = detail(assess("2026-11-20T09:30:00+09:00"), "PPC_PRELIMINARY_REPORT");
        Text again = detail(assess("2026-11-20T09:30:00+09:00"), "PPC_PRELIMINARY_REPORT");

        // the deadline filled in, and the note on the unconfirmed 3–5-day benchmark appended
        assertThat(first.ja()).contains("2026年11月25日(水) 23:59").contains("3–5-day benchmark").doesNotContain("{");
        assertThat(first.en()).contains("Wed 25 Nov 2026 23:59 JST").doesNotContain("{");
        assertThat(again).isSameAs(first);
        assertThat(again.ja()).isSameAs(first.ja());
    }

    @Test
    void anotherDeadlineIsFilledInAnew() throws Exception {
        Text before = detail(assess("2026-11-20T09:30:00+09:00"), "PPC_FINAL_REPORT");
        Text later = detail(assess("2026-11-27T09:30:00+09:00"), "PPC_FINAL_REPORT");

        // 60 days (improper purpose) from 20 Nov is Tue 19 Jan 2027; from 27 Nov, Tue 26 Jan 2027
        assertThat(before.ja()).contains("60日以内").contains("2027年1月19日(火) 23:59");
        assertThat(later.ja()).contains("60日以内").contains("2027年1月26日(火) 23:59");
        assertThat(later.en()).contains("Tue 26 Jan 2027 23:59 JST").doesNotContain("{");
        assertThat(detail(assess("2026-11-20T09:30:00+09:00"), "PPC_FINAL_REPORT")).isEqualTo(before);
    }

    @Test
    void anHourCountedDeadlineIsFilledInForEachAnswerAndNotKept() throws Exception {
        // 72 hours from awareness, to the minute: each incident's own, so keeping it would only crowd out the rest
        Text first = detail(assess("2026-11-20T09:30:00+09:00", true), "GDPR_AUTHORITY_NOTICE");
        Text again = detail(assess("2026-11-20T09:30:00+09:00", true), "GDPR_AUTHORITY_NOTICE");

        assertThat(first.ja()).contains("2026年11月23日(月) 09:30").doesNotContain("{");
        assertThat(again).isEqualTo(first).isNotSameAs(first);
        assertThat(detail(assess("2026-11-20T09:31:00+09:00", true), "GDPR_AUTHORITY_NOTICE").ja()).contains("2026年11月23日(月) 09:31");
    }

    @Test
    void aContradictionIsAskedAboutTheContradictingFactWithAQuestionSayingWhatContradictsWhat() throws Exception {
        IncidentFacts facts = TestRules.JSON.readValue("""
                {"awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["MISDELIVERY"],
                 "personalData": {"breach": "NONE", "affectedPersons": 2000, "recoveredUnviewed": false}}
                """, IncidentFacts.class);
        Assessment a = Assessor.assess(TestRules.engine().evaluate(facts, facts.awareAt().plusHours(1)));
        Question breach = a.questions().stream().filter(q -> q.fact().equals("personalData.breach")).findFirst().orElseThrow();
        assertThat(breach.question().ja()).startsWith("個人データの漏えいは「なし」と回答されていますが、関係する人数も回答されています。");
        assertThat(breach.question().en()).startsWith("You answered that no personal data leaked, yet you gave a number of persons involved.");
        assertThat(breach.affects()).contains("PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT");
        assertThat(a.questions()).extracting(Question::fact).doesNotHaveDuplicates().allMatch(f -> !f.contains("#"));
    }
}
