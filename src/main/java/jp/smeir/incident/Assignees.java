package jp.smeir.incident;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.smeir.incident.ItemChanges.Changed;
import jp.smeir.incident.ItemChanges.Recorded;
import jp.smeir.incident.ItemViews.AssigneeRequest;
import jp.smeir.problem.InvalidInputException;
import jp.smeir.webhook.EventType;

/** Who is to do an item: free text such as a ticketing system's user id, set, changed or cleared. */
@ApplicationScoped
public class Assignees {

    static final int MAX_LENGTH = 200;

    @Inject
    ItemChanges items;

    /** Sets the item's assignee; null or blank clears it, and the same assignee again changes nothing. */
    public Changed assign(UUID id, String code, IfMatch ifMatch, AssigneeRequest request) {
        String to = request == null || request.assignee() == null || request.assignee().isBlank() ? null : request.assignee().strip();
        // a control character would break the exports and lines of a receiving ticketing system
        if (to != null && (to.length() > MAX_LENGTH || to.chars().anyMatch(Character::isISOControl))) {
            throw InvalidInputException.of("assignee", "must be at most " + MAX_LENGTH + " characters without control characters");
        }
        return items.change(id, code, ifMatch, t -> {
            ItemAssignee current = t.marks().assignees().get(code);
            String from = current == null ? null : current.assignee;
            if (Objects.equals(from, to)) {
                return null;
            }
            if (to == null) {
                current.delete();
            } else {
                ItemAssignee a = current != null ? current : new ItemAssignee();
                a.incidentId = t.incident().id;
                a.code = code;
                a.assignee = to;
                a.assignedAt = t.now();
                a.assignedBy = t.who();
                if (current == null) {
                    a.persist();
                }
            }
            // absent is none, as everywhere in the answers: from absent = nobody before, to absent = cleared
            Map<String, Object> data = new LinkedHashMap<>();
            if (from != null) {
                data.put("from", from);
            }
            if (to != null) {
                data.put("to", to);
            }
            Map<String, Object> history = new LinkedHashMap<>(Map.of("code", code));
            history.putAll(data);
            return new Recorded(IncidentEvent.Type.ITEM_ASSIGNED, history, EventType.ITEM_ASSIGNED, data);
        });
    }
}
