package jp.smeir.engine;

/** A problem in a rule file: the file (relative to the rules folder), the line (0 when unknown) and the message. */
public record RuleError(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}
