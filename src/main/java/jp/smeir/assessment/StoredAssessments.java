package jp.smeir.assessment;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jp.smeir.engine.RuleBase;

/**
 * Assessments stored before v1.1 have no priorities, working targets or first steps. They are given them when
 * read, exactly as an assessment now gets them ({@link Urgency}, {@link FirstSteps}), so that an incident opened
 * before the upgrade is listed, reminded of and printed like a new one; the stored row is never changed.
 */
public final class StoredAssessments {

    private StoredAssessments() {
    }

    /** {@code stored} itself when it has its priorities; otherwise a copy ordered and completed. */
    public static Assessment complete(Assessment stored, RuleBase base, WorkingTargets targets) {
        if (stored.items().stream().map(Item::priority).allMatch(Objects::nonNull)) {
            return stored;
        }
        List<Item> ordered = Urgency.arrange(stored.items(), stored.awareAt(), targets, base);
        return new Assessment(stored.rulesetVersion(), stored.evaluatedAt(), stored.awareAt(), stored.severity(),
                stored.severityBecause(), in(ordered, stored.actions()), in(ordered, stored.notifications()),
                in(ordered, stored.escalations()), stored.questions(), stored.firedRules(),
                FirstSteps.of(ordered, base.catalogue().containment(), stored.evaluatedAt()), stored.lawApplied(), stored.watch());
    }

    /** The ordered items that were in {@code list}: each item stays in the list it was stored in. */
    private static List<Item> in(List<Item> ordered, List<Item> list) {
        Set<String> codes = list.stream().map(Item::code).collect(Collectors.toSet());
        return ordered.stream().filter(i -> codes.contains(i.code())).toList();
    }
}
