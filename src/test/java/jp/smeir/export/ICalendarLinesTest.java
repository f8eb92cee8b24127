package jp.smeir.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class ICalendarLinesTest {

    @Test
    void foldsAt75OctetsBetweenCharactersNeverInsideOne() {
        // ASCII (1 octet), Japanese (3), an emoji outside the BMP (4, a surrogate pair in Java)
        String text = "SUMMARY:" + "a".repeat(70) + "個人情報保護委員会へ速報する🔥" + "b".repeat(80) + "🔥🔥🔥個人情報";
        String folded = ICalendarLines.fold(text);
        String[] lines = folded.split("\r\n");
        assertThat(lines.length).isGreaterThan(2);
        assertThat(Arrays.stream(lines)).allSatisfy(line -> {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(Character.isLowSurrogate(line.charAt(line.startsWith(" ") ? 1 : 0))).as("starts inside a character").isFalse();
            assertThat(Character.isHighSurrogate(line.charAt(line.length() - 1))).as("ends inside a character").isFalse();
        });
        assertThat(Arrays.stream(lines).skip(1)).allMatch(line -> line.startsWith(" "));
        // unfolding (RFC 5545 §3.1: remove CRLF and the one space after it) gives the line back
        assertThat(folded.replace("\r\n ", "")).isEqualTo(text);
        assertThat(ICalendarLines.fold("DTSTART:20261125T235959")).isEqualTo("DTSTART:20261125T235959");
        // a line of exactly 75 octets stays whole
        assertThat(ICalendarLines.fold("X".repeat(75))).doesNotContain("\r\n");
        assertThat(ICalendarLines.fold("X".repeat(76))).isEqualTo("X".repeat(75) + "\r\n X");
    }

    @Test
    void escapesTextAsRfc5545Says() {
        assertThat(ICalendarLines.escape("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
        assertThat(ICalendarLines.escape("tab\there\u0007bell:colon\"quote")).isEqualTo("tab\there bell:colon\"quote");
    }

    @Test
    void alarmTriggersAreNegativeDurations() {
        assertThat(ICalendarLines.before(Duration.ofHours(48))).isEqualTo("-PT48H");
        assertThat(ICalendarLines.before(Duration.ofMinutes(90))).isEqualTo("-PT1H30M");
        assertThat(ICalendarLines.before(Duration.ofSeconds(45))).isEqualTo("-PT45S");
        assertThat(ICalendarLines.before(Duration.ZERO)).isEqualTo("-PT0S");
    }
}
