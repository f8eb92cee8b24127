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

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of an incident's append-only history: never changed once written ({@link Immutable}). */
@Entity
@Immutable
@Table(name = "incident_event")
public class IncidentEvent extends PanacheEntityBase {

    /** What happened. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "HistoryEventType")
    public enum Type {
        OPENED, FACTS_CHANGED, REASSESSED, ITEM_COMPLETED, STATUS_CHANGED, TICKET_CHANGED,
        COMPLETION_CORRECTED, COMPLETION_WITHDRAWN, ITEM_NOT_APPLICABLE, NOT_APPLICABLE_WITHDRAWN, ITEM_ASSIGNED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public UUID incidentId;

    public int seq;

    @Enumerated(EnumType.STRING)
    public Type type;

    @Column(name = "event_at")
    public Instant at;

    public String actor;

    /** Details of the event, JSON. */
    public String data;

    public static List<IncidentEvent> of(UUID incidentId) {
        return list("incidentId = ?1 order by seq", incidentId);
    }
}
