package jp.smeir.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Item;
import jp.smeir.common.CurrentActor;
import jp.smeir.incident.IncidentViews.ItemProgress;
import jp.smeir.problem.FieldError;
import jp.smeir.problem.InvalidInputException;
import jp.smeir.problem.ProblemException;
import jp.smeir.reminder.ObligationDeadline;
import jp.smeir.webhook.EventBody.EventItem;
import jp.smeir.webhook.EventType;
import jp.smeir.webhook.Outbox;

/**
 * The frame every change to one item of an incident runs in, as one transaction: the incident locked as by
 * every change to it, its version checked against If-Match when one is given, the item looked up in the
 * current assessment; after the change, the incident's next deadline, the deadlines reminders watch, its
 * history and the outbound event follow.
 */
@ApplicationScoped
class ItemChanges {

    @Inject
    IncidentService incidents;

    @Inject
    Outbox outbox;

    @Inject
    CurrentActor actor;

    /** What a change sees: the locked incident, its current assessment, the item and its marks as they stand. */
    record Target(Incident incident, Assessment assessment, Item item, ItemMarks marks, Instant now, String who) {

        String code() {
            return item.code();
        }
    }

    /** What a change did, to record in the history and announce; a change that alters nothing returns none. */
    record Recorded(IncidentEvent.Type history, Map<String, ?> data, EventType event, Map<String, ?> eventData) {
    }

    /** The item after a change, and the incident's version (its new ETag). */
    public record Changed(ItemProgress progress, long version) {
    }

    Changed change(UUID id, String code, IfMatch ifMatch, Function<Target, Recorded> change) {
        String who = actor.name();
        return incidents.write(() -> {
            Incident incident = IncidentService.find(id, true);
            Instant now = incidents.now();
            if (ifMatch != null) {
                ifMatch.require(incident.version);
            }
            Assessment assessment = incidents.currentAssessment(incident);
            Item item = assessment.items().stream().filter(i -> i.code().equals(code)).findFirst()
                    .orElseThrow(() -> new ProblemException(404, "item-not-found", "Not Found",
                            "The incident's current assessment has no item " + code + "."));
            ItemMarks before = ItemMarks.of(id);
            Recorded recorded = change.apply(new Target(incident, assessment, item, before, now, who));
            if (recorded == null) {
                return new Changed(before.progress(item, assessment, now), incident.version);
            }
            ItemMarks after = ItemMarks.of(id);
            incident.updatedAt = now;
            IncidentService.applyAssessment(incident, assessment, after.settled());
            incidents.append(incident, recorded.history(), now, who, recorded.data());
            if (!after.settled().equals(before.settled())) {
                ObligationDeadline.sync(id, assessment, after.settled(), incident.status == IncidentStatus.CLOSED);
            }
            outbox.emit(recorded.event(), id, IncidentService.ticket(incident),
                    EventItem.of(item, IncidentService.kind(assessment, item)).withAssignee(after.assignee(code)),
                    recorded.eventData(), now);
            Incident.getEntityManager().flush();
            return new Changed(after.progress(item, assessment, now), incident.version);
        });
    }

    /** A reason is required, as for a status change. */
    static void requireReason(String reason, List<FieldError> errors) {
        if (reason == null || reason.isBlank()) {
            errors.add(new FieldError("reason", "is required: say why"));
        } else if (reason.length() > 2000) {
            errors.add(new FieldError("reason", "must be at most 2000 characters"));
        }
    }

    static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** A withdrawal would reopen an item of a closed incident, which closed only once nothing was left open. */
    static void requireNotClosed(Target t) {
        if (t.incident().status == IncidentStatus.CLOSED) {
            throw new ProblemException(409, "incident-closed", "Incident closed",
                    "A closed incident's items cannot be reopened.");
        }
    }
}
