package jp.smeir.mutation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mutants of one DRL file, rule by rule: the rule removed; each number in its conditions one less and one
 * more; each comparison, membership, bare boolean condition and {@code not}/{@code exists} negated; each
 * deadline one day shorter and longer (a day is 24 hours for {@code Due.hours}); each timing one step
 * ({@code immediately} ↔ {@code promptly}); each duty's status swapped (REQUIRED ↔ CONDITIONAL, via {@link Flip}).
 * Text inside string literals is never changed.
 */
public final class DrlMutants {

    private static final Pattern RULE = Pattern.compile("(?m)^rule\\s+\"([^\"]+)\"");
    private static final Pattern END = Pattern.compile("(?m)^end\\s*$");
    private static final Pattern WHEN = Pattern.compile("(?m)^\\s*when\\s*$");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\s*$");

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.$])(\\d+)(?![\\w.])");
    private static final Pattern COMPARISON = Pattern.compile("==|!=|>=|<=|(?<![-=])>|<");
    private static final Map<String, String> NEGATED = Map.of("==", "!=", "!=", "==", ">", "<=", ">=", "<", "<", ">=", "<=", ">");
    private static final Pattern MEMBERSHIP = Pattern.compile("\\bnot\\s+in\\s*\\(|\\bin\\s*\\(");
    private static final Pattern QUANTIFIER = Pattern.compile("(?m)^(\\s*)(not|exists)(\\s)");
    /** A constraint that is a boolean property alone: {@code why.certain} or {@code !why.certain}. */
    private static final Pattern BARE_BOOLEAN = Pattern.compile("(?<=[(,]\\s{0,8})(!?)([a-z][\\w]*(?:\\.[a-z][\\w]*)*)(?=\\s*[,)])");
    private static final Pattern DAYS = Pattern.compile("Due\\.(days|filingDays|hours)\\((\\d+)\\)");
    private static final Pattern TIMING = Pattern.compile("Due\\.(immediately|promptly)\\(\\)");
    private static final Pattern DUTY = Pattern.compile("Finding\\.duty\\(");

    private DrlMutants() {
    }

    /** Every mutant of the file's rules; {@code file} names it in the report. */
    public static List<Mutant> of(String file, String text) {
        List<Mutant> mutants = new ArrayList<>();
        Matcher rule = RULE.matcher(text);
        while (rule.find()) {
            Matcher end = END.matcher(text);
            if (!end.find(rule.end())) {
                break;
            }
            int start = rule.start();
            int stop = end.end();
            String name = rule.group(1);
            mutants.add(new Mutant(file, name, "rule removed", text.substring(0, start) + text.substring(stop)));
            Matcher when = WHEN.matcher(text);
            Matcher then = THEN.matcher(text);
            if (!when.find(rule.end()) || when.start() > stop || !then.find(when.end()) || then.start() > stop) {
                continue;
            }
            Span conditions = new Span(when.end(), then.start());
            Span consequence = new Span(then.end(), end.start());
            conditions(file, name, text, conditions, mutants);
            consequence(file, name, text, consequence, mutants);
        }
        return mutants;
    }

    private record Span(int from, int to) {
    }

    private static void conditions(String file, String rule, String text, Span span, List<Mutant> out) {
        String masked = maskStrings(text, span);
        Matcher number = NUMBER.matcher(masked).region(span.from(), span.to());
        while (number.find()) {
            long value = Long.parseLong(number.group(1));
            for (long changed : new long[] {value - 1, value + 1}) {
                if (changed >= 0) {
                    out.add(replace(file, rule, text, number.start(1), number.end(1), String.valueOf(changed),
                            "condition " + context(text, number.start(1)) + ": " + value + " → " + changed));
                }
            }
        }
        Matcher comparison = COMPARISON.matcher(masked).region(span.from(), span.to());
        while (comparison.find()) {
            String negated = NEGATED.get(comparison.group());
            out.add(replace(file, rule, text, comparison.start(), comparison.end(), negated,
                    "condition " + context(text, comparison.start()) + ": " + comparison.group() + " → " + negated));
        }
        Matcher membership = MEMBERSHIP.matcher(masked).region(span.from(), span.to());
        while (membership.find()) {
            boolean negative = membership.group().startsWith("not");
            out.add(replace(file, rule, text, membership.start(), membership.end(), negative ? "in (" : "not in (",
                    "condition " + context(text, membership.start()) + ": " + (negative ? "not in → in" : "in → not in")));
        }
        Matcher quantifier = QUANTIFIER.matcher(masked).region(span.from(), span.to());
        while (quantifier.find()) {
            String swapped = quantifier.group(2).equals("not") ? "exists" : "not";
            out.add(replace(file, rule, text, quantifier.start(2), quantifier.end(2), swapped,
                    "condition " + context(text, quantifier.start(2)) + ": " + quantifier.group(2) + " → " + swapped));
        }
        Matcher bare = BARE_BOOLEAN.matcher(masked).region(span.from(), span.to());
        while (bare.find()) {
            if (bare.group(2).equals("this") || bare.group(2).chars().allMatch(Character::isDigit)) {
                continue;
            }
            boolean negative = bare.group(1).equals("!");
            out.add(replace(file, rule, text, bare.start(), bare.end(), (negative ? "" : "!") + bare.group(2),
                    "condition " + context(text, bare.start()) + ": " + bare.group() + " → " + (negative ? "" : "!") + bare.group(2)));
        }
    }

    private static void consequence(String file, String rule, String text, Span span, List<Mutant> out) {
        String masked = maskStrings(text, span);
        Matcher days = DAYS.matcher(masked).region(span.from(), span.to());
        while (days.find()) {
            int value = Integer.parseInt(days.group(2));
            int step = days.group(1).equals("hours") ? 24 : 1;
            for (int changed : new int[] {value - step, value + step}) {
                if (changed > 0) {
                    out.add(replace(file, rule, text, days.start(2), days.end(2), String.valueOf(changed),
                            "deadline Due." + days.group(1) + "(" + value + ") → (" + changed + ")"));
                }
            }
        }
        Matcher timing = TIMING.matcher(masked).region(span.from(), span.to());
        while (timing.find()) {
            String other = timing.group(1).equals("immediately") ? "promptly" : "immediately";
            out.add(replace(file, rule, text, timing.start(1), timing.end(1), other, "timing " + timing.group(1) + " → " + other));
        }
        Matcher duty = DUTY.matcher(masked).region(span.from(), span.to());
        while (duty.find()) {
            int close = closingParenthesis(masked, duty.end() - 1);
            String call = text.substring(duty.start(), close + 1);
            out.add(replace(file, rule, text, duty.start(), close + 1, "jp.smeir.mutation.Flip.status(" + call + ")",
                    "status REQUIRED ↔ CONDITIONAL"));
        }
    }

    private static Mutant replace(String file, String rule, String text, int from, int to, String with, String change) {
        return new Mutant(file, rule, change, text.substring(0, from) + with + text.substring(to));
    }

    /** The line of the change, trimmed, to say where in the rule it is. */
    private static String context(String text, int at) {
        int start = text.lastIndexOf('\n', at) + 1;
        int end = text.indexOf('\n', at);
        return "`" + text.substring(start, end < 0 ? text.length() : end).strip() + "`";
    }

    /** The text with every character inside a string literal or a comment of the span replaced, so patterns skip them. */
    static String maskStrings(String text, Span span) {
        char[] chars = text.toCharArray();
        boolean inString = false;
        boolean inComment = false;
        for (int i = span.from(); i < span.to(); i++) {
            char c = chars[i];
            if (inComment) {
                if (c == '\n') {
                    inComment = false;
                } else {
                    chars[i] = '_';
                }
            } else if (!inString && c == '/' && i + 1 < span.to() && chars[i + 1] == '/') {
                inComment = true;
                chars[i] = '_';
            } else if (c == '"' && (i == 0 || chars[i - 1] != '\\')) {
                inString = !inString;
            } else if (inString) {
                chars[i] = '_';
            }
        }
        return new String(chars);
    }

    private static int closingParenthesis(String masked, int open) {
        int depth = 0;
        for (int i = open; i < masked.length(); i++) {
            if (masked.charAt(i) == '(') {
                depth++;
            } else if (masked.charAt(i) == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced parentheses after offset " + open);
    }
}
