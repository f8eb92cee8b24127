package jp.smeir.engine;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.builder.Message;

/**
 * The first syntax error of a build, said so that an analyst can find it: the file, the line, the column and the
 * text of that line. Drools goes on after a file that does not parse, and every rule that uses a type the file
 * declares then fails too (a missing parenthesis in one file gave 234 errors), so those are only counted.
 */
final class SyntaxErrors {

    /** How the DRL parser opens its messages: {@code [ERR 102] Line 30:0 mismatched input 'then' in rule "…"}. */
    private static final Pattern PARSER = Pattern.compile("^\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*)$", Pattern.DOTALL);

    private SyntaxErrors() {
    }

    /** The first syntax error (by file, then line, then column) among the messages; empty when none is one. */
    static Optional<RuleError> first(List<Message> messages, Map<String, byte[]> drl) {
        return messages.stream()
                .map(m -> error(m, drl))
                .flatMap(Optional::stream)
                .min(Comparator.comparing(RuleError::file).thenComparingInt(RuleError::line).thenComparing(RuleError::column));
    }

    private static Optional<RuleError> error(Message message, Map<String, byte[]> drl) {
        Matcher m = PARSER.matcher(message.getText().strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String file = RuleBase.relative(message.getPath());
        int line = Integer.parseInt(m.group(1));
        // the parser counts columns from 0; editors from 1
        int column = Integer.parseInt(m.group(2)) + 1;
        return Optional.of(new RuleError(file, line, column, line(drl.get(file), line), m.group(3).strip()));
    }

    /** The text of a line (from 1) of a file, without its indentation; null when there is no such line. */
    private static String line(byte[] content, int number) {
        if (content == null || number < 1) {
            return null;
        }
        List<String> lines = new String(content, StandardCharsets.UTF_8).lines().toList();
        return number <= lines.size() ? lines.get(number - 1).strip() : null;
    }
}
