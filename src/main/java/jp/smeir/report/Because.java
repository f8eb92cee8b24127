package jp.smeir.report;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.smeir.engine.Text;

/**
 * The reasons of an answer ({@code because}, {@code severityBecause}), which the rules write as English fact
 * expressions such as {@code impact.businessStopped = true}, in words of a draft's language: 「業務停止：はい」,
 * "business stopped: yes". The words of each fact are {@code groups.facts} of labels.yaml, of each value its
 * vocabulary (breach, sector, incidentTypes) or yes/no, and of a reason in a sentence {@code groups.reasons}.
 * A reason with no words there is left out, so that no draft shows a fact path or a code.
 */
final class Because {

    private static final Pattern OVER = Pattern.compile("([A-Za-z.]+) = (\\d+) > (\\d+)");
    private static final Pattern VALUE = Pattern.compile("([A-Za-z.]+) = ([A-Za-z0-9_]+)(?: \\(.*\\))?");
    private static final Pattern UNKNOWN = Pattern.compile("([A-Za-z.]+) is unknown");
    private static final Pattern NOT_TRUE = Pattern.compile("([A-Za-z.]+) is not true");
    private static final Pattern TYPES = Pattern.compile("incidentTypes contains ([A-Z_, ]+)");
    private static final Pattern DUTY = Pattern.compile("(REQUIRED|CONDITIONAL) duty ([A-Z0-9_]+)");
    /** A fact that other facts contradict, which the rules therefore treat as unknown. */
    private static final Pattern CONTRADICTS = Pattern.compile("(.+) contradicts (.+): treated as unknown");

    private final Labels labels;
    private final String lang;
    /** The title of a code of the answer, in the draft's language; null for a code it does not hold. */
    private final Function<String, String> title;

    Because(Labels labels, String lang, Function<String, String> title) {
        this.labels = labels;
        this.lang = lang;
        this.title = title;
    }

    /** Each reason in words, without repeats; a reason joined with "; " or ", " is taken apart first. */
    List<String> words(List<String> reasons) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String reason : reasons) {
            for (String part : reason.split("; ")) {
                String whole = words(part);
                if (whole != null) {
                    out.add(whole);
                } else if (part.contains(", ") && !part.startsWith("incidentTypes")) {
                    Arrays.stream(part.split(", ")).map(this::words).filter(w -> w != null).forEach(out::add);
                }
            }
        }
        return List.copyOf(out);
    }

    /** One reason in words, or null when there are none for it in labels.yaml. */
    String words(String reason) {
        Text sentence = labels.groups().getOrDefault("reasons", java.util.Map.of()).get(reason);
        if (sentence != null) {
            return Labels.pick(sentence, lang);
        }
        Matcher m;
        if ((m = CONTRADICTS.matcher(reason)).matches()) {
            String fact = words(m.group(1));
            List<String> others = new ArrayList<>();
            for (String other : m.group(2).split(" with ")) {
                others.add(words(other));
            }
            if (fact == null || others.contains(null)) {
                return null;
            }
            String against = String.join(en() ? ", " : "、", others);
            return en() ? fact + " contradicts " + against + ", so it is treated as unknown"
                    : fact + "は" + against + "と矛盾するため、不明として扱います";
        }
        if ((m = TYPES.matcher(reason)).matches()) {
            List<String> types = new ArrayList<>();
            for (String type : m.group(1).split(", ")) {
                String label = label("incidentTypes", type);
                if (label == null) {
                    return null;
                }
                types.add(label);
            }
            return fact("incidentTypes", String.join(en() ? ", " : "、", types));
        }
        if ((m = DUTY.matcher(reason)).matches()) {
            String t = title.apply(m.group(2));
            return t == null ? null : fact(m.group(1).equals("REQUIRED") ? "requiredDuty" : "conditionalDuty", t);
        }
        if ((m = OVER.matcher(reason)).matches()) {
            String n = number(m.group(2));
            String limit = number(m.group(3));
            return fact(m.group(1), en() ? n + " (over " + limit + ")" : n + "（" + limit + "超）");
        }
        if ((m = UNKNOWN.matcher(reason)).matches()) {
            return fact(m.group(1), labels.word("notKnown", lang));
        }
        if ((m = NOT_TRUE.matcher(reason)).matches()) {
            return fact(m.group(1), labels.word("notYes", lang));
        }
        if ((m = VALUE.matcher(reason)).matches()) {
            String value = m.group(2);
            String words = switch (value) {
                case "true" -> labels.word("yes", lang);
                case "false" -> labels.word("no", lang);
                default -> value.chars().allMatch(Character::isDigit) ? number(value) : vocabulary(m.group(1), value);
            };
            return words == null ? null : fact(m.group(1), words);
        }
        return null;
    }

    /** "label：value" for a fact with words in groups.facts; null without. */
    private String fact(String path, String value) {
        String label = label("facts", path);
        return label == null ? null : label + (en() ? ": " : "：") + value;
    }

    /** A value of a vocabulary named by the last part of its fact's path (personalData.breach → breach). */
    private String vocabulary(String path, String value) {
        return label(path.substring(path.lastIndexOf('.') + 1), value);
    }

    private String label(String group, String key) {
        Text t = labels.groups().getOrDefault(group, java.util.Map.of()).get(key);
        return t == null ? null : Labels.pick(t, lang);
    }

    private String number(String digits) {
        return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(Long.parseLong(digits));
    }

    private boolean en() {
        return "en".equals(lang);
    }
}
