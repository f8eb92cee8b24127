package jp.smeir.engine;

/** How serious an incident is, from impact and duties; derived by the rules in rules/severity.drl. */
public enum Severity { LOW, MEDIUM, HIGH, CRITICAL }
