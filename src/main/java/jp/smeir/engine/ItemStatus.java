package jp.smeir.engine;

/** Contract §2: a duty, advice, or a duty that applies if an unknown fact turns out so. */
public enum ItemStatus {
    REQUIRED, RECOMMENDED, CONDITIONAL;

    /**
     * Which of two statuses for the same code wins when several rules find it: what is certain wins over what
     * may apply, and a duty wins over advice (REQUIRED, then RECOMMENDED, then CONDITIONAL).
     */
    public boolean outranks(ItemStatus other) {
        return ordinal() < other.ordinal();
    }
}
