package jp.smeir.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** That an item of an incident was done: by whom, when, with what reference (e.g. a PPC receipt number). */
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

    public static List<ItemCompletion> of(UUID incidentId) {
        return list("incidentId", incidentId);
    }

    public static ItemCompletion of(UUID incidentId, String code) {
        return find("incidentId = ?1 and code = ?2", incidentId, code).firstResult();
    }
}
