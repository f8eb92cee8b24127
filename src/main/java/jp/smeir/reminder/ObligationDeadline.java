package jp.smeir.reminder;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

/**
 * A time that reminders watch: the legal deadline, or else the working target, of a mandatory item of an
 * incident's current assessment that is neither done nor marked not applicable.
 */
@Entity
@Table(name = "obligation_deadline")
public class ObligationDeadline extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public UUID incidentId;

    public String code;

    /** The legal deadline, or the working target when {@link #target}. */
    @Column(name = "due_at")
    public Instant dueAt;

    /** The service's working target for 直ちに / 速やかに, not a legal deadline. */
    public boolean target;

    /**
     * Reminders before the time are for moments after this one only, or any when null. A target counts from
     * awareAt, so a lead time reaching back before it (24 h before a 1-hour target) gives no reminder.
     */
    @Column(name = "remind_after")
    public Instant remindAfter;

    /**
     * The next moment there is a reminder to send ({@link #plan}): set when the deadline is written and by each
     * sweep that visits it ({@link Reminders}); null after a restart (the lead times may have changed) until a sweep
     * finds the deadline within its horizon.
     */
    @Column(name = "next_remind_at")
    public Instant nextRemindAt;

    /**
     * Replaces an incident's watched deadlines with those of its current assessment; call in the transaction
     * that changes the assessment, a completion, a not-applicable mark or the status. A closed incident has none.
     *
     * @param settled the codes done or not applicable, which need no reminder
     */
    public static void sync(UUID incidentId, Assessment assessment, Set<String> settled, boolean closed) {
        delete("incidentId", incidentId);
        watch(incidentId, assessment, settled, closed);
    }

    /** Adds the deadlines of a new incident (there is nothing to replace yet). */
    public static void watch(UUID incidentId, Assessment assessment, Set<String> settled, boolean closed) {
        if (closed) {
            return;
        }
        ReminderConfig config = io.quarkus.arc.Arc.container().instance(ReminderConfig.class).get();
        for (Item item : assessment.items()) {
            if (item.mandatory() && item.dueOrTargetAt() != null && !settled.contains(item.code())) {
                ObligationDeadline d = new ObligationDeadline();
                d.incidentId = incidentId;
                d.code = item.code();
                d.dueAt = item.dueOrTargetAt().toInstant();
                d.target = item.dueAt() == null;
                d.remindAfter = d.target ? assessment.awareAt().toInstant() : null;
                d.nextRemindAt = d.plan(Reminders.leadTimes(config, d.code), Set.of());
                d.persist();
            }
        }
    }

    /**
     * The next moment this deadline has a reminder to send: the nearest of the {@code leads} before it not reminded
     * of yet ({@code sent}; those reaching back to {@link #remindAfter} give none), or else the deadline itself, once
     * past which it is overdue.
     */
    Instant plan(List<Duration> leads, Set<String> sent) {
        Instant next = dueAt;
        for (Duration lead : leads) {
            Instant moment = dueAt.minus(lead);
            if (!sent.contains(Reminders.kind(lead)) && (remindAfter == null || moment.isAfter(remindAfter)) && moment.isBefore(next)) {
                next = moment;
            }
        }
        return next;
    }
}
