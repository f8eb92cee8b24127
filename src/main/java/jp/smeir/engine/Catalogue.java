package jp.smeir.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What each code means, in words for a small company's staff: {@code rules/catalogue.yaml}, kept beside the
 * rules so that analysts change texts and rules together. Part of the rule base and of its version.
 */
public record Catalogue(Map<String, Recipient> recipients, Map<String, Entry> items, Map<String, Text> questions,
                        Map<String, Text> notes, Map<String, Law> laws, Map<String, Text> exemptions) {

    public static final String FILE = "catalogue.yaml";
    static final String UNCONFIRMED_NOTE = "unconfirmed";

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

    public Catalogue {
        exemptions = Map.copyOf(exemptions == null ? Map.of() : exemptions);
        laws = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(laws == null ? Map.of() : laws));
        recipients = Map.copyOf(recipients == null ? Map.of() : recipients);
        items = new LinkedHashMap<>(items == null ? Map.of() : items);
        questions = Map.copyOf(questions == null ? Map.of() : questions);
        notes = Map.copyOf(notes == null ? Map.of() : notes);
    }

    /** The note appended to an item whose basis is partly unconfirmed; contains {@code {sources}}. */
    public Text unconfirmedNote() {
        return notes.get(UNCONFIRMED_NOTE);
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
        Text note = notes.get(UNCONFIRMED_NOTE);
        if (!complete(note) || !note.ja().contains("{sources}") || !note.en().contains("{sources}")) {
            errors.add(new RuleError(FILE, 0, "notes.unconfirmed needs ja and en, each with the placeholder {sources}"));
        }
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
