package jp.smeir.reminder;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** That a reminder of a kind went out for a deadline; unique, so each goes out once, restarts included. */
@Entity
@Table(name = "reminder_sent")
public class ReminderSent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public UUID incidentId;

    public String code;

    /** {@code due_soon:PT24H} … or {@code overdue}. */
    public String kind;

    @Column(name = "due_at")
    public Instant dueAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    static Set<String> kinds(ObligationDeadline d) {
        return ReminderSent.<ReminderSent>list("incidentId = ?1 and code = ?2 and dueAt = ?3", d.incidentId, d.code, d.dueAt)
                .stream().map(r -> r.kind).collect(Collectors.toSet());
    }

    static void record(ObligationDeadline d, String kind, Instant now) {
        ReminderSent r = new ReminderSent();
        r.incidentId = d.incidentId;
        r.code = d.code;
        r.kind = kind;
        r.dueAt = d.dueAt;
        r.sentAt = now;
        r.persist();
    }
}
