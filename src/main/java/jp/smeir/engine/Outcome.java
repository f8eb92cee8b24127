package jp.smeir.engine;

/** What rules conclude and Java reads back: findings, questions to ask, severity reasons (one query for all). */
public sealed interface Outcome permits Finding, Ask, SeverityReason {
}
