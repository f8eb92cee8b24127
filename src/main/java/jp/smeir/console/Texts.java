package jp.smeir.console;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import jp.smeir.deadline.JapaneseCalendar;
import jp.smeir.engine.Text;

/**
 * The console's words in one language, from {@code console/texts.<lang>.properties}: the pages' labels (keys with
 * underscores, read in templates as {@code t.key}), the facts' labels ({@code fact.<path>}) and the names of
 * codes people see (statuses, stages, history entries), so that no page shows an internal code.
 */
public final class Texts {

    private static final Map<String, Texts> BY_LANGUAGE = Map.of("ja", load("ja"), "en", load("en"));
    private static final DateTimeFormatter TIME_JA = DateTimeFormatter.ofPattern("uuuu年M月d日(E) HH:mm", Locale.JAPANESE);
    private static final DateTimeFormatter TIME_EN = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.ENGLISH);

    private final String language;
    private final Map<String, String> words;

    private Texts(String language, Map<String, String> words) {
        this.language = language;
        this.words = words;
    }

    public static Texts of(String language) {
        return BY_LANGUAGE.get("en".equals(language) ? "en" : "ja");
    }

    public String language() {
        return language;
    }

    /** Every word, for templates ({@code t.nav_assess}). */
    public Map<String, String> words() {
        return words;
    }

    /** The word for {@code key}; the key itself when the file lacks it, so that a gap shows in review, not as a blank. */
    public String word(String key) {
        return words.getOrDefault(key, key);
    }

    /** The word for a code of some kind ({@code status.REQUIRED}), or the fallback when there is none. */
    public String name(String kind, Object code, String fallback) {
        return code == null ? "" : words.getOrDefault(kind + "." + code, fallback);
    }

    public String text(Text text) {
        return text == null ? "" : "en".equals(language) ? text.en() : text.ja();
    }

    /** A time in Japan time, as people write it. */
    public String time(OffsetDateTime t) {
        if (t == null) {
            return "";
        }
        OffsetDateTime japan = JapaneseCalendar.inJapan(t.toInstant());
        return "en".equals(language) ? japan.format(TIME_EN) + " JST" : japan.format(TIME_JA);
    }

    private static Texts load(String language) {
        String file = "console/texts." + language + ".properties";
        Properties p = new Properties();
        try (var in = Texts.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException(file + " is missing");
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> words = new TreeMap<>();
        p.forEach((k, v) -> words.put(k.toString(), v.toString()));
        return new Texts(language, Map.copyOf(words));
    }
}
