package jp.smeir.assessment;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jp.smeir.common.BoundedMemo;
import jp.smeir.deadline.Deadlines.Deadline;
import jp.smeir.deadline.JapaneseCalendar;
import jp.smeir.engine.Catalogue;
import jp.smeir.engine.Text;

/**
 * Fills in an item's detail from its catalogue text, each language in its own words: the deadline
 * ({@code {due}}, {@code {days}}), why a closed day moved it ({@code {moved}}), the answers that would lift a duty
 * kept while an exemption is unknown, and the note on the points that rest on unconfirmed sources.
 */
final class DetailText {

    private static final DateTimeFormatter DUE_JA = DateTimeFormatter.ofPattern("uuuu年M月d日(E) HH:mm", Locale.JAPANESE);
    private static final DateTimeFormatter DUE_EN = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm 'JST'", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_JA = DateTimeFormatter.ofPattern("M月d日", Locale.JAPANESE);
    private static final DateTimeFormatter DAY_EN = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter OPEN_JA = DateTimeFormatter.ofPattern("M月d日(E)", Locale.JAPANESE);
    private static final DateTimeFormatter OPEN_EN = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter OPEN_NEXT_YEAR_JA = DateTimeFormatter.ofPattern("uuuu年M月d日(E)", Locale.JAPANESE);
    private static final DateTimeFormatter OPEN_NEXT_YEAR_EN = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

    private static final String MOVED = "{moved}";

    /**
     * The texts with a deadline or a note on unconfirmed sources filled in, kept, so that answers with the same
     * day-counted deadline (all but the hour-counted ones, which are each incident's own) and the same sources
     * reuse the same strings, whose JSON encodings {@link jp.smeir.engine.KeptJson} keeps: filled in anew, each
     * answer built long strings and hashed and compared them whole to find their encodings (BENCHMARKS.md).
     * Keys are compared by value, so equal texts of a reloaded rule base find the same entries, rightly; past
     * the bound the memory starts afresh.
     */
    private static final BoundedMemo<Object, Text> FILLED = new BoundedMemo<>(2_048);

    /** The same deadline and the same words of why it moved (null if it did not) give the same text. */
    private record Filled(Text template, Deadline deadline, Integer days, Text moved) {
    }

    private record Unconfirmed(Text detail, Text frame, List<Text> points) {
    }

    private record Lifted(Text detail, List<Text> lifts) {
    }

    private DetailText() {
    }

    /**
     * @param days     the day count of a day-counted deadline, else null
     * @param deadline null for an item without one
     * @param lifts    the catalogue's words on the answers that would lift the duty, one line each; empty for none
     * @param notes    the ids of the unconfirmed notes the item rests on, in order
     * @param keep     whether to keep the result for later answers (not for hour-counted deadlines)
     */
    static Text of(Catalogue catalogue, Text template, Integer days, Deadline deadline, List<Text> lifts, List<String> notes,
                   boolean keep) {
        Text detail = withDeadline(catalogue, template, days, deadline, keep);
        if (!lifts.isEmpty()) {
            Text filled = detail;
            detail = kept(keep, new Lifted(filled, lifts), () -> new Text(
                    filled.ja() + lifts.stream().map(t -> "\n" + t.ja()).collect(Collectors.joining()),
                    filled.en() + lifts.stream().map(t -> "\n" + t.en()).collect(Collectors.joining())));
        }
        if (notes.isEmpty()) {
            return detail;
        }
        List<Text> points = notes.stream().map(id -> catalogue.note(id).text()).toList();
        return withNote(detail, catalogue.unconfirmedFrame(), points, keep);
    }

    private static Text withDeadline(Catalogue catalogue, Text template, Integer days, Deadline deadline, boolean keep) {
        Text moved = deadline != null && deadline.moved() ? moved(catalogue, days, deadline) : null;
        if (moved == null && template.ja().indexOf('{') < 0 && template.en().indexOf('{') < 0) {
            return template;
        }
        return kept(keep, new Filled(template, deadline, days, moved), () -> {
            String n = days == null ? "" : String.valueOf(days);
            String dueJa = deadline == null ? "" : deadline.dueAt().format(DUE_JA);
            String dueEn = deadline == null ? "" : deadline.dueAt().format(DUE_EN);
            String ja = template.ja().replace("{due}", dueJa).replace("{days}", n);
            String en = template.en().replace("{due}", dueEn).replace("{days}", n);
            return new Text(placeMoved(ja, moved == null ? null : moved.ja(), ""),
                    placeMoved(en, moved == null ? null : moved.en(), " "));
        });
    }

    /**
     * The sentence on why the deadline moved where the text has {@code {moved}}, or after its last sentence when it
     * has none (so a text written without it still says so); Japanese sentences follow each other without a space,
     * English ones with one.
     */
    private static String placeMoved(String text, String sentence, String space) {
        if (sentence == null) {
            return text.replace(MOVED, "").strip();
        }
        return (text.contains(MOVED) ? text.replace(MOVED, sentence + space) : text + space + sentence).strip();
    }

    /** "Day 30 (20 Dec) is a Sunday, so the deadline moves to the next open day, Mon 21 Dec." in both languages. */
    private static Text moved(Catalogue catalogue, Integer days, Deadline deadline) {
        LocalDate counted = deadline.countedDay();
        LocalDate open = deadline.dueAt().toLocalDate();
        boolean nextYear = open.getYear() != counted.getYear();
        Text reason = catalogue.closedReason(deadline.movedBecause().name());
        String holiday = JapaneseCalendar.holidayName(counted).orElse("");
        Text sentence = catalogue.deadlineMoved();
        String n = String.valueOf(days);
        return new Text(
                sentence.ja().replace("{days}", n).replace("{day}", counted.format(DAY_JA))
                        .replace("{reason}", reason.ja().replace("{holiday}", holiday))
                        .replace("{open}", open.format(nextYear ? OPEN_NEXT_YEAR_JA : OPEN_JA)),
                sentence.en().replace("{days}", n).replace("{day}", counted.format(DAY_EN))
                        .replace("{reason}", reason.en())
                        .replace("{open}", open.format(nextYear ? OPEN_NEXT_YEAR_EN : OPEN_EN)));
    }

    /**
     * The detail with the note on its unconfirmed points, each point in the detail's language: Japanese
     * sentences follow each other without a space, English ones with one.
     */
    private static Text withNote(Text detail, Text frame, List<Text> points, boolean keep) {
        return kept(keep, new Unconfirmed(detail, frame, points), () -> {
            String ja = points.stream().map(Text::ja).collect(Collectors.joining());
            String en = points.stream().map(Text::en).collect(Collectors.joining(" "));
            return new Text(detail.ja() + "\n" + frame.ja().replace(Catalogue.POINTS, ja),
                    detail.en() + "\n" + frame.en().replace(Catalogue.POINTS, en));
        });
    }

    private static Text kept(boolean keep, Object key, Supplier<Text> fill) {
        return keep ? FILLED.get(key, k -> fill.get()) : fill.get();
    }
}
