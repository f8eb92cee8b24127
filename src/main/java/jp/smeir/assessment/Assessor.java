package jp.smeir.assessment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jp.smeir.deadline.Deadlines;
import jp.smeir.deadline.JapaneseCalendar;
import jp.smeir.engine.Ask;
import jp.smeir.engine.Basis;
import jp.smeir.engine.Catalogue;
import jp.smeir.engine.Evaluation;
import jp.smeir.engine.Finding;
import jp.smeir.engine.ItemKind;
import jp.smeir.engine.RuleBase;
import jp.smeir.engine.RuleInfo;
import jp.smeir.engine.Severity;
import jp.smeir.engine.SeverityReason;
import jp.smeir.engine.Text;

/**
 * Turns what the rules found into the contract's assessment: one item per code with the catalogue's texts,
 * the computed deadline, the rule's basis, and the questions that the unknown facts raise.
 *
 * <p>Several rules may find the same code (one rule per reason). They are merged: the strongest finding wins
 * (a duty, then a possible duty, then advice, then possible advice: see {@link #rank}); among the strongest the earliest timing
 * gives the deadline and the rule, and their reasons and bases are joined; the other rules are named in
 * {@code alsoFrom}.
 */
public final class Assessor {

    private Assessor() {
    }

    /** With the default working targets (tests, benchmarks, warm-up, scenarios); the service passes its configured ones. */
    public static Assessment assess(Evaluation evaluation) {
        return assess(evaluation, WorkingTargets.DEFAULT);
    }

    public static Assessment assess(Evaluation evaluation, WorkingTargets targets) {
        RuleBase base = evaluation.ruleBase();
        Catalogue catalogue = base.catalogue();
        OffsetDateTime awareAt = evaluation.facts().awareAt();

        Map<String, List<Finding>> byCode = evaluation.findings().stream()
                .collect(Collectors.groupingBy(Finding::code, LinkedHashMap::new, Collectors.toList()));
        List<Item> items = new ArrayList<>();
        Map<String, Set<String>> questionAffects = new TreeMap<>();
        byCode.forEach((code, findings) -> {
            List<Finding> winners = winners(findings, awareAt);
            items.add(item(base, code, winners, awareAt));
            winners.forEach(f -> f.openFacts().forEach(fact -> questionAffects.computeIfAbsent(fact, k -> new LinkedHashSet<>()).add(code)));
        });
        for (Ask ask : evaluation.asks()) {
            questionAffects.computeIfAbsent(ask.fact(), k -> new LinkedHashSet<>()).addAll(ask.affects());
        }

        // items in the order of urgency with their priorities and working targets; the codes a question affects in the catalogue's order
        List<Item> ordered = Urgency.arrange(items, inJapan(awareAt), targets, base);
        return new Assessment(base.version(), inJapan(evaluation.evaluatedAt()), inJapan(awareAt),
                severity(evaluation.severityReasons()), severityBecause(evaluation.severityReasons()),
                ofKind(ordered, catalogue, ItemKind.ACTION), ofKind(ordered, catalogue, ItemKind.NOTIFICATION),
                ofKind(ordered, catalogue, ItemKind.ESCALATION), questions(questionAffects, base),
                evaluation.firedRules(), FirstSteps.of(ordered, catalogue.containment(), inJapan(evaluation.evaluatedAt())),
                lawApplied(base, evaluation.firedRules()), watch(base, ordered));
    }

    /** The law versions of the rules that fired, in the catalogue's order. */
    private static List<LawApplied> lawApplied(RuleBase base, List<String> firedRules) {
        Set<String> ids = new java.util.HashSet<>();
        firedRules.forEach(rule -> ids.add(base.rule(rule).inForce().law()));
        List<LawApplied> applied = new ArrayList<>();
        base.catalogue().laws().forEach((id, law) -> {
            if (ids.contains(id)) {
                applied.add(new LawApplied(id, law.name().en(), law.name(), law.from(), law.until(), law.status(), law.note()));
            }
        });
        return applied;
    }

    /**
     * The watch notes of law enacted but not in force that amends a version under which an item of this answer
     * arose: said once for the answer, not on every item (docs/legal-basis.md §1.9, §16.5).
     */
    private static List<Watch> watch(RuleBase base, List<Item> items) {
        Set<String> itemLaws = new java.util.HashSet<>();
        for (Item item : items) {
            itemLaws.add(base.rule(item.rule()).inForce().law());
            item.alsoFrom().forEach(rule -> itemLaws.add(base.rule(rule).inForce().law()));
        }
        List<Watch> watch = new ArrayList<>();
        base.catalogue().laws().forEach((id, law) -> {
            if (law.status() == jp.smeir.engine.LawStatus.ENACTED && itemLaws.contains(law.amends())) {
                watch.add(new Watch(id, law.watch().ja(), law.watch().en()));
            }
        });
        return watch;
    }

    /** The findings that decide a code: those of the strongest {@link #rank}, earliest timing first. */
    private static List<Finding> winners(List<Finding> findings, OffsetDateTime awareAt) {
        if (findings.size() == 1) {
            return findings;
        }
        int best = findings.stream().mapToInt(Assessor::rank).min().orElseThrow();
        List<Finding> strongest = findings.stream().filter(f -> rank(f) == best).toList();
        Map<Finding, Long> urgency = new IdentityHashMap<>();
        strongest.forEach(f -> urgency.put(f, urgency(f, awareAt)));
        return strongest.stream()
                .sorted(Comparator.comparing((Finding f) -> urgency.get(f)).thenComparing(Finding::rule))
                .toList();
    }

    /**
     * Which finding decides a code that several rules find: a duty, then a duty that may apply, then advice, then
     * advice that may apply. A possible duty outranks certain advice, so that advice found on another fact never
     * hides the duty, its timing or the question that would settle it (the service must not miss a legal duty).
     */
    private static int rank(Finding f) {
        return switch (f.status()) {
            case REQUIRED -> 0;
            case CONDITIONAL -> f.mandatory() ? 1 : 3;
            case RECOMMENDED -> 2;
        };
    }

    /** Sort key for timing: immediately first, then deadlines by date and time, then promptly, then none. */
    private static long urgency(Finding f, OffsetDateTime awareAt) {
        return switch (f.due().timing()) {
            case IMMEDIATELY -> Long.MIN_VALUE;
            case BY_DEADLINE -> {
                Instant due = Deadlines.dueAt(awareAt, f.due()).toInstant();
                yield due.getEpochSecond() * 1_000_000_000L + due.getNano();
            }
            case PROMPTLY -> Long.MAX_VALUE - 1;
            case NONE -> Long.MAX_VALUE;
        };
    }

    private static Item item(RuleBase base, String code, List<Finding> winners, OffsetDateTime awareAt) {
        Catalogue catalogue = base.catalogue();
        Finding first = winners.get(0);
        Catalogue.Entry entry = catalogue.entry(code).as(first.variant());
        Deadlines.Deadline deadline = Deadlines.deadline(awareAt, first.due());
        OffsetDateTime dueAt = deadline == null ? null : deadline.dueAt();

        LinkedHashSet<Basis> basis = new LinkedHashSet<>();
        LinkedHashSet<String> notes = new LinkedHashSet<>();
        LinkedHashSet<String> because = new LinkedHashSet<>();
        LinkedHashSet<String> alsoFrom = new LinkedHashSet<>();
        for (Finding f : winners) {
            RuleInfo rule = base.rule(f.rule());
            basis.addAll(rule.basis());
            notes.addAll(rule.unconfirmedNotes());
            for (String note : f.unconfirmed()) {
                basis.add(catalogue.basis(note));
                notes.add(note);
            }
            because.addAll(f.because());
            if (!f.rule().equals(first.rule())) {
                alsoFrom.add(f.rule());
            }
        }
        // an hour-counted deadline is each incident's own: keeping its text would only crowd out the rest
        Text detail = DetailText.of(catalogue, entry.detail(), first.due().days(), deadline, lifts(catalogue, winners),
                List.copyOf(notes), first.due().hours() == null);
        Item.Recipient recipient = null;
        if (entry.recipient() != null) {
            Catalogue.Recipient r = catalogue.recipients().get(entry.recipient());
            recipient = new Item.Recipient(entry.recipient(), r.name(), r.contact());
        }
        return new Item(code, entry.stage(), first.status(), winners.stream().anyMatch(Finding::mandatory), recipient,
                entry.title(), detail, first.due().timing(), dueAt, List.copyOf(basis), first.rule(),
                List.copyOf(because), List.copyOf(alsoFrom), null, null, null);
    }

    /**
     * For a duty that stays REQUIRED although an exemption is unknown (docs/legal-basis.md §16.3), the answers that
     * would lift it, in the catalogue's words: the item says so rather than being put off while its clock runs.
     */
    private static List<Text> lifts(Catalogue catalogue, List<Finding> winners) {
        Finding first = winners.get(0);
        if (first.status() != jp.smeir.engine.ItemStatus.REQUIRED || !first.mandatory()) {
            return List.of();
        }
        LinkedHashSet<String> open = new LinkedHashSet<>();
        winners.forEach(f -> open.addAll(f.openFacts()));
        return open.stream().map(catalogue.exemptions()::get).filter(java.util.Objects::nonNull).toList();
    }

    private static List<Item> ofKind(List<Item> items, Catalogue catalogue, ItemKind kind) {
        return items.stream().filter(i -> catalogue.entry(i.code()).kind() == kind).toList();
    }

    private static List<Question> questions(Map<String, Set<String>> affects, RuleBase base) {
        List<Question> questions = new ArrayList<>();
        affects.forEach((key, codes) -> {
            Text text = base.catalogue().questions().get(key);
            if (text == null) {
                throw new IllegalStateException("no question text for fact " + key + " in " + Catalogue.FILE);
            }
            List<String> sorted = codes.stream().sorted(Comparator.comparingInt(base::position)).toList();
            // a question on a contradiction is keyed <fact>#<what it contradicts>; it asks about the fact
            int hash = key.indexOf('#');
            questions.add(new Question(hash < 0 ? key : key.substring(0, hash), text, sorted));
        });
        return questions;
    }

    private static Severity severity(List<SeverityReason> reasons) {
        return reasons.stream().map(SeverityReason::level).max(Comparator.naturalOrder()).orElse(Severity.LOW);
    }

    private static List<String> severityBecause(List<SeverityReason> reasons) {
        Severity level = severity(reasons);
        List<String> because = reasons.stream().filter(r -> r.level() == level).map(SeverityReason::because)
                .distinct().sorted().toList();
        return because.isEmpty() ? List.of("no severity rule matched: internal, contained, no duty") : because;
    }

    static OffsetDateTime inJapan(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(JapaneseCalendar.JST).toOffsetDateTime();
    }
}
