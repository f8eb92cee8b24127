package jp.smeir.deadline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JapaneseCalendarTest {

    /** Every holiday of a year, as the calendar computes it. */
    private static Map<LocalDate, String> holidaysOf(int year) {
        Map<LocalDate, String> result = new TreeMap<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            LocalDate day = d;
            JapaneseCalendar.holidayName(day).ifPresent(name -> result.put(day, name));
        }
        return result;
    }

    /** Builds an expected list from "MM-DD name" lines. */
    private static Map<LocalDate, String> expected(int year, String... entries) {
        Map<LocalDate, String> result = new TreeMap<>();
        for (String entry : entries) {
            String[] parts = entry.split(" ", 2);
            result.put(LocalDate.parse(year + "-" + parts[0]), parts[1]);
        }
        return result;
    }

    private static void assertHoliday(String date, String name) {
        assertEquals(Optional.of(name), JapaneseCalendar.holidayName(LocalDate.parse(date)), date);
    }

    private static void assertNotHoliday(String date) {
        assertEquals(Optional.empty(), JapaneseCalendar.holidayName(LocalDate.parse(date)), date);
    }

    // Full lists as published by the Cabinet Office (内閣府「国民の祝日について」, syukujitsu.csv).

    @Test
    void holidaysOf2024() {
        assertEquals(expected(2024,
                "01-01 元日", "01-08 成人の日", "02-11 建国記念の日", "02-12 振替休日", "02-23 天皇誕生日",
                "03-20 春分の日", "04-29 昭和の日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日",
                "05-06 振替休日", "07-15 海の日", "08-11 山の日", "08-12 振替休日", "09-16 敬老の日",
                "09-22 秋分の日", "09-23 振替休日", "10-14 スポーツの日", "11-03 文化の日", "11-04 振替休日",
                "11-23 勤労感謝の日"),
                holidaysOf(2024));
    }

    @Test
    void holidaysOf2025() {
        assertEquals(expected(2025,
                "01-01 元日", "01-13 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日", "02-24 振替休日",
                "03-20 春分の日", "04-29 昭和の日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日",
                "05-06 振替休日", "07-21 海の日", "08-11 山の日", "09-15 敬老の日", "09-23 秋分の日",
                "10-13 スポーツの日", "11-03 文化の日", "11-23 勤労感謝の日", "11-24 振替休日"),
                holidaysOf(2025));
    }

    @Test
    void holidaysOf2026() {
        assertEquals(expected(2026,
                "01-01 元日", "01-12 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日", "03-20 春分の日",
                "04-29 昭和の日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日", "05-06 振替休日",
                "07-20 海の日", "08-11 山の日", "09-21 敬老の日", "09-22 国民の休日", "09-23 秋分の日",
                "10-12 スポーツの日", "11-03 文化の日", "11-23 勤労感謝の日"),
                holidaysOf(2026));
    }

    @Test
    void holidaysOf2019WithTheEnthronement() {
        assertEquals(expected(2019,
                "01-01 元日", "01-14 成人の日", "02-11 建国記念の日", "03-21 春分の日", "04-29 昭和の日",
                "04-30 国民の休日", "05-01 即位の日", "05-02 国民の休日", "05-03 憲法記念日", "05-04 みどりの日",
                "05-05 こどもの日", "05-06 振替休日", "07-15 海の日", "08-11 山の日", "08-12 振替休日",
                "09-16 敬老の日", "09-23 秋分の日", "10-14 体育の日", "10-22 即位礼正殿の儀", "11-03 文化の日",
                "11-04 振替休日", "11-23 勤労感謝の日"),
                holidaysOf(2019));
    }

    @Test
    void holidaysOf2020WithTheOlympicMoves() {
        assertEquals(expected(2020,
                "01-01 元日", "01-13 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日", "02-24 振替休日",
                "03-20 春分の日", "04-29 昭和の日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日",
                "05-06 振替休日", "07-23 海の日", "07-24 スポーツの日", "08-10 山の日", "09-21 敬老の日",
                "09-22 秋分の日", "11-03 文化の日", "11-23 勤労感謝の日"),
                holidaysOf(2020));
    }

    @Test
    void holidaysOf2021WithTheOlympicMoves() {
        assertEquals(expected(2021,
                "01-01 元日", "01-11 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日", "03-20 春分の日",
                "04-29 昭和の日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日", "07-22 海の日",
                "07-23 スポーツの日", "08-08 山の日", "08-09 振替休日", "09-20 敬老の日", "09-23 秋分の日",
                "11-03 文化の日", "11-23 勤労感謝の日"),
                holidaysOf(2021));
    }

    @Test
    void holidaysOf2022() {
        assertEquals(expected(2022,
                "01-01 元日", "01-10 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日", "03-21 春分の日",
                "04-29 昭和の日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日", "07-18 海の日",
                "08-11 山の日", "09-19 敬老の日", "09-23 秋分の日", "10-10 スポーツの日", "11-03 文化の日",
                "11-23 勤労感謝の日"),
                holidaysOf(2022));
    }

    @Test
    void holidaysOf2023() {
        assertEquals(expected(2023,
                "01-01 元日", "01-02 振替休日", "01-09 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日",
                "03-21 春分の日", "04-29 昭和の日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日",
                "07-17 海の日", "08-11 山の日", "09-18 敬老の日", "09-23 秋分の日", "10-09 スポーツの日",
                "11-03 文化の日", "11-23 勤労感謝の日"),
                holidaysOf(2023));
    }

    @Test
    void holidaysOf2027() {
        assertEquals(expected(2027,
                "01-01 元日", "01-11 成人の日", "02-11 建国記念の日", "02-23 天皇誕生日", "03-21 春分の日",
                "03-22 振替休日", "04-29 昭和の日", "05-03 憲法記念日", "05-04 みどりの日", "05-05 こどもの日",
                "07-19 海の日", "08-11 山の日", "09-20 敬老の日", "09-23 秋分の日", "10-11 スポーツの日",
                "11-03 文化の日", "11-23 勤労感謝の日"),
                holidaysOf(2027));
    }

    @Test
    void theTrickyDays() {
        assertHoliday("2019-04-30", "国民の休日");
        assertHoliday("2019-05-01", "即位の日");
        assertHoliday("2019-05-02", "国民の休日");
        assertHoliday("2019-10-22", "即位礼正殿の儀");
        assertHoliday("2024-02-12", "振替休日");
        assertHoliday("2025-11-24", "振替休日");
        assertHoliday("2026-05-06", "振替休日");
        assertHoliday("2026-09-22", "国民の休日");
        // 2032: 敬老の日 Mon 9/20 and 秋分の日 Wed 9/22 (by the formula) enclose Tue 9/21.
        assertHoliday("2032-09-20", "敬老の日");
        assertHoliday("2032-09-21", "国民の休日");
        assertHoliday("2032-09-22", "秋分の日");
    }

    @Test
    void emperorsBirthdayMovedWithTheEra() {
        assertHoliday("2018-12-23", "天皇誕生日");
        assertHoliday("2018-12-24", "振替休日");
        assertNotHoliday("2019-02-23");
        assertNotHoliday("2019-12-23");
        assertNotHoliday("2020-12-23");
        assertHoliday("2020-02-23", "天皇誕生日");
    }

    @Test
    void mountainDayStartsIn2016AndSportsDayIsRenamedIn2020() {
        assertNotHoliday("2015-08-11");
        assertHoliday("2016-08-11", "山の日");
        assertHoliday("2019-10-14", "体育の日");
        assertHoliday("2022-10-10", "スポーツの日");
        assertNotHoliday("2020-10-12");
        assertNotHoliday("2021-10-11");
        assertNotHoliday("2020-08-11");
        assertNotHoliday("2021-08-11");
        assertNotHoliday("2020-07-20");
        assertNotHoliday("2021-07-19");
    }

    @Test
    void rulesBefore2007() {
        assertHoliday("2000-01-10", "成人の日");
        assertHoliday("2001-09-24", "振替休日");
        assertHoliday("2002-07-20", "海の日");
        assertHoliday("2002-09-15", "敬老の日");
        assertHoliday("2002-09-16", "振替休日");
        assertHoliday("2003-07-21", "海の日");
        assertHoliday("2006-04-29", "みどりの日");
        assertHoliday("2006-05-04", "国民の休日");
        // The 2007 amendment: a Sunday holiday followed by holidays is substituted after them.
        assertHoliday("2007-04-29", "昭和の日");
        assertHoliday("2008-05-06", "振替休日");
        assertHoliday("2009-09-22", "国民の休日");
        assertHoliday("2015-09-22", "国民の休日");
    }

    /*
     * The law leaves the equinox days to be fixed each February for the following year: 2027's are official,
     * 2028–2035 are projections by the standard formula, not yet fixed.
     */
    @ParameterizedTest
    @CsvSource({
            "2027, 2027-03-21, 2027-09-23",
            "2028, 2028-03-20, 2028-09-22",
            "2029, 2029-03-20, 2029-09-23",
            "2030, 2030-03-20, 2030-09-23",
            "2031, 2031-03-21, 2031-09-23",
            "2032, 2032-03-20, 2032-09-22",
            "2033, 2033-03-20, 2033-09-23",
            "2034, 2034-03-20, 2034-09-23",
            "2035, 2035-03-21, 2035-09-23",
    })
    void projectedEquinoxDays(int year, LocalDate vernal, LocalDate autumnal) {
        Map<LocalDate, String> holidays = holidaysOf(year);
        assertEquals("春分の日", holidays.get(vernal));
        assertEquals("秋分の日", holidays.get(autumnal));
        assertEquals(1, holidays.values().stream().filter("春分の日"::equals).count());
        assertEquals(1, holidays.values().stream().filter("秋分の日"::equals).count());
    }

    @Test
    void equinoxesOnSundayAreSubstituted() {
        assertHoliday("2027-03-22", "振替休日");
        assertHoliday("2029-09-24", "振替休日");
        assertHoliday("2035-09-24", "振替休日");
        // Saturday holidays are not substituted.
        assertNotHoliday("2034-09-25");
    }

    @Test
    void yearsOutsideTheSupportedRangeAreRejected() {
        IllegalArgumentException before = assertThrows(IllegalArgumentException.class,
                () -> JapaneseCalendar.holidayName(LocalDate.of(1999, 12, 31)));
        assertTrue(before.getMessage().contains("2000"), before.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> JapaneseCalendar.isAdministrationClosed(LocalDate.of(2100, 1, 1)));
        assertHoliday("2000-01-01", "元日");
        assertHoliday("2099-01-01", "元日");
        assertNotHoliday("2099-12-31");
    }

    @Test
    void everySupportedYearHasAPlausibleSetOfHolidays() {
        for (int year = 2000; year <= 2099; year++) {
            Map<LocalDate, String> holidays = holidaysOf(year);
            assertTrue(holidays.size() >= 15 && holidays.size() <= 22, year + ": " + holidays);
            for (Map.Entry<LocalDate, String> e : holidays.entrySet()) {
                // No substitute for a Saturday; a 振替休日 never lands on a weekend.
                if (e.getValue().equals("振替休日")) {
                    assertFalse(e.getKey().getDayOfWeek() == DayOfWeek.SATURDAY
                            || e.getKey().getDayOfWeek() == DayOfWeek.SUNDAY, e.getKey().toString());
                }
            }
        }
    }

    @Test
    void administrationIsClosedOnWeekendsHolidaysAndAtTheYearEnd() {
        assertTrue(JapaneseCalendar.isAdministrationClosed(LocalDate.of(2025, 12, 29)));   // Monday
        assertTrue(JapaneseCalendar.isAdministrationClosed(LocalDate.of(2025, 12, 31)));   // Wednesday
        assertTrue(JapaneseCalendar.isAdministrationClosed(LocalDate.of(2026, 1, 2)));     // Friday
        assertTrue(JapaneseCalendar.isAdministrationClosed(LocalDate.of(2024, 1, 3)));     // Wednesday
        assertFalse(JapaneseCalendar.isAdministrationClosed(LocalDate.of(2024, 1, 4)));    // Thursday
        assertFalse(JapaneseCalendar.isAdministrationClosed(LocalDate.of(2027, 1, 4)));    // Monday
        assertFalse(JapaneseCalendar.isAdministrationClosed(LocalDate.of(2025, 12, 26)));  // Friday
        assertFalse(JapaneseCalendar.isAdministrationClosed(LocalDate.of(2026, 11, 25)));  // Wednesday
        assertTrue(JapaneseCalendar.isAdministrationClosed(LocalDate.of(2026, 11, 21)));   // Saturday
        assertTrue(JapaneseCalendar.isAdministrationClosed(LocalDate.of(2026, 11, 22)));   // Sunday
        assertTrue(JapaneseCalendar.isAdministrationClosed(LocalDate.of(2026, 11, 23)));   // 勤労感謝の日, Monday
        assertTrue(JapaneseCalendar.isAdministrationClosed(LocalDate.of(2026, 9, 22)));    // 国民の休日, Tuesday
    }

    @Test
    void aClosedDaySaysWhy() {
        assertEquals(Optional.of(JapaneseCalendar.Closure.SATURDAY), JapaneseCalendar.closure(LocalDate.of(2026, 11, 21)));
        assertEquals(Optional.of(JapaneseCalendar.Closure.SUNDAY), JapaneseCalendar.closure(LocalDate.of(2026, 12, 20)));
        assertEquals(Optional.of(JapaneseCalendar.Closure.NATIONAL_HOLIDAY), JapaneseCalendar.closure(LocalDate.of(2026, 11, 23)));
        assertEquals(Optional.of(JapaneseCalendar.Closure.NATIONAL_HOLIDAY), JapaneseCalendar.closure(LocalDate.of(2026, 5, 6)));   // 振替休日
        // a holiday on a Sunday is named by the day of the week, as a reader says it
        assertEquals(Optional.of(JapaneseCalendar.Closure.SUNDAY), JapaneseCalendar.closure(LocalDate.of(2026, 5, 3)));
        // the year-end closure comes first, whatever the day of the week (2026-12-29 Tuesday, 2027-01-03 Sunday, 1 Jan 元日)
        assertEquals(Optional.of(JapaneseCalendar.Closure.YEAR_END), JapaneseCalendar.closure(LocalDate.of(2026, 12, 29)));
        assertEquals(Optional.of(JapaneseCalendar.Closure.YEAR_END), JapaneseCalendar.closure(LocalDate.of(2027, 1, 3)));
        assertEquals(Optional.of(JapaneseCalendar.Closure.YEAR_END), JapaneseCalendar.closure(LocalDate.of(2027, 1, 1)));
        assertEquals(Optional.empty(), JapaneseCalendar.closure(LocalDate.of(2026, 12, 28)));
        assertEquals(Optional.empty(), JapaneseCalendar.closure(LocalDate.of(2027, 1, 4)));
    }

    @Test
    void nextOpenDay() {
        assertEquals(LocalDate.of(2027, 1, 4), JapaneseCalendar.nextOpenDay(LocalDate.of(2026, 12, 29)));
        assertEquals(LocalDate.of(2026, 1, 5), JapaneseCalendar.nextOpenDay(LocalDate.of(2025, 12, 27)));
        assertEquals(LocalDate.of(2024, 1, 4), JapaneseCalendar.nextOpenDay(LocalDate.of(2023, 12, 29)));
        assertEquals(LocalDate.of(2026, 5, 7), JapaneseCalendar.nextOpenDay(LocalDate.of(2026, 5, 2)));
        assertEquals(LocalDate.of(2026, 9, 24), JapaneseCalendar.nextOpenDay(LocalDate.of(2026, 9, 19)));
        assertEquals(LocalDate.of(2026, 11, 25), JapaneseCalendar.nextOpenDay(LocalDate.of(2026, 11, 25)));
        assertEquals(LocalDate.of(2026, 12, 28), JapaneseCalendar.nextOpenDay(LocalDate.of(2026, 12, 28)));
    }

    @Test
    void nextOpenDayIsTheFirstOpenDayOnOrAfterTheGivenDay() {
        for (LocalDate d = LocalDate.of(2000, 1, 1); d.isBefore(LocalDate.of(2099, 12, 1)); d = d.plusDays(1)) {
            LocalDate open = JapaneseCalendar.nextOpenDay(d);
            assertFalse(JapaneseCalendar.isAdministrationClosed(open), open.toString());
            for (LocalDate between = d; between.isBefore(open); between = between.plusDays(1)) {
                assertTrue(JapaneseCalendar.isAdministrationClosed(between), between.toString());
            }
        }
    }
}
