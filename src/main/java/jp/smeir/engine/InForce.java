package jp.smeir.engine;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rule's period of force, written in the DRL right after the rule's name:
 * {@code @inForce("2022-04-01", "appi-reporting")} (in force from that day on) or
 * {@code @inForce("2022-04-01", "2024-03-31", "appi-reporting")} (from the first day to the last, both included),
 * the last value naming a law version of the catalogue's {@code laws}. Days are Japanese calendar days: the rule
 * applies to an incident of which the company became aware on one of them, in Japan time (docs/legal-basis.md §16.5).
 *
 * @param until the last day in force, or null while the period is open
 */
public record InForce(LocalDate from, LocalDate until, String law) {

    /** Drools hands positional metadata back as its source text: {@code "2022-04-01", "appi-reporting"}. */
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    static final String FORM = "@inForce(\"YYYY-MM-DD\", \"law-id\") or @inForce(\"YYYY-MM-DD\", \"YYYY-MM-DD\", \"law-id\")";

    /** True when the rule applies to an incident of which the company became aware on this day (Japan time). */
    public boolean covers(LocalDate day) {
        return !day.isBefore(from) && (until == null || !day.isAfter(until));
    }

    /**
     * Reads the metadata value Drools returns for {@code @inForce}.
     *
     * @throws IllegalArgumentException saying what is wrong, in words for the analyst who wrote it
     */
    static InForce parse(Object metadata) {
        if (metadata == null) {
            throw new IllegalArgumentException("has no @inForce: every rule must say from when it applies, " + FORM);
        }
        if (metadata instanceof Map<?, ?>) {
            throw new IllegalArgumentException("writes @inForce with names; write it as " + FORM);
        }
        String text = metadata.toString().strip();
        List<String> values = new ArrayList<>();
        Matcher m = QUOTED.matcher(text);
        while (m.find()) {
            values.add(m.group(1).strip());
        }
        if (values.isEmpty() && !text.isEmpty()) {
            values.add(text); // a single value may come back without its quotes
        }
        if (values.size() != 2 && values.size() != 3) {
            throw new IllegalArgumentException("has @inForce(" + text + "); write it as " + FORM);
        }
        String law = values.get(values.size() - 1);
        if (!law.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("has @inForce naming the law version \"" + law
                    + "\": the last value is a law id of catalogue.yaml's laws, e.g. appi-reporting");
        }
        LocalDate from = day(values.get(0));
        LocalDate until = values.size() == 3 ? day(values.get(1)) : null;
        if (until != null && until.isBefore(from)) {
            throw new IllegalArgumentException("has @inForce ending on " + until + ", before it starts on " + from);
        }
        return new InForce(from, until, law);
    }

    private static LocalDate day(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("has @inForce with \"" + value + "\", which is no date: write YYYY-MM-DD");
        }
    }
}
