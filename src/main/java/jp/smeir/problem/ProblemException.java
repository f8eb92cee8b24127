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
    /** Response headers the answer carries besides the problem (e.g. Location of the resource in the way). */
    private final Map<String, String> headers = new java.util.LinkedHashMap<>();

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

    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem() {
        return new Problem(ProblemMapper.type(slug), title, status, getMessage(), errors, extensions);
    }

    public int status() {
        return status;
    }
}
