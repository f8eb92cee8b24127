package jp.smeir.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends pending deliveries: at least once, in order per incident and subscriber (a failed event holds back
 * the later ones of the same incident for that subscriber until it is given up as FAILED), with exponential
 * back-off between attempts.
 * Deliveries are rows in the database, so a restart resumes where it stopped.
 * <p>
 * Each subscriber has a lane of its own: at most {@link #IN_FLIGHT_PER_SUBSCRIBER} of its deliveries in flight,
 * and the next one sent as soon as one is answered, whatever the other subscribers do. A subscriber that does
 * not answer (a timeout, a refused connection) only holds its own lane, which then pauses for the back-off
 * before it tries again; sends are asynchronous and their outcomes are recorded by a small bounded pool, so
 * hung receivers hold neither threads nor the other lanes.
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

    @ConfigProperty(name = "incident.webhooks.backoff.initial", defaultValue = "2s")
    Duration initialBackoff;

    @ConfigProperty(name = "incident.webhooks.backoff.max", defaultValue = "15m")
    Duration maxBackoff;

    @ConfigProperty(name = "incident.webhooks.timeout", defaultValue = "10s")
    Duration timeout;

    @ConfigProperty(name = "incident.webhooks.connect-timeout", defaultValue = "3s")
    Duration connectTimeout;

    /** Deliveries one lane takes from the database at a time (at most its free in-flight places). */
    @ConfigProperty(name = "incident.webhooks.batch", defaultValue = "64")
    int batch;

    /** A delivery failing without a break for this long is FAILED and no longer tried (Standard Webhooks: days). */
    @ConfigProperty(name = "incident.webhooks.give-up-after", defaultValue = "72h")
    Duration giveUpAfter;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Inject
    Targets targets;

    /** Deliveries still pending, as of the last poll: the outbox backlog. */
    private final java.util.concurrent.atomic.AtomicLong backlog = new java.util.concurrent.atomic.AtomicLong();
    /** Deliveries answered 2xx since the start, for {@link #deliverDue}'s count. */
    private final java.util.concurrent.atomic.AtomicInteger deliveredTotal = new java.util.concurrent.atomic.AtomicInteger();
    /** The lane of each subscriber that had something due since the start. */
    private final java.util.Map<UUID, Lane> lanes = new java.util.concurrent.ConcurrentHashMap<>();
    /** Notified whenever an outcome is recorded, for {@link #deliverDue}. */
    private final Object settled = new Object();

    private java.util.concurrent.ExecutorService recorders;
    private HttpClient http;

    @jakarta.annotation.PostConstruct
    void start() {
        metrics.gauge("incident.outbox.backlog", backlog);
        // registered up front, so that a scrape shows 0 before the first delivery rather than no series
        metrics.counter("incident.deliveries.succeeded");
        metrics.counter("incident.deliveries.failed");
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        recorders = java.util.concurrent.Executors.newFixedThreadPool(RECORDERS, r -> {
            Thread t = new Thread(r, "webhook-recorder-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** One subscriber's deliveries in flight (id → when sent, in nanoseconds), and its pause after failures without answer. */
    private static final class Lane {
        final UUID subscription;
        final java.util.Map<Long, Long> inFlight = new java.util.HashMap<>();
        int failuresInARow;
        Instant pausedUntil = Instant.MIN;

        Lane(UUID subscription) {
            this.subscription = subscription;
        }
    }

    /** One attempt to make: what to send where, signed with which secrets (the current one first). */
    record Attempt(long deliveryId, UUID subscriptionId, UUID eventId, String type, String body, String url, List<String> secrets) {
    }

    /** What the receiver answered: a status code, or an error when there was no answer. */
    record Outcome(Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** Set at shutdown: no lane sends any more. */
    private volatile boolean stopping;

    @Scheduled(every = "${incident.webhooks.poll-interval:1s}", delayed = "${incident.webhooks.start-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!stopping) {
            pumpAll();
        }
    }

    /**
     * Stops before the database closes: no lane sends any more, and the outcomes being recorded are recorded
     * (for at most 5 s), so that none is recorded against a closed database. What is still pending, or in
     * flight to a receiver that has not answered, is sent after the next start.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        recorders.shutdown();
        try {
            if (!recorders.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.debug("webhook outcomes still being recorded at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.debug("webhook deliveries stopped for shutdown");
    }

    /** A wake-up is queued: later ones until it runs are the same. */
    private final java.util.concurrent.atomic.AtomicBoolean wakeQueued = new java.util.concurrent.atomic.AtomicBoolean();

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
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
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

    /** No lane has a delivery in flight sent less than {@link #ROUND_PATIENCE} ago. */
    private boolean quiet() {
        long now = System.nanoTime();
        for (Lane lane : lanes.values()) {
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
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> {
            backlog.set(WebhookDelivery.count("status", WebhookDelivery.Status.PENDING));
            return WebhookDelivery.getEntityManager().createQuery("select distinct d.subscriptionId from WebhookDelivery d, "
                            + "WebhookSubscription s where d.status = :pending and d.nextAttemptAt <= :now and s.id = d.subscriptionId "
                            + "and s.active = true", UUID.class)
                    .setParameter("pending", WebhookDelivery.Status.PENDING)
                    .setParameter("now", clock.instant())
                    .getResultList();
        });
        for (UUID subscription : due) {
            pump(lanes.computeIfAbsent(subscription, Lane::new));
        }
    }

    /** Sends the lane's due deliveries, as many as it has free places in flight, unless it is pausing. */
    private void pump(Lane lane) {
        synchronized (lane) {
            int free = IN_FLIGHT_PER_SUBSCRIBER - lane.inFlight.size();
            if (stopping || free <= 0 || clock.instant().isBefore(lane.pausedUntil)) {
                return;
            }
            java.util.Set<Long> inFlight = java.util.Set.copyOf(lane.inFlight.keySet());
            List<Attempt> sending = QuarkusTransaction.requiringNew().call(() -> dueHeads(lane.subscription, inFlight, Math.min(free, batch)));
            long now = System.nanoTime();
            for (Attempt attempt : sending) {
                lane.inFlight.put(attempt.deliveryId(), now);
                send(attempt).thenAcceptAsync(outcome -> answered(lane, attempt, outcome), recorders)
                        .exceptionally(e -> {
                            // the recorders were shut down: still PENDING, sent again after the next start
                            LOG.debugf("outcome of delivery %d not recorded: shutting down", attempt.deliveryId());
                            return null;
                        });
            }
        }
    }

    /**
     * Records an outcome, pauses the lane after a failure without answer, and takes the lane's next deliveries, in one
     * step under the lane's lock: {@link #deliverDue} never sees the lane empty between one delivery of an incident
     * and the next.
     */
    private void answered(Lane lane, Attempt attempt, Outcome outcome) {
        try {
            QuarkusTransaction.requiringNew().run(() -> record(attempt, outcome));
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
            synchronized (lane) {
                lane.inFlight.remove(attempt.deliveryId());
                Instant now = clock.instant();
                if (outcome.statusCode() != null) {
                    lane.failuresInARow = 0;
                    lane.pausedUntil = Instant.MIN;
                } else if (!now.isBefore(lane.pausedUntil)) {
                    // no answer: the lane waits as one delivery would (its other requests in flight fail within the pause)
                    lane.pausedUntil = now.plus(backoff(++lane.failuresInARow));
                }
                pump(lane);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "the deliveries after %d not taken; the next poll takes them", attempt.deliveryId());
        } finally {
            synchronized (settled) {
                settled.notifyAll();
            }
        }
    }

    /**
     * The subscriber's oldest pending delivery of each incident, when it is due and not already in flight: the
     * later events of an incident wait until the one before is answered (delivered, or given up).
     */
    private List<Attempt> dueHeads(UUID subscription, java.util.Set<Long> inFlight, int limit) {
        Instant now = clock.instant();
        var query = WebhookDelivery.getEntityManager().createQuery(
                        "select d.id, d.subscriptionId, e.eventId, e.type, e.body, s.url, s.secret, s.previousSecret, s.previousSecretUntil "
                                + "from WebhookDelivery d, OutboxEvent e, WebhookSubscription s "
                                + "where d.subscriptionId = :subscription and d.status = :pending and d.nextAttemptAt <= :now "
                                + "and e.id = d.eventPk and s.id = d.subscriptionId and s.active = true "
                                + (inFlight.isEmpty() ? "" : "and d.id not in :inFlight ")
                                + "and not exists (select 1 from WebhookDelivery p where p.subscriptionId = d.subscriptionId "
                                + "and p.incidentId = d.incidentId and p.status = :pending and p.id < d.id) "
                                + "order by d.id", Object[].class)
                .setParameter("subscription", subscription)
                .setParameter("pending", WebhookDelivery.Status.PENDING)
                .setParameter("now", now)
                .setMaxResults(limit);
        if (!inFlight.isEmpty()) {
            query.setParameter("inFlight", inFlight);
        }
        List<Attempt> due = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            // a rotated-out secret signs beside the new one until its grace period ends
            List<String> secrets = row[7] != null && row[8] != null && now.isBefore((Instant) row[8])
                    ? List.of((String) row[6], (String) row[7]) : List.of((String) row[6]);
            due.add(new Attempt((Long) row[0], (UUID) row[1], (UUID) row[2], (String) row[3], (String) row[4], (String) row[5], secrets));
        }
        return due;
    }

    private CompletableFuture<Outcome> send(Attempt attempt) {
        byte[] body = attempt.body().getBytes(StandardCharsets.UTF_8);
        // the time of this attempt, signed with the body: a receiver refuses the request replayed minutes later
        long timestamp = clock.instant().getEpochSecond();
        String id = attempt.eventId().toString();
        HttpRequest request;
        try {
            URI url = URI.create(attempt.url());
            // again at every attempt: the list may have been narrowed, and a name may resolve elsewhere by now
            java.util.Optional<String> refused = targets.refusal(url);
            if (refused.isPresent()) {
                return CompletableFuture.completedFuture(new Outcome(null, "not sent: the URL " + refused.get()));
            }
            request = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "incident-decision-webhooks/1")
                    .header("X-Event-Id", attempt.eventId().toString())
                    .header("X-Event-Type", attempt.type())
                    .header(Signature.HEADER, Signature.of(attempt.secrets().get(0), body))
                    .header(Signature.WEBHOOK_ID, id)
                    .header(Signature.WEBHOOK_TIMESTAMP, Long.toString(timestamp))
                    .header(Signature.WEBHOOK_SIGNATURE, Signature.standard(attempt.secrets(), id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(failure(e));
        }
        // the request timeout covers the wait for the answer's headers; this one also a body that never ends
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(timeout.toMillis() + 1_000, java.util.concurrent.TimeUnit.MILLISECONDS)
                .thenApply(response -> new Outcome(response.statusCode(), null))
                .exceptionally(e -> failure(e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e));
    }

    /** Why there was no answer, in words for the deliveries listing (no exception class names). */
    private static Outcome failure(Throwable e) {
        String why = e instanceof java.net.ConnectException ? "connection failed"
                : e instanceof java.net.http.HttpTimeoutException || e instanceof java.util.concurrent.TimeoutException ? "timed out"
                : e instanceof IllegalArgumentException ? "not a usable URL"
                : e instanceof java.io.IOException ? "connection error" : "not sent";
        String message = e.getMessage();
        return new Outcome(null, message == null || message.isBlank() ? why : why + ": " + message);
    }

    private void record(Attempt attempt, Outcome outcome) {
        // locked, so that a subscription deleted meanwhile (its deliveries CANCELLED) stays cancelled
        WebhookDelivery delivery = WebhookDelivery.findById(attempt.deliveryId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || delivery.status != WebhookDelivery.Status.PENDING) {
            return;
        }
        Instant now = clock.instant();
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        delivery.lastStatusCode = outcome.statusCode();
        delivery.lastError = outcome.error() == null ? null : truncate(outcome.error(), 1000);
        WebhookAttempt tried = new WebhookAttempt();
        tried.deliveryId = delivery.id;
        tried.attempt = delivery.attempts;
        tried.attemptedAt = now;
        tried.statusCode = delivery.lastStatusCode;
        tried.error = delivery.lastError;
        tried.persist();
        metrics.counter(outcome.delivered() ? "incident.deliveries.succeeded" : "incident.deliveries.failed").increment();
        if (outcome.delivered()) {
            delivery.status = WebhookDelivery.Status.DELIVERED;
            delivery.deliveredAt = now;
            delivery.nextAttemptAt = null;
            delivery.failingSince = null;
        } else if (giveUp(delivery, now)) {
            // the later events of the incident no longer wait behind this one; an operator may redeliver it
            delivery.status = WebhookDelivery.Status.FAILED;
            delivery.nextAttemptAt = null;
            LOG.warnf("delivery %s to subscription %s failed for %s since %s; no more attempts", delivery.id, delivery.subscriptionId,
                    giveUpAfter, delivery.failingSince);
        } else {
            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
            LOG.debugf("delivery %s failed (attempt %s): %s", delivery.id, (Object) delivery.attempts,
                    outcome.statusCode() != null ? "HTTP " + outcome.statusCode() : outcome.error());
        }
    }

    /** Notes when the failing began; true once it has lasted {@link #giveUpAfter}. */
    private boolean giveUp(WebhookDelivery delivery, Instant now) {
        if (delivery.failingSince == null) {
            delivery.failingSince = now;
        }
        return !now.isBefore(delivery.failingSince.plus(giveUpAfter));
    }

    /** initial × 2^(attempts−1), capped. */
    Duration backoff(int attempts) {
        Duration d = initialBackoff;
        for (int i = 1; i < attempts && d.compareTo(maxBackoff) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
