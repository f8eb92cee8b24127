package jp.smeir.engine;

/**
 * The stage a rule serves, from its {@code @stage} metadata: the Guide's three stages for rules that produce
 * items, CLASSIFICATION for rules that derive facts from facts, SEVERITY for rules that grade the incident.
 */
public enum RuleStage { CLASSIFICATION, DETECT_AND_RESPOND, REPORT_AND_DISCLOSE, RECOVER_AND_PREVENT, SEVERITY }
