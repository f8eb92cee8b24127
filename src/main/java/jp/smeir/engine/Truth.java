package jp.smeir.engine;

/**
 * How sure a derived fact is. There is no NO: a derived fact that is false is simply not in the session.
 * UNKNOWN means it holds if a fact that is still unknown turns out so.
 */
public enum Truth { YES, UNKNOWN }
