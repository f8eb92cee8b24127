package jp.smeir.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.deadline.JapaneseCalendar;
import jp.smeir.incident.IncidentViews.ExternalTicket;
import jp.smeir.webhook.EventBody.EventItem;

/**
 * The transactional outbox: an event is stored, with one pending delivery per subscriber that wants it, in
 * the transaction of the change that caused it. Nothing is sent here; {@link Dispatcher} sends.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    ObjectMapper json;

    @Inject
    Subscribers subscribers;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    @Inject
    Dispatcher dispatcher;

    /** Wakes the dispatcher once the transaction that stored deliveries has committed, instead of at its next poll. */
    private void wakeAfterCommit() {
        if (transactions.getResource(Outbox.class) == null) {
            transactions.putResource(Outbox.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                        dispatcher.wake();
                    }
                }
            });
        }
    }

    /**
     * Must run inside the caller's transaction: the event commits or rolls back with the change. An obligation
     * event about a CONDITIONAL item goes only to subscriptions that include those; others go to every subscriber.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(EventType type, UUID incidentId, ExternalTicket ticket, EventItem item, Map<String, ?> data, Instant at) {
        boolean conditional = type.aboutObligation() && item != null && item.status() == jp.smeir.engine.ItemStatus.CONDITIONAL;
        emit(type, incidentId, ticket, item, data, at, conditional ? Audience.WITH_CONDITIONAL : Audience.EVERYONE);
    }

    /** As {@link #emit(EventType, UUID, ExternalTicket, EventItem, Map, Instant)}, to the audience given. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void emit(EventType type, UUID incidentId, ExternalTicket ticket, EventItem item, Map<String, ?> data, Instant at,
                     Audience audience) {
        List<Subscribers.Active> wanting = subscribers.wanting(type, audience);
        if (wanting.isEmpty()) {
            return;
        }
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.incidentId = incidentId;
        event.type = type.wireName();
        event.createdAt = at;
        event.body = write(new EventBody(event.eventId, type.wireName(), JapaneseCalendar.inJapan(at),
                incidentId, ticket, item, Map.copyOf(data)));
        event.persist();
        for (Subscribers.Active subscriber : wanting) {
            WebhookDelivery delivery = new WebhookDelivery();
            delivery.eventPk = event.id;
            delivery.subscriptionId = subscriber.id();
            delivery.incidentId = incidentId;
            delivery.status = WebhookDelivery.Status.PENDING;
            delivery.attempts = 0;
            delivery.nextAttemptAt = at;
            delivery.persist();
        }
        wakeAfterCommit();
    }

    /**
     * Queues a {@code webhook.ping} to one subscription, whatever types it has chosen: an operator's check that
     * the receiver is reachable and verifies signatures. Returns the delivery's id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long ping(UUID subscriptionId, Instant at) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.type = EventType.WEBHOOK_PING.wireName();
        event.createdAt = at;
        event.body = write(new EventBody(event.eventId, event.type, JapaneseCalendar.inJapan(at), null, null, null,
                Map.of("subscriptionId", subscriptionId)));
        event.persist();
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.eventPk = event.id;
        delivery.subscriptionId = subscriptionId;
        delivery.status = WebhookDelivery.Status.PENDING;
        delivery.attempts = 0;
        delivery.nextAttemptAt = at;
        delivery.persist();
        wakeAfterCommit();
        return delivery.id;
    }

    private String write(EventBody body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write an event", e);
        }
    }
}
