package jp.smeir.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds Markdown to a width in display columns, so that a sheet prints as it reads in a terminal: a Japanese
 * (full-width) character takes two columns. A list item or quote continues indented under its text, so the
 * Markdown means the same; headings and table rows are left whole. Japanese breaks between any two characters
 * except before closing and after opening brackets and punctuation (禁則); other text breaks at spaces.
 */
final class Wrap {

    /** A list marker or a quote, whose continuation lines are indented to its text. */
    private static final Pattern LEAD = Pattern.compile("^(\\s*(?:[-*+]|\\d+\\.)\\s+|\\s*>\\s?)");
    private static final String NO_LINE_START = "、。，．・：；？！）」』】］〕｝〉》ー…‥々ぁぃぅぇぉっゃゅょァィゥェォッャュョ,.;:!?)]}";
    private static final String NO_LINE_END = "（「『【［〔｛〈《([{";

    private Wrap() {
    }

    static String markdown(String md, int columns) {
        StringBuilder out = new StringBuilder(md.length() + 256);
        md.lines().forEach(line -> {
            for (String folded : fold(line, columns)) {
                out.append(folded).append('\n');
            }
        });
        return out.toString();
    }

    static List<String> fold(String line, int columns) {
        if (width(line) <= columns || line.startsWith("#") || line.startsWith("|")) {
            return List.of(line);
        }
        Matcher lead = LEAD.matcher(line);
        String first = lead.find() ? lead.group(1) : "";
        String indent = first.strip().startsWith(">") ? first : " ".repeat(first.length());
        List<String> lines = new ArrayList<>();
        String rest = line.substring(first.length());
        String prefix = first;
        while (width(prefix + rest) > columns) {
            int cut = cut(rest, columns - width(prefix));
            if (cut <= 0) {
                break;
            }
            lines.add((prefix + rest.substring(0, cut)).stripTrailing());
            rest = rest.substring(cut).stripLeading();
            prefix = indent;
        }
        lines.add(prefix + rest);
        return lines;
    }

    /** Where to break {@code text} to fit {@code room} columns: after the last allowed point that fits. */
    private static int cut(String text, int room) {
        int used = 0;
        int best = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            used += width(c);
            if (used > room) {
                break;
            }
            if (next < text.length() && breakable(text, i, next)) {
                best = next;
            }
            i = next;
        }
        return best;
    }

    /** May a line end after the character at {@code i} (which ends at {@code next})? */
    private static boolean breakable(String text, int i, int next) {
        int before = text.codePointAt(i);
        int after = text.codePointAt(next);
        if (NO_LINE_START.indexOf(after) >= 0 || NO_LINE_END.indexOf(before) >= 0 || before == '*' || after == '*') {
            // emphasis marks must touch their text, or they are no longer emphasis
            return false;
        }
        if (after == ' ') {
            return false; // break at the space itself, after it
        }
        return before == ' ' || width(before) == 2 || width(after) == 2;
    }

    static int width(String s) {
        return s.codePoints().map(Wrap::width).sum();
    }

    /**
     * Two columns for East Asian wide and full-width characters, and for the ambiguous ones Japanese text uses
     * (①, ■, ※, →, —): counted wide, a line never prints wider than measured.
     */
    static int width(int c) {
        boolean wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2190 && c <= 0x21FF)
                || (c >= 0x2460 && c <= 0x24FF) || (c >= 0x25A0 && c <= 0x27BF) || c == 0x203B
                || (c >= 0x2E80 && c <= 0x303E) || (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE10 && c <= 0xFE19) || (c >= 0xFE30 && c <= 0xFE6F)
                || (c >= 0xFF00 && c <= 0xFF60) || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F)
                || (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
