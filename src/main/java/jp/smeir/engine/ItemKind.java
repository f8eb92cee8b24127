package jp.smeir.engine;

/** Which list of the assessment an item belongs to. */
public enum ItemKind { ACTION, NOTIFICATION, ESCALATION }
