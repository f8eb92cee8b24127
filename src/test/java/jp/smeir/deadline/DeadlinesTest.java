package jp.smeir.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jp.smeir.engine.Due;
import jp.smeir.engine.Timing;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private static final ZoneOffset PLUS_NINE = ZoneOffset.ofHours(9);

    private static OffsetDateTime at(String isoOffsetDateTime) {
        return OffsetDateTime.parse(isoOffsetDateTime);
    }

    /** Asserts the same instant and the same +09:00 representation. */
    private static void assertDue(String expected, OffsetDateTime actual) {
        assertEquals(at(expected), actual);
        assertEquals(PLUS_NINE, actual.getOffset());
    }

    @Test
    void theFirstDayIsNotCounted() {
        assertDue("2026-11-25T23:59:59+09:00", Deadlines.dueAt(at("2026-11-20T00:00:00+09:00"), Due.days(5)));
        assertDue("2026-11-25T23:59:59+09:00", Deadlines.dueAt(at("2026-11-20T23:59:59+09:00"), Due.days(5)));
        assertDue("2026-11-26T23:59:59+09:00", Deadlines.dueAt(at("2026-11-21T00:00:00+09:00"), Due.days(5)));
    }

    @Test
    void theDayOfAwarenessIsTheJapaneseCalendarDayForAnUtcInstant() {
        // 23:30 UTC on the 20th is 08:30 JST on the 21st.
        assertDue("2026-11-26T23:59:59+09:00", Deadlines.dueAt(at("2026-11-20T23:30:00Z"), Due.days(5)));
        assertDue("2026-11-25T23:59:59+09:00", Deadlines.dueAt(at("2026-11-20T14:59:59Z"), Due.days(5)));
        assertDue("2026-11-26T23:59:59+09:00", Deadlines.dueAt(at("2026-11-20T15:00:00Z"), Due.days(5)));
    }

    @Test
    void theDayOfAwarenessIsTheJapaneseCalendarDayForANegativeOffset() {
        // 10:00 at -05:00 is 15:00 UTC, i.e. midnight starting the 21st in Japan.
        assertDue("2026-11-25T23:59:59+09:00", Deadlines.dueAt(at("2026-11-20T09:59:59-05:00"), Due.days(5)));
        assertDue("2026-11-26T23:59:59+09:00", Deadlines.dueAt(at("2026-11-20T10:00:00-05:00"), Due.days(5)));
    }

    @Test
    void aFilingDeadlineOnAClosedDayMovesToTheNextOpenDay() {
        // Aware Friday 2026-11-20; day 30 is Sunday 2026-12-20.
        OffsetDateTime awareAt = at("2026-11-20T10:00:00+09:00");
        assertDue("2026-12-21T23:59:59+09:00", Deadlines.dueAt(awareAt, Due.filingDays(30)));
        // A benchmark deadline is not moved.
        assertDue("2026-12-20T23:59:59+09:00", Deadlines.dueAt(awareAt, Due.days(30)));
        // Day 5 is Wednesday 2026-11-25, an open day.
        assertDue("2026-11-25T23:59:59+09:00", Deadlines.dueAt(awareAt, Due.filingDays(5)));
    }

    @Test
    void aFilingDeadlineMovesAcrossGoldenWeek() {
        // Day 30 is Sunday 2026-05-03 (憲法記念日); 5/4, 5/5 and the 振替休日 5/6 follow.
        assertDue("2026-05-07T23:59:59+09:00",
                Deadlines.dueAt(at("2026-04-03T15:00:00+09:00"), Due.filingDays(30)));
    }

    @Test
    void aFilingDeadlineMovesAcrossTheNewYearClosure() {
        // Day 30 is Tuesday 2026-12-29; the offices reopen on Monday 2027-01-04.
        assertDue("2027-01-04T23:59:59+09:00",
                Deadlines.dueAt(at("2026-11-29T12:00:00+09:00"), Due.filingDays(30)));
        assertDue("2026-12-29T23:59:59+09:00",
                Deadlines.dueAt(at("2026-11-29T12:00:00+09:00"), Due.days(30)));
    }

    @Test
    void aMovedDeadlineKnowsTheDayItWasCountedToAndWhyItMoved() {
        // day 30 on Sunday 2026-12-20 → Monday 21st
        Deadlines.Deadline sunday = Deadlines.deadline(at("2026-11-20T10:00:00+09:00"), Due.filingDays(30));
        assertEquals(new Deadlines.Deadline(at("2026-12-21T23:59:59+09:00"), java.time.LocalDate.of(2026, 12, 20),
                JapaneseCalendar.Closure.SUNDAY), sunday);
        assertTrue(sunday.moved());
        // day 30 on Tuesday 2026-12-29, in the year-end closure → Monday 2027-01-04
        assertEquals(new Deadlines.Deadline(at("2027-01-04T23:59:59+09:00"), java.time.LocalDate.of(2026, 12, 29),
                JapaneseCalendar.Closure.YEAR_END), Deadlines.deadline(at("2026-11-29T12:00:00+09:00"), Due.filingDays(30)));
        // day 30 on Monday 2026-11-23, 勤労感謝の日 → Tuesday 24th
        assertEquals(new Deadlines.Deadline(at("2026-11-24T23:59:59+09:00"), java.time.LocalDate.of(2026, 11, 23),
                JapaneseCalendar.Closure.NATIONAL_HOLIDAY), Deadlines.deadline(at("2026-10-24T12:00:00+09:00"), Due.filingDays(30)));
        // day 30 on Monday 2026-12-28, the last open day of the year: not moved
        Deadlines.Deadline weekday = Deadlines.deadline(at("2026-11-28T12:00:00+09:00"), Due.filingDays(30));
        assertEquals(new Deadlines.Deadline(at("2026-12-28T23:59:59+09:00"), null, null), weekday);
        assertFalse(weekday.moved());
        // a benchmark on the same Sunday, and an hour count, never move
        assertFalse(Deadlines.deadline(at("2026-11-20T10:00:00+09:00"), Due.days(30)).moved());
        assertFalse(Deadlines.deadline(at("2026-11-20T10:00:00+09:00"), Due.hours(72)).moved());
    }

    @Test
    void hoursCountToTheMinuteAndAreNeverMoved() {
        // 2026-11-23 is 勤労感謝の日.
        assertDue("2026-11-23T09:30:00+09:00", Deadlines.dueAt(at("2026-11-20T09:30:00+09:00"), Due.hours(72)));
        assertDue("2026-11-23T09:30:00+09:00",
                Deadlines.dueAt(at("2026-11-20T09:30:00+09:00"), new Due(Timing.BY_DEADLINE, null, 72, true)));
        assertDue("2026-11-23T09:30:15+09:00", Deadlines.dueAt(at("2026-11-20T00:30:15Z"), Due.hours(72)));
    }

    @Test
    void noDeadlineForOtherTimings() {
        OffsetDateTime awareAt = at("2026-11-20T09:30:00+09:00");
        assertNull(Deadlines.dueAt(awareAt, Due.immediately()));
        assertNull(Deadlines.dueAt(awareAt, Due.promptly()));
        assertNull(Deadlines.dueAt(awareAt, Due.none()));
    }

    @Test
    void aDeadlineNeedsExactlyOneCount() {
        OffsetDateTime awareAt = at("2026-11-20T09:30:00+09:00");
        assertThrows(IllegalArgumentException.class,
                () -> Deadlines.dueAt(awareAt, new Due(Timing.BY_DEADLINE, null, null, false)));
        assertThrows(IllegalArgumentException.class,
                () -> Deadlines.dueAt(awareAt, new Due(Timing.BY_DEADLINE, 5, 72, false)));
        assertThrows(IllegalArgumentException.class, () -> Deadlines.dueAt(awareAt, Due.days(-1)));
    }
}
