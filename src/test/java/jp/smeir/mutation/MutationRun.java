package jp.smeir.mutation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.kie.api.KieServices;

import jp.smeir.engine.RuleBase;
import jp.smeir.engine.RuleBuildException;
import jp.smeir.engine.RuleEngine;
import jp.smeir.scenario.ScenarioRunner;
import jp.smeir.scenario.ScenarioSuite;
import jp.smeir.support.Folders;

/**
 * Breaks the rules of a folder on purpose, one mutant at a time, and counts how many breaks its scenarios catch.
 * All in one JVM and in parallel: each mutant is built as a rule base of its own and run first against the
 * scenarios in which the mutated rule fires with the unbroken rules, which catch nearly every mutant that can be
 * caught; a mutant they miss is run against every other scenario before it counts as surviving.
 */
public final class MutationRun {

    /** How one mutant fared: killed by a scenario (named), surviving, or not a rule base at all (it does not build). */
    public record Outcome(Mutant mutant, Verdict verdict, String killedBy) {
    }

    public enum Verdict { KILLED, SURVIVED, NOT_BUILT }

    /** Every outcome; the score counts the mutants that built. */
    public record Report(List<Outcome> outcomes) {

        public long killed() {
            return count(Verdict.KILLED);
        }

        public long viable() {
            return killed() + count(Verdict.SURVIVED);
        }

        public double percent() {
            return viable() == 0 ? 100 : 100.0 * killed() / viable();
        }

        public List<Outcome> survivors() {
            return outcomes.stream().filter(o -> o.verdict() == Verdict.SURVIVED).toList();
        }

        private long count(Verdict verdict) {
            return outcomes.stream().filter(o -> o.verdict() == verdict).count();
        }

        /** Survivors with their rule and change, then {@code note} (how long it took), then the score line. */
        public String text(String note) {
            StringBuilder out = new StringBuilder();
            for (Outcome o : survivors()) {
                out.append("survived: ").append(o.mutant()).append('\n');
            }
            long unbuilt = count(Verdict.NOT_BUILT);
            if (unbuilt > 0) {
                out.append(unbuilt).append(" mutants did not build and are not counted\n");
            }
            out.append(note).append('\n');
            out.append("mutation score: %d of %d mutants killed (%.1f%%)".formatted(killed(), viable(), percent())).append('\n');
            return out.toString();
        }
    }

    private final Path rules;
    private final List<ScenarioSuite.Entry> scenarios;
    private final Map<String, byte[]> files;

    public MutationRun(Path rules, ObjectMapper json) {
        this.rules = rules;
        this.scenarios = ScenarioSuite.load(rules, json);
        this.files = readFolder(rules);
    }

    /** Every mutant of every .drl file of the folder. */
    public List<Mutant> mutants() {
        return files.entrySet().stream().filter(e -> e.getKey().endsWith(".drl"))
                .flatMap(e -> DrlMutants.of(e.getKey(), new String(e.getValue(), java.nio.charset.StandardCharsets.UTF_8)).stream())
                .toList();
    }

    public Report run(List<Mutant> mutants, int threads, Path work) {
        RuleEngine original = new RuleEngine(RuleBase.build(rules));
        List<ScenarioRunner.Result> baseline = scenarios.stream().map(e -> ScenarioRunner.run(original, e.name(), e.scenario())).toList();
        List<String> failing = baseline.stream().filter(r -> !r.passed()).map(ScenarioRunner.Result::name).toList();
        if (!failing.isEmpty()) {
            throw new IllegalStateException("the scenarios must pass on the unbroken rules first; failing: " + failing);
        }
        Map<String, ScenarioSuite.Entry> byName = scenarios.stream().collect(Collectors.toMap(ScenarioSuite.Entry::name, Function.identity()));
        Map<String, List<ScenarioSuite.Entry>> firing = baseline.stream()
                .flatMap(r -> r.assessment().firedRules().stream().map(rule -> Map.entry(rule, byName.get(r.name()))))
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < mutants.size(); i++) {
                Mutant mutant = mutants.get(i);
                Path folder = work.resolve("m" + i);
                futures.add(pool.submit(() -> evaluate(mutant, folder, firing.getOrDefault(mutant.rule(), List.of()))));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return new Report(outcomes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome evaluate(Mutant mutant, Path folder, List<ScenarioSuite.Entry> firstScenarios) {
        write(folder, mutant);
        RuleBase base;
        try {
            base = RuleBase.build(folder);
        } catch (RuleBuildException e) {
            return new Outcome(mutant, Verdict.NOT_BUILT, null);
        } finally {
            Folders.delete(folder);
        }
        try {
            RuleEngine engine = new RuleEngine(base);
            String killer = firstFailure(engine, firstScenarios);
            if (killer == null) {
                Set<String> tried = firstScenarios.stream().map(ScenarioSuite.Entry::name).collect(Collectors.toSet());
                killer = firstFailure(engine, scenarios.stream().filter(e -> !tried.contains(e.name())).toList());
            }
            return new Outcome(mutant, killer == null ? Verdict.SURVIVED : Verdict.KILLED, killer);
        } finally {
            // every build registers its module in Drools' global repository: let it go
            KieServices ks = KieServices.get();
            ks.getRepository().removeKieModule(ks.newReleaseId("jp.smeir", "rules", "1.0.0-" + base.version().substring(7, 23)));
        }
    }

    private static String firstFailure(RuleEngine engine, List<ScenarioSuite.Entry> entries) {
        for (ScenarioSuite.Entry e : entries) {
            if (!ScenarioRunner.run(engine, e.name(), e.scenario()).passed()) {
                return e.name();
            }
        }
        return null;
    }

    /** The rule files and catalogue of the mutant: the folder's, with the one mutated file replaced. */
    private void write(Path folder, Mutant mutant) {
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path target = folder.resolve(f.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, f.getKey().equals(mutant.file())
                        ? mutant.mutatedFile().getBytes(java.nio.charset.StandardCharsets.UTF_8) : f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .drl files and the catalogue, which is all a rule base is built from. */
    private static Map<String, byte[]> readFolder(Path rules) {
        try (Stream<Path> walk = Files.walk(rules)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".drl") || p.getFileName().toString().equals("catalogue.yaml"))
                    .filter(p -> !rules.relativize(p).startsWith("scenarios"))
                    .collect(Collectors.toMap(p -> rules.relativize(p).toString().replace('\\', '/'), MutationRun::read,
                            (a, b) -> a, java.util.TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
