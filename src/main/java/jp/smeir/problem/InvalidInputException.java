package jp.smeir.problem;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** 400: the request's content is invalid; every field at fault is named. */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(List<FieldError> errors) {
        super(400, "invalid-input", "Invalid input",
                errors.stream().map(e -> (e.field().isEmpty() ? "body" : e.field()) + " " + e.message()).collect(Collectors.joining("; ")),
                errors, Map.of());
    }

    public static InvalidInputException of(String field, String message) {
        return new InvalidInputException(List.of(new FieldError(field, message)));
    }
}
