package jp.smeir.engine;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.drools.core.common.InternalFactHandle;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.ObjectFilter;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.FactHandle;

import jp.smeir.facts.IncidentFacts;

/**
 * The one adapter that owns Drools. It holds the current rule base, evaluates facts in a session in its
 * initial state that is always disposed (reset and returned to the rule base's pool), and swaps in a rebuilt
 * rule base atomically.
 */
public class RuleEngine {

    /** More firings than any sane rule base needs for one incident: a loop in the rules, not a big incident. */
    static final int MAX_FIRINGS = 10_000;

    /** What the rules conclude: findings, questions, severity reasons. */
    private static final ObjectFilter OUTCOMES = new ClassObjectFilter(Outcome.class);

    private final AtomicReference<RuleBase> current;
    private final java.util.function.LongConsumer timing;

    public RuleEngine(RuleBase ruleBase) {
        this(ruleBase, nanos -> { });
    }

    /** @param timing told how long each evaluation took, in nanoseconds (for metrics) */
    public RuleEngine(RuleBase ruleBase, java.util.function.LongConsumer timing) {
        this.current = new AtomicReference<>(ruleBase);
        this.timing = timing;
    }

    /** Builds the rule base from a folder (relative paths against the working directory). */
    public static RuleEngine fromFolder(Path folder) {
        return new RuleEngine(RuleBase.build(folder));
    }

    public RuleBase ruleBase() {
        return current.get();
    }

    /** Replaces the rule base; evaluations already running finish on the one they started with. */
    public void swap(RuleBase next) {
        current.set(next);
    }

    /**
     * Evaluates facts. The current time comes in as a {@link Now} fact; the groups of the facts and each
     * incident type are inserted as facts of their own so that rules can match them directly. Only rules in
     * force on the day of awareAt (Japan time) fire: the law in force when the company became aware decides,
     * whatever the day of the request (docs/legal-basis.md §16.5); a classification rule not in force derives
     * nothing, so nothing follows from it.
     */
    public Evaluation evaluate(IncidentFacts facts, OffsetDateTime now) {
        long start = System.nanoTime();
        RuleBase base = current.get();
        IncidentFacts f = facts.normalized();
        KieSession session = base.newSession();
        Set<String> fired = new LinkedHashSet<>();
        java.time.LocalDate awareDay = jp.smeir.deadline.JapaneseCalendar.inJapan(f.awareAt().toInstant()).toLocalDate();
        // an agenda filter sees each match just before it fires; unlike an event listener it does not make
        // Drools create an event object for every match created, cancelled and fired
        AgendaFilter firings = match -> {
            String rule = match.getRule().getName();
            if (!base.inForce(rule, awareDay)) {
                return false;
            }
            fired.add(rule);
            return true;
        };
        try {
            session.insert(new Now(now));
            session.insert(f);
            session.insert(f.organization());
            session.insert(f.personalData());
            session.insert(f.impact());
            session.insert(f.attack());
            f.incidentTypes().forEach(session::insert);
            int count = session.fireAllRules(firings, MAX_FIRINGS);
            if (count >= MAX_FIRINGS) {
                throw new IllegalStateException("rules fired " + count + " times without settling: a rule loops");
            }
            List<Finding> findings = new ArrayList<>();
            List<Ask> asks = new ArrayList<>();
            List<SeverityReason> severity = new ArrayList<>();
            for (Object outcome : outcomes(session)) {
                if (outcome instanceof Finding finding) {
                    findings.add(finding);
                } else if (outcome instanceof Ask ask) {
                    asks.add(ask);
                } else {
                    severity.add((SeverityReason) outcome);
                }
            }
            return new Evaluation(base, f, now, findings, asks, severity, List.copyOf(fired));
        } finally {
            session.dispose();
            timing.accept(System.nanoTime() - start);
        }
    }

    /**
     * The outcomes in the working memory, in the order the rules inserted them (a fact handle's id grows with
     * each insertion). Read from the session's object store rather than through a query, which the engine
     * would otherwise keep up to date on every insertion and then evaluate (BENCHMARKS.md).
     */
    private static List<Object> outcomes(KieSession session) {
        List<InternalFactHandle> handles = new ArrayList<>();
        for (FactHandle handle : session.getFactHandles(OUTCOMES)) {
            handles.add((InternalFactHandle) handle);
        }
        handles.sort(Comparator.comparingLong(InternalFactHandle::getId));
        List<Object> outcomes = new ArrayList<>(handles.size());
        for (InternalFactHandle handle : handles) {
            outcomes.add(handle.getObject());
        }
        return outcomes;
    }

}
