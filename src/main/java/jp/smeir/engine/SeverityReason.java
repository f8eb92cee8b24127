package jp.smeir.engine;

import org.kie.api.runtime.rule.RuleContext;

/** One reason for a severity level, inserted by a severity rule; the assessment takes the highest. */
public record SeverityReason(Severity level, String because, String rule) implements Outcome {

    public static SeverityReason of(RuleContext rule, Severity level, String because) {
        return new SeverityReason(level, because, rule.getRule().getName());
    }
}
