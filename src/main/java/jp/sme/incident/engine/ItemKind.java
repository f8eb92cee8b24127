package jp.sme.incident.engine;

/** Which list of the assessment an item belongs to. */
public enum ItemKind { ACTION, NOTIFICATION, ESCALATION }
