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

/** Who is to do an item (free text, e.g. a ticketing system's user id); earlier assignees are in the history. */
@Entity
@Table(name = "item_assignee")
public class ItemAssignee extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public UUID incidentId;

    public String code;

    public String assignee;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** The authenticated principal that assigned it. */
    @Column(name = "assigned_by")
    public String assignedBy;

    public static List<ItemAssignee> of(UUID incidentId) {
        return list("incidentId", incidentId);
    }

    public static ItemAssignee of(UUID incidentId, String code) {
        return find("incidentId = ?1 and code = ?2", incidentId, code).firstResult();
    }
}
