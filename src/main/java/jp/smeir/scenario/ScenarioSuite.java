package jp.smeir.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.engine.RuleEngine;
import jp.smeir.problem.FieldError;
import jp.smeir.problem.ProblemMapper;

/** The scenario files under a rules folder's {@code scenarios/}, each named by its path there. */
public final class ScenarioSuite {

    /** A scenario and the file it came from. */
    public record Entry(String name, Scenario scenario) {
    }

    private ScenarioSuite() {
    }

    /**
     * A scenario file that is not valid JSON of the scenario format; the message names the file and the field, and
     * for a key the format does not have, the known key nearest to it ({@code expct} → {@code expect}).
     */
    public static final class UnreadableScenarioException extends RuntimeException {
        private final String file;
        private final String field;

        UnreadableScenarioException(String file, String field, String message) {
            super(file + ": " + (field.isEmpty() ? "" : field + " ") + message);
            this.file = file;
            this.field = field;
        }

        /** The file, under {@code scenarios/}; empty when the folder itself cannot be read. */
        public String file() {
            return file;
        }

        /** The field at fault by its path in the file, e.g. {@code expect.present[0].stauts}; empty for the whole file. */
        public String field() {
            return field;
        }
    }

    public static List<Entry> load(Path rulesFolder, ObjectMapper json) {
        Path root = rulesFolder.resolve("scenarios");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<Entry> entries = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = root.relativize(file).toString().replace('\\', '/');
                try {
                    entries.add(new Entry(name, json.readValue(file.toFile(), Scenario.class)));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    // named by the scenario file and the field, as for a request body: no Java type names
                    FieldError error = ProblemMapper.fieldError(e);
                    throw new UnreadableScenarioException(name, error.field(), error.message());
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UnreadableScenarioException("scenarios", "", "the folder cannot be read");
        }
    }

    /** The rule files as they are now on disk, built but not put in service: to test a change before reloading. */
    public static RuleEngine candidate(Path rulesFolder) {
        try {
            return new RuleEngine(jp.smeir.engine.RuleBase.build(rulesFolder));
        } catch (jp.smeir.engine.RuleBuildException e) {
            throw new jp.smeir.problem.ProblemException(422, "rules-invalid", "Rules do not build", "The rule files on disk do not build.",
                    List.of(), java.util.Map.of("ruleErrors", e.errors()));
        }
    }

    /** Runs every entry; returns the failures only. */
    public static List<ScenarioRunner.Result> failures(RuleEngine engine, List<Entry> entries) {
        // in parallel: each evaluation has its own session, and a reload waits for all of them
        return entries.parallelStream().map(e -> ScenarioRunner.run(engine, e.name(), e.scenario())).filter(r -> !r.passed()).toList();
    }
}
