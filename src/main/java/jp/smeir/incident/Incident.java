package jp.smeir.incident;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jp.smeir.engine.Severity;

/** A stored incident: its current facts and where it stands. Optimistically locked by {@link #version}. */
@Entity
@Table(name = "incident")
public class Incident extends PanacheEntityBase {

    @Id
    public UUID id;

    @Version
    public long version;

    public String title;

    @Enumerated(EnumType.STRING)
    public IncidentStatus status;

    @Enumerated(EnumType.STRING)
    public Severity severity;

    @Column(name = "aware_at")
    public Instant awareAt;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The incident types as {@code |A|B|}, so that a type filter is a LIKE. */
    @Column(name = "incident_types")
    public String incidentTypes;

    /**
     * Earliest legal deadline of the current items neither done nor not applicable (null when none); overdue is
     * derived from it and {@link #nextTargetAt}.
     */
    @Column(name = "next_due_at")
    public Instant nextDueAt;

    /** Earliest working target (the service's time for 直ちに / 速やかに, not law) of the items not settled; overdue too. */
    @Column(name = "next_target_at")
    public Instant nextTargetAt;

    /**
     * The earlier of {@link #nextDueAt} and {@link #nextTargetAt}, or {@link #NEVER} when both are null: the
     * incident is overdue from this time on. Kept with them ({@link #derive}), so that the overdue filter
     * is one range on one indexed column.
     */
    @Column(name = "overdue_from")
    public Instant overdueFrom;

    /** The facts as JSON (docs/api.md §1). */
    public String facts;

    /** Sequence number of the current assessment in {@link AssessmentRecord}. */
    @Column(name = "assessment_seq")
    public int assessmentSeq;

    /** Sequence number of the last {@link IncidentEvent}. */
    @Column(name = "event_seq")
    public int eventSeq;

    @Column(name = "ticket_system")
    public String ticketSystem;

    @Column(name = "ticket_id")
    public String ticketId;

    /** The ticket's system in lower case, for the ticketSystem filter (kept by {@link #derive}). */
    @Column(name = "ticket_system_key")
    public String ticketSystemKey;

    /** The ticket's system in lower case on the first incident of a ticket, null on others (see {@link Tickets}). */
    @Column(name = "ticket_claim")
    public String ticketClaim;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    /** sha256 of the request that opened the incident, to tell a retry from a different request with the same key; null without a key. */
    @Column(name = "request_digest")
    public String requestDigest;

    /** {@link #overdueFrom} of an incident with nothing open: the greatest time the column holds, as the migration sets it. */
    public static final Instant NEVER = Instant.parse("9999-12-31T23:59:59Z");

    /** Sets the columns the list filters use from those they derive from, before every insert and update. */
    @jakarta.persistence.PrePersist
    @jakarta.persistence.PreUpdate
    void derive() {
        ticketSystemKey = ticketSystem == null ? null : ticketSystem.toLowerCase(java.util.Locale.ROOT);
        Instant earliest = nextDueAt == null ? nextTargetAt
                : nextTargetAt == null || !nextTargetAt.isBefore(nextDueAt) ? nextDueAt : nextTargetAt;
        overdueFrom = earliest == null ? NEVER : earliest;
    }

    public static Incident byIdempotencyKey(String key) {
        return find("idempotencyKey", key).firstResult();
    }
}
