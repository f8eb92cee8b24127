package jp.smeir.problem;

/** One invalid input field, named by its JSON path (e.g. {@code personalData.affectedPersons}). */
public record FieldError(String field, String message) {
}
