package jp.smeir.incident;

import static jp.smeir.deadline.JapaneseCalendar.inJapan;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Item;
import jp.smeir.incident.IncidentViews.Completion;
import jp.smeir.incident.IncidentViews.ItemProgress;
import jp.smeir.incident.IncidentViews.State;
import jp.smeir.incident.ItemViews.NotApplicable;

/**
 * What people have recorded about an incident's items, as it stands: the current completion, not-applicable
 * mark and assignee of each code. Kept by code, so they outlive a re-assessment that drops and restores an item.
 */
record ItemMarks(Map<String, ItemCompletion> completions, Map<String, ItemNotApplicable> notApplicable,
                 Map<String, ItemAssignee> assignees) {

    static final ItemMarks NONE = new ItemMarks(Map.of(), Map.of(), Map.of());

    /** Reads an incident's current marks. */
    static ItemMarks of(UUID incidentId) {
        return new ItemMarks(byCode(ItemCompletion.of(incidentId), c -> c.code),
                byCode(ItemNotApplicable.of(incidentId), m -> m.code), byCode(ItemAssignee.of(incidentId), a -> a.code));
    }

    /** Codes that need nothing more, done or not applicable: they neither remind, nor fall overdue, nor block closing. */
    Set<String> settled() {
        Set<String> settled = new HashSet<>(completions.keySet());
        settled.addAll(notApplicable.keySet());
        return settled;
    }

    String assignee(String code) {
        ItemAssignee a = assignees.get(code);
        return a == null ? null : a.assignee;
    }

    ItemProgress progress(Item item, Assessment assessment, Instant now) {
        ItemCompletion done = completions.get(item.code());
        ItemNotApplicable na = notApplicable.get(item.code());
        State state = done != null ? State.DONE
                : na != null ? State.NOT_APPLICABLE
                : item.dueOrTargetAt() != null && item.dueOrTargetAt().toInstant().isBefore(now) ? State.OVERDUE : State.OPEN;
        return new ItemProgress(item.code(), IncidentService.kind(assessment, item), item.status(), item.timing(), item.dueAt(),
                item.targetAt(), state, done == null ? null : completion(done), na == null ? null : notApplicable(na), assignee(item.code()));
    }

    static Completion completion(ItemCompletion c) {
        return new Completion(c.completedBy, inJapan(c.completedAt), c.reference, c.note, inJapan(c.recordedAt), c.recordedBy);
    }

    static NotApplicable notApplicable(ItemNotApplicable m) {
        return new NotApplicable(m.markedBy, inJapan(m.markedAt), m.reason);
    }

    private static <T> Map<String, T> byCode(List<T> rows, Function<T, String> code) {
        return rows.stream().collect(Collectors.toMap(code, Function.identity()));
    }
}
