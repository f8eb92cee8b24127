package jp.smeir.incident;

import static jp.smeir.deadline.JapaneseCalendar.inJapan;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.StaleStateException;
import org.hibernate.exception.ConstraintViolationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.AssessmentService;
import jp.smeir.assessment.Item;
import jp.smeir.common.CurrentActor;
import jp.smeir.engine.ItemKind;
import jp.smeir.engine.ItemStatus;
import jp.smeir.engine.RuleEngine;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.facts.IncidentType;
import jp.smeir.incident.IncidentViews.ExternalTicket;
import jp.smeir.incident.IncidentViews.FactChange;
import jp.smeir.incident.IncidentViews.HistoryEntry;
import jp.smeir.incident.IncidentViews.IncidentSummary;
import jp.smeir.incident.IncidentViews.IncidentView;
import jp.smeir.incident.IncidentViews.ItemProgress;
import jp.smeir.incident.IncidentViews.Page;
import jp.smeir.incident.IncidentViews.StatusChange;
import jp.smeir.problem.InvalidInputException;
import jp.smeir.problem.ProblemException;
import jp.smeir.reminder.ObligationDeadline;
import jp.smeir.webhook.EventBody.EventItem;
import jp.smeir.webhook.EventType;
import jp.smeir.webhook.ObligationEvents;
import jp.smeir.webhook.Outbox;

/**
 * Follows incidents from first report to closure (opening is {@link IncidentOpening}). Every change is one transaction that updates the incident,
 * stores what was decided and appends to its history; writers to one incident are serialised by a row lock,
 * and HTTP callers by the incident's version (ETag / If-Match).
 */
@ApplicationScoped
public class IncidentService {

    static final int MAX_PAGE_SIZE = 200;

    @Inject
    RuleEngine engine;

    @Inject
    AssessmentService assessments;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    CurrentActor actor;

    @Inject
    Outbox outbox;

    @Inject
    jp.smeir.assessment.WorkingTargets targets;

    /** How far a list's total is counted: beyond, the page says the total is not exact (IncidentListing#page). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "incident.list.count-limit", defaultValue = "10000")
    int countLimit;

    // ── Read ───────────────────────────────────────────────────────────────────────────────────────────────

    public IncidentView get(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> view(find(id, false), now()));
    }

    public List<HistoryEntry> history(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            find(id, false);
            return IncidentEvent.of(id).stream()
                    .map(e -> new HistoryEntry(e.seq, e.type, inJapan(e.at), e.actor, readTree(e.data)))
                    .toList();
        });
    }

    /** Filters: status, incident type, overdue now, an open deadline before a time, the caller's ticket. */
    public Page<IncidentSummary> list(IncidentStatus status, IncidentType type, Boolean overdue, OffsetDateTime dueBefore,
                                      String ticketSystem, String ticketId, int page, int size) {
        jp.smeir.common.Paging.check(page, size, MAX_PAGE_SIZE);
        for (var filter : new String[][] {{"ticketSystem", ticketSystem}, {"ticketId", ticketId}}) {
            if (filter[1] != null && (filter[1].length() > 200 || filter[1].chars().anyMatch(Character::isISOControl))) {
                throw InvalidInputException.of(filter[0], "must be at most 200 characters without control characters");
            }
        }
        Instant now = now();
        IncidentListing listing = new IncidentListing(status, type, overdue, dueBefore, ticketSystem, ticketId, now);
        return QuarkusTransaction.requiringNew().call(() -> listing.page(page, size, now, countLimit));
    }

    // ── Change ─────────────────────────────────────────────────────────────────────────────────────────────

    /** Replaces the facts and re-assesses, if the incident is at a version {@code ifMatch} names. */
    public IncidentView replaceFacts(UUID id, IfMatch ifMatch, IncidentFacts facts) {
        assessments.requireValid(facts);
        Assessment assessment = assessments.assess(facts, inJapan(now()), "incident");
        String who = actor.name();
        return write(() -> {
            Incident incident = find(id, true);
            // timed once the incident is locked: the history and the events of an incident are then in time order
            Instant now = now();
            ifMatch.require(incident.version);
            if (incident.status == IncidentStatus.CLOSED) {
                throw new ProblemException(409, "incident-closed", "Incident closed", "A closed incident's facts cannot change.");
            }
            Assessment before = currentAssessment(incident);
            List<FactChange> changes = factChanges(read(incident.facts, IncidentFacts.class), facts);
            AssessmentDiff difference = AssessmentDiff.between(before, assessment);
            incident.facts = write(facts);
            incident.title = facts.title();
            incident.awareAt = facts.awareAt().toInstant();
            incident.incidentTypes = typesColumn(facts);
            incident.updatedAt = now;
            ItemMarks marks = ItemMarks.of(id);
            applyAssessment(incident, assessment, marks.settled());
            IncidentTypeRow.replace(incident, facts.normalized().incidentTypes(), false);
            store(incident, assessment);
            append(incident, IncidentEvent.Type.FACTS_CHANGED, now, who, Map.of("changes", changes));
            append(incident, IncidentEvent.Type.REASSESSED, now, who, Map.of(
                    "rulesetVersion", assessment.rulesetVersion(),
                    "assessmentSeq", incident.assessmentSeq,
                    "severity", assessment.severity(),
                    "difference", difference));
            ObligationDeadline.sync(id, assessment, marks.settled(), false);
            ExternalTicket ticket = ticket(incident);
            outbox.emit(EventType.INCIDENT_REASSESSED, id, ticket, null, Map.of("severity", assessment.severity(),
                    "rulesetVersion", assessment.rulesetVersion(), "difference", difference), now);
            // duties added, removed or changed, as each kind of subscriber sees them
            for (ObligationEvents.Emission e : ObligationEvents.between(before, assessment, marks.settled())) {
                outbox.emit(e.type(), id, ticket, e.item(), e.data(), now, e.audience());
            }
            Incident.getEntityManager().flush();
            return view(incident, facts, assessment, marks, now).withDifference(difference);
        });
    }

    /** Moves the incident forward; closing is refused while a REQUIRED duty is neither done nor marked not applicable. */
    public IncidentView changeStatus(UUID id, IfMatch ifMatch, StatusChange change) {
        if (change == null || change.status() == null) {
            throw InvalidInputException.of("status", "is required: one of " + List.of(IncidentStatus.values()));
        }
        if (change.reason() == null || change.reason().isBlank()) {
            throw InvalidInputException.of("reason", "is required: say why the status changes");
        }
        if (change.reason().length() > 2000) {
            throw InvalidInputException.of("reason", "must be at most 2000 characters");
        }
        String who = actor.name();
        return write(() -> {
            Incident incident = find(id, true);
            Instant now = now();
            if (ifMatch != null) {
                ifMatch.require(incident.version);
            }
            if (!incident.status.canMoveTo(change.status())) {
                throw new ProblemException(409, "status-transition", "Status cannot change",
                        "An incident moves forward only (open → contained → reported → recovered → closed); it is "
                                + incident.status + ".");
            }
            Assessment assessment = currentAssessment(incident);
            ItemMarks marks = ItemMarks.of(id);
            if (change.status() == IncidentStatus.CLOSED) {
                Set<String> settled = marks.settled();
                List<String> open = assessment.items().stream()
                        .filter(i -> i.status() == ItemStatus.REQUIRED && !settled.contains(i.code()))
                        .map(Item::code).toList();
                if (!open.isEmpty()) {
                    throw new ProblemException(409, "required-duties-open", "Required duties still open",
                            "The incident cannot close while REQUIRED items are not done: " + String.join(", ", open) + ".",
                            List.of(), Map.of("openCodes", open));
                }
            }
            IncidentStatus from = incident.status;
            incident.status = change.status();
            incident.updatedAt = now;
            applyAssessment(incident, assessment, marks.settled());
            append(incident, IncidentEvent.Type.STATUS_CHANGED, now, who,
                    Map.of("from", from, "to", change.status(), "reason", change.reason()));
            ObligationDeadline.sync(id, assessment, marks.settled(), change.status() == IncidentStatus.CLOSED);
            outbox.emit(EventType.INCIDENT_STATUS_CHANGED, id, ticket(incident), null,
                    Map.of("from", from, "to", change.status(), "reason", change.reason()), now);
            Incident.getEntityManager().flush();
            return view(incident, read(incident.facts, IncidentFacts.class), assessment, marks, now);
        });
    }

    /** Sets or changes the incident's ticket, if the incident is at a version {@code ifMatch} names. */
    public IncidentView changeTicket(UUID id, IfMatch ifMatch, ExternalTicket ticket, boolean allowDuplicate) {
        Tickets.requireValid(ticket);
        String who = actor.name();
        try {
            return write(() -> {
                Incident incident = find(id, true);
                Instant now = now();
                ifMatch.require(incident.version);
                ExternalTicket before = ticket(incident);
                if (!ticket.equals(before)) {
                    Tickets.assign(incident, ticket, allowDuplicate);
                    incident.updatedAt = now;
                    append(incident, IncidentEvent.Type.TICKET_CHANGED, now, who,
                            Map.of("from", before == null ? Map.of() : before, "to", ticket));
                    Incident.getEntityManager().flush();
                }
                return view(incident, now);
            });
        } catch (RuntimeException e) {
            // another request gave the ticket to another incident meanwhile
            Incident holder = causedBy(e, ConstraintViolationException.class)
                    ? QuarkusTransaction.requiringNew().call(() -> Tickets.holder(ticket, id)) : null;
            if (holder != null) {
                throw Tickets.conflict(holder, ticket);
            }
            throw e;
        }
    }

    /**
     * Emits an event about one item of an incident's current assessment (reminders use it); must run inside
     * the caller's transaction.
     */
    public void emitForItem(EventType type, UUID incidentId, String code, Map<String, ?> data) {
        // locked like every other write of the incident, so its events enter the outbox in commit order, and
        // timed after the lock, so that they are also in time order
        Incident incident = find(incidentId, true);
        Instant now = now();
        Assessment assessment = currentAssessment(incident);
        Item item = item(assessment, code);
        ItemAssignee assignee = ItemAssignee.of(incidentId, code);
        outbox.emit(type, incidentId, ticket(incident),
                EventItem.of(item, kind(assessment, item)).withAssignee(assignee == null ? null : assignee.assignee), data, now);
    }

    /** Locks the incident for the caller's transaction, as every change to it does; 404 if there is none. */
    public void lock(UUID incidentId) {
        find(incidentId, true);
    }

    private static Item item(Assessment assessment, String code) {
        return assessment.items().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no item " + code + " in the assessment"));
    }

    static ItemKind kind(Assessment assessment, Item item) {
        return ObligationEvents.kind(assessment, item);
    }

    // ── Helpers ────────────────────────────────────────────────────────────────────────────────────────────

    /** Runs a change in its own transaction; a lost race on the incident's version answers 412. */
    <T> T write(java.util.concurrent.Callable<T> change) {
        try {
            return QuarkusTransaction.requiringNew().call(change);
        } catch (RuntimeException e) {
            if (causedBy(e, OptimisticLockException.class) || causedBy(e, StaleStateException.class)) {
                throw new ProblemException(412, "stale-version", "Precondition Failed",
                        "The incident was changed by someone else meanwhile; GET it again and retry.");
            }
            if (causedBy(e, jakarta.persistence.PessimisticLockException.class) || causedBy(e, jakarta.persistence.LockTimeoutException.class)
                    || causedBy(e, org.hibernate.exception.LockAcquisitionException.class)) {
                throw new ProblemException(409, "incident-busy", "Incident busy",
                        "Another change to this incident held it too long; retry in a moment.");
            }
            throw e;
        }
    }

    static Incident find(UUID id, boolean forUpdate) {
        Incident incident = forUpdate ? Incident.findById(id, LockModeType.PESSIMISTIC_WRITE) : Incident.findById(id);
        if (incident == null) {
            throw new ProblemException(404, "incident-not-found", "Not Found", "No incident " + id + ".");
        }
        return incident;
    }

    /**
     * Sets what the incident derives from its current assessment and the items settled (done or not applicable);
     * a closed one has nothing due. Its type rows, once stored, follow its overdue time.
     */
    static void applyAssessment(Incident incident, Assessment assessment, Set<String> settled) {
        incident.severity = assessment.severity();
        incident.nextDueAt = next(incident, assessment, settled, Item::dueAt);
        incident.nextTargetAt = next(incident, assessment, settled, Item::targetAt);
        Instant before = incident.overdueFrom;
        incident.derive();
        if (before != null) {
            IncidentTypeRow.follow(incident, before);
        }
    }

    private static Instant next(Incident incident, Assessment assessment, Set<String> settled,
                                java.util.function.Function<Item, OffsetDateTime> time) {
        return incident.status == IncidentStatus.CLOSED ? null : assessment.items().stream()
                .filter(i -> time.apply(i) != null && !settled.contains(i.code()))
                .map(i -> time.apply(i).toInstant())
                .min(Instant::compareTo).orElse(null);
    }

    private void store(Incident incident, Assessment assessment) {
        record(incident, ++incident.assessmentSeq, assessment);
    }

    /** Stores an assessment with the facts it was made from (the incident's, already set), so that it can be replayed. */
    void record(Incident incident, int seq, Assessment assessment) {
        AssessmentRecord record = new AssessmentRecord();
        record.incidentId = incident.id;
        record.facts = incident.facts;
        record.seq = seq;
        record.rulesetVersion = assessment.rulesetVersion();
        record.evaluatedAt = assessment.evaluatedAt().toInstant();
        record.firedRules = write(assessment.firedRules());
        record.bodyGzip = StoredJson.compress(json, assessment);
        record.persist();
    }

    void append(Incident incident, IncidentEvent.Type type, Instant at, String who, Map<String, ?> data) {
        event(incident.id, ++incident.eventSeq, type, at, who, data);
    }

    void event(UUID incidentId, int seq, IncidentEvent.Type type, Instant at, String who, Map<String, ?> data) {
        IncidentEvent event = new IncidentEvent();
        event.incidentId = incidentId;
        event.seq = seq;
        event.type = type;
        event.at = at;
        event.actor = who;
        event.data = write(data);
        event.persist();
    }

    Assessment currentAssessment(Incident incident) {
        AssessmentRecord record = AssessmentRecord.of(incident.id, incident.assessmentSeq);
        Assessment stored = record.bodyGzip != null ? StoredJson.expand(json, record.bodyGzip, Assessment.class)
                : read(StoredJson.expandLegacy(record.legacyBody), Assessment.class);
        return jp.smeir.assessment.StoredAssessments.complete(stored, engine.ruleBase(), targets);
    }

    IncidentView view(Incident incident, Instant now) {
        return view(incident, read(incident.facts, IncidentFacts.class), currentAssessment(incident), ItemMarks.of(incident.id), now);
    }

    /** {@code facts} are the incident's, as stored: passed in where they are at hand, so as not to read them back. */
    IncidentView view(Incident incident, IncidentFacts facts, Assessment assessment, ItemMarks marks, Instant now) {
        List<ItemProgress> progress = assessment.items().stream().map(i -> marks.progress(i, assessment, now)).toList();
        return new IncidentView(incident.id, incident.version, incident.status, incident.title, incident.severity,
                inJapan(incident.openedAt), inJapan(incident.updatedAt), ticket(incident), overdue(incident, now),
                inJapan(incident.nextDueAt), inJapan(incident.nextTargetAt), facts, assessment, progress, null);
    }

    static IncidentSummary summary(Incident i, Instant now) {
        List<String> types = List.of(i.incidentTypes.split("\\|")).stream().filter(s -> !s.isEmpty()).toList();
        return new IncidentSummary(i.id, i.version, i.status, i.title, i.severity, inJapan(i.awareAt), inJapan(i.openedAt),
                inJapan(i.nextDueAt), inJapan(i.nextTargetAt), overdue(i, now), types, ticket(i));
    }

    /** Past a legal deadline or a working target of an item not settled (as the overdue filter has it). */
    private static boolean overdue(Incident incident, Instant now) {
        return incident.nextDueAt != null && incident.nextDueAt.isBefore(now)
                || incident.nextTargetAt != null && incident.nextTargetAt.isBefore(now);
    }

    static ExternalTicket ticket(Incident incident) {
        return incident.ticketSystem == null && incident.ticketId == null ? null
                : new ExternalTicket(incident.ticketSystem, incident.ticketId);
    }

    static String typesColumn(IncidentFacts facts) {
        List<IncidentType> types = facts.normalized().incidentTypes();
        return "|" + types.stream().map(Enum::name).collect(Collectors.joining("|")) + (types.isEmpty() ? "" : "|");
    }

    /** Which facts changed, by JSON path (absent and null are the same: unknown). */
    private List<FactChange> factChanges(IncidentFacts before, IncidentFacts after) {
        Map<String, JsonNode> old = flatten(json.valueToTree(before), "");
        Map<String, JsonNode> now = flatten(json.valueToTree(after), "");
        List<FactChange> changes = new ArrayList<>();
        now.forEach((path, value) -> {
            if (!Objects.equals(old.get(path), value)) {
                changes.add(new FactChange(path, old.get(path), value));
            }
        });
        old.forEach((path, value) -> {
            if (!now.containsKey(path)) {
                changes.add(new FactChange(path, value, null));
            }
        });
        return changes;
    }

    private static Map<String, JsonNode> flatten(JsonNode node, String prefix) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> out.putAll(flatten(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey())));
        } else if (node != null && !node.isNull()) {
            out.put(prefix, node);
        }
        return out;
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Reads a document this service stored (leniently: see {@link jp.smeir.common.JsonConfig#lenient}). */
    private <T> T read(String text, Class<T> type) {
        try {
            return jp.smeir.common.JsonConfig.lenient(json, type).readValue(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read as " + type.getSimpleName(), e);
        }
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }

    static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
