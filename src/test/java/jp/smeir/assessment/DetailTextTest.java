package jp.smeir.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.smeir.deadline.Deadlines;
import jp.smeir.engine.Catalogue;
import jp.smeir.engine.Due;
import jp.smeir.engine.Text;
import jp.smeir.support.TestRules;

/** Filling in a detail: where the sentence on a moved deadline goes, and the notes in each language. */
class DetailTextTest {

    final Catalogue catalogue = TestRules.engine().ruleBase().catalogue();
    /** Aware Friday 2026-11-20: day 30 is Sunday 20 Dec, due Monday 21 Dec. */
    final Deadlines.Deadline moved = Deadlines.deadline(OffsetDateTime.parse("2026-11-20T09:30:00+09:00"), Due.filingDays(30));

    @Test
    void aTextWithoutThePlaceholderGetsTheSentenceAfterItsLastOne() {
        Text detail = DetailText.of(catalogue, new Text("{due}までに報告します。", "Report by {due}."), 30, moved, List.of(), List.of(), false);
        assertThat(detail.ja()).isEqualTo("2026年12月21日(月) 23:59までに報告します。30日目の12月20日が日曜日のため、期限は翌開庁日の12月21日(月)まで延びます。");
        assertThat(detail.en()).isEqualTo("Report by Mon 21 Dec 2026 23:59 JST. Day 30 (20 Dec) is a Sunday, so the deadline moves to the next open day, Mon 21 Dec.");
    }

    @Test
    void thePlaceholderIsEmptyWhenTheDeadlineDidNotMove() {
        Deadlines.Deadline weekday = Deadlines.deadline(OffsetDateTime.parse("2026-11-28T09:30:00+09:00"), Due.filingDays(30));
        Text detail = DetailText.of(catalogue, new Text("{due}まで。{moved}以上です。", "By {due}. {moved}That is all."), 30, weekday,
                List.of(), List.of(), false);
        assertThat(detail).isEqualTo(new Text("2026年12月28日(月) 23:59まで。以上です。", "By Mon 28 Dec 2026 23:59 JST. That is all."));
    }

    @Test
    void severalNotesFollowEachOtherInTheDetailsLanguage() {
        Text detail = DetailText.of(catalogue, new Text("報告します。", "Report."), null, null, List.of(), List.of("aware-start", "closed-days"), false);
        assertThat(detail.ja()).startsWith("報告します。\n【要確認】会社がいつ事態を「知った」ことになるか")
                .contains("（安全側の読み方）。期限の日が土日・祝日").endsWith("で確認してください。");
        assertThat(detail.en()).startsWith("Report.\n[To be verified] When a company counts as aware")
                .contains("(the safe reading). Whether a deadline that falls on a weekend").endsWith("before you rely on it.");
    }

    @Test
    void whatWouldLiftADutyComesOnItsOwnLinesBeforeTheNotes() {
        List<Text> lifts = List.of(new Text("暗号化されていれば不要です。", "Not due if encrypted."),
                new Text("委託元が報告すれば不要です。", "Not due if the controller reports."));
        Text detail = DetailText.of(catalogue, new Text("報告します。", "Report."), null, null, lifts, List.of("aware-start"), false);
        assertThat(detail.ja()).startsWith("報告します。\n暗号化されていれば不要です。\n委託元が報告すれば不要です。\n【要確認】");
        assertThat(detail.en()).startsWith("Report.\nNot due if encrypted.\nNot due if the controller reports.\n[To be verified]");
    }
}
