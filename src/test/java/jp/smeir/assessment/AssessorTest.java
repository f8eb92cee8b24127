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

        // the deadline filled in, and the note on when a company counts as aware appended, each in its language
        assertThat(first.ja()).contains("2026年11月25日(水) 23:59").contains("【要確認】会社がいつ事態を「知った」ことになるか")
                .doesNotContain("{").doesNotContain("aware");
        assertThat(first.en()).contains("Wed 25 Nov 2026 23:59 JST").contains("[To be verified] When a company counts as aware")
                .doesNotContain("{").doesNotContain("知った");
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

    /** A mis-sent mailing to 1,200 persons: category ④ only, so the PPC final report is due on day 30. */
    static Assessment misdelivery(String awareAt) throws Exception {
        IncidentFacts facts = TestRules.JSON.readValue("""
                {"awareAt": "%s", "incidentTypes": ["MISDELIVERY"],
                 "organization": {"sector": "GENERAL", "dataProcessor": false},
                 "personalData": {"breach": "CONFIRMED", "affectedPersons": 1200, "sensitive": false, "financialHarmRisk": false,
                                  "improperPurpose": false, "encrypted": false, "recoveredUnviewed": false, "myNumber": false}}
                """.formatted(awareAt), IncidentFacts.class);
        return Assessor.assess(TestRules.engine().evaluate(facts, facts.awareAt().plusHours(1)));
    }

    @Test
    void aDeadlineOnAWeekdayIsNotSaidToMove() throws Exception {
        // day 30 is Monday 2026-12-28, the last open day before the year-end closure
        Text detail = detail(misdelivery("2026-11-28T10:00:00+09:00"), "PPC_FINAL_REPORT");
        assertThat(detail.ja()).contains("30日以内（2026年12月28日(月) 23:59まで）").doesNotContain("30日目").doesNotContain("{");
        assertThat(detail.en()).contains("(by Mon 28 Dec 2026 23:59 JST)").doesNotContain("Day 30").doesNotContain("{");
    }

    @Test
    void aDeadlineMovedPastASundaySaysWhyInEachLanguage() throws Exception {
        Text detail = detail(misdelivery("2026-11-20T09:30:00+09:00"), "PPC_FINAL_REPORT");
        assertThat(detail.ja()).contains("（2026年12月21日(月) 23:59まで）に確報を出します（不正の目的によるおそれがある場合は60日、それ以外は30日）。"
                + "30日目の12月20日が日曜日のため、期限は翌開庁日の12月21日(月)まで延びます。確報には");
        assertThat(detail.en()).contains("otherwise 30. Day 30 (20 Dec) is a Sunday, so the deadline moves to the next open day, Mon 21 Dec. It must cover");
    }

    @Test
    void aDeadlineMovedPastTheYearEndClosureSaysWhy() throws Exception {
        // day 30 is Tuesday 2026-12-29; and from 4 December, Sunday 2027-01-03: the closure is the reason either way
        Text tuesday = detail(misdelivery("2026-11-29T10:00:00+09:00"), "PPC_FINAL_REPORT");
        assertThat(tuesday.ja()).contains("30日目の12月29日が年末年始の閉庁日（12月29日〜1月3日）のため、期限は翌開庁日の2027年1月4日(月)まで延びます。");
        assertThat(tuesday.en()).contains("Day 30 (29 Dec) is in the year-end closure of government offices (29 Dec – 3 Jan), "
                + "so the deadline moves to the next open day, Mon 4 Jan 2027.");
        Text sunday = detail(misdelivery("2026-12-04T10:00:00+09:00"), "PPC_FINAL_REPORT");
        assertThat(sunday.ja()).contains("30日目の1月3日が年末年始の閉庁日（12月29日〜1月3日）のため、期限は翌開庁日の1月4日(月)まで延びます。");
        assertThat(sunday.en()).contains("Day 30 (3 Jan) is in the year-end closure");
    }

    @Test
    void aDeadlineMovedPastAHolidayNamesItInJapaneseOnly() throws Exception {
        // day 30 is Monday 2026-11-23, 勤労感謝の日
        Text detail = detail(misdelivery("2026-10-24T10:00:00+09:00"), "PPC_FINAL_REPORT");
        assertThat(detail.ja()).contains("30日目の11月23日が勤労感謝の日のため、期限は翌開庁日の11月24日(火)まで延びます。");
        assertThat(detail.en()).contains("Day 30 (23 Nov) is a national holiday, so the deadline moves to the next open day, Tue 24 Nov.");
    }

    @Test
    void theSameDeadlineReachedFromAnotherDayIsNotSaidToMove() throws Exception {
        // aware Saturday 21 Nov: day 30 is Monday 21 Dec itself, the same deadline as from Friday 20 Nov, but not moved
        Text moved = detail(misdelivery("2026-11-20T09:30:00+09:00"), "PPC_FINAL_REPORT");
        Text notMoved = detail(misdelivery("2026-11-21T09:30:00+09:00"), "PPC_FINAL_REPORT");
        assertThat(notMoved.ja()).contains("2026年12月21日(月) 23:59").doesNotContain("30日目");
        assertThat(notMoved.en()).doesNotContain("Day 30");
        assertThat(moved.ja()).contains("30日目の12月20日が日曜日のため");
    }

    @Test
    void aBenchmarkOnASundayDoesNotMove() throws Exception {
        // day 5 of the preliminary report is Sunday 2026-11-22: a benchmark, not a filing period
        Text detail = detail(misdelivery("2026-11-17T10:00:00+09:00"), "PPC_PRELIMINARY_REPORT");
        assertThat(detail.ja()).contains("2026年11月22日(日) 23:59").doesNotContain("5日目").doesNotContain("延びます");
        assertThat(detail.en()).contains("Sun 22 Nov 2026 23:59 JST").doesNotContain("Day 5").doesNotContain("moves to");
    }

    @Test
    void aClassificationsUnconfirmedNoteReachesTheDutiesThatFollowFromIt() throws Exception {
        // the more-than-100 threshold is noted on the classification rule, not on the report rules: restingOn passes it on
        IncidentFacts facts = TestRules.JSON.readValue("""
                {"awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["DEVICE_LOSS"],
                 "organization": {"sector": "GENERAL", "dataProcessor": false},
                 "personalData": {"breach": "CONFIRMED", "affectedPersons": 150, "myNumber": true, "myNumberPersons": 150,
                                  "sensitive": false, "financialHarmRisk": false, "improperPurpose": false, "exposedOnline": false,
                                  "encrypted": false, "recoveredUnviewed": false, "subjectsReachable": true}}
                """, IncidentFacts.class);
        Item report = Assessor.assess(TestRules.engine().evaluate(facts, facts.awareAt().plusHours(1))).items().stream()
                .filter(i -> i.code().equals("MY_NUMBER_REPORT")).findFirst().orElseThrow();
        assertThat(report.basis()).anyMatch(b -> "my-number-threshold".equals(b.note()) && !b.confirmed()
                && b.source().contains("legal-basis §2.1"));
        assertThat(report.detail().ja()).contains("マイナンバーの報告基準「100人を超える」は2022年より前の資料でのみ確認しており");
        assertThat(report.detail().en()).contains("The more-than-100-persons threshold of the My Number report is confirmed only");
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
