package jp.smeir.engine;

/**
 * What rules conclude and Java reads back from the session's working memory: findings, questions to ask,
 * severity reasons.
 */
public sealed interface Outcome permits Finding, Ask, SeverityReason {
}
