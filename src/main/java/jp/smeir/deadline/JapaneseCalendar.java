package jp.smeir.deadline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Japanese national holidays and the days national administrative bodies are closed.
 *
 * <p>Holidays are derived from the rules of 国民の祝日に関する法律 (and the 2019 special law for the
 * enthronement, and the Tokyo Olympic special measures for 2020 and 2021), not from a list of dates.
 * Supported years are 2000–2099: the equinox formula used here is only valid up to 2099, and the rules
 * before 2000 (e.g. 成人の日 on 15 January) are not modelled.
 */
public final class JapaneseCalendar {

    public static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    /** An instant in Japan time (+09:00), as the service gives every time it answers with; null stays null. */
    public static java.time.OffsetDateTime inJapan(java.time.Instant t) {
        return t == null ? null : t.atZone(JST).toOffsetDateTime();
    }

    static final int FIRST_SUPPORTED_YEAR = 2000;
    static final int LAST_SUPPORTED_YEAR = 2099;

    private static final String SUBSTITUTE_HOLIDAY = "振替休日";
    private static final String CITIZENS_HOLIDAY = "国民の休日";

    /** The 2007 amendment changed both the 振替休日 and the 国民の休日 rules (Art. 3 (2), (3)). */
    private static final int ART3_AMENDMENT_YEAR = 2007;

    private static final MonthDay YEAR_END_CLOSURE_START = MonthDay.of(Month.DECEMBER, 29);
    private static final MonthDay YEAR_END_CLOSURE_END = MonthDay.of(Month.JANUARY, 3);

    private static final Map<Integer, Map<LocalDate, String>> STATUTORY_BY_YEAR = new ConcurrentHashMap<>();

    private JapaneseCalendar() {
    }

    /**
     * The holiday's Japanese name if {@code d} is a national holiday, including 振替休日 and 国民の休日.
     *
     * @throws IllegalArgumentException if {@code d} is outside 2000–2099
     */
    public static Optional<String> holidayName(LocalDate d) {
        requireSupported(d);
        String statutory = statutoryHoliday(d);
        if (statutory != null) {
            return Optional.of(statutory);
        }
        if (isSubstituteHoliday(d)) {
            return Optional.of(SUBSTITUTE_HOLIDAY);
        }
        if (isCitizensHoliday(d)) {
            return Optional.of(CITIZENS_HOLIDAY);
        }
        return Optional.empty();
    }

    /** @throws IllegalArgumentException if {@code d} is outside 2000–2099 */
    public static boolean isNationalHoliday(LocalDate d) {
        return holidayName(d).isPresent();
    }

    /** Why national administrative bodies are closed on a day, as a deadline moved past it says. */
    public enum Closure {
        /** 29 December – 3 January, whatever the day of the week. */
        YEAR_END,
        SATURDAY,
        SUNDAY,
        /** A national holiday on a weekday, including 振替休日 and 国民の休日 ({@link #holidayName} names it). */
        NATIONAL_HOLIDAY
    }

    /**
     * Whether national administrative bodies are closed on {@code d}: Saturdays, Sundays, national holidays and
     * 29 December – 3 January (行政機関の休日に関する法律 Art. 1 (1)).
     *
     * @throws IllegalArgumentException if {@code d} is outside 2000–2099
     */
    public static boolean isAdministrationClosed(LocalDate d) {
        return closure(d).isPresent();
    }

    /**
     * Why the administration is closed on {@code d}, empty if it is open. The year-end closure is named before
     * the day of the week, and the day of the week before a holiday that falls on it, as a reader would say it.
     *
     * @throws IllegalArgumentException if {@code d} is outside 2000–2099
     */
    public static Optional<Closure> closure(LocalDate d) {
        requireSupported(d);
        if (isYearEndClosure(d)) {
            return Optional.of(Closure.YEAR_END);
        }
        DayOfWeek dow = d.getDayOfWeek();
        if (dow == DayOfWeek.SATURDAY) {
            return Optional.of(Closure.SATURDAY);
        }
        if (dow == DayOfWeek.SUNDAY) {
            return Optional.of(Closure.SUNDAY);
        }
        return isNationalHoliday(d) ? Optional.of(Closure.NATIONAL_HOLIDAY) : Optional.empty();
    }

    /** {@code d} itself if the administration is open on it, otherwise the next day on which it is open. */
    public static LocalDate nextOpenDay(LocalDate d) {
        LocalDate day = d;
        while (isAdministrationClosed(day)) {
            day = day.plusDays(1);
        }
        return day;
    }

    private static boolean isYearEndClosure(LocalDate d) {
        MonthDay md = MonthDay.from(d);
        return !md.isBefore(YEAR_END_CLOSURE_START) || !md.isAfter(YEAR_END_CLOSURE_END);
    }

    private static void requireSupported(LocalDate d) {
        int year = d.getYear();
        if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
            throw new IllegalArgumentException("Japanese holidays are only computed for "
                    + FIRST_SUPPORTED_YEAR + "–" + LAST_SUPPORTED_YEAR
                    + " (range of the equinox formula and of the modelled rules); got " + d);
        }
    }

    /**
     * 振替休日 (Art. 3 (2)). Since 2007: the first day after a Sunday 国民の祝日 that is not itself a 国民の祝日.
     * Before 2007: only the Monday right after a Sunday 国民の祝日, and only if that Monday is not one itself.
     */
    private static boolean isSubstituteHoliday(LocalDate d) {
        if (statutoryHoliday(d) != null) {
            return false;
        }
        if (d.getYear() < ART3_AMENDMENT_YEAR) {
            LocalDate previous = d.minusDays(1);
            return previous.getDayOfWeek() == DayOfWeek.SUNDAY && statutoryHoliday(previous) != null;
        }
        for (LocalDate day = d.minusDays(1); statutoryHoliday(day) != null; day = day.minusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                return true;
            }
        }
        return false;
    }

    /**
     * 国民の休日 (Art. 3 (3)): a day that is not a 国民の祝日 but whose previous and next days are.
     * Before 2007 Sundays and 振替休日 were excluded; the caller checks 振替休日 first, so only Sundays remain.
     */
    private static boolean isCitizensHoliday(LocalDate d) {
        if (statutoryHoliday(d) != null) {
            return false;
        }
        if (d.getYear() < ART3_AMENDMENT_YEAR && d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            return false;
        }
        return statutoryHoliday(d.minusDays(1)) != null && statutoryHoliday(d.plusDays(1)) != null;
    }

    /** The 国民の祝日 (Art. 2, plus days the special laws deem to be one) on {@code d}, or null. */
    private static String statutoryHoliday(LocalDate d) {
        return STATUTORY_BY_YEAR.computeIfAbsent(d.getYear(), JapaneseCalendar::statutoryHolidays).get(d);
    }

    /**
     * All 国民の祝日 of a year. Also called for the years just outside the supported range when a rule looks at
     * a neighbouring day; the equinoxes are then skipped, as the formula does not hold there and no rule
     * reaches that far.
     */
    private static Map<LocalDate, String> statutoryHolidays(int y) {
        Map<LocalDate, String> h = new HashMap<>();
        h.put(LocalDate.of(y, 1, 1), "元日");
        h.put(nthMonday(y, Month.JANUARY, 2), "成人の日");
        h.put(LocalDate.of(y, 2, 11), "建国記念の日");
        if (y >= 2020) {
            h.put(LocalDate.of(y, 2, 23), "天皇誕生日");
        }
        // Before 2007, 29 April was みどりの日 and 4 May had no name of its own.
        h.put(LocalDate.of(y, 4, 29), y >= 2007 ? "昭和の日" : "みどりの日");
        h.put(LocalDate.of(y, 5, 3), "憲法記念日");
        if (y >= 2007) {
            h.put(LocalDate.of(y, 5, 4), "みどりの日");
        }
        h.put(LocalDate.of(y, 5, 5), "こどもの日");
        h.put(marineDay(y), "海の日");
        if (y >= 2016) {
            h.put(mountainDay(y), "山の日");
        }
        h.put(y >= 2003 ? nthMonday(y, Month.SEPTEMBER, 3) : LocalDate.of(y, 9, 15), "敬老の日");
        h.put(sportsDay(y), y >= 2020 ? "スポーツの日" : "体育の日");
        h.put(LocalDate.of(y, 11, 3), "文化の日");
        h.put(LocalDate.of(y, 11, 23), "勤労感謝の日");
        if (y <= 2018) {
            h.put(LocalDate.of(y, 12, 23), "天皇誕生日");
        }
        if (y == 2019) {
            // 天皇の即位の日及び即位礼正殿の儀の行われる日を休日とする法律: deemed 国民の祝日 for Art. 3.
            h.put(LocalDate.of(2019, 5, 1), "即位の日");
            h.put(LocalDate.of(2019, 10, 22), "即位礼正殿の儀");
        }
        if (y >= FIRST_SUPPORTED_YEAR && y <= LAST_SUPPORTED_YEAR) {
            h.put(vernalEquinoxDay(y), "春分の日");
            h.put(autumnalEquinoxDay(y), "秋分の日");
        }
        return Collections.unmodifiableMap(h);
    }

    /** 海の日: 20 July until 2002, third Monday of July since 2003; moved for the Tokyo Olympics. */
    private static LocalDate marineDay(int y) {
        return switch (y) {
            case 2020 -> LocalDate.of(2020, 7, 23);
            case 2021 -> LocalDate.of(2021, 7, 22);
            default -> y >= 2003 ? nthMonday(y, Month.JULY, 3) : LocalDate.of(y, 7, 20);
        };
    }

    /** 山の日 (since 2016): 11 August; moved for the Tokyo Olympics. */
    private static LocalDate mountainDay(int y) {
        return switch (y) {
            case 2020 -> LocalDate.of(2020, 8, 10);
            case 2021 -> LocalDate.of(2021, 8, 8);
            default -> LocalDate.of(y, 8, 11);
        };
    }

    /** 体育の日 / スポーツの日 (renamed 2020): second Monday of October; moved for the Tokyo Olympics. */
    private static LocalDate sportsDay(int y) {
        return switch (y) {
            case 2020 -> LocalDate.of(2020, 7, 24);
            case 2021 -> LocalDate.of(2021, 7, 23);
            default -> nthMonday(y, Month.OCTOBER, 2);
        };
    }

    private static LocalDate nthMonday(int y, Month month, int n) {
        return LocalDate.of(y, month, 1).with(TemporalAdjusters.dayOfWeekInMonth(n, DayOfWeek.MONDAY));
    }

    /*
     * The usual approximation for 1980–2099: day = floor(base + 0.242194 (y − 1980) − floor((y − 1980) / 4)),
     * with base 20.8431 (March) and 23.2488 (September). Computed in millionths so that no rounding of binary
     * floating point can shift a day.
     */
    private static LocalDate vernalEquinoxDay(int y) {
        return LocalDate.of(y, 3, equinoxDay(y, 20_843_100L));
    }

    private static LocalDate autumnalEquinoxDay(int y) {
        return LocalDate.of(y, 9, equinoxDay(y, 23_248_800L));
    }

    private static int equinoxDay(int y, long baseMillionths) {
        long n = y - 1980L;
        return (int) ((baseMillionths + 242_194L * n) / 1_000_000L - n / 4);
    }
}
