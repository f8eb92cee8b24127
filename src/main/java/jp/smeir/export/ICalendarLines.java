package jp.smeir.export;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jp.smeir.deadline.JapaneseCalendar;

/**
 * iCalendar content lines as RFC 5545 §3.1 writes them: CRLF after each, folded so that no line is longer
 * than 75 octets (never inside a UTF-8 sequence, as Japanese text would otherwise be), TEXT values escaped
 * (§3.3.11). Times are local to Asia/Tokyo, for which {@link #TIMEZONE} is the definition.
 */
final class ICalendarLines {

    static final String TZID = "Asia/Tokyo";
    private static final int MAX_OCTETS = 75;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");

    /** Japan has kept +09:00 without daylight saving since 1951. */
    static final String[] TIMEZONE = {
        "BEGIN:VTIMEZONE", "TZID:" + TZID, "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0900",
        "TZOFFSETTO:+0900", "TZNAME:JST", "END:STANDARD", "END:VTIMEZONE"};

    private final StringBuilder out = new StringBuilder();

    /** A line whose value is already in its iCalendar form (a date, a number, a code). */
    ICalendarLines line(String nameAndParameters, String value) {
        return raw(nameAndParameters + ":" + value);
    }

    ICalendarLines lines(String... raw) {
        for (String line : raw) {
            raw(line);
        }
        return this;
    }

    /** A line with a TEXT value. */
    ICalendarLines text(String name, String text) {
        return raw(name + ":" + escape(text));
    }

    /** A DATE-TIME in Japan time with its TZID. */
    ICalendarLines local(String name, OffsetDateTime t) {
        return raw(name + ";TZID=" + TZID + ":" + LOCAL.format(t.atZoneSameInstant(JapaneseCalendar.JST)));
    }

    /** A DATE-TIME in UTC, as DTSTAMP and LAST-MODIFIED must be. */
    ICalendarLines utc(String name, Instant t) {
        return raw(name + ":" + LOCAL.format(t.atOffset(ZoneOffset.UTC)) + "Z");
    }

    private ICalendarLines raw(String line) {
        out.append(fold(line)).append("\r\n");
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    /** A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters cannot appear. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case ';' -> s.append("\\;");
                case ',' -> s.append("\\,");
                case '\n' -> s.append("\\n");
                case '\r' -> {
                    s.append("\\n");
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> s.append(c != '\t' && Character.isISOControl(c) ? ' ' : c);
            }
        }
        return s.toString();
    }

    /** Breaks a line before it would pass 75 octets; each continuation starts with a space, which counts. */
    static String fold(String line) {
        StringBuilder s = new StringBuilder(line.length() + 8);
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;   // its length in UTF-8
            if (octets + size > MAX_OCTETS) {
                s.append("\r\n ");
                octets = 1;
            }
            s.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        return s.toString();
    }

    /** A negative DURATION (an alarm's trigger before the event): -PT24H, -PT1H30M. */
    static String before(Duration lead) {
        long seconds = lead.getSeconds();
        StringBuilder s = new StringBuilder("-PT");
        if (seconds >= 3600) {
            s.append(seconds / 3600).append('H');
        }
        if (seconds % 3600 >= 60) {
            s.append(seconds % 3600 / 60).append('M');
        }
        if (seconds % 60 > 0 || seconds == 0) {
            s.append(seconds % 60).append('S');
        }
        return s.toString();
    }
}
