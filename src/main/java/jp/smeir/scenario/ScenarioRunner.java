package jp.smeir.scenario;

import java.time.OffsetDateTime;
import java.util.List;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Assessor;
import jp.smeir.engine.RuleEngine;
import jp.smeir.problem.FieldError;

/** Runs scenarios through the engine adapter, exactly as the API evaluates facts. */
public final class ScenarioRunner {

    /** The outcome of one scenario: passed when there is no difference. */
    public record Result(String name, String description, boolean passed, List<String> differences, Assessment assessment) {
    }

    private ScenarioRunner() {
    }

    public static Result run(RuleEngine engine, String name, Scenario scenario) {
        if (scenario.facts() == null) {
            return new Result(name, scenario.description(), false, List.of("facts: missing"), null);
        }
        List<FieldError> invalid = scenario.facts().violations();
        if (!invalid.isEmpty()) {
            return new Result(name, scenario.description(), false,
                    invalid.stream().map(e -> "facts." + e.field() + " " + e.message()).toList(), null);
        }
        OffsetDateTime at = scenario.evaluatedAt() != null ? scenario.evaluatedAt() : scenario.facts().awareAt().plusHours(1);
        Assessment assessment = Assessor.assess(engine.evaluate(scenario.facts(), at));
        List<String> differences = ScenarioCheck.differences(scenario.expect(), assessment);
        return new Result(name, scenario.description(), differences.isEmpty(), differences, assessment);
    }
}
