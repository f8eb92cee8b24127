package jp.smeir.engine;

import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule concludes: one catalogue code with its status and timing, inserted by the rule's consequence
 * and read back by {@link RuleEngine}. Texts, stage and recipient come from the catalogue (or the variant of
 * the code's entry that the rule names),
 * the basis from the rule's metadata, the deadline from {@link Due}.
 */
public record Finding(String code, ItemStatus status, boolean mandatory, Due due,
                      List<String> because, List<String> openFacts, List<String> unconfirmed, String rule, String variant) implements Outcome {

    public Finding {
        because = List.copyOf(because);
        openFacts = List.copyOf(openFacts);
        unconfirmed = List.copyOf(unconfirmed);
    }

    /**
     * Drools hashes every fact it is given; a record's default hash walks its lists. Equal findings have the
     * same code and rule, so this cheaper hash agrees with equals.
     */
    @Override
    public int hashCode() {
        return code.hashCode() * 31 + rule.hashCode();
    }

    /** A legal or contractual duty: REQUIRED when its reasoning is certain, CONDITIONAL otherwise. */
    public static Finding duty(RuleContext rule, String code, Due due, Reasoning why) {
        return new Finding(code, why.isCertain() ? ItemStatus.REQUIRED : ItemStatus.CONDITIONAL, true, due,
                why.because(), why.openFacts(), why.unconfirmed(), rule.getRule().getName(), null);
    }

    /** Guidance, not a duty: RECOMMENDED when its reasoning is certain, CONDITIONAL otherwise. */
    public static Finding advice(RuleContext rule, String code, Due due, Reasoning why) {
        return new Finding(code, why.isCertain() ? ItemStatus.RECOMMENDED : ItemStatus.CONDITIONAL, false, due,
                why.because(), why.openFacts(), why.unconfirmed(), rule.getRule().getName(), null);
    }

    /**
     * The same finding in a variant of its code's catalogue entry (another recipient or text), or as it is when
     * {@code variant} is null.
     */
    public Finding variant(String variant) {
        return new Finding(code, status, mandatory, due, because, openFacts, unconfirmed, rule, variant);
    }
}
