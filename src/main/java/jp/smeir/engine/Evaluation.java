package jp.smeir.engine;

import java.time.OffsetDateTime;
import java.util.List;

import jp.smeir.facts.IncidentFacts;

/**
 * The raw outcome of one evaluation: what the rules inserted, read back from the working memory, and the rule
 * base that produced it (so a concurrent reload cannot mix texts of one version with findings of another).
 */
public record Evaluation(RuleBase ruleBase, IncidentFacts facts, OffsetDateTime evaluatedAt, List<Finding> findings,
                         List<Ask> asks, List<SeverityReason> severityReasons, List<String> firedRules) {

    public Evaluation {
        findings = List.copyOf(findings);
        asks = List.copyOf(asks);
        severityReasons = List.copyOf(severityReasons);
        firedRules = List.copyOf(firedRules);
    }
}
