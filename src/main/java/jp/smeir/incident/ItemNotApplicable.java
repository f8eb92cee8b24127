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

/**
 * That an item of an incident does not apply: who decided it, when and why. It then neither reminds nor
 * blocks closing. A withdrawal ends the mark and keeps it; the current mark of a code is the one not withdrawn.
 */
@Entity
@Table(name = "item_not_applicable")
public class ItemNotApplicable extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public UUID incidentId;

    public String code;

    /** The authenticated principal that marked it. */
    @Column(name = "marked_by")
    public String markedBy;

    @Column(name = "marked_at")
    public Instant markedAt;

    public String reason;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    @Column(name = "withdrawn_by")
    public String withdrawnBy;

    @Column(name = "withdrawn_reason")
    public String withdrawnReason;

    /** The current marks of an incident's items. */
    public static List<ItemNotApplicable> of(UUID incidentId) {
        return list("incidentId = ?1 and withdrawnAt is null", incidentId);
    }

    /** The current mark of an item, or null. */
    public static ItemNotApplicable of(UUID incidentId, String code) {
        return find("incidentId = ?1 and code = ?2 and withdrawnAt is null", incidentId, code).firstResult();
    }
}
