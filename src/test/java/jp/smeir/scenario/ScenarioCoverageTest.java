package jp.smeir.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.smeir.assessment.Item;
import jp.smeir.engine.RuleBase;
import jp.smeir.support.TestRules;

/** The scenarios exercise the whole rule base: every rule fires somewhere, every catalogue code appears. */
class ScenarioCoverageTest {

    static final Map<String, ScenarioRunner.Result> RESULTS = new LinkedHashMap<>();

    @BeforeAll
    static void runAll() {
        for (ScenarioSuite.Entry entry : TestRules.scenarios()) {
            RESULTS.put(entry.name(), ScenarioRunner.run(TestRules.engine(), entry.name(), entry.scenario()));
        }
    }

    @Test
    void thereAreAtLeastEightyScenarios() {
        assertTrue(RESULTS.size() >= 80, "scenario files: " + RESULTS.size());
    }

    @Test
    void everyRuleFiresInSomeScenario() {
        RuleBase base = TestRules.engine().ruleBase();
        Set<String> unfired = new TreeSet<>(base.rules().keySet());
        RESULTS.values().stream().filter(r -> r.assessment() != null).forEach(r -> unfired.removeAll(r.assessment().firedRules()));
        assertTrue(unfired.isEmpty(), "rules that fire in no scenario:\n  " + String.join("\n  ", unfired));
    }

    @Test
    void everyCatalogueCodeAppearsInSomeScenario() {
        Set<String> missing = new TreeSet<>(TestRules.engine().ruleBase().catalogue().items().keySet());
        RESULTS.values().stream().filter(r -> r.assessment() != null)
                .forEach(r -> r.assessment().items().stream().map(Item::code).forEach(missing::remove));
        assertTrue(missing.isEmpty(), "catalogue codes that appear in no scenario: " + missing);
    }
}
