package jp.smeir.assessment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;

import jp.smeir.engine.Text;
import jp.smeir.problem.InvalidInputException;

/**
 * How an answer is written (docs/api.md): in both languages or one ({@code ?lang=ja|en}: every text keeps its
 * shape with one key), in full or compact ({@code ?view=compact}). Applies to an assessment and to an incident,
 * whose {@code assessment} it compacts. The full answer in both languages stays the default, written as before.
 *
 * <p>Compact keeps, of each item, only what a list or a ticket needs: code, status, stage, priority, title and
 * dueAt or targetAt; of each question its fact; of each first step its code and priority (its title and time
 * are on its item); and leaves out the severity's reasons, the fired rules, the law versions applied and the
 * watch note, which are context for the full answer, not for a list or a ticket. Everything else stays.
 */
public record AnswerView(String lang, boolean compact) {

    public static final AnswerView FULL = new AnswerView(null, false);

    static final Set<String> COMPACT_ITEM = Set.of("code", "status", "stage", "priority", "title", "dueAt", "targetAt");
    static final Set<String> COMPACT_QUESTION = Set.of("fact");
    static final Set<String> COMPACT_STEP = Set.of("code", "priority");
    static final Set<String> LEFT_OUT = Set.of("severityBecause", "firedRules", "lawApplied", "watch");

    /** The view the query parameters ask for; a 400 naming the parameter for any other value. */
    public static AnswerView of(String lang, String view) {
        if (lang != null && !lang.isEmpty() && !lang.equals("ja") && !lang.equals("en")) {
            throw InvalidInputException.of("lang", "must be ja or en (or absent for both)");
        }
        if (view != null && !view.isEmpty() && !view.equals("full") && !view.equals("compact")) {
            throw InvalidInputException.of("view", "must be full or compact");
        }
        return new AnswerView(lang == null || lang.isEmpty() ? null : lang, "compact".equals(view));
    }

    /**
     * A 406 unless the client accepts JSON. The JSON and the sheet of an answer are two methods (the JSON one
     * stays on the event loop); when a client accepts neither, JAX-RS falls back to the first rather than
     * refusing, so the JSON method checks for itself.
     */
    public static void requireJson(java.util.List<jakarta.ws.rs.core.MediaType> acceptable) {
        if (acceptable.stream().noneMatch(t -> t.isCompatible(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE))) {
            throw new jakarta.ws.rs.NotAcceptableException();
        }
    }

    public boolean isFull() {
        return lang == null && !compact;
    }

    /** The language of a readable sheet: the one asked for, Japanese by default. */
    public String sheetLanguage() {
        return lang == null ? "ja" : lang;
    }

    /** {@code body} as this view writes it: itself for the full view, else a JSON tree. */
    public Object render(ObjectMapper json, Object body) {
        if (isFull()) {
            return body;
        }
        JsonNode tree;
        try (TokenBuffer buffer = new TokenBuffer(json, false)) {
            json.writer().withAttribute(Text.LANGUAGE, lang).writeValue(buffer, body);
            tree = json.readTree(buffer.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the answer", e);
        }
        JsonNode assessment = tree.has("actions") ? tree : tree.path("assessment");
        if (assessment instanceof ObjectNode a) {
            if (lang != null) {
                // a watch note is {id, ja, en} as the contract has it, not a text: keep its one language here
                keep(a.path("watch"), Set.of("id", lang));
            }
            if (compact) {
                compact(a);
            }
        }
        return tree;
    }

    private static void compact(ObjectNode assessment) {
        assessment.remove(LEFT_OUT);
        for (String list : new String[] {"actions", "notifications", "escalations"}) {
            keep(assessment.path(list), COMPACT_ITEM);
        }
        keep(assessment.path("questions"), COMPACT_QUESTION);
        keep(assessment.path("firstSteps"), COMPACT_STEP);
    }

    private static void keep(JsonNode list, Set<String> fields) {
        if (list instanceof ArrayNode array) {
            array.forEach(entry -> {
                if (entry instanceof ObjectNode object) {
                    object.retain(fields);
                }
            });
        }
    }
}
