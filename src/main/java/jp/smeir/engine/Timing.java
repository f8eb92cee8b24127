package jp.smeir.engine;

/** When an item must be done (docs/api.md §2). */
public enum Timing { IMMEDIATELY, PROMPTLY, BY_DEADLINE, NONE }
