package jp.smeir.support;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.common.JsonConfig;
import jp.smeir.engine.RuleEngine;
import jp.smeir.scenario.ScenarioSuite;

/** The shipped rules and scenarios, loaded once per test JVM through the same engine adapter as the service. */
public final class TestRules {

    public static final Path RULES = Path.of("rules");
    public static final ObjectMapper JSON = JsonConfig.configure(new ObjectMapper().findAndRegisterModules());

    /**
     * As in the service (application.properties): Drools traces every match at TRACE level, and a plain test
     * JVM would otherwise format them all. Held here so that the configured loggers are not collected.
     */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("org.drools"), java.util.logging.Logger.getLogger("org.kie"));

    private static RuleEngine engine;
    private static List<ScenarioSuite.Entry> scenarios;

    private TestRules() {
    }

    public static synchronized RuleEngine engine() {
        if (engine == null) {
            QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
            engine = RuleEngine.fromFolder(RULES);
        }
        return engine;
    }

    /** Every scenario under rules/scenarios, named by its path there. */
    public static synchronized List<ScenarioSuite.Entry> scenarios() {
        if (scenarios == null) {
            scenarios = ScenarioSuite.load(RULES, JSON);
        }
        return scenarios;
    }
}
