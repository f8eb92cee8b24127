package jp.smeir.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.engine.RuleEngine;

/** The scenario files under a rules folder's {@code scenarios/}, each named by its path there. */
public final class ScenarioSuite {

    /** A scenario and the file it came from. */
    public record Entry(String name, Scenario scenario) {
    }

    private ScenarioSuite() {
    }

    public static List<Entry> load(Path rulesFolder, ObjectMapper json) {
        Path root = rulesFolder.resolve("scenarios");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            List<Entry> entries = new ArrayList<>();
            for (Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                entries.add(new Entry(root.relativize(file).toString().replace('\\', '/'), json.readValue(file.toFile(), Scenario.class)));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the scenarios in " + root + ": " + e.getMessage(), e);
        }
    }

    /** Runs every entry; returns the failures only. */
    public static List<ScenarioRunner.Result> failures(RuleEngine engine, List<Entry> entries) {
        return entries.stream().map(e -> ScenarioRunner.run(engine, e.name(), e.scenario())).filter(r -> !r.passed()).toList();
    }
}
