package jp.smeir.reminder;

import static jp.smeir.deadline.JapaneseCalendar.inJapan;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * sent. A deadline leaves the watch list once its overdue reminder is out, so a sweep only ever looks at
 * deadlines ahead.
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

    /** Sends every reminder that is due now; returns how many events were emitted. */
    public synchronized int sweep() {
        Instant now = clock.instant();
        Duration horizon = java.util.stream.Stream.concat(config.leadTimes().stream(),
                        config.codeLeadTimes().values().stream().flatMap(List::stream))
                .max(Comparator.naturalOrder()).orElse(Duration.ZERO);
        Instant until = now.plus(horizon);
        List<ObligationDeadline> candidates = QuarkusTransaction.requiringNew().call(() -> ObligationDeadline.<ObligationDeadline>list(
                "dueAt <= ?1 order by dueAt", until));
        int sent = 0;
        for (ObligationDeadline candidate : candidates) {
            if (stopping) {
                break; // the rest is reminded of after the next start
            }
            try {
                sent += QuarkusTransaction.requiringNew().call(() -> remind(candidate.incidentId, candidate.id, now));
            } catch (RuntimeException e) {
                // one deadline that cannot be handled now does not hold up the others; the next sweep tries it again
                LOG.warnf(e, "reminder for deadline %d of incident %s not sent this sweep", candidate.id, candidate.incidentId);
            }
        }
        return sent;
    }

    private int remind(java.util.UUID incidentId, long deadlineId, Instant now) {
        // the incident first, locked as by every change to it; only then the deadline, so that one a completion,
        // a fact change or a close has just replaced or removed is not reminded of
        incidents.lock(incidentId);
        ObligationDeadline d = ObligationDeadline.findById(deadlineId);
        if (d == null) {
            return 0;
        }
        Set<String> sent = ReminderSent.kinds(d);
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
        for (Duration lead : leadTimes(d.code)) {
            Instant moment = d.dueAt.minus(lead);
            if (!moment.isAfter(now) && (d.remindAfter == null || moment.isAfter(d.remindAfter))) {
                crossed.add(lead);
            }
        }
        if (crossed.isEmpty()) {
            return 0;
        }
        Duration nearest = crossed.stream().min(Comparator.naturalOrder()).orElseThrow();
        boolean nearestSent = sent.contains(kind(nearest));
        for (Duration lead : crossed) {
            if (!sent.contains(kind(lead))) {
                ReminderSent.record(d, kind(lead), now);
            }
        }
        if (nearestSent) {
            return 0;
        }
        Map<String, Object> data = time(d);
        data.put("leadTime", nearest.toString());
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

    private List<Duration> leadTimes(String code) {
        List<Duration> leads = new ArrayList<>(config.leadTimes());
        leads.addAll(config.codeLeadTimes().getOrDefault(code, List.of()));
        return leads;
    }

    static String kind(Duration lead) {
        return "due_soon:" + lead;
    }
}
