package jp.smeir.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.smeir.support.TestRules;

/** Every file under rules/scenarios is a case: adding a file adds a test. */
class ScenarioFilesTest {

    static Stream<Path> scenarios() {
        return TestRules.scenarioFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenarioHolds(Path file) {
        Scenario scenario = TestRules.read(file);
        ScenarioRunner.Result result = ScenarioRunner.run(TestRules.engine(), file.toString(), scenario);
        if (Boolean.getBoolean("scenario.print") && result.assessment() != null) {
            // -Dscenario.print=true: show what the engine answered, to help write a scenario's expectations.
            System.out.println("── " + file + "\n" + ScenarioSummary.of(result.assessment()));
        }
        assertTrue(result.passed(), () -> file + " — " + scenario.description() + "\n  " + String.join("\n  ", result.differences()));
    }
}
