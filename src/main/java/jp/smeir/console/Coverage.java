package jp.smeir.console;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.engine.RuleEngine;
import jp.smeir.scenario.ScenarioRunner;
import jp.smeir.scenario.ScenarioSuite;

/**
 * Which scenarios make each rule in service fire: every scenario on disk run once per rule base version (a
 * reload or a changed scenario folder makes a new run), kept for the Rules page.
 */
@ApplicationScoped
public class Coverage {

    private record Run(String key, Map<String, List<String>> byRule) {
    }

    @Inject
    RuleEngine engine;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "incident.rules.folder", defaultValue = "rules")
    String rulesFolder;

    private volatile Run last;

    /** Rule name → the names of the scenarios in which it fires. */
    public Map<String, List<String>> byRule() {
        List<ScenarioSuite.Entry> suite = ScenarioSuite.load(Path.of(rulesFolder), json);
        String key = engine.ruleBase().version() + "/" + suite.hashCode();
        Run run = last;
        if (run == null || !run.key().equals(key)) {
            Map<String, List<String>> byRule = new TreeMap<>();
            for (ScenarioSuite.Entry e : suite) {
                ScenarioRunner.Result r = ScenarioRunner.run(engine, e.name(), e.scenario());
                if (r.assessment() != null) {
                    r.assessment().firedRules().forEach(rule -> byRule.computeIfAbsent(rule, k -> new ArrayList<>()).add(e.name()));
                }
            }
            run = new Run(key, byRule);
            last = run;
        }
        return run.byRule();
    }
}
