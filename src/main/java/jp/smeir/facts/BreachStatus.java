package jp.smeir.facts;

/** Whether personal data leaked, was lost or damaged (漏えい・滅失・毀損); SUSPECTED is the law's おそれ. */
public enum BreachStatus { CONFIRMED, SUSPECTED, NONE }
