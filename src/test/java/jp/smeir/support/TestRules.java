package jp.smeir.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.common.JsonConfig;
import jp.smeir.engine.RuleEngine;
import jp.smeir.scenario.Scenario;

/** The shipped rules and scenarios, loaded once per test JVM through the same engine adapter as the service. */
public final class TestRules {

    public static final Path RULES = Path.of("rules");
    public static final Path SCENARIOS = RULES.resolve("scenarios");
    public static final ObjectMapper JSON = JsonConfig.configure(new ObjectMapper().findAndRegisterModules());

    /**
     * As in the service (application.properties): Drools traces every match at TRACE level, and a plain test
     * JVM would otherwise format them all. Held here so that the configured loggers are not collected.
     */
    private static final List<java.util.logging.Logger> QUIET = List.of(
            java.util.logging.Logger.getLogger("org.drools"), java.util.logging.Logger.getLogger("org.kie"));

    private static RuleEngine engine;

    private TestRules() {
    }

    public static synchronized RuleEngine engine() {
        if (engine == null) {
            QUIET.forEach(logger -> logger.setLevel(java.util.logging.Level.WARNING));
            engine = RuleEngine.fromFolder(RULES);
        }
        return engine;
    }

    /** Every scenario file, as a path relative to rules/scenarios. */
    public static List<Path> scenarioFiles() {
        try (Stream<Path> files = Files.walk(SCENARIOS)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Scenario read(Path file) {
        try {
            return JSON.readValue(file.toFile(), Scenario.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read scenario " + file, e);
        }
    }
}
