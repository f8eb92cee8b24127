package jp.smeir.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import jp.smeir.support.TestRules;

/** Every file under rules/scenarios is a case: adding a file adds a test. */
class ScenarioFilesTest {

    static Stream<Arguments> scenarios() {
        return TestRules.scenarios().stream().map(e -> Arguments.of(Named.of(e.name(), e)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioHolds(ScenarioSuite.Entry entry) {
        ScenarioRunner.Result result = ScenarioRunner.run(TestRules.engine(), entry.name(), entry.scenario());
        if (Boolean.getBoolean("scenario.print") && result.assessment() != null) {
            // -Dscenario.print=true: show what the engine answered, to help write a scenario's expectations.
            System.out.println("── " + entry.name() + "\n" + ScenarioSummary.of(result.assessment()));
        }
        assertTrue(result.passed(), () -> entry.name() + " — " + entry.scenario().description() + "\n  "
                + String.join("\n  ", result.differences()));
    }
}
