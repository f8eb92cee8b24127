package jp.smeir.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import jp.smeir.webhook.Sender.Attempt;
import jp.smeir.webhook.Sender.Outcome;

/**
 * Sends pending deliveries: at least once, in order per incident and subscriber (a failed event holds back
 * the later ones of the same incident for that subscriber until it is given up as FAILED), with exponential
 * back-off between attempts. Deliveries are rows in the database ({@link DeliveryQueue}, which also shares them
 * between instances), so a restart resumes where it stopped.
 * <p>
 * Each subscriber has a lane of its own: at most {@link #IN_FLIGHT_PER_SUBSCRIBER} of its deliveries in flight,
 * and the next one sent as soon as one is answered, whatever the other subscribers do. A subscriber that does
 * not answer (a timeout, a refused connection) only holds its own lane, which then pauses for the back-off
 * before it tries again; sends are asynchronous ({@link Sender}) and their outcomes are recorded by a small bounded
 * pool, so hung receivers hold neither threads nor the other lanes.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** How long {@link #deliverDue} waits for an answer before it counts the receiver as hung and returns. */
    static final Duration ROUND_PATIENCE = Duration.ofSeconds(1);
    /** The longest {@link #deliverDue} waits for the lanes to settle. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);
    /** Deliveries one subscriber may have in flight (sent, not yet answered or timed out) at once. */
    static final int IN_FLIGHT_PER_SUBSCRIBER = 8;
    /** Threads that record outcomes (each a short transaction) and take the lane's next deliveries. */
    private static final int RECORDERS = 4;

    @Inject
    Clock clock;

    @Inject
    DeliveryQueue queue;

    @Inject
    Sender sender;

    /** Deliveries one lane takes from the database at a time (at most its free in-flight places). */
    @ConfigProperty(name = "incident.webhooks.batch", defaultValue = "64")
    int batch;

    /** Deliveries answered 2xx since the start, for {@link #deliverDue}'s count. */
    private final AtomicInteger deliveredTotal = new AtomicInteger();
    /** The lane of each subscriber that had something due since the start. */
    private final Map<UUID, Lane> lanes = new ConcurrentHashMap<>();
    /** Notified whenever an outcome is recorded, for {@link #deliverDue}. */
    private final Object settled = new Object();
    /** A wake-up is queued: later ones until it runs are the same. */
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    /** Set at shutdown: no lane sends any more. */
    private volatile boolean stopping;

    private ExecutorService recorders;

    @PostConstruct
    void start() {
        AtomicInteger n = new AtomicInteger();
        recorders = Executors.newFixedThreadPool(RECORDERS, r -> {
            Thread t = new Thread(r, "webhook-recorder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * One subscriber's deliveries in flight (id → when sent, in nanoseconds) and its pause after failures without
     * answer, both guarded by the lane's monitor and held only for a moment; and who takes its next deliveries.
     * Taking them is a database query, so it is not done under the monitor: one thread at a time takes them
     * ({@link #pumping}), and a thread that finds another taking them leaves a request ({@link #wanted}) that the
     * taker serves before it stops, rather than waiting in line for the same query.
     */
    private static final class Lane {
        final UUID subscription;
        final Map<Long, Long> inFlight = new HashMap<>();
        int failuresInARow;
        Instant pausedUntil = Instant.MIN;
        final AtomicBoolean wanted = new AtomicBoolean();
        final ReentrantLock pumping = new ReentrantLock();

        Lane(UUID subscription) {
            this.subscription = subscription;
        }
    }

    @Scheduled(every = "${incident.webhooks.poll-interval:1s}", delayed = "${incident.webhooks.start-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!stopping) {
            pumpAll();
        }
    }

    /**
     * Stops before the database closes: no lane sends any more, the outcomes being recorded are recorded (for at
     * most 5 s), so that none is recorded against a closed database, and this instance's claims on deliveries still
     * unanswered are released, so that they are sent again at once by another instance or after the next start.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        recorders.shutdown();
        try {
            if (!recorders.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.debug("webhook outcomes still being recorded at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        queue.release();
        LOG.debug("webhook deliveries stopped for shutdown");
    }

    /**
     * Starts the lanes soon, on a recorder thread: the outbox calls it once a transaction that stored deliveries has
     * committed, so that an event goes out at once rather than at the next poll.
     */
    void wake() {
        if (!stopping && wakeQueued.compareAndSet(false, true)) {
            try {
                recorders.execute(() -> {
                    wakeQueued.set(false);
                    try {
                        pumpAll();
                    } catch (RuntimeException e) {
                        LOG.debug("wake-up failed; the next poll starts the lanes", e);
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                wakeQueued.set(false);
            }
        }
    }

    /**
     * Starts every lane with something due and waits until each has settled: nothing in flight but requests
     * unanswered for {@link #ROUND_PATIENCE} (a hung receiver's, whose outcome is recorded when it comes, or at the
     * timeout). A lane sends its next deliveries as soon as one is answered, so within the call an incident's
     * events go out one after the other. Returns how many were delivered meanwhile (by any lane).
     */
    public int deliverDue() {
        int before = deliveredTotal.get();
        long end = System.nanoTime() + MAX_WAIT.toNanos();
        pumpAll();
        synchronized (settled) {
            while (!stopping && System.nanoTime() < end && !quiet()) {
                try {
                    settled.wait(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        return deliveredTotal.get() - before;
    }

    /** No lane is taking deliveries or asked to, nor has one in flight sent less than {@link #ROUND_PATIENCE} ago. */
    private boolean quiet() {
        long now = System.nanoTime();
        for (Lane lane : lanes.values()) {
            if (lane.wanted.get() || lane.pumping.isLocked()) {
                return false;
            }
            synchronized (lane) {
                for (long sent : lane.inFlight.values()) {
                    if (now - sent < ROUND_PATIENCE.toNanos()) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Starts the lane of every active subscriber with a delivery due. */
    private void pumpAll() {
        for (UUID subscription : queue.dueSubscriptions()) {
            pump(lanes.computeIfAbsent(subscription, Lane::new));
        }
    }

    /**
     * Sends the lane's due deliveries, as many as it has free places in flight, unless it is pausing; returns at
     * once if another thread is taking them, which then takes them again for this request.
     */
    private void pump(Lane lane) {
        lane.wanted.set(true);
        // tried again after each unlock: a request left while the holder was taking is served by one of the two
        while (lane.wanted.get() && lane.pumping.tryLock()) {
            try {
                if (lane.wanted.getAndSet(false)) {
                    takeAndSend(lane);
                }
            } finally {
                lane.pumping.unlock();
            }
        }
    }

    private void takeAndSend(Lane lane) {
        int free;
        Set<Long> sent;
        synchronized (lane) {
            free = IN_FLIGHT_PER_SUBSCRIBER - lane.inFlight.size();
            if (stopping || free <= 0 || clock.instant().isBefore(lane.pausedUntil)) {
                return;
            }
            sent = Set.copyOf(lane.inFlight.keySet());
        }
        List<Attempt> sending = queue.claimHeads(lane.subscription, sent, Math.min(free, batch));
        long now = System.nanoTime();
        synchronized (lane) {
            sending.forEach(attempt -> lane.inFlight.put(attempt.deliveryId(), now));
        }
        for (Attempt attempt : sending) {
            sender.send(attempt).thenAcceptAsync(outcome -> answered(lane, attempt, outcome), recorders)
                    .exceptionally(e -> {
                        // the recorders were shut down: still PENDING, sent again after the next start
                        LOG.debugf("outcome of delivery %d not recorded: shutting down", attempt.deliveryId());
                        return null;
                    });
        }
    }

    /**
     * Records an outcome, pauses the lane after a failure without answer, and takes the lane's next deliveries. The
     * lane asks for them before the answered delivery leaves it: {@link #deliverDue} never sees the lane empty
     * between one delivery of an incident and the next.
     */
    private void answered(Lane lane, Attempt attempt, Outcome outcome) {
        try {
            queue.record(attempt, outcome);
            if (outcome.delivered()) {
                deliveredTotal.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // still PENDING: sent again when due, as after a crash (receivers dedupe on X-Event-Id)
            if (stopping) {
                LOG.debugf("outcome of delivery %d not recorded: shutting down", attempt.deliveryId());
            } else {
                LOG.warnf(e, "outcome of delivery %d not recorded", attempt.deliveryId());
            }
        }
        try {
            lane.wanted.set(true);
            synchronized (lane) {
                lane.inFlight.remove(attempt.deliveryId());
                Instant now = clock.instant();
                if (outcome.statusCode() != null) {
                    lane.failuresInARow = 0;
                    lane.pausedUntil = Instant.MIN;
                } else if (!now.isBefore(lane.pausedUntil)) {
                    // no answer: the lane waits as one delivery would (its other requests in flight fail within the pause)
                    lane.pausedUntil = now.plus(queue.backoff(++lane.failuresInARow));
                }
            }
            pump(lane);
        } catch (RuntimeException e) {
            LOG.warnf(e, "the deliveries after %d not taken; the next poll takes them", attempt.deliveryId());
        } finally {
            synchronized (settled) {
                settled.notifyAll();
            }
        }
    }
}
