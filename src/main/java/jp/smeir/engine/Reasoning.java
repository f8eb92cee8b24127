package jp.smeir.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Why a derived fact holds: its truth, the input facts that made it so (in words, for the answer's
 * {@code because}), the unknown facts it hangs on (for the answer's {@code questions}) and the unconfirmed
 * sources it rests on, as ids of the catalogue's notes (each becomes a {@code basis} entry with
 * {@code confirmed: false}, and its words a note in the detail, on every item that follows from it). Rules build these with {@link #fact}, {@link #unknown}, {@link #all} and {@link #any}.
 */
public record Reasoning(Truth truth, List<String> because, List<String> openFacts, List<String> unconfirmed) {

    public Reasoning {
        because = List.copyOf(because);
        openFacts = List.copyOf(openFacts);
        unconfirmed = List.copyOf(unconfirmed);
        if (truth == Truth.UNKNOWN && openFacts.isEmpty()) {
            throw new IllegalArgumentException("an unknown reasoning must name the fact it hangs on");
        }
    }

    public Reasoning(Truth truth, List<String> because, List<String> openFacts) {
        this(truth, because, openFacts, List.of());
    }

    /**
     * Derived facts that hold a reasoning are hashed by the truth maintenance system; equal reasonings have the
     * same truth and reasons, so hashing the truth, the number of reasons and the first is enough.
     */
    @Override
    public int hashCode() {
        return truth.hashCode() * 31 + because.size() * 17 + (because.isEmpty() ? 0 : because.get(0).hashCode());
    }

    /** Holds because of a known fact, e.g. {@code "personalData.affectedPersons = 1200 > 1000"}. */
    public static Reasoning fact(String words) {
        return new Reasoning(Truth.YES, List.of(words), List.of());
    }

    /** Holds because the incident is of the given types, e.g. {@code "incidentTypes contains RANSOMWARE"}. */
    public static Reasoning types(Collection<?> types) {
        return fact("incidentTypes contains " + types.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")));
    }

    /** Holds only if an unknown fact turns out so; {@code fact} is its JSON path. */
    public static Reasoning unknown(String fact) {
        return new Reasoning(Truth.UNKNOWN, List.of(fact + " is unknown"), List.of(fact));
    }

    /**
     * Holds only if a fact that contradicts another is corrected so: the contradicting fact is treated as unknown
     * and asked about with a question that says what contradicts what (docs/legal-basis.md §16.4). {@code question}
     * is {@code <fact path>#<what it contradicts>}, a key of the catalogue's questions; the answer names the fact
     * before the {@code #}.
     */
    public static Reasoning contradicted(String question, String words) {
        if (question.indexOf('#') <= 0) {
            throw new IllegalArgumentException("a contradiction's question is <fact path>#<what it contradicts>: " + question);
        }
        return new Reasoning(Truth.UNKNOWN, List.of(words), List.of(question));
    }

    public boolean isCertain() {
        return truth == Truth.YES;
    }

    /** Holds if every part holds: certain only if every part is. */
    public static Reasoning all(Reasoning... parts) {
        return combine(List.of(parts), List.of(parts).stream().allMatch(Reasoning::isCertain));
    }

    /**
     * Holds if one of the alternatives holds: certain if one is, and then only the certain ones are the
     * reason. With no certain alternative, every unknown alternative's fact stays open.
     */
    public static Reasoning any(Collection<? extends Reasoning> alternatives) {
        if (alternatives.isEmpty()) {
            throw new IllegalArgumentException("any() of nothing");
        }
        List<Reasoning> certain = alternatives.stream().filter(Reasoning::isCertain).map(r -> (Reasoning) r).toList();
        return certain.isEmpty() ? combine(alternatives, false) : combine(certain, true);
    }

    /** The same reasoning, with one more unknown fact whose answer could still change the outcome. */
    public Reasoning withOpenFact(String fact) {
        List<String> open = new ArrayList<>(openFacts);
        if (!open.contains(fact)) {
            open.add(fact);
        }
        return new Reasoning(truth, because, open, unconfirmed);
    }

    /** The same reasoning with one more reason in words. */
    public Reasoning and(String words) {
        List<String> all = new ArrayList<>(because);
        all.add(words);
        return new Reasoning(truth, all, openFacts, unconfirmed);
    }

    /**
     * The same reasoning, resting also on the notes the deriving rule names {@code @unconfirmed} (if any): so a
     * classification whose source is unconfirmed says so on every duty that follows from it.
     */
    public Reasoning restingOn(org.kie.api.runtime.rule.RuleContext rule) {
        List<String> notes = RuleBase.unconfirmedNotes(rule.getRule());
        LinkedHashSet<String> all = new LinkedHashSet<>(unconfirmed);
        if (notes.isEmpty() || !all.addAll(notes)) {
            return this;
        }
        return new Reasoning(truth, because, openFacts, List.copyOf(all));
    }

    private static Reasoning combine(Collection<? extends Reasoning> parts, boolean certain) {
        LinkedHashSet<String> because = new LinkedHashSet<>();
        LinkedHashSet<String> open = new LinkedHashSet<>();
        LinkedHashSet<String> unconfirmed = new LinkedHashSet<>();
        for (Reasoning part : parts) {
            because.addAll(part.because());
            open.addAll(part.openFacts());
            unconfirmed.addAll(part.unconfirmed());
        }
        return new Reasoning(certain ? Truth.YES : Truth.UNKNOWN, List.copyOf(because), List.copyOf(open), List.copyOf(unconfirmed));
    }
}
