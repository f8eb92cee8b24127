package jp.smeir.webhook;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * The active subscriptions, kept in memory so that emitting an event costs no more than one primary-key read.
 * Every change to a subscription moves a counter on in the database, in the change's transaction; before the first
 * event of each transaction the counter is read, and the list is loaded again when it moved, so that a subscription
 * made through any instance gets the events stored after its change committed, on every instance.
 */
@ApplicationScoped
public class Subscribers {

    private static final String COUNTER = "subscribers";

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** What the outbox needs of a subscription. */
    public record Active(java.util.UUID id, String eventTypes, boolean includeConditional) {
        boolean wants(EventType type, Audience audience) {
            return (eventTypes.contains("|" + EventType.ALL + "|") || eventTypes.contains("|" + type.wireName() + "|"))
                    && audience.includes(includeConditional);
        }
    }

    /** The loaded list and the counter it was loaded at. */
    private record Snapshot(long version, List<Active> active) {
    }

    private final AtomicReference<Snapshot> state = new AtomicReference<>(new Snapshot(-1, List.of()));

    /** The active subscriptions that want the event; must run in a transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Active> wanting(EventType type, Audience audience) {
        return current().stream().filter(s -> s.wants(type, audience)).toList();
    }

    /** Moves the counter on: call in the transaction of every change to a subscription. */
    @Transactional(Transactional.TxType.MANDATORY)
    void changed() {
        WebhookSubscription.getEntityManager()
                .createNativeQuery("update change_counter set version = version + 1 where name = '" + COUNTER + "'")
                .executeUpdate();
    }

    private List<Active> current() {
        // one read of the counter per transaction: a transaction storing several events sees one list
        Snapshot known = (Snapshot) transactions.getResource(Subscribers.class);
        if (known != null) {
            return known.active();
        }
        long version = ((Number) WebhookSubscription.getEntityManager()
                .createNativeQuery("select version from change_counter where name = '" + COUNTER + "'").getSingleResult()).longValue();
        Snapshot seen = state.get();
        if (seen.version() != version) {
            // loaded after the counter was read, so at least as new as it: a change committing meanwhile moves the
            // counter again and the next transaction loads once more
            seen = new Snapshot(version, load());
            state.set(seen);
        }
        transactions.putResource(Subscribers.class, seen);
        return seen.active();
    }

    private static List<Active> load() {
        return WebhookSubscription.<WebhookSubscription>list("active", true).stream()
                .map(s -> new Active(s.id, s.eventTypes, s.includeConditional)).toList();
    }
}
