package jp.smeir.reminder;

import static jp.smeir.deadline.JapaneseCalendar.inJapan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import jp.smeir.incident.IncidentService;
import jp.smeir.webhook.EventType;

/**
 * Emits obligation.due_soon at the configured lead times before each open deadline and obligation.overdue
 * once it passes, each exactly once per deadline: the record of the reminder and its event commit together.
 * A working target (the service's time for 直ちに / 速やかに) is reminded of as a deadline is, and the events say
 * which ({@code data.kind} DEADLINE or TARGET); a lead time that reaches back before awareAt gives no reminder
 * for a target. When several lead times are crossed at once (an incident opened late), only the nearest is
 * sent. A deadline leaves the watch list once its overdue reminder is out, and between its reminders no sweep
 * looks at it: each visit plans the next ({@link ObligationDeadline#nextRemindAt}).
 */
@ApplicationScoped
public class Reminders {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Reminders.class);
    static final String OVERDUE = "overdue";

    @Inject
    Clock clock;

    @Inject
    ReminderConfig config;

    @Inject
    IncidentService incidents;

    /** Set at shutdown: no sweep starts, and the one in progress stops at its next deadline. */
    private volatile boolean stopping;

    /** Whether a sweep has planned every deadline again since start (see {@link #sweep}). */
    private boolean replanned;

    @Scheduled(every = "${incident.reminders.poll-interval:60s}", delayed = "${incident.reminders.start-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!stopping) {
            sweep();
        }
    }

    /** Waits (on this object's lock) for a sweep in progress, so none runs on after the database closed. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        synchronized (this) {
            LOG.debug("reminder sweeps stopped for shutdown");
        }
    }

    /** What a sweep did: how many deadlines it looked at, and how many reminders it sent. */
    public record Sweep(int looked, int sent) {
    }

    /**
     * Sends every reminder that is due now. Looks at the deadlines whose next reminder has come
     * ({@link ObligationDeadline#nextRemindAt}) and at those within the longest lead time not planned; the first
     * sweep since start unplans every deadline, as the lead times may have changed since they were planned.
     */
    public synchronized Sweep sweep() {
        Instant now = clock.instant();
        Duration horizon = java.util.stream.Stream.concat(config.leadTimes().stream(),
                        config.codeLeadTimes().values().stream().flatMap(List::stream))
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        Instant until = now.plus(horizon);
        if (!replanned) {
            QuarkusTransaction.requiringNew().run(() -> ObligationDeadline.update("nextRemindAt = null where nextRemindAt is not null"));
            replanned = true;
        }
        List<ObligationDeadline> candidates = QuarkusTransaction.requiringNew().call(() -> {
            List<ObligationDeadline> due = new ArrayList<>(ObligationDeadline.<ObligationDeadline>list("nextRemindAt <= ?1", now));
            due.addAll(ObligationDeadline.list("nextRemindAt is null and dueAt <= ?1", until));
            due.sort(Comparator.comparing((ObligationDeadline d) -> d.dueAt));
            return due;
        });
        int sent = 0;
        int looked = 0;
        for (ObligationDeadline candidate : candidates) {
            if (stopping) {
                break; // the rest is reminded of after the next start
            }
            looked++;
            try {
                sent += QuarkusTransaction.requiringNew().call(() -> remind(candidate.incidentId, candidate.id, now));
            } catch (RuntimeException e) {
                // one deadline that cannot be handled now does not hold up the others; the next sweep tries it again
                LOG.warnf(e, "reminder for deadline %d of incident %s not sent this sweep", candidate.id, candidate.incidentId);
            }
        }
        return new Sweep(looked, sent);
    }

    private int remind(java.util.UUID incidentId, long deadlineId, Instant now) {
        // the incident first, locked as by every change to it; only then the deadline, so that one a completion,
        // a fact change or a close has just replaced or removed is not reminded of
        incidents.lock(incidentId);
        ObligationDeadline d = ObligationDeadline.findById(deadlineId);
        if (d == null) {
            return 0;
        }
        Set<String> sent = new HashSet<>(ReminderSent.kinds(d));
        if (d.dueAt.isBefore(now)) {
            // overdue once the deadline's last second has passed, as for the incident's overdue flag; after
            // that reminder there is nothing more to watch, so the sweep never looks at this deadline again
            d.delete();
            if (sent.contains(OVERDUE)) {
                return 0;
            }
            ReminderSent.record(d, OVERDUE, now);
            Map<String, Object> data = time(d);
            data.put("overdueSince", inJapan(d.dueAt));
            incidents.emitForItem(EventType.OBLIGATION_OVERDUE, d.incidentId, d.code, data);
            return 1;
        }
        List<Duration> crossed = new ArrayList<>();
        for (Duration lead : leadTimes(config, d.code)) {
            Instant moment = d.dueAt.minus(lead);
            if (!moment.isAfter(now) && (d.remindAfter == null || moment.isAfter(d.remindAfter))) {
                crossed.add(lead);
            }
        }
        Optional<Duration> nearest = crossed.stream().min(Comparator.naturalOrder());
        boolean nearestSent = nearest.isEmpty() || sent.contains(kind(nearest.get()));
        for (Duration lead : crossed) {
            if (sent.add(kind(lead))) {
                ReminderSent.record(d, kind(lead), now);
            }
        }
        d.nextRemindAt = d.plan(leadTimes(config, d.code), sent);
        if (nearestSent) {
            return 0;
        }
        Map<String, Object> data = time(d);
        data.put("leadTime", nearest.get().toString());
        data.put("remaining", Duration.between(now, d.dueAt).toString());
        incidents.emitForItem(EventType.OBLIGATION_DUE_SOON, d.incidentId, d.code, data);
        return 1;
    }

    /** Which time a reminder is about: {@code dueAt} and kind DEADLINE, or {@code targetAt} and kind TARGET (not law). */
    private static Map<String, Object> time(ObligationDeadline d) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("kind", d.target ? "TARGET" : "DEADLINE");
        data.put(d.target ? "targetAt" : "dueAt", inJapan(d.dueAt));
        return data;
    }

    /** The lead times before a deadline of {@code code}: those of every deadline and the code's own. */
    static List<Duration> leadTimes(ReminderConfig config, String code) {
        List<Duration> leads = new ArrayList<>(config.leadTimes());
        leads.addAll(config.codeLeadTimes().getOrDefault(code, List.of()));
        return leads;
    }

    static String kind(Duration lead) {
        return "due_soon:" + lead;
    }
}
