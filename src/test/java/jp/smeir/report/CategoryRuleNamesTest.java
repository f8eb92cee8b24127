package jp.smeir.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jp.smeir.support.TestRules;

/**
 * The PPC draft reads the APPI categories from the names of the rules that fired (stored assessments keep them):
 * every rule that derives a category must name it, and say "unknown" at the end when it leaves it unknown.
 */
class CategoryRuleNamesTest {

    private static final Pattern RULE = Pattern.compile("(?s)rule \"([^\"]+)\"(.*?)\\nend");
    private static final Pattern CATEGORY = Pattern.compile("new AppiCategory\\((\\d)");

    @Test
    void everyRuleThatDerivesACategoryNamesIt() throws IOException {
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(TestRules.RULES)) {
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher rule = RULE.matcher(Files.readString(drl));
                while (rule.find()) {
                    Matcher category = CATEGORY.matcher(rule.group(2));
                    if (!category.find()) {
                        continue;
                    }
                    String name = rule.group(1);
                    String mark = String.valueOf("①②③④".charAt(Integer.parseInt(category.group(1)) - 1));
                    boolean unknown = rule.group(2).contains("new AppiCategory(" + category.group(1) + ", Reasoning.unknown(");
                    assertThat(name).as(drl.getFileName() + ": " + name).contains("→ APPI category " + mark);
                    assertThat(name.endsWith(" unknown")).as(name).isEqualTo(unknown);
                    checked.add(name);
                }
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(8);
    }
}
