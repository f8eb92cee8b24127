package jp.smeir.scenario;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.engine.RuleEngine;
import jp.smeir.problem.ProblemException;

/**
 * Every scenario of a rules folder run against a rule set: the failures first, each with what was expected and
 * what the rules answered, then the summary.
 */
public record SuiteReport(String rules, List<Failure> failures, Summary summary) {

    /** A scenario that fails: its file (under {@code scenarios/}), its description, and every difference in words. */
    public record Failure(String name, String description, List<String> differences) {
    }

    public record Summary(int total, int passed, int failed, String rulesetVersion) {
    }

    /**
     * @param rules   what {@code rules=} named, echoed in the answer
     * @param folder  the rules folder whose {@code scenarios/} are run
     * @throws ProblemException 422 when a scenario file cannot be read, naming the file and the field
     */
    public static SuiteReport run(String rules, Path folder, RuleEngine engine, ObjectMapper json) {
        List<ScenarioSuite.Entry> suite = load(folder, json, "");
        List<Failure> failures = ScenarioSuite.failures(engine, suite).stream()
                .sorted(Comparator.comparing(ScenarioRunner.Result::name))
                .map(r -> new Failure(r.name(), r.description(), r.differences())).toList();
        return new SuiteReport(rules, failures,
                new Summary(suite.size(), suite.size() - failures.size(), failures.size(), engine.ruleBase().version()));
    }

    /** The scenarios of a rules folder; one that cannot be read is a 422 naming the file and the field ({@code consequence} ends the detail). */
    static List<ScenarioSuite.Entry> load(Path folder, ObjectMapper json, String consequence) {
        try {
            return ScenarioSuite.load(folder, json);
        } catch (ScenarioSuite.UnreadableScenarioException e) {
            throw new ProblemException(422, "scenarios-invalid", "Scenarios cannot be read",
                    "A scenario file cannot be read" + consequence + ". " + e.getMessage(), List.of(),
                    Map.of("scenarioFile", e.file(), "field", e.field()));
        }
    }
}
