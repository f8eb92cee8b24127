package jp.smeir.engine;

import java.util.List;

/**
 * A rule as {@code GET /api/v1/rules} lists it: name, stage, basis, the file it is written in, and its period of
 * force (the law version and the days on which an incident's awareAt lets it apply).
 */
public record RuleInfo(String name, RuleStage stage, List<Basis> basis, String file, InForce inForce) {

    public RuleInfo {
        basis = List.copyOf(basis);
    }

    /** The ids of the catalogue's unconfirmed notes the rule names ({@code @unconfirmed}), in its order. */
    public List<String> unconfirmedNotes() {
        return basis.stream().map(Basis::note).filter(java.util.Objects::nonNull).toList();
    }

    /** True when some of the rule's basis is unconfirmed: its items must say so and ask to verify. */
    public boolean hasUnconfirmedBasis() {
        return basis.stream().anyMatch(b -> !b.confirmed());
    }
}
