package jp.smeir.engine;

/**
 * When a finding is due, as a rule states it; the deadline itself is computed in Java from {@code awareAt}
 * (see {@code jp.smeir.deadline.Deadlines}), never inside a rule.
 *
 * @param timing          the contract's timing
 * @param days            for a day count: the N of "within N days of becoming aware" (first day not counted)
 * @param hours           for an hour count: hours after awareAt, to the minute
 * @param movesToOpenDay  a day-counted filing with a national administrative body that falls on a closed day
 *                        moves to the next open day (docs/legal-basis.md §15.3)
 */
public record Due(Timing timing, Integer days, Integer hours, boolean movesToOpenDay) {

    public static Due immediately() {
        return new Due(Timing.IMMEDIATELY, null, null, false);
    }

    public static Due promptly() {
        return new Due(Timing.PROMPTLY, null, null, false);
    }

    public static Due none() {
        return new Due(Timing.NONE, null, null, false);
    }

    /** End of the N-th day after the day of awareness, Japan time; not moved for holidays (a benchmark). */
    public static Due days(int days) {
        return new Due(Timing.BY_DEADLINE, days, null, false);
    }

    /** Like {@link #days}, but a deadline on a day the administration is closed moves to the next open day. */
    public static Due filingDays(int days) {
        return new Due(Timing.BY_DEADLINE, days, null, true);
    }

    /** {@code hours} after awareAt, to the minute. */
    public static Due hours(int hours) {
        return new Due(Timing.BY_DEADLINE, null, hours, false);
    }
}
