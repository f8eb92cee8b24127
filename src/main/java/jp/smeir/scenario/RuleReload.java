package jp.smeir.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.engine.RuleBase;
import jp.smeir.engine.RuleBuildException;
import jp.smeir.engine.RuleEngine;
import jp.smeir.problem.ProblemException;

/**
 * Puts the rule files as they are now on disk into service, but only if they build and every scenario in
 * {@code rules/scenarios} passes against them; otherwise the rules in service stay, untouched. Evaluations in
 * flight finish on the rule base they started with.
 */
@ApplicationScoped
public class RuleReload {

    private static final Logger LOG = Logger.getLogger(RuleReload.class);

    @Inject
    RuleEngine engine;

    @Inject
    ObjectMapper json;

    @Inject
    jp.smeir.common.CurrentActor actor;

    @ConfigProperty(name = "incident.rules.folder", defaultValue = "rules")
    String folder;

    /** What a reload did: {@code millis} in all, of which building the rules and running the scenarios. */
    public record Outcome(String previousVersion, String version, int rules, int scenariosPassed, long millis,
                          long buildMillis, long scenariosMillis) {
    }

    public synchronized Outcome reload() {
        long start = System.nanoTime();
        Path root = Path.of(folder);
        RuleBase candidate;
        try {
            candidate = RuleBase.build(root);
        } catch (RuleBuildException e) {
            throw new ProblemException(422, "rules-invalid", "Rules do not build",
                    "The rule files do not build; the rules in service are unchanged.", List.of(), Map.of("ruleErrors", e.errors()));
        }
        List<ScenarioSuite.Entry> suite;
        try {
            suite = ScenarioSuite.load(root, json);
        } catch (ScenarioSuite.UnreadableScenarioException e) {
            throw new ProblemException(422, "scenarios-invalid", "Scenarios cannot be read",
                    "A scenario file cannot be read; the rules in service are unchanged. " + e.getMessage());
        }
        long built = System.nanoTime();
        List<ScenarioRunner.Result> failed = ScenarioSuite.failures(new RuleEngine(candidate), suite);
        long ran = System.nanoTime();
        if (!failed.isEmpty()) {
            throw new ProblemException(422, "scenarios-failed", "Scenarios fail",
                    failed.size() + " of " + suite.size() + " scenarios fail with the new rules; the rules in service are unchanged.",
                    List.of(), Map.of("scenarioFailures", failed.stream()
                            .map(r -> Map.of("name", r.name(), "differences", r.differences())).toList()));
        }
        String previous = engine.ruleBase().version();
        engine.swap(candidate);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long buildMillis = (built - start) / 1_000_000;
        long scenariosMillis = (ran - built) / 1_000_000;
        LOG.infof("rule base %s replaces %s (reloaded by %s): %d rules, %d scenarios pass, in %d ms (build %d ms, scenarios %d ms)",
                candidate.version(), previous, actor.name(), candidate.rules().size(), suite.size(), millis, buildMillis, scenariosMillis);
        return new Outcome(previous, candidate.version(), candidate.rules().size(), suite.size(), millis, buildMillis, scenariosMillis);
    }
}
