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
 * the later ones of the same incident for that subscriber), with exponential back-off between attempts.
 * Deliveries are rows in the database, so a restart resumes where it stopped.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    /** Rounds in one call: only a zero back-off could make a delivery due again within the call. */
    private static final int MAX_ROUNDS = 100;
    /** How long a round waits for its answers before the next round takes the deliveries not in flight. */
    static final Duration ROUND_PATIENCE = Duration.ofSeconds(1);
    /** Deliveries one subscriber may have in flight (sent, not yet answered or timed out) at once. */
    static final int IN_FLIGHT_PER_SUBSCRIBER = 8;

    /** Deliveries in flight, with their subscriber: left out of the rounds until their outcome is recorded. */
    private final java.util.Map<Long, UUID> inFlight = new java.util.concurrent.ConcurrentHashMap<>();

    @Inject
    Clock clock;

    @ConfigProperty(name = "incident.webhooks.backoff.initial", defaultValue = "2s")
    Duration initialBackoff;

    @ConfigProperty(name = "incident.webhooks.backoff.max", defaultValue = "15m")
    Duration maxBackoff;

    @ConfigProperty(name = "incident.webhooks.timeout", defaultValue = "10s")
    Duration timeout;

    @ConfigProperty(name = "incident.webhooks.batch", defaultValue = "64")
    int batch;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Inject
    Targets targets;

    /** Deliveries still pending, as of the last round: the outbox backlog. */
    private final java.util.concurrent.atomic.AtomicLong backlog = new java.util.concurrent.atomic.AtomicLong();

    @jakarta.annotation.PostConstruct
    void registerMetrics() {
        metrics.gauge("incident.outbox.backlog", backlog);
        // registered up front, so that a scrape shows 0 before the first delivery rather than no series
        metrics.counter("incident.deliveries.succeeded");
        metrics.counter("incident.deliveries.failed");
    }

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** One attempt to make: what to send where. */
    record Attempt(long deliveryId, UUID subscriptionId, UUID eventId, String type, String body, String url, String secret) {
    }

    /** What the receiver answered: a status code, or an error when there was no answer. */
    record Outcome(Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** Set at shutdown: no new round starts, and the one in progress ends after its current round. */
    private volatile boolean stopping;

    @Scheduled(every = "${incident.webhooks.poll-interval:1s}", delayed = "${incident.webhooks.start-delay:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!stopping) {
            deliverDue();
        }
    }

    /**
     * Stops before the database closes: waits (on this object's lock) for a round in progress to end, so that no
     * delivery is recorded against a closed database. What is still pending is sent after the next start.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        synchronized (this) {
            LOG.debug("webhook deliveries stopped for shutdown");
        }
    }

    /**
     * Sends every delivery that is due, round after round until none is left; returns how many arrived within
     * the call. The heads of one round go out at once and the round waits for their answers at most
     * {@link #ROUND_PATIENCE}: a receiver that does not answer keeps its deliveries in flight (their outcome is
     * recorded when it comes, or at the timeout), and the next round takes the others. A subscriber with
     * {@link #IN_FLIGHT_PER_SUBSCRIBER} deliveries in flight gets no more until one is answered, so a hung
     * receiver cannot fill the rounds. Each attempt that fails is rescheduled after its back-off.
     */
    public synchronized int deliverDue() {
        java.util.concurrent.atomic.AtomicInteger delivered = new java.util.concurrent.atomic.AtomicInteger();
        for (int round = 0; round < MAX_ROUNDS && !stopping; round++) {
            List<Attempt> due = QuarkusTransaction.requiringNew().call(this::dueHeads);
            if (due.isEmpty()) {
                break;
            }
            CompletableFuture<?>[] answered = due.stream().map(attempt -> {
                inFlight.put(attempt.deliveryId(), attempt.subscriptionId());
                return send(attempt).thenAccept(outcome -> {
                    try {
                        QuarkusTransaction.requiringNew().run(() -> record(attempt, outcome));
                        if (outcome.delivered()) {
                            delivered.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        // still PENDING: sent again when due, as after a crash (receivers dedupe on X-Event-Id)
                        if (stopping) {
                            LOG.debugf("outcome of delivery %d not recorded: shutting down", attempt.deliveryId());
                        } else {
                            LOG.warnf(e, "outcome of delivery %d not recorded", attempt.deliveryId());
                        }
                    } finally {
                        inFlight.remove(attempt.deliveryId());
                    }
                });
            }).toArray(CompletableFuture<?>[]::new);
            CompletableFuture.allOf(answered).completeOnTimeout(null, ROUND_PATIENCE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).join();
        }
        return delivered.get();
    }

    /**
     * The oldest pending delivery of each (subscriber, incident), when it is due and not already in flight.
     * Selecting only these heads keeps a subscriber with a long backlog from starving the others; leaving out
     * subscribers with {@link #IN_FLIGHT_PER_SUBSCRIBER} deliveries in flight keeps a hung one from it.
     */
    private List<Attempt> dueHeads() {
        Instant now = clock.instant();
        backlog.set(WebhookDelivery.count("status", WebhookDelivery.Status.PENDING));
        java.util.Map<Long, UUID> inFlightNow = java.util.Map.copyOf(inFlight);
        java.util.Map<UUID, Integer> perSubscriber = new java.util.HashMap<>();
        inFlightNow.values().forEach(subscriber -> perSubscriber.merge(subscriber, 1, Integer::sum));
        java.util.Set<UUID> busy = perSubscriber.entrySet().stream().filter(e -> e.getValue() >= IN_FLIGHT_PER_SUBSCRIBER)
                .map(java.util.Map.Entry::getKey).collect(java.util.stream.Collectors.toSet());
        var query = WebhookDelivery.getEntityManager().createQuery(
                        "select d.id, d.subscriptionId, e.eventId, e.type, e.body, s.url, s.secret "
                                + "from WebhookDelivery d, OutboxEvent e, WebhookSubscription s "
                                + "where d.status = :pending and d.nextAttemptAt <= :now and e.id = d.eventPk and s.id = d.subscriptionId and s.active = true "
                                + (inFlightNow.isEmpty() ? "" : "and d.id not in :inFlight ")
                                + (busy.isEmpty() ? "" : "and d.subscriptionId not in :busy ")
                                + "and not exists (select 1 from WebhookDelivery p where p.subscriptionId = d.subscriptionId "
                                + "and p.incidentId = d.incidentId and p.status = :pending and p.id < d.id) "
                                + "order by d.id", Object[].class)
                .setParameter("pending", WebhookDelivery.Status.PENDING)
                .setParameter("now", now)
                .setMaxResults(batch);
        if (!inFlightNow.isEmpty()) {
            query.setParameter("inFlight", inFlightNow.keySet());
        }
        if (!busy.isEmpty()) {
            query.setParameter("busy", busy);
        }
        List<Attempt> due = new ArrayList<>();
        for (Object[] row : query.getResultList()) {
            // no subscriber beyond its share of deliveries in flight, counting those this round adds
            if (perSubscriber.merge((UUID) row[1], 1, Integer::sum) <= IN_FLIGHT_PER_SUBSCRIBER) {
                due.add(new Attempt((Long) row[0], (UUID) row[1], (UUID) row[2], (String) row[3], (String) row[4], (String) row[5], (String) row[6]));
            }
        }
        return due;
    }

    private CompletableFuture<Outcome> send(Attempt attempt) {
        byte[] body = attempt.body().getBytes(StandardCharsets.UTF_8);
        HttpRequest request;
        try {
            URI url = URI.create(attempt.url());
            if (!targets.allows(url)) {
                return CompletableFuture.completedFuture(new Outcome(null, "host not allowed by incident.webhooks.allowed-hosts"));
            }
            request = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "incident-decision-webhooks/1")
                    .header("X-Event-Id", attempt.eventId().toString())
                    .header("X-Event-Type", attempt.type())
                    .header(Signature.HEADER, Signature.of(attempt.secret(), body))
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
        } else {
            delivery.nextAttemptAt = now.plus(backoff(delivery.attempts));
            LOG.debugf("delivery %s failed (attempt %s): %s", delivery.id, (Object) delivery.attempts,
                    outcome.statusCode() != null ? "HTTP " + outcome.statusCode() : outcome.error());
        }
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
