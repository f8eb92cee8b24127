package jp.smeir.engine;

/**
 * A problem in a rule file: the file (relative to the rules folder), the line (0 when unknown) and the message; for
 * a syntax error also the column (from 1) and the text of that line.
 */
public record RuleError(String file, int line, Integer column, String text, String message) {

    public RuleError(String file, int line, String message) {
        this(file, line, null, null, message);
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + (column != null ? ":" + column : "") + ": " + message
                + (text != null ? " — at: " + text : "");
    }
}
