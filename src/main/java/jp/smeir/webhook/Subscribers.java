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
    public record Active(java.util.UUID id, String eventTypes, boolean includeConditional) {
        boolean wants(EventType type, Audience audience) {
            return (eventTypes.contains("|" + EventType.ALL + "|") || eventTypes.contains("|" + type.wireName() + "|"))
                    && audience.includes(includeConditional);
        }
    }

    /** The loaded list (null: load on next use) and a generation that every invalidation moves on. */
    private record Snapshot(long generation, List<Active> active) {
    }

    private final AtomicReference<Snapshot> state = new AtomicReference<>(new Snapshot(0, null));

    /** Must run in a transaction (the first call after an invalidation loads them). */
    List<Active> wanting(EventType type, Audience audience) {
        Snapshot seen = state.get();
        List<Active> all = seen.active();
        if (all == null) {
            all = load();
            // kept only if no invalidation came in meanwhile: a load that raced a change must not outlive it
            state.compareAndSet(seen, new Snapshot(seen.generation(), all));
        }
        return all.stream().filter(s -> s.wants(type, audience)).toList();
    }

    /** Forget the snapshot; the next emit reloads it. Call after a subscription changes. */
    void invalidate() {
        state.updateAndGet(s -> new Snapshot(s.generation() + 1, null));
    }

    private static List<Active> load() {
        return WebhookSubscription.<WebhookSubscription>list("active", true).stream()
                .map(s -> new Active(s.id, s.eventTypes, s.includeConditional)).toList();
    }
}
