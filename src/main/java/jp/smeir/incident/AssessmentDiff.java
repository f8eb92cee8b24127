package jp.smeir.incident;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Item;
import jp.smeir.engine.ItemStatus;

/** What changed between two assessments of an incident: items added, removed, and changed in status or deadline. */
public record AssessmentDiff(String fromRulesetVersion, String toRulesetVersion, List<Entry> added, List<Entry> removed,
                             List<Change> changed) {

    /** An item as it was added or removed. */
    public record Entry(String code, ItemStatus status, OffsetDateTime dueAt) {
    }

    /** An item present in both whose status or deadline changed. */
    public record Change(String code, ItemStatus fromStatus, ItemStatus toStatus, OffsetDateTime fromDueAt, OffsetDateTime toDueAt) {
    }

    public boolean isEmpty() {
        return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
    }

    public static AssessmentDiff between(Assessment before, Assessment after) {
        Map<String, Item> old = index(before);
        Map<String, Item> now = index(after);
        List<Entry> added = new ArrayList<>();
        List<Entry> removed = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        now.forEach((code, item) -> {
            Item was = old.get(code);
            if (was == null) {
                added.add(new Entry(code, item.status(), item.dueAt()));
            } else if (was.status() != item.status() || !sameInstant(was.dueAt(), item.dueAt())) {
                changed.add(new Change(code, was.status(), item.status(), was.dueAt(), item.dueAt()));
            }
        });
        old.forEach((code, item) -> {
            if (!now.containsKey(code)) {
                removed.add(new Entry(code, item.status(), item.dueAt()));
            }
        });
        return new AssessmentDiff(before.rulesetVersion(), after.rulesetVersion(), added, removed, changed);
    }

    private static Map<String, Item> index(Assessment a) {
        return a.items().stream().collect(Collectors.toMap(Item::code, Function.identity(), (x, y) -> x, java.util.LinkedHashMap::new));
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return Objects.equals(a == null ? null : a.toInstant(), b == null ? null : b.toInstant());
    }
}
