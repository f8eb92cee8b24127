package jp.smeir.assessment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jp.smeir.engine.Catalogue;
import jp.smeir.engine.ItemStatus;
import jp.smeir.engine.RuleBase;
import jp.smeir.engine.Text;
import jp.smeir.engine.Timing;

/**
 * The order of urgency in which an answer lists its items (docs/api.md §2), and each item's {@code priority}:
 *
 * <ol>
 *   <li>by status: REQUIRED, then CONDITIONAL, then RECOMMENDED (advice);</li>
 *   <li>within a status, by the time the item is due: its legal {@code dueAt}, or else its working target
 *       ({@link WorkingTargets}: 直ちに at awareAt + 1 h, 速やかに at awareAt + 24 h by default; advice is placed
 *       at the same targets, though it is not given them). So what is timed immediately comes first, then what
 *       is due promptly or by a deadline, earliest first (a legal deadline before the promptly target comes
 *       before the promptly items), then what has no timing;</li>
 *   <li>at the same time: immediately, promptly, by deadline, none; a duty before advice; stage ①, ②, ③; the
 *       catalogue's order.</li>
 * </ol>
 *
 * Priorities count from 1 across the three lists, so a client can merge them back into this one order.
 */
final class Urgency {

    private Urgency() {
    }

    /**
     * The items in the order of urgency, each with its priority and, for a REQUIRED or CONDITIONAL item timed
     * immediately or promptly (which has no legal deadline), its working target and the note that says so.
     */
    static List<Item> arrange(List<Item> items, OffsetDateTime awareAt, WorkingTargets targets, RuleBase base) {
        Catalogue catalogue = base.catalogue();
        Text immediately = targets.basis(catalogue, Timing.IMMEDIATELY);
        Text promptly = targets.basis(catalogue, Timing.PROMPTLY);
        List<Timed> timed = new ArrayList<>(items.size());
        for (Item item : items) {
            OffsetDateTime target = item.dueAt() == null && item.status() != ItemStatus.RECOMMENDED
                    ? targets.targetAt(awareAt, item.timing()) : null;
            Text basis = target == null ? null : item.timing() == Timing.IMMEDIATELY ? immediately : promptly;
            OffsetDateTime when = item.dueAt() != null ? item.dueAt() : targets.targetAt(awareAt, item.timing());
            timed.add(new Timed(item, target, basis, when == null ? Instant.MAX : when.toInstant()));
        }
        timed.sort(Comparator.comparingInt((Timed t) -> statusRank(t.item.status()))
                .thenComparing(Timed::when)
                .thenComparing(t -> t.item.timing())
                .thenComparing(t -> !t.item.mandatory())
                .thenComparing(t -> t.item.stage())
                .thenComparingInt(t -> base.position(t.item.code())));
        List<Item> ordered = new ArrayList<>(timed.size());
        for (Timed t : timed) {
            ordered.add(t.item.withUrgency(ordered.size() + 1, t.targetAt, t.targetBasis));
        }
        return ordered;
    }

    private record Timed(Item item, OffsetDateTime targetAt, Text targetBasis, Instant when) {
    }

    private static int statusRank(ItemStatus status) {
        return switch (status) {
            case REQUIRED -> 0;
            case CONDITIONAL -> 1;
            case RECOMMENDED -> 2;
        };
    }
}
