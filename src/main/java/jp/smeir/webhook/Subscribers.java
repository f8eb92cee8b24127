package jp.smeir.webhook;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The active subscriptions, kept in memory so that emitting an event costs no query; reloaded from the
 * database whenever a subscription is added or removed (this instance owns the subscriptions it serves).
 */
@ApplicationScoped
public class Subscribers {

    /** What the outbox needs of a subscription. */
    public record Active(java.util.UUID id, String eventTypes) {
        boolean wants(EventType type) {
            return eventTypes.contains("|" + type.wireName() + "|");
        }
    }

    private final AtomicReference<List<Active>> active = new AtomicReference<>();

    /** Must run in a transaction (the first call loads them). */
    List<Active> wanting(EventType type) {
        List<Active> all = active.get();
        if (all == null) {
            all = load();
            active.set(all);
        }
        return all.stream().filter(s -> s.wants(type)).toList();
    }

    /** Forget the snapshot; the next emit reloads it. Call after a subscription changes. */
    void invalidate() {
        active.set(null);
    }

    private static List<Active> load() {
        return WebhookSubscription.<WebhookSubscription>list("active", true).stream()
                .map(s -> new Active(s.id, s.eventTypes)).toList();
    }
}
