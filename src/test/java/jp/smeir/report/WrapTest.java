package jp.smeir.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Folding Markdown to a width: the Markdown means the same, Japanese breaks by its rules. */
class WrapTest {

    @Test
    void aListItemContinuesUnderItsText() {
        List<String> lines = Wrap.fold("- 被害がまだ広がるおそれはありますか（他の機器への感染、攻撃者がまだ侵入している）？", 40);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(lines.get(0)).startsWith("- ");
        lines.subList(1, lines.size()).forEach(l -> assertThat(l).startsWith("  ").doesNotStartWith("   "));
        lines.forEach(l -> assertThat(Wrap.width(l)).isLessThanOrEqualTo(40));
        assertThat(String.join("", lines.stream().map(String::strip).toList()))
                .isEqualTo("- 被害がまだ広がるおそれはありますか（他の機器への感染、攻撃者がまだ侵入している）？");
    }

    @Test
    void closingPunctuationNeverStartsALineNorOpeningEndsOne() {
        String text = "1. ああああああああ、「いいいいいいいい」。（ううううううう）えええええええ";
        for (int width = 8; width <= 40; width++) {
            for (String line : Wrap.fold(text, width)) {
                String body = line.strip();
                assertThat("、。」）").as("line start at width %d: %s", width, line).doesNotContain(body.substring(0, 1));
                assertThat("「（").as("line end at width %d: %s", width, line).doesNotContain(body.substring(body.length() - 1));
            }
        }
        assertThat(Wrap.fold(text, 20).get(1)).startsWith("   ");
    }

    @Test
    void englishBreaksAtSpacesAndEmphasisStaysWhole() {
        List<String> lines = Wrap.fold("3. **Cut the card-data database off the network at once**: by Fri 20 Nov 10:30 JST (target)", 40);
        lines.forEach(l -> assertThat(Wrap.width(l)).isLessThanOrEqualTo(40));
        assertThat(lines.get(0)).isEqualTo("3. **Cut the card-data database off the");
        assertThat(lines).allSatisfy(l -> assertThat(l).doesNotEndWith(" ").doesNotContain("** "));
        assertThat(String.join(" ", lines.stream().map(String::strip).toList()))
                .isEqualTo("3. **Cut the card-data database off the network at once**: by Fri 20 Nov 10:30 JST (target)");
    }

    @Test
    void headingsTablesAndShortLinesStayWhole() {
        String heading = "# " + "対応シート".repeat(20);
        assertThat(Wrap.fold(heading, 40)).containsExactly(heading);
        assertThat(Wrap.fold("| a | b |", 4)).containsExactly("| a | b |");
        assertThat(Wrap.markdown("短い行\n\n- 項目\n", 80)).isEqualTo("短い行\n\n- 項目\n");
    }

    @Test
    void fullWidthCharactersTakeTwoColumns() {
        assertThat(Wrap.width("ab")).isEqualTo(2);
        assertThat(Wrap.width("対応")).isEqualTo(4);
        assertThat(Wrap.width("（①）")).isEqualTo(6);
        assertThat(Wrap.width("ｱ")).isEqualTo(1); // half-width katakana
    }
}
