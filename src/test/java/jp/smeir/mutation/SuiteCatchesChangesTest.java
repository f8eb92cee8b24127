package jp.smeir.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.smeir.engine.RuleBase;
import jp.smeir.engine.RuleEngine;
import jp.smeir.scenario.ScenarioRunner;
import jp.smeir.scenario.ScenarioSuite;
import jp.smeir.support.Folders;
import jp.smeir.support.TestRules;

/**
 * A change an analyst might make by mistake, which once passed every scenario and was put into service: the
 * ransomware isolation turned from "at once" into a 7-day deadline. The suite must catch it.
 */
class SuiteCatchesChangesTest {

    static final String ISOLATE = "insert(Finding.advice(kcontext, \"ISOLATE_FROM_NETWORK\", Due.immediately(), Reasoning.types($types)));";

    @Test
    void theRansomwareIsolationLoosenedToSevenDaysFailsTheSuite(@TempDir Path dir) throws IOException {
        Path rules = dir.resolve("rules");
        Folders.copy(TestRules.RULES, rules);
        Path drl = rules.resolve("detect-and-respond.drl");
        String text = Files.readString(drl);
        assertThat(text).contains(ISOLATE);
        Files.writeString(drl, text.replace(ISOLATE, ISOLATE.replace("Due.immediately()", "Due.days(7)")));

        RuleEngine changed = new RuleEngine(RuleBase.build(rules));
        List<ScenarioRunner.Result> failures = ScenarioSuite.failures(changed, TestRules.scenarios());

        assertThat(failures).as("scenarios that catch the change").isNotEmpty();
        assertThat(failures).flatExtracting(ScenarioRunner.Result::differences).anyMatch(d -> d.startsWith("ISOLATE_FROM_NETWORK: timing"));
    }
}
