package jp.smeir.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import jp.smeir.webhook.Sender.Attempt;
import jp.smeir.webhook.Sender.Outcome;

/**
 * The deliveries in the database, as the dispatcher takes and settles them, each step its own short transaction.
 * <p>
 * Several instances on one database share them: an instance claims each delivery it sends for
 * {@code incident.webhooks.lease} (a conditional UPDATE that only one instance can win), so that no other sends it
 * meanwhile; the later events of the incident wait behind it as they wait behind any pending one, which keeps them
 * in order across instances. The claim ends with the recorded outcome, or, when the instance died while sending, with
 * its lease: then another instance sends it again (receivers dedupe on the event id, as after any crash).
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final Logger LOG = Logger.getLogger(DeliveryQueue.class);

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    Sender sender;

    @ConfigProperty(name = "incident.webhooks.backoff.initial", defaultValue = "2s")
    Duration initialBackoff;

    @ConfigProperty(name = "incident.webhooks.backoff.max", defaultValue = "15m")
    Duration maxBackoff;

    /** A delivery failing without a break for this long is FAILED and no longer tried (Standard Webhooks: days). */
    @ConfigProperty(name = "incident.webhooks.give-up-after", defaultValue = "72h")
    Duration giveUpAfter;

    /** How long a delivery being sent stays claimed by this instance; at least the longest send and 4 s more. */
    @ConfigProperty(name = "incident.webhooks.lease", defaultValue = "60s")
    Duration lease;

    /** This instance's name on the deliveries it claims: its host and a random part, new at every start. */
    private final String instance = instanceName();
    /** Deliveries still pending, as of the last look: the outbox backlog. */
    private final AtomicLong backlog = new AtomicLong();

    @PostConstruct
    void start() {
        metrics.gauge("incident.outbox.backlog", backlog);
        // registered up front, so that a scrape shows 0 before the first delivery rather than no series
        metrics.counter("incident.deliveries.succeeded");
        metrics.counter("incident.deliveries.failed");
        Duration least = sender.longest().plusSeconds(4);
        if (lease.compareTo(least) < 0) {
            LOG.warnf("incident.webhooks.lease %s is shorter than a send and 4 s: %s is used", lease, least);
            lease = least;
        }
    }

    /** The active subscribers with a delivery due that no instance holds. */
    List<UUID> dueSubscriptions() {
        return QuarkusTransaction.requiringNew().call(() -> {
            backlog.set(WebhookDelivery.count("status", WebhookDelivery.Status.PENDING));
            return WebhookDelivery.getEntityManager().createQuery("select distinct d.subscriptionId from WebhookDelivery d, "
                            + "WebhookSubscription s where d.status = :pending and d.nextAttemptAt <= :now and s.id = d.subscriptionId "
                            + "and s.active = true and (d.claimedUntil is null or d.claimedUntil < :now)", UUID.class)
                    .setParameter("pending", WebhookDelivery.Status.PENDING)
                    .setParameter("now", clock.instant())
                    .getResultList();
        });
    }

    /**
     * The subscriber's oldest pending delivery of each incident, when it is due and in no one's hands, claimed for
     * this instance: the later events of an incident wait until the one before is answered (delivered, or given up).
     */
    List<Attempt> claimHeads(UUID subscription, Set<Long> inFlight, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            var query = WebhookDelivery.getEntityManager().createQuery(
                            "select d.id, d.subscriptionId, e.eventId, e.type, e.body, s.url, s.secret, s.previousSecret, s.previousSecretUntil "
                                    + "from WebhookDelivery d, OutboxEvent e, WebhookSubscription s "
                                    + "where d.subscriptionId = :subscription and d.status = :pending and d.nextAttemptAt <= :now "
                                    + "and e.id = d.eventPk and s.id = d.subscriptionId and s.active = true "
                                    + "and (d.claimedUntil is null or d.claimedUntil < :now) "
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
                if (!claim((Long) row[0], now)) {
                    continue; // another instance took it between the query and the claim
                }
                // a rotated-out secret signs beside the new one until its grace period ends
                List<String> secrets = row[7] != null && row[8] != null && now.isBefore((Instant) row[8])
                        ? List.of((String) row[6], (String) row[7]) : List.of((String) row[6]);
                due.add(new Attempt((Long) row[0], (UUID) row[1], (UUID) row[2], (String) row[3], (String) row[4], (String) row[5], secrets));
            }
            return due;
        });
    }

    /** Claims the delivery for this instance's lease, unless another instance holds it; true when claimed. */
    private boolean claim(long deliveryId, Instant now) {
        return WebhookDelivery.getEntityManager().createQuery("update WebhookDelivery d set d.claimedBy = :me, d.claimedUntil = :until "
                        + "where d.id = :id and d.status = :pending and (d.claimedUntil is null or d.claimedUntil < :now)")
                .setParameter("me", instance)
                .setParameter("until", now.plus(lease))
                .setParameter("id", deliveryId)
                .setParameter("pending", WebhookDelivery.Status.PENDING)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** Records the outcome of an attempt and ends the claim: delivered, tried again after the back-off, or given up. */
    void record(Attempt attempt, Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            // locked, so that a subscription deleted meanwhile (its deliveries CANCELLED) stays cancelled
            WebhookDelivery delivery = WebhookDelivery.findById(attempt.deliveryId(), LockModeType.PESSIMISTIC_WRITE);
            if (delivery == null || delivery.status != WebhookDelivery.Status.PENDING) {
                return;
            }
            Instant now = clock.instant();
            delivery.claimedBy = null;
            delivery.claimedUntil = null;
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
        });
    }

    /**
     * Gives up this instance's claims on deliveries still unanswered, so that another instance (or this one after its
     * restart) sends them at once rather than after the lease; the receiver may get them twice, as after a crash.
     */
    void release() {
        try {
            int released = QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.update(
                    "claimedBy = null, claimedUntil = null where claimedBy = ?1 and status = ?2", instance, WebhookDelivery.Status.PENDING));
            if (released > 0) {
                LOG.debugf("%d deliveries in flight at shutdown released to the other instances", released);
            }
        } catch (RuntimeException e) {
            LOG.debug("claims not released at shutdown; they pass with their lease", e);
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

    private static String instanceName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "instance";
        }
        String name = host + "/" + UUID.randomUUID().toString().substring(0, 8);
        return name.length() <= 64 ? name : name.substring(name.length() - 64);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
