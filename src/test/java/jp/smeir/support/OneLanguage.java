package jp.smeir.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The rules of "one language per text" (docs/legal-basis.md §16.6), as the tests check them.
 *
 * <ul>
 *   <li>A Japanese text contains no "§" (so no "ref §…" nor "legal-basis §…") and no English sentence: three or
 *       more words of Latin letters in a row, separated by spaces. Before looking, URLs, e-mail addresses and the
 *       proper names of {@link #NAMES} are taken out; single Latin words and abbreviations (GDPR, IPA, JPCERT/CC,
 *       e-Gov, Wi-Fi, Art.) are Japanese usage and stay allowed.</li>
 *   <li>A Japanese text writes brackets full-width （…）, except the day of the week in a date the service fills
 *       in, written as dates usually are: 2026年12月21日(月).</li>
 *   <li>An English text contains no Japanese (kana, kanji, Japanese punctuation such as 「」、。 or full-width
 *       forms such as （）) and no "§".</li>
 *   <li>A recipient's {@code contact} is, by the API contract, ONE string for both languages, written
 *       "日本語 / English". It is not held to one language; it must contain both a Japanese part and an English
 *       part (two English words in a row at least), and no "§".</li>
 *   <li>What is written for analysts, not read by the company ({@code basis} sources, {@code because},
 *       {@code rule}, {@code alsoFrom}, fact paths and codes), is not a text in this sense and is not checked.</li>
 * </ul>
 */
public final class OneLanguage {

    /** Proper names of several Latin words that a Japanese text may carry as they are. */
    public static final List<String> NAMES = List.of("No More Ransom", "PCI DSS");

    private static final Pattern URL = Pattern.compile("https?://[!-~]+");
    private static final Pattern MAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+");
    private static final String WORD = "[A-Za-z][A-Za-z'’./-]*";
    private static final Pattern ENGLISH_SENTENCE = Pattern.compile(WORD + "(?:[ \\t]+" + WORD + "){2,}");
    private static final Pattern JAPANESE = Pattern.compile("[\\u3000-\\u303F\\u3040-\\u309F\\u30A0-\\u30FF\\u4E00-\\u9FFF\\uFF00-\\uFFEF]");
    private static final Pattern WEEKDAY = Pattern.compile("\\([月火水木金土日]\\)");
    private static final Pattern HALF_WIDTH_BRACKET = Pattern.compile("[()]");
    private static final Pattern ENGLISH_WORDS = Pattern.compile(WORD + "[ \\t]+" + WORD);

    private OneLanguage() {
    }

    /** What is wrong with a Japanese text, or null. */
    public static String japaneseProblem(String ja) {
        if (ja.contains("§")) {
            return "has a section reference (§)";
        }
        String rest = MAIL.matcher(URL.matcher(ja).replaceAll(" ")).replaceAll(" ");
        for (String name : NAMES) {
            rest = rest.replace(name, " ");
        }
        Matcher m = ENGLISH_SENTENCE.matcher(rest);
        if (m.find()) {
            return "has English words in a row: \"" + m.group() + "\"";
        }
        Matcher bracket = HALF_WIDTH_BRACKET.matcher(WEEKDAY.matcher(rest).replaceAll(""));
        return bracket.find() ? "has half-width brackets, not （）" : null;
    }

    /** What is wrong with an English text, or null. */
    public static String englishProblem(String en) {
        if (en.contains("§")) {
            return "has a section reference (§)";
        }
        Matcher m = JAPANESE.matcher(en);
        return m.find() ? "has Japanese: \"" + m.group() + "\" in …" + around(en, m.start()) + "…" : null;
    }

    /** What is wrong with a contact, the one bilingual string, or null. */
    public static String contactProblem(String contact) {
        if (contact.contains("§")) {
            return "has a section reference (§)";
        }
        if (!JAPANESE.matcher(contact).find() || !ENGLISH_WORDS.matcher(URL.matcher(contact).replaceAll(" ")).find()) {
            return "is not written in both languages (\"日本語 / English\")";
        }
        return null;
    }

    /** Every problem in a JSON answer: each {ja, en} object anywhere in it, and each contact. */
    public static List<String> problems(JsonNode answer) {
        List<String> problems = new ArrayList<>();
        walk(answer, "", problems);
        return problems;
    }

    private static void walk(JsonNode node, String path, List<String> problems) {
        if (node.isObject()) {
            if (node.path("ja").isTextual() && node.path("en").isTextual()) {
                add(problems, path + ".ja", japaneseProblem(node.get("ja").asText()));
                add(problems, path + ".en", englishProblem(node.get("en").asText()));
            }
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("contact") && field.getValue().isTextual()) {
                    add(problems, path + ".contact", contactProblem(field.getValue().asText()));
                } else if (!field.getKey().equals("ja") && !field.getKey().equals("en")) {
                    walk(field.getValue(), path + "." + field.getKey(), problems);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode element = node.get(i);
                String name = element.path("code").isTextual() ? element.get("code").asText()
                        : element.path("fact").isTextual() ? element.get("fact").asText() : String.valueOf(i);
                walk(element, path + "[" + name + "]", problems);
            }
        }
    }

    private static void add(List<String> problems, String path, String problem) {
        if (problem != null) {
            problems.add(path + " " + problem);
        }
    }

    private static String around(String s, int at) {
        return s.substring(Math.max(0, at - 20), Math.min(s.length(), at + 20));
    }
}
