package jp.smeir.incident;

import static jp.smeir.incident.ItemMarks.notApplicable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.smeir.incident.ItemChanges.Changed;
import jp.smeir.incident.ItemChanges.Recorded;
import jp.smeir.incident.ItemViews.NotApplicableRequest;
import jp.smeir.incident.ItemViews.Withdrawal;
import jp.smeir.problem.FieldError;
import jp.smeir.problem.ProblemException;
import jp.smeir.webhook.EventType;

/**
 * Marks that an item does not apply to an incident (by the authenticated user, with a reason), and their
 * withdrawal. A marked item stops reminding, is never overdue and does not block closing.
 */
@ApplicationScoped
public class NotApplicableMarks {

    @Inject
    ItemChanges items;

    /** Marks the item not applicable; a second mark returns the first, unchanged. */
    public Changed mark(UUID id, String code, IfMatch ifMatch, NotApplicableRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ItemChanges.requireReason(request == null ? null : request.reason(), errors);
        ItemChanges.check(errors);
        return items.change(id, code, ifMatch, t -> {
            if (t.marks().completions().containsKey(code)) {
                throw new ProblemException(409, "item-done", "Item done",
                        "Item " + code + " has a completion recorded; withdraw it before marking the item not applicable.");
            }
            if (t.marks().notApplicable().containsKey(code)) {
                return null;
            }
            ItemNotApplicable mark = new ItemNotApplicable();
            mark.incidentId = t.incident().id;
            mark.code = code;
            mark.markedBy = t.who();
            mark.markedAt = t.now();
            mark.reason = request.reason();
            mark.persist();
            return new Recorded(IncidentEvent.Type.ITEM_NOT_APPLICABLE, Map.of("code", code, "notApplicable", notApplicable(mark)),
                    EventType.ITEM_NOT_APPLICABLE, Map.of("notApplicable", notApplicable(mark)));
        });
    }

    /** Withdraws the current mark, saying why: the item is open again (and reminds again). */
    public Changed withdraw(UUID id, String code, IfMatch ifMatch, Withdrawal request) {
        List<FieldError> errors = new ArrayList<>();
        ItemChanges.requireReason(request == null ? null : request.reason(), errors);
        ItemChanges.check(errors);
        return items.change(id, code, ifMatch, t -> {
            ItemChanges.requireNotClosed(t);
            ItemNotApplicable mark = t.marks().notApplicable().get(code);
            if (mark == null) {
                throw new ProblemException(404, "not-applicable-not-found", "Not Found",
                        "Item " + code + " is not marked not applicable.");
            }
            mark.withdrawnAt = t.now();
            mark.withdrawnBy = t.who();
            mark.withdrawnReason = request.reason();
            return new Recorded(IncidentEvent.Type.NOT_APPLICABLE_WITHDRAWN,
                    Map.of("code", code, "notApplicable", notApplicable(mark), "reason", request.reason()),
                    EventType.ITEM_NOT_APPLICABLE_WITHDRAWN, Map.of("notApplicable", notApplicable(mark), "reason", request.reason()));
        });
    }
}
