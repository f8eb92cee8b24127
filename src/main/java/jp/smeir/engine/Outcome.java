package jp.smeir.engine;

/** What rules conclude and Java reads back: findings, questions to ask, severity reasons (read from the session's working memory). */
public sealed interface Outcome permits Finding, Ask, SeverityReason {
}
