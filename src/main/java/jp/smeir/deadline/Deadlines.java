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
     * A deadline, and whether a closed day moved it: then {@code countedDay} is the day the count ended on and
     * {@code movedBecause} why the administration was closed that day; both are null when it did not move.
     */
    public record Deadline(OffsetDateTime dueAt, LocalDate countedDay, JapaneseCalendar.Closure movedBecause) {

        public boolean moved() {
            return movedBecause != null;
        }
    }

    /** The deadline for {@code due}, as {@link #deadline} computes it; null unless the timing is BY_DEADLINE. */
    public static OffsetDateTime dueAt(OffsetDateTime awareAt, Due due) {
        Deadline deadline = deadline(awareAt, due);
        return deadline == null ? null : deadline.dueAt();
    }

    /**
     * The deadline for {@code due}, counted from {@code awareAt}, and whether a closed day moved it; null unless
     * the timing is {@link Timing#BY_DEADLINE}.
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
    public static Deadline deadline(OffsetDateTime awareAt, Due due) {
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
            LocalDate counted = dayOfAwareness.plusDays(days);
            JapaneseCalendar.Closure closure = due.movesToOpenDay() ? JapaneseCalendar.closure(counted).orElse(null) : null;
            LocalDate lastDay = closure == null ? counted : JapaneseCalendar.nextOpenDay(counted);
            return new Deadline(lastDay.atTime(END_OF_DAY).atZone(JapaneseCalendar.JST).toOffsetDateTime(),
                    closure == null ? null : counted, closure);
        }
        requireNonNegative("hours", hours);
        return new Deadline(awareAt.plusHours(hours).atZoneSameInstant(JapaneseCalendar.JST).toOffsetDateTime(), null, null);
    }

    private static void requireNonNegative(String what, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(what + " must not be negative; got " + count);
        }
    }
}
