package jp.smeir.webhook;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Item;
import jp.smeir.engine.ItemKind;
import jp.smeir.engine.ItemStatus;
import jp.smeir.webhook.EventBody.EventItem;

/**
 * The obligation events of a reassessment, worked out for each audience from the duties it sees before and
 * after: a duty it did not see is {@code obligation.added}, one it no longer sees is {@code obligation.removed}
 * (with the reason), one whose status or deadline changed is {@code obligation.changed} (with the old and new
 * values), so that no receiver has to compare assessments. Items already done get no obligation events: their
 * completion stands whatever the facts become.
 */
public final class ObligationEvents {

    /** Why a subscriber no longer sees a duty. */
    public enum Removal {
        /** the item is no longer in the assessment */
        DROPPED,
        /** the item is now advice, not a duty */
        NO_LONGER_A_DUTY,
        /** the duty now hangs on an unknown fact (sent to subscriptions that see REQUIRED duties alone) */
        NOW_CONDITIONAL
    }

    /** One event to emit. */
    public record Emission(EventType type, EventItem item, Map<String, Object> data, Audience audience) {
    }

    private ObligationEvents() {
    }

    public static List<Emission> between(Assessment before, Assessment after, Set<String> done) {
        Map<String, Item> old = index(before);
        Map<String, Item> now = index(after);
        Set<String> codes = new LinkedHashSet<>(now.keySet());
        codes.addAll(old.keySet());
        List<Emission> emissions = new ArrayList<>();
        for (String code : codes) {
            if (done.contains(code)) {
                continue;
            }
            Item was = old.get(code);
            Item is = now.get(code);
            Emission all = event(was, is, true, before, after, Audience.WITH_CONDITIONAL);
            Emission required = event(was, is, false, before, after, Audience.REQUIRED_ONLY);
            if (all != null && required != null && all.type() == required.type() && all.item().equals(required.item())
                    && all.data().equals(required.data())) {
                emissions.add(new Emission(all.type(), all.item(), all.data(), Audience.EVERYONE));
            } else {
                if (all != null) {
                    emissions.add(all);
                }
                if (required != null) {
                    emissions.add(required);
                }
            }
        }
        return emissions;
    }

    /** The event an audience gets for one code, or null. */
    private static Emission event(Item was, Item is, boolean withConditional, Assessment before, Assessment after, Audience audience) {
        boolean sawIt = sees(was, withConditional);
        boolean seesIt = sees(is, withConditional);
        if (!sawIt && seesIt) {
            return new Emission(EventType.OBLIGATION_ADDED, EventItem.of(is, kind(after, is)), Map.of(), audience);
        }
        if (sawIt && !seesIt) {
            Removal why = is == null ? Removal.DROPPED : !is.mandatory() ? Removal.NO_LONGER_A_DUTY : Removal.NOW_CONDITIONAL;
            return new Emission(EventType.OBLIGATION_REMOVED, EventItem.of(was, kind(before, was)), Map.of("reason", why), audience);
        }
        if (sawIt && (was.status() != is.status() || !sameInstant(was.dueAt(), is.dueAt()))) {
            List<String> changed = new ArrayList<>();
            if (was.status() != is.status()) {
                changed.add("status");
            }
            if (!sameInstant(was.dueAt(), is.dueAt())) {
                changed.add("dueAt");
            }
            return new Emission(EventType.OBLIGATION_CHANGED, EventItem.of(is, kind(after, is)),
                    Map.of("changed", changed, "from", values(was), "to", values(is)), audience);
        }
        return null;
    }

    private static boolean sees(Item item, boolean withConditional) {
        return item != null && item.mandatory() && (withConditional || item.status() == ItemStatus.REQUIRED);
    }

    /** What obligation.changed compares; a deadline that is gone is left out (absent is none, as everywhere). */
    private static Map<String, Object> values(Item item) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("status", item.status());
        if (item.dueAt() != null) {
            values.put("dueAt", item.dueAt());
        }
        return values;
    }

    /** The list of the assessment the item is in. */
    public static ItemKind kind(Assessment assessment, Item item) {
        return assessment.actions().contains(item) ? ItemKind.ACTION
                : assessment.notifications().contains(item) ? ItemKind.NOTIFICATION : ItemKind.ESCALATION;
    }

    private static Map<String, Item> index(Assessment a) {
        return a.items().stream().collect(Collectors.toMap(Item::code, Function.identity(), (x, y) -> x, LinkedHashMap::new));
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return Objects.equals(a == null ? null : a.toInstant(), b == null ? null : b.toInstant());
    }
}
