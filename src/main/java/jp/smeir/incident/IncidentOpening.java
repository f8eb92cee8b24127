package jp.smeir.incident;

import static jp.smeir.deadline.JapaneseCalendar.inJapan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.AssessmentService;
import jp.smeir.assessment.Item;
import jp.smeir.common.CurrentActor;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.incident.IncidentViews.ExternalTicket;
import jp.smeir.incident.IncidentViews.IncidentView;
import jp.smeir.problem.FieldError;
import jp.smeir.problem.InvalidInputException;
import jp.smeir.problem.ProblemException;
import jp.smeir.reminder.ObligationDeadline;
import jp.smeir.webhook.EventBody.EventItem;
import jp.smeir.webhook.EventType;
import jp.smeir.webhook.Outbox;

/**
 * Opens incidents: assesses the facts, stores the incident with its first assessment, history entry, watched
 * deadlines and events in one transaction. An Idempotency-Key (scoped to its user) makes a retry answer the same
 * incident; a ticket that already has an incident is refused unless a second one is asked for.
 */
@ApplicationScoped
public class IncidentOpening {

    @Inject
    IncidentService incidents;

    @Inject
    AssessmentService assessments;

    @Inject
    CurrentActor actor;

    @Inject
    Outbox outbox;

    /** The answer to an open: the incident, and whether it is a replay of an earlier request with the same key. */
    public record Opened(IncidentView view, boolean replayed) {
    }

    /** Opens an incident; one for a ticket that already has one is a 409 unless {@code allowDuplicateTicket}. */
    public Opened open(IncidentFacts facts, ExternalTicket ticket, String keyAsSent, boolean allowDuplicateTicket) {
        assessments.requireValid(facts);
        validate(ticket, keyAsSent);
        String who = actor.name();
        // a key is the caller's own: another user's same key opens another incident, and learns nothing of this one
        String idempotencyKey = keyAsSent == null ? null : scoped(who, keyAsSent);
        // The digest only tells a replay from a reuse of the key, so a request without a key needs none.
        String digest = idempotencyKey == null ? null : digest(facts, ticket);
        if (idempotencyKey != null) {
            Opened earlier = QuarkusTransaction.requiringNew().call(() -> replay(idempotencyKey, digest));
            if (earlier != null) {
                return earlier;
            }
        }
        Instant now = incidents.now();
        Assessment assessment = assessments.assess(facts, inJapan(now), "incident");
        try {
            return QuarkusTransaction.requiringNew().call(() -> create(facts, ticket, allowDuplicateTicket, idempotencyKey, digest, assessment, now, who));
        } catch (RuntimeException e) {
            // Two requests with the same key raced: the loser answers as a replay of the winner.
            if (idempotencyKey != null && IncidentService.causedBy(e, ConstraintViolationException.class)) {
                Opened winner = QuarkusTransaction.requiringNew().call(() -> replay(idempotencyKey, digest));
                if (winner != null) {
                    return winner;
                }
            }
            // Two requests for one ticket raced: the loser is a second incident for it, made only if asked for.
            if (ticket != null && IncidentService.causedBy(e, ConstraintViolationException.class)
                    && QuarkusTransaction.requiringNew().call(() -> Tickets.holder(ticket, null)) != null) {
                return QuarkusTransaction.requiringNew().call(() -> create(facts, ticket, allowDuplicateTicket, idempotencyKey, digest, assessment, now, who));
            }
            throw e;
        }
    }

    /** The stored form of an Idempotency-Key: a digest of the principal and the key, so each user has keys of their own. */
    static String scoped(String principal, String key) {
        return "v2:" + sha256(principal + "\n" + key);
    }

    private Opened replay(String idempotencyKey, String digest) {
        Incident earlier = Incident.byIdempotencyKey(idempotencyKey);
        if (earlier == null) {
            return null;
        }
        if (!earlier.requestDigest.equals(digest)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was already used for a different request (incident " + earlier.id + ").");
        }
        return new Opened(incidents.view(earlier, incidents.now()), true);
    }

    private Opened create(IncidentFacts facts, ExternalTicket ticket, boolean allowDuplicateTicket, String idempotencyKey,
                          String digest, Assessment assessment, Instant now, String who) {
        Incident incident = new Incident();
        incident.id = IncidentIds.next(now);
        incident.title = facts.title();
        incident.status = IncidentStatus.OPEN;
        incident.awareAt = facts.awareAt().toInstant();
        incident.openedAt = now;
        incident.updatedAt = now;
        incident.incidentTypes = IncidentService.typesColumn(facts);
        incident.facts = incidents.write(facts);
        if (ticket != null) {
            Tickets.assign(incident, ticket, allowDuplicateTicket);
        }
        incident.idempotencyKey = idempotencyKey;
        incident.requestDigest = digest;
        // Counters are set before persist, so that opening is one insert and the incident starts at version 0.
        incident.assessmentSeq = 1;
        incident.eventSeq = 1;
        IncidentService.applyAssessment(incident, assessment, Set.of());
        incident.persist();
        IncidentTypeRow.replace(incident, facts.normalized().incidentTypes(), true);
        incidents.record(incident, incident.assessmentSeq, assessment);
        incidents.event(incident.id, incident.eventSeq, IncidentEvent.Type.OPENED, now, who, Map.of(
                "rulesetVersion", assessment.rulesetVersion(),
                "assessmentSeq", incident.assessmentSeq,
                "severity", assessment.severity(),
                "codes", assessment.items().stream().map(Item::code).toList(),
                "externalTicket", ticket == null ? Map.of() : ticket));
        ObligationDeadline.watch(incident.id, assessment, Set.of(), false);
        outbox.emit(EventType.INCIDENT_OPENED, incident.id, ticket, null, Map.of(
                "status", incident.status, "severity", assessment.severity(), "rulesetVersion", assessment.rulesetVersion(),
                "incidentTypes", facts.normalized().incidentTypes()), now);
        for (Item item : assessment.items()) {
            if (item.mandatory()) {
                outbox.emit(EventType.OBLIGATION_ADDED, incident.id, ticket, EventItem.of(item, IncidentService.kind(assessment, item)), Map.of(), now);
            }
        }
        Incident.getEntityManager().flush();
        return new Opened(incidents.view(incident, facts, assessment, ItemMarks.NONE, now), false);
    }

    private String digest(IncidentFacts facts, ExternalTicket ticket) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("facts", facts);
        request.put("externalTicket", ticket);
        return sha256(incidents.write(request));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void validate(ExternalTicket ticket, String idempotencyKey) {
        List<FieldError> errors = new ArrayList<>();
        if (ticket != null) {
            Tickets.validate(ticket, "externalTicket.", errors);
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            errors.add(new FieldError("Idempotency-Key", "must be 1 to 200 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
