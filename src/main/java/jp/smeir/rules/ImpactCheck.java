package jp.smeir.rules;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Assessor;
import jp.smeir.assessment.Item;
import jp.smeir.assessment.WorkingTargets;
import jp.smeir.deadline.JapaneseCalendar;
import jp.smeir.engine.RuleEngine;
import jp.smeir.rules.Impact.IncidentChange;
import jp.smeir.rules.Impact.ItemChange;
import jp.smeir.rules.Impact.ItemState;

/**
 * Assesses every open incident under two rule sets, as the service assesses an incident (the engine, then the
 * {@link Assessor} with the configured working targets), at one moment for both, and lists what differs.
 */
@ApplicationScoped
public class ImpactCheck {

    private static final Logger LOG = Logger.getLogger(ImpactCheck.class);

    /** At most this many changed incidents are listed; all are counted. */
    static final int MAX_LISTED = 1_000;

    @Inject
    OpenIncidents incidents;

    @Inject
    WorkingTargets targets;

    @Inject
    Clock clock;

    public Impact between(RuleEngine before, RuleEngine after) {
        OffsetDateTime now = JapaneseCalendar.inJapan(clock.instant());
        AtomicInteger open = new AtomicInteger();
        int[] counts = new int[4];
        List<IncidentChange> listed = new ArrayList<>();
        List<UUID> unassessable = new ArrayList<>();
        incidents.forEachPage(page -> {
            open.addAndGet(page.size());
            // each evaluation has its own session: a page is assessed in parallel, and kept in id order
            List<Object> outcomes = page.parallelStream().map(row -> compare(row, before, after, now)).toList();
            for (Object outcome : outcomes) {
                if (outcome instanceof UUID failed) {
                    if (unassessable.size() < MAX_LISTED) {
                        unassessable.add(failed);
                    }
                } else if (outcome instanceof IncidentChange change) {
                    counts[0]++;
                    counts[1] += change.gained().isEmpty() ? 0 : 1;
                    counts[2] += change.lost().isEmpty() ? 0 : 1;
                    counts[3] += change.changed().isEmpty() ? 0 : 1;
                    if (listed.size() < MAX_LISTED) {
                        listed.add(change);
                    }
                }
            }
        });
        return new Impact(before.ruleBase().version(), after.ruleBase().version(), open.get(), counts[0], counts[1], counts[2],
                counts[3], Collections.unmodifiableList(listed), Collections.unmodifiableList(unassessable));
    }

    /** The incident's change, its id when a rule set fails on its facts, or null when nothing changes. */
    private Object compare(OpenIncidents.Row row, RuleEngine before, RuleEngine after, OffsetDateTime now) {
        Map<String, ItemState> was;
        Map<String, ItemState> would;
        try {
            was = states(Assessor.assess(before.evaluate(row.facts(), now), targets));
            would = states(Assessor.assess(after.evaluate(row.facts(), now), targets));
        } catch (RuntimeException e) {
            LOG.warnf("incident %s cannot be assessed under one of the rule sets compared: %s", row.id(), e.getMessage());
            return row.id();
        }
        List<ItemChange> gained = new ArrayList<>();
        List<ItemChange> lost = new ArrayList<>();
        List<ItemChange> changed = new ArrayList<>();
        was.forEach((code, state) -> {
            ItemState next = would.get(code);
            if (next == null) {
                lost.add(new ItemChange(code, state, null));
            } else if (!Objects.equals(state, next)) {
                changed.add(new ItemChange(code, state, next));
            }
        });
        would.forEach((code, state) -> {
            if (!was.containsKey(code)) {
                gained.add(new ItemChange(code, null, state));
            }
        });
        return gained.isEmpty() && lost.isEmpty() && changed.isEmpty() ? null
                : new IncidentChange(row.id(), row.title(), gained, lost, changed);
    }

    private static Map<String, ItemState> states(Assessment assessment) {
        Map<String, ItemState> states = new LinkedHashMap<>();
        for (Item item : assessment.items()) {
            states.put(item.code(), new ItemState(item.status(), item.mandatory(), item.timing(), item.dueAt()));
        }
        return states;
    }
}
