package jp.smeir.engine;

/** Contract §2: a duty, advice, or a duty that applies if an unknown fact turns out so. */
public enum ItemStatus {
    REQUIRED, RECOMMENDED, CONDITIONAL
}
