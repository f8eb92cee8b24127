package jp.smeir.incident;

import static jp.smeir.incident.ItemMarks.completion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.smeir.incident.IncidentViews.CompletionRequest;
import jp.smeir.incident.ItemChanges.Changed;
import jp.smeir.incident.ItemChanges.Recorded;
import jp.smeir.incident.ItemChanges.Target;
import jp.smeir.incident.ItemViews.CorrectionRequest;
import jp.smeir.incident.ItemViews.Withdrawal;
import jp.smeir.problem.FieldError;
import jp.smeir.problem.ProblemException;
import jp.smeir.webhook.EventType;

/**
 * Completions of an incident's items: recorded, corrected and withdrawn. A record is never changed: a
 * correction ends it and adds the corrected one, a withdrawal ends it, and the history keeps both sides.
 */
@ApplicationScoped
public class Completions {

    /** Completion times may be this far in the future of the server's clock (clock skew between systems). */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    @Inject
    ItemChanges items;

    @Inject
    Clock clock;

    /** Records that an item was done; a second completion of the same code returns the first, unchanged. */
    public Changed record(UUID id, String code, CompletionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("by", "is required: who did it"));
        } else {
            validate(request.by(), request.at(), request.reference(), request.note(), errors);
        }
        ItemChanges.check(errors);
        return items.change(id, code, null, t -> {
            if (t.marks().notApplicable().containsKey(code)) {
                throw new ProblemException(409, "item-not-applicable", "Item marked not applicable",
                        "Item " + code + " is marked not applicable; withdraw that mark before recording a completion.");
            }
            if (t.marks().completions().containsKey(code)) {
                return null;
            }
            ItemCompletion c = persist(t, request.by(), request.at() == null ? t.now() : request.at().toInstant(),
                    request.reference(), request.note());
            return new Recorded(IncidentEvent.Type.ITEM_COMPLETED, Map.of("code", code, "completion", completion(c)),
                    EventType.ITEM_COMPLETED, Map.of("completion", completion(c)));
        });
    }

    /**
     * Replaces the current completion with the one given in full, saying why; the earlier record is ended, not
     * changed. The same completion again changes nothing.
     */
    public Changed correct(UUID id, String code, IfMatch ifMatch, CorrectionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("by", "is required: who did it"));
        } else {
            validate(request.by(), request.at(), request.reference(), request.note(), errors);
            if (request.at() == null) {
                // a correction states the whole completion: a missing time must not quietly become "now"
                errors.add(new FieldError("at", "is required: when it was done"));
            }
        }
        ItemChanges.requireReason(request == null ? null : request.reason(), errors);
        ItemChanges.check(errors);
        return items.change(id, code, ifMatch, t -> {
            ItemCompletion current = current(t);
            if (current.completedBy.equals(request.by().strip()) && current.completedAt.equals(request.at().toInstant())
                    && Objects.equals(current.reference, request.reference()) && Objects.equals(current.note, request.note())) {
                return null;
            }
            current.end(ItemCompletion.End.CORRECTED, t.now(), t.who(), request.reason());
            ItemCompletion corrected = persist(t, request.by(), request.at().toInstant(), request.reference(), request.note());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("from", completion(current));
            data.put("to", completion(corrected));
            data.put("reason", request.reason());
            Map<String, Object> history = new LinkedHashMap<>(Map.of("code", code));
            history.putAll(data);
            return new Recorded(IncidentEvent.Type.COMPLETION_CORRECTED, history, EventType.ITEM_COMPLETION_CORRECTED, data);
        });
    }

    /** Withdraws the current completion, saying why: the item is open again. */
    public Changed withdraw(UUID id, String code, IfMatch ifMatch, Withdrawal request) {
        List<FieldError> errors = new ArrayList<>();
        ItemChanges.requireReason(request == null ? null : request.reason(), errors);
        ItemChanges.check(errors);
        return items.change(id, code, ifMatch, t -> {
            ItemChanges.requireNotClosed(t);
            ItemCompletion current = current(t);
            current.end(ItemCompletion.End.WITHDRAWN, t.now(), t.who(), request.reason());
            return new Recorded(IncidentEvent.Type.COMPLETION_WITHDRAWN,
                    Map.of("code", code, "completion", completion(current), "reason", request.reason()),
                    EventType.ITEM_COMPLETION_WITHDRAWN, Map.of("completion", completion(current), "reason", request.reason()));
        });
    }

    private static ItemCompletion current(Target t) {
        ItemCompletion current = t.marks().completions().get(t.code());
        if (current == null) {
            throw new ProblemException(404, "completion-not-found", "Not Found",
                    "Item " + t.code() + " has no completion recorded; record one with POST.");
        }
        return current;
    }

    private static ItemCompletion persist(Target t, String by, Instant at, String reference, String note) {
        ItemCompletion c = new ItemCompletion();
        c.incidentId = t.incident().id;
        c.code = t.code();
        c.completedBy = by.strip();
        c.completedAt = at;
        c.reference = reference;
        c.note = note;
        c.recordedAt = t.now();
        c.recordedBy = t.who();
        c.persist();
        return c;
    }

    private void validate(String by, OffsetDateTime at, String reference, String note, List<FieldError> errors) {
        if (by == null || by.isBlank()) {
            errors.add(new FieldError("by", "is required: who did it"));
        } else if (by.length() > 200) {
            errors.add(new FieldError("by", "must be at most 200 characters"));
        }
        if (at != null && at.toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            errors.add(new FieldError("at", "must not be in the future"));
        }
        if (at != null && at.getYear() < 2000) {
            errors.add(new FieldError("at", "must be in or after the year 2000"));
        }
        if (reference != null && reference.length() > 200) {
            errors.add(new FieldError("reference", "must be at most 200 characters"));
        }
        if (note != null && note.length() > 2000) {
            errors.add(new FieldError("note", "must be at most 2000 characters"));
        }
    }
}
