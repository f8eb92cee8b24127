package jp.smeir.scenario;

import java.time.OffsetDateTime;
import java.util.List;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Assessor;
import jp.smeir.engine.RuleEngine;
import jp.smeir.problem.FieldError;

/** Runs scenarios through the engine adapter, exactly as the API evaluates facts. */
public final class ScenarioRunner {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ScenarioRunner.class);

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
        Assessment assessment;
        try {
            assessment = Assessor.assess(engine.evaluate(scenario.facts(), at));
        } catch (RuntimeException e) {
            // rules under test may loop, throw in a consequence or name a code the catalogue lacks: a failure to report
            LOG.warnf(e, "scenario %s: the rules fail on its facts", name);
            return new Result(name, scenario.description(), false, List.of("the rules fail on these facts: " + describe(e)), null);
        }
        List<String> differences = ScenarioCheck.differences(scenario.expect(), assessment);
        return new Result(name, scenario.description(), differences.isEmpty(), differences, assessment);
    }

    /** In words an analyst can act on, without exception class names. */
    private static String describe(RuntimeException e) {
        if (e instanceof org.kie.api.runtime.rule.ConsequenceException c && c.getMatch() != null) {
            return "rule \"" + c.getMatch().getRule().getName() + "\" throws in its consequence";
        }
        if (e instanceof IllegalStateException && e.getMessage() != null) {
            return e.getMessage();
        }
        return "an error in a rule (the service log has the details)";
    }
}
