package jp.smeir.console;

import java.util.List;

import jp.smeir.problem.Problem;
import jp.smeir.problem.ProblemException;

/**
 * A refusal of the services (the API's problem) in the page's words: the known kinds in the page's language, each
 * field at fault by its label, with the service's own explanation (in English) after it.
 */
public record Failure(String summary, List<String> lines) {

    static Failure of(ProblemException e, Texts t) {
        Problem p = e.toProblem();
        String slug = p.getType() == null ? "" : p.getType().substring(p.getType().lastIndexOf('/') + 1);
        String summary = t.words().getOrDefault("problem." + slug, t.word("problem.other"));
        List<String> lines = p.getErrors() == null || p.getErrors().isEmpty() ? List.of(p.getDetail())
                : p.getErrors().stream().map(f -> t.word("problem.field").formatted(label(f.field(), t), f.message())).toList();
        return new Failure(summary, lines);
    }

    private static String label(String field, Texts t) {
        String key = "fact." + field.replaceAll("\\[\\d+]", "");
        return t.words().getOrDefault(key, field.isEmpty() ? t.word("fact.json") : field);
    }
}
