package jp.smeir.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What each code means, in words for a small company's staff: {@code rules/catalogue.yaml}, kept beside the
 * rules so that analysts change texts and rules together. Part of the rule base and of its version.
 */
public record Catalogue(Map<String, Recipient> recipients, Map<String, Entry> items, Map<String, Text> questions,
                        Map<String, Text> notes, Map<String, Law> laws, Map<String, Text> exemptions, Map<String, Note> unconfirmed,
                        /** The codes that contain the damage or keep the evidence, in the order to do them: they lead an answer's first steps. */
                        List<String> containment) {

    public static final String FILE = "catalogue.yaml";
    /** The key under {@code notes} of the words around an item's unconfirmed points. */
    static final String UNCONFIRMED_FRAME = "unconfirmed";
    /** Where the frame puts the points. */
    public static final String POINTS = "{points}";
    /** The key under {@code notes} of the sentence on a deadline that a closed day moved. */
    static final String DEADLINE_MOVED = "deadline-moved";
    /** The placeholders of that sentence. */
    static final List<String> DEADLINE_MOVED_PLACEHOLDERS = List.of("{days}", "{day}", "{reason}", "{open}");
    /** The keys under {@code notes} of why the administration is closed, one per kind of closed day. */
    static final List<String> CLOSED_REASONS = List.of("closed-year-end", "closed-saturday", "closed-sunday", "closed-national-holiday");
    /** A note's id: lower-case words joined by hyphens, e.g. {@code aware-start}. */
    private static final Pattern NOTE_ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** The notes that say a target is the service's, not the law's; each contains {@code {within}}. */
    private static final Map<Timing, String> TARGET_NOTES = Map.of(Timing.IMMEDIATELY, "targetImmediately", Timing.PROMPTLY, "targetPromptly");

    /** A body or person that a notification or escalation goes to. */
    public record Recipient(Text name, String contact) {
    }

    /**
     * One code: its list, stage, recipient (for notifications and escalations) and texts, and variants a rule may
     * choose ({@code Finding.variant}) where the same duty goes elsewhere or reads otherwise, e.g. the PPC reports
     * of an FSA-supervised business, filed with the FSA.
     */
    public record Entry(ItemKind kind, Stage stage, String recipient, Text title, Text detail, Map<String, Variant> variants) {

        public Entry {
            variants = Map.copyOf(variants == null ? Map.of() : variants);
        }

        /** The entry as a variant has it: its recipient, title and detail where it gives them, else the entry's. */
        public Entry as(String variant) {
            if (variant == null) {
                return this;
            }
            Variant v = variants.get(variant);
            if (v == null) {
                throw new IllegalStateException("variant " + variant + " is not in " + FILE);
            }
            return new Entry(kind, stage, v.recipient() != null ? v.recipient() : recipient, v.title() != null ? v.title() : title,
                    v.detail() != null ? v.detail() : detail, Map.of());
        }
    }

    /** What a variant of a code changes: any of recipient, title and detail. */
    public record Variant(String recipient, Text title, Text detail) {
    }

    /**
     * A law version that rules name in {@code @inForce}: its names, the first and last day it is in force, what kind
     * of source it is, and an optional note (e.g. that its commencement is not recorded). An {@link LawStatus#ENACTED}
     * version is not in force yet: it has no {@code from}, names the version it {@code amends}, and carries the
     * {@code watch} note the answer shows while that version applies.
     */
    public record Law(Text name, LocalDate from, LocalDate until, LawStatus status, Text note, Text watch, String amends) {
    }

    /**
     * A point that rests on an unconfirmed source, said once for every rule that names it by its id
     * ({@code @unconfirmed("aware-start, closed-days")}): its words for the item's detail in each language, and the
     * source with its reference for the item's {@code basis}.
     */
    public record Note(String ja, String en, String basis) {

        public Text text() {
            return new Text(ja, en);
        }
    }

    public Catalogue {
        exemptions = Map.copyOf(exemptions == null ? Map.of() : exemptions);
        laws = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(laws == null ? Map.of() : laws));
        recipients = Map.copyOf(recipients == null ? Map.of() : recipients);
        items = new LinkedHashMap<>(items == null ? Map.of() : items);
        questions = Map.copyOf(questions == null ? Map.of() : questions);
        notes = Map.copyOf(notes == null ? Map.of() : notes);
        unconfirmed = Map.copyOf(unconfirmed == null ? Map.of() : unconfirmed);
        containment = List.copyOf(containment == null ? List.of() : containment);
    }

    /** The words around the points of an item whose basis is partly unconfirmed; each language contains {@value #POINTS}. */
    public Text unconfirmedFrame() {
        return notes.get(UNCONFIRMED_FRAME);
    }

    /**
     * The sentence a deadline moved past a closed day carries: {@code {days}} the count, {@code {day}} the day it
     * ended on, {@code {reason}} why that day is closed, {@code {open}} the next open day.
     */
    public Text deadlineMoved() {
        return notes.get(DEADLINE_MOVED);
    }

    /**
     * Why the administration is closed on a day, for the sentence above: {@code kind} is the name of the kind of
     * closed day (YEAR_END, SATURDAY, SUNDAY, NATIONAL_HOLIDAY); a holiday's words may name it with {@code {holiday}}.
     */
    public Text closedReason(String kind) {
        Text reason = notes.get("closed-" + kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        if (reason == null) {
            throw new IllegalStateException("no note closed-" + kind + " in " + FILE);
        }
        return reason;
    }

    /** The note with this id; the rule base is built only if every id a rule names is here. */
    public Note note(String id) {
        Note note = unconfirmed.get(id);
        if (note == null) {
            throw new IllegalStateException("no note " + id + " under unconfirmed in " + FILE);
        }
        return note;
    }

    /** The basis entry an unconfirmed note gives an item: its source, unconfirmed, with its id. */
    public Basis basis(String noteId) {
        return new Basis(note(noteId).basis(), false, noteId);
    }

    /**
     * The note ids of an {@code @unconfirmed} value: one or more ids separated by commas. Empty for no value.
     *
     * @throws IllegalArgumentException naming the part that is not an id
     */
    public static List<String> noteIds(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String id = part.strip();
            if (!NOTE_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("\"" + id + "\" is not a note id (lower-case words joined by hyphens)");
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }

    /** The note for the working target of {@code timing} (IMMEDIATELY or PROMPTLY), with the placeholder {@code {within}}. */
    public Text targetNote(Timing timing) {
        return notes.get(TARGET_NOTES.get(timing));
    }

    public Entry entry(String code) {
        Entry entry = items.get(code);
        if (entry == null) {
            throw new IllegalStateException("code " + code + " is not in " + FILE);
        }
        return entry;
    }

    public Law law(String id) {
        Law law = laws.get(id);
        if (law == null) {
            throw new IllegalStateException("law " + id + " is not in " + FILE);
        }
        return law;
    }

    static Catalogue load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Catalogue catalogue;
        try {
            catalogue = yaml.readValue(file.toFile(), Catalogue.class);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw new RuleBuildException(List.of(new RuleError(FILE, line(e),
                    "unknown field " + jp.smeir.problem.ProblemMapper.fieldError(e).field())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // said as for a request body (field and what it must be), never with Jackson's Java type names
            jp.smeir.problem.FieldError error = jp.smeir.problem.ProblemMapper.fieldError(e);
            throw new RuleBuildException(List.of(new RuleError(FILE, line(e), "cannot be read: "
                    + (error.field().isEmpty() ? "" : error.field() + " ") + error.message())));
        } catch (IOException e) {
            throw new RuleBuildException(List.of(new RuleError(FILE, 0, "cannot be read")));
        }
        List<RuleError> errors = catalogue.problems();
        if (!errors.isEmpty()) {
            throw new RuleBuildException(errors);
        }
        return catalogue;
    }

    private static int line(com.fasterxml.jackson.core.JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    private List<RuleError> problems() {
        List<RuleError> errors = new ArrayList<>();
        recipients.forEach((code, r) -> {
            if (!complete(r.name())) {
                errors.add(new RuleError(FILE, 0, "recipient " + code + ": name needs ja and en"));
            }
        });
        items.forEach((code, e) -> {
            if (e.kind() == null || e.stage() == null) {
                errors.add(new RuleError(FILE, 0, "item " + code + ": kind and stage are required"));
            }
            if (!complete(e.title()) || !complete(e.detail())) {
                errors.add(new RuleError(FILE, 0, "item " + code + ": title and detail need ja and en"));
            }
            if (e.kind() != null && e.kind() != ItemKind.ACTION && !recipients.containsKey(e.recipient())) {
                errors.add(new RuleError(FILE, 0, "item " + code + ": a " + e.kind() + " needs a recipient listed under recipients"));
            }
            e.variants().forEach((name, v) -> {
                if (v.recipient() == null && v.title() == null && v.detail() == null) {
                    errors.add(new RuleError(FILE, 0, "item " + code + ", variant " + name + ": give a recipient, title or detail"));
                }
                if (v.recipient() != null && (e.kind() == ItemKind.ACTION || !recipients.containsKey(v.recipient()))) {
                    errors.add(new RuleError(FILE, 0, "item " + code + ", variant " + name + ": recipient must be listed under recipients (not on an ACTION)"));
                }
                if ((v.title() != null && !complete(v.title())) || (v.detail() != null && !complete(v.detail()))) {
                    errors.add(new RuleError(FILE, 0, "item " + code + ", variant " + name + ": title and detail need ja and en"));
                }
            });
        });
        questions.forEach((fact, q) -> {
            if (!complete(q)) {
                errors.add(new RuleError(FILE, 0, "question on " + fact + ": needs ja and en"));
            }
        });
        laws.forEach((id, law) -> errors.addAll(lawProblems(id, law)));
        exemptions.forEach((fact, text) -> {
            if (!complete(text)) {
                errors.add(new RuleError(FILE, 0, "exemption " + fact + ": needs ja and en"));
            }
            if (!questions.containsKey(fact)) {
                errors.add(new RuleError(FILE, 0, "exemption " + fact + ": a fact without a question under questions"));
            }
        });
        Text frame = notes.get(UNCONFIRMED_FRAME);
        if (!complete(frame) || !frame.ja().contains(POINTS) || !frame.en().contains(POINTS)) {
            errors.add(new RuleError(FILE, 0, "notes.unconfirmed needs ja and en, each with the placeholder " + POINTS));
        }
        Text moved = notes.get(DEADLINE_MOVED);
        if (!complete(moved) || !DEADLINE_MOVED_PLACEHOLDERS.stream().allMatch(p -> moved.ja().contains(p) && moved.en().contains(p))) {
            errors.add(new RuleError(FILE, 0, "notes." + DEADLINE_MOVED + " needs ja and en, each with the placeholders "
                    + String.join(", ", DEADLINE_MOVED_PLACEHOLDERS)));
        }
        CLOSED_REASONS.stream().filter(key -> !complete(notes.get(key)))
                .forEach(key -> errors.add(new RuleError(FILE, 0, "notes." + key + " needs ja and en")));
        unconfirmed.forEach((id, note) -> {
            if (!NOTE_ID.matcher(id).matches()) {
                errors.add(new RuleError(FILE, 0, "unconfirmed." + id + ": an id is lower-case words joined by hyphens"));
            }
            if (note == null || !complete(note.text()) || note.basis() == null || note.basis().isBlank()) {
                errors.add(new RuleError(FILE, 0, "unconfirmed." + id + ": needs ja, en and basis"));
            }
        });
        TARGET_NOTES.values().forEach(key -> {
            Text target = notes.get(key);
            if (!complete(target) || !target.ja().contains("{within}") || !target.en().contains("{within}")) {
                errors.add(new RuleError(FILE, 0, "notes." + key + " needs ja and en, each with the placeholder {within}"));
            }
        });
        containment.forEach(code -> {
            if (!items.containsKey(code)) {
                errors.add(new RuleError(FILE, 0, "containment lists " + code + ", which is not under items"));
            }
        });
        return errors;
    }

    private List<RuleError> lawProblems(String id, Law law) {
        List<String> wrong = new ArrayList<>();
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            wrong.add("its id must be lower-case words joined by hyphens");
        }
        if (!complete(law.name())) {
            wrong.add("name needs ja and en");
        }
        if (law.status() == null) {
            wrong.add("status is required, one of " + List.of(LawStatus.values()));
        } else if (law.status() == LawStatus.ENACTED) {
            if (law.from() != null || law.until() != null) {
                wrong.add("an ENACTED version is not in force yet: give no from or until");
            }
            if (!complete(law.watch())) {
                wrong.add("an ENACTED version needs a watch note with ja and en");
            }
            if (law.amends() == null || !laws.containsKey(law.amends()) || laws.get(law.amends()).status() == LawStatus.ENACTED) {
                wrong.add("amends must name a version in force listed under laws");
            }
        } else {
            if (law.from() == null) {
                wrong.add("from is required (YYYY-MM-DD)");
            }
            if (law.from() != null && law.until() != null && law.until().isBefore(law.from())) {
                wrong.add("until is before from");
            }
            if (law.watch() != null || law.amends() != null) {
                wrong.add("only an ENACTED version has watch and amends");
            }
        }
        if (law.note() != null && !complete(law.note())) {
            wrong.add("note needs ja and en");
        }
        return wrong.stream().map(w -> new RuleError(FILE, 0, "law " + id + ": " + w)).toList();
    }

    private static boolean complete(Text t) {
        return t != null && t.ja() != null && !t.ja().isBlank() && t.en() != null && !t.en().isBlank();
    }

}
