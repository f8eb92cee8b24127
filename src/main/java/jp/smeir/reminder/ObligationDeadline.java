package jp.smeir.reminder;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Item;

/** A deadline that reminders watch: a mandatory item of an incident's current assessment, not yet done. */
@Entity
@Table(name = "obligation_deadline")
public class ObligationDeadline extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public UUID incidentId;

    public String code;

    @Column(name = "due_at")
    public Instant dueAt;

    /**
     * Replaces an incident's watched deadlines with those of its current assessment; call in the transaction
     * that changes the assessment, a completion or the status. A closed incident has none.
     */
    public static void sync(UUID incidentId, Assessment assessment, Set<String> done, boolean closed) {
        delete("incidentId", incidentId);
        watch(incidentId, assessment, done, closed);
    }

    /** Adds the deadlines of a new incident (there is nothing to replace yet). */
    public static void watch(UUID incidentId, Assessment assessment, Set<String> done, boolean closed) {
        if (closed) {
            return;
        }
        for (Item item : assessment.items()) {
            if (item.mandatory() && item.dueAt() != null && !done.contains(item.code())) {
                ObligationDeadline d = new ObligationDeadline();
                d.incidentId = incidentId;
                d.code = item.code();
                d.dueAt = item.dueAt().toInstant();
                d.persist();
            }
        }
    }
}
