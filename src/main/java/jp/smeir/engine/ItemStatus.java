package jp.smeir.engine;

/** Contract §2: a duty, advice, or a duty that applies if an unknown fact turns out so. */
public enum ItemStatus {
    REQUIRED, CONDITIONAL, RECOMMENDED;

    /** Which of two statuses for the same code wins: a duty over a possible duty over advice. */
    public boolean outranks(ItemStatus other) {
        return ordinal() < other.ordinal();
    }
}
