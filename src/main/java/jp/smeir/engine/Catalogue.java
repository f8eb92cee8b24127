package jp.smeir.engine;

import java.io.IOException;
import java.nio.file.Path;
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
                        Map<String, Text> notes,
                        /** The codes that contain the damage or keep the evidence, in the order to do them: they lead an answer's first steps. */
                        List<String> containment) {

    public static final String FILE = "catalogue.yaml";
    static final String UNCONFIRMED_NOTE = "unconfirmed";
    /** The notes that say a target is the service's, not the law's; each contains {@code {within}}. */
    private static final Map<Timing, String> TARGET_NOTES = Map.of(Timing.IMMEDIATELY, "targetImmediately", Timing.PROMPTLY, "targetPromptly");

    /** A body or person that a notification or escalation goes to. */
    public record Recipient(Text name, String contact) {
    }

    /** One code: its list, stage, recipient (for notifications and escalations) and texts. */
    public record Entry(ItemKind kind, Stage stage, String recipient, Text title, Text detail) {
    }

    public Catalogue {
        recipients = Map.copyOf(recipients == null ? Map.of() : recipients);
        items = new LinkedHashMap<>(items == null ? Map.of() : items);
        questions = Map.copyOf(questions == null ? Map.of() : questions);
        notes = Map.copyOf(notes == null ? Map.of() : notes);
        containment = List.copyOf(containment == null ? List.of() : containment);
    }

    /** The note appended to an item whose basis is partly unconfirmed; contains {@code {sources}}. */
    public Text unconfirmedNote() {
        return notes.get(UNCONFIRMED_NOTE);
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

    static Catalogue load(Path file) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
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
        });
        questions.forEach((fact, q) -> {
            if (!complete(q)) {
                errors.add(new RuleError(FILE, 0, "question on " + fact + ": needs ja and en"));
            }
        });
        Text note = notes.get(UNCONFIRMED_NOTE);
        if (!complete(note) || !note.ja().contains("{sources}") || !note.en().contains("{sources}")) {
            errors.add(new RuleError(FILE, 0, "notes.unconfirmed needs ja and en, each with the placeholder {sources}"));
        }
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

    private static boolean complete(Text t) {
        return t != null && t.ja() != null && !t.ja().isBlank() && t.en() != null && !t.en().isBlank();
    }

}
