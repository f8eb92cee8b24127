package jp.smeir.engine;

import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

/**
 * A question a rule wants asked about an unknown fact whose answer could add the listed codes, when no
 * listed item hangs on it yet. Questions for CONDITIONAL items come from their findings' open facts.
 */
public record Ask(String fact, List<String> affects, String rule) implements Outcome {

    public Ask {
        affects = List.copyOf(affects);
    }

    /** Cheap and consistent with equals (see {@link Finding#hashCode()}). */
    @Override
    public int hashCode() {
        return fact.hashCode() * 31 + rule.hashCode();
    }

    public static Ask of(RuleContext rule, String fact, String... affects) {
        return new Ask(fact, List.of(affects), rule.getRule().getName());
    }
}
