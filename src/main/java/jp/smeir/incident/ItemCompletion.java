package jp.smeir.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * That an item of an incident was done: by whom, when, with what reference (e.g. a PPC receipt number). A
 * record is never changed: a correction ends it and adds a new one, a withdrawal ends it. The current
 * completion of a code is the one not ended.
 */
@Entity
@Table(name = "item_completion")
public class ItemCompletion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public UUID incidentId;

    public String code;

    @Column(name = "completed_by")
    public String completedBy;

    @Column(name = "completed_at")
    public Instant completedAt;

    public String reference;

    public String note;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The authenticated principal that recorded it, when there is one. */
    @Column(name = "recorded_by")
    public String recordedBy;

    /** How a completion ended. */
    public enum End { CORRECTED, WITHDRAWN }

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "ended_by")
    public String endedBy;

    @Column(name = "ended_how")
    @Enumerated(EnumType.STRING)
    public End endedHow;

    @Column(name = "ended_reason")
    public String endedReason;

    /** The current completions of an incident's items. */
    public static List<ItemCompletion> of(UUID incidentId) {
        return list("incidentId = ?1 and endedAt is null", incidentId);
    }

    /** The current completion of an item, or null. */
    public static ItemCompletion of(UUID incidentId, String code) {
        return find("incidentId = ?1 and code = ?2 and endedAt is null", incidentId, code).firstResult();
    }

    void end(End how, Instant at, String by, String reason) {
        endedHow = how;
        endedAt = at;
        endedBy = by;
        endedReason = reason;
    }
}
