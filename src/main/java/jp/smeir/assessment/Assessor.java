package jp.smeir.assessment;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jp.smeir.common.BoundedMemo;
import jp.smeir.deadline.Deadlines;
import jp.smeir.deadline.JapaneseCalendar;
import jp.smeir.engine.Ask;
import jp.smeir.engine.Basis;
import jp.smeir.engine.Catalogue;
import jp.smeir.engine.Evaluation;
import jp.smeir.engine.Finding;
import jp.smeir.engine.ItemKind;
import jp.smeir.engine.RuleBase;
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

    private static final DateTimeFormatter DUE_JA = DateTimeFormatter.ofPattern("uuuu年M月d日(E) HH:mm", Locale.JAPANESE);
    private static final DateTimeFormatter DUE_EN = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm 'JST'", Locale.ENGLISH);

    /**
     * The texts with a deadline or a note on unconfirmed sources filled in, kept, so that answers with the same
     * day-counted deadline (all but the hour-counted ones, which are each incident's own) and the same sources
     * reuse the same strings, whose JSON encodings {@link jp.smeir.engine.KeptJson} keeps: filled in anew, each
     * answer built long strings and hashed and compared them whole to find their encodings (BENCHMARKS.md).
     * Keys are compared by value, so equal texts of a reloaded rule base find the same entries, rightly; past
     * the bound the memory starts afresh.
     */
    private static final BoundedMemo<Object, Text> FILLED = new BoundedMemo<>(2_048);

    private record Deadline(Text template, OffsetDateTime dueAt, Integer days) {
    }

    private record Unconfirmed(Text detail, Text note, List<String> sources) {
    }

    private record Lifted(Text detail, List<Text> lifts) {
    }

    private Assessor() {
    }

    public static Assessment assess(Evaluation evaluation) {
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

        // items, and the codes a question affects, in the catalogue's order
        items.sort(Comparator.comparing(Item::stage).thenComparingInt(i -> base.position(i.code())));
        return new Assessment(base.version(), inJapan(evaluation.evaluatedAt()), inJapan(awareAt),
                severity(evaluation.severityReasons()), severityBecause(evaluation.severityReasons()),
                ofKind(items, catalogue, ItemKind.ACTION), ofKind(items, catalogue, ItemKind.NOTIFICATION),
                ofKind(items, catalogue, ItemKind.ESCALATION), questions(questionAffects, base),
                evaluation.firedRules(), lawApplied(base, evaluation.firedRules()), watch(base, items));
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
     * arose: said once for the answer, not on every item (domain reference §0.1).
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
        OffsetDateTime dueAt = Deadlines.dueAt(awareAt, first.due());

        LinkedHashSet<Basis> basis = new LinkedHashSet<>();
        LinkedHashSet<String> because = new LinkedHashSet<>();
        LinkedHashSet<String> alsoFrom = new LinkedHashSet<>();
        for (Finding f : winners) {
            basis.addAll(base.rule(f.rule()).basis());
            f.unconfirmed().forEach(note -> basis.add(new Basis(note, false)));
            because.addAll(f.because());
            if (!f.rule().equals(first.rule())) {
                alsoFrom.add(f.rule());
            }
        }
        boolean recurs = first.due().hours() == null;
        Text detail = detail(entry.detail(), first.due().days(), dueAt, recurs);
        List<Text> lifts = lifts(catalogue, winners);
        if (!lifts.isEmpty()) {
            detail = withLifts(detail, lifts, recurs);
        }
        List<String> unconfirmed = basis.stream().filter(b -> !b.confirmed()).map(Basis::source).toList();
        if (!unconfirmed.isEmpty()) {
            detail = withNote(detail, catalogue.unconfirmedNote(), unconfirmed, recurs);
        }
        Item.Recipient recipient = null;
        if (entry.recipient() != null) {
            Catalogue.Recipient r = catalogue.recipients().get(entry.recipient());
            recipient = new Item.Recipient(entry.recipient(), r.name(), r.contact());
        }
        return new Item(code, entry.stage(), first.status(), winners.stream().anyMatch(Finding::mandatory), recipient,
                entry.title(), detail, first.due().timing(), dueAt, List.copyOf(basis), first.rule(),
                List.copyOf(because), List.copyOf(alsoFrom));
    }

    private static Text detail(Text template, Integer days, OffsetDateTime dueAt, boolean keep) {
        if (template.ja().indexOf('{') < 0 && template.en().indexOf('{') < 0) {
            return template;
        }
        return kept(keep, new Deadline(template, dueAt, days), () -> {
            String n = days == null ? "" : String.valueOf(days);
            String dueJa = dueAt == null ? "" : dueAt.format(DUE_JA);
            String dueEn = dueAt == null ? "" : dueAt.format(DUE_EN);
            return new Text(template.ja().replace("{due}", dueJa).replace("{days}", n),
                    template.en().replace("{due}", dueEn).replace("{days}", n));
        });
    }

    /**
     * For a duty that stays REQUIRED although an exemption is unknown (domain reference §7.18), the answers that
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

    private static Text withLifts(Text detail, List<Text> lifts, boolean keep) {
        return kept(keep, new Lifted(detail, lifts), () -> new Text(
                detail.ja() + lifts.stream().map(t -> "\n" + t.ja()).collect(Collectors.joining()),
                detail.en() + lifts.stream().map(t -> "\n" + t.en()).collect(Collectors.joining())));
    }

    private static Text withNote(Text detail, Text noteTemplate, List<String> sources, boolean keep) {
        return kept(keep, new Unconfirmed(detail, noteTemplate, sources), () -> {
            Text note = noteTemplate.map(s -> s.replace("{sources}", String.join("; ", sources)));
            return new Text(detail.ja() + "\n" + note.ja(), detail.en() + "\n" + note.en());
        });
    }

    private static Text kept(boolean keep, Object key, Supplier<Text> fill) {
        return keep ? FILLED.get(key, k -> fill.get()) : fill.get();
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
