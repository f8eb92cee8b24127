package jp.smeir.deadline;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Objects;

import jp.smeir.engine.Due;
import jp.smeir.engine.Timing;

/** Turns a rule's {@link Due} into a point in time, always expressed in Japan time (+09:00). */
public final class Deadlines {

    /** A day-counted deadline runs to the end of its last day; the model's resolution is one second. */
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private Deadlines() {
    }

    /**
     * The deadline for {@code due}, counted from {@code awareAt}; null unless the timing is
     * {@link Timing#BY_DEADLINE}.
     *
     * <ul>
     *   <li>Days: the first day is not counted (初日不算入, Civil Code Art. 140), and the days are Japanese
     *       calendar days, so the day of awareness is taken in Japan time whatever offset {@code awareAt} has.
     *       The deadline is the end of the N-th following day; with {@code movesToOpenDay}, a day on which the
     *       administration is closed moves to the next open day.</li>
     *   <li>Hours: exactly {@code awareAt} plus N hours, never moved.</li>
     * </ul>
     *
     * @throws IllegalArgumentException if a BY_DEADLINE due does not have exactly one of days and hours, or has a
     *                                  negative count
     */
    public static OffsetDateTime dueAt(OffsetDateTime awareAt, Due due) {
        Objects.requireNonNull(due, "due");
        if (due.timing() != Timing.BY_DEADLINE) {
            return null;
        }
        Objects.requireNonNull(awareAt, "awareAt");
        Integer days = due.days();
        Integer hours = due.hours();
        if ((days == null) == (hours == null)) {
            throw new IllegalArgumentException(
                    "A BY_DEADLINE due needs exactly one of days and hours; got days=" + days + ", hours=" + hours);
        }
        if (days != null) {
            requireNonNegative("days", days);
            LocalDate dayOfAwareness = awareAt.atZoneSameInstant(JapaneseCalendar.JST).toLocalDate();
            LocalDate lastDay = dayOfAwareness.plusDays(days);
            if (due.movesToOpenDay()) {
                lastDay = JapaneseCalendar.nextOpenDay(lastDay);
            }
            return lastDay.atTime(END_OF_DAY).atZone(JapaneseCalendar.JST).toOffsetDateTime();
        }
        requireNonNegative("hours", hours);
        return awareAt.plusHours(hours).atZoneSameInstant(JapaneseCalendar.JST).toOffsetDateTime();
    }

    private static void requireNonNegative(String what, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(what + " must not be negative; got " + count);
        }
    }
}
