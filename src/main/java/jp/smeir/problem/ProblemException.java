package jp.smeir.problem;

import java.util.List;
import java.util.Map;

/** A domain error that answers as problem+json with the given status; thrown by services, mapped in one place. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), Map.of());
    }

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors,
                            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = Map.copyOf(extensions);
    }

    public Problem toProblem() {
        return new Problem(ProblemMapper.type(slug), title, status, getMessage(), errors, extensions);
    }

    public int status() {
        return status;
    }
}
