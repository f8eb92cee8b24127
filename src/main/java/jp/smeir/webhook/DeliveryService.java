package jp.smeir.webhook;

import static jp.smeir.deadline.JapaneseCalendar.inJapan;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.smeir.problem.ProblemException;

/** What was delivered to a subscriber, and an operator's hand on it: redeliver one, or ping the receiver. */
@ApplicationScoped
public class DeliveryService {

    static final int MAX_PAGE_SIZE = 200;

    @Inject
    Clock clock;

    @Inject
    Outbox outbox;

    /** One delivery of one event to the subscriber. */
    public record DeliveryView(long id, UUID eventId, String type,
                               @Schema(description = "Absent for webhook.ping") UUID incidentId,
                               WebhookDelivery.Status status, int attempts,
                               OffsetDateTime nextAttemptAt, OffsetDateTime lastAttemptAt, Integer lastStatusCode,
                               String lastError, OffsetDateTime deliveredAt,
                               @Schema(description = "Failing without a break since; FAILED once it has lasted incident.webhooks.give-up-after")
                               OffsetDateTime failingSince) {
    }

    /** A page of deliveries and how many there are in all (the listing's links are built from it). */
    public record DeliveryPage(List<DeliveryView> items, int page, int size, long total) {
    }

    /** One attempt of a delivery, as the API shows it. */
    public record AttemptView(int attempt, OffsetDateTime at, Integer statusCode, String error) {
    }

    /** A subscription's deliveries, newest first; a deleted subscription's stay visible. */
    @Transactional
    public DeliveryPage deliveries(UUID id, WebhookDelivery.Status status, int page, int size) {
        anySubscription(id);
        jp.smeir.common.Paging.check(page, size, MAX_PAGE_SIZE);
        String where = "where e.id = d.eventPk and d.subscriptionId = :id" + (status == null ? "" : " and d.status = :status");
        var query = WebhookDelivery.getEntityManager().createQuery(
                "select d, e.eventId, e.type from WebhookDelivery d, OutboxEvent e " + where + " order by d.id desc", Object[].class)
                .setParameter("id", id);
        var count = WebhookDelivery.getEntityManager().createQuery(
                "select count(d) from WebhookDelivery d, OutboxEvent e " + where, Long.class).setParameter("id", id);
        if (status != null) {
            query.setParameter("status", status);
            count.setParameter("status", status);
        }
        List<DeliveryView> items = query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(r -> view((WebhookDelivery) r[0], (UUID) r[1], (String) r[2])).toList();
        return new DeliveryPage(items, page, size, count.getSingleResult());
    }

    /** Every attempt of one delivery to the subscriber, in order. */
    @Transactional
    public List<AttemptView> attempts(UUID id, long deliveryId) {
        anySubscription(id);
        delivery(id, deliveryId);
        return WebhookAttempt.<WebhookAttempt>list("deliveryId = ?1 order by attempt", deliveryId).stream()
                .map(a -> new AttemptView(a.attempt, inJapan(a.attemptedAt), a.statusCode, a.error)).toList();
    }

    /**
     * Sends a delivery again as soon as the dispatcher comes by: a FAILED one after the receiver is repaired, a
     * DELIVERED one that the receiver lost (it arrives with the same webhook-id), a PENDING one now rather than
     * after its back-off. While pending again it holds back the later events of its incident, as before.
     */
    @Transactional
    public DeliveryView redeliver(UUID id, long deliveryId) {
        WebhookService.find(id);
        WebhookDelivery d = delivery(id, deliveryId);
        if (d.status == WebhookDelivery.Status.CANCELLED) {
            throw new ProblemException(409, "delivery-cancelled", "Delivery cancelled", "Delivery " + deliveryId + " was cancelled.");
        }
        d.status = WebhookDelivery.Status.PENDING;
        d.nextAttemptAt = clock.instant();
        d.claimedBy = null;
        d.claimedUntil = null;
        d.failingSince = null;
        d.deliveredAt = null;
        OutboxEvent event = OutboxEvent.findById(d.eventPk);
        return view(d, event.eventId, event.type);
    }

    /** Queues a webhook.ping to the subscriber, whatever event types it has chosen. */
    @Transactional
    public DeliveryView ping(UUID id) {
        WebhookService.find(id);
        long deliveryId = outbox.ping(id, clock.instant());
        WebhookDelivery d = WebhookDelivery.findById(deliveryId);
        OutboxEvent event = OutboxEvent.findById(d.eventPk);
        return view(d, event.eventId, event.type);
    }

    private static void anySubscription(UUID id) {
        if (WebhookSubscription.findById(id) == null) {
            throw new ProblemException(404, "webhook-not-found", "Not Found", "No webhook subscription " + id + ".");
        }
    }

    private static WebhookDelivery delivery(UUID subscription, long deliveryId) {
        WebhookDelivery d = WebhookDelivery.findById(deliveryId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (d == null || !d.subscriptionId.equals(subscription)) {
            throw new ProblemException(404, "delivery-not-found", "Not Found", "No delivery " + deliveryId + " to subscription " + subscription + ".");
        }
        return d;
    }

    private static DeliveryView view(WebhookDelivery d, UUID eventId, String type) {
        return new DeliveryView(d.id, eventId, type, d.incidentId, d.status, d.attempts, inJapan(d.nextAttemptAt),
                inJapan(d.lastAttemptAt), d.lastStatusCode, d.lastError, inJapan(d.deliveredAt), inJapan(d.failingSince));
    }
}
