package jp.smeir.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.smeir.support.TestRules;

/**
 * The mutation score of the scenario suite on the shipped rules: {@code ./mvnw -Pmutation verify}. Prints (and
 * writes to target/mutation-report.txt) every surviving mutant with its rule and change, then the line
 * {@code mutation score: K of N mutants killed (P%)}, and fails below {@value #REQUIRED_PERCENT}%.
 * {@code -Dmutation.rules=<folder>} scores another rules folder (a draft); {@code -Dmutation.again=<report>} runs only
 * the survivors of an earlier report, to check the scenarios added for them.
 */
@Tag("mutation")
class MutationScoreTest {

    static final double REQUIRED_PERCENT = 95;

    @Test
    void theScenariosKillAtLeast95PercentOfTheMutants(@TempDir Path work) throws IOException {
        TestRules.engine();
        Path rules = Path.of(System.getProperty("mutation.rules", "rules"));
        MutationRun run = new MutationRun(rules, TestRules.JSON);
        List<Mutant> mutants = run.mutants();
        String again = System.getProperty("mutation.again");
        if (again != null) {
            // while adding scenarios: only the survivors of an earlier report, and no verdict on the score
            java.util.Set<String> survivors = Files.readAllLines(Path.of(again)).stream()
                    .filter(l -> l.startsWith("survived: ")).map(l -> l.substring("survived: ".length())).collect(java.util.stream.Collectors.toSet());
            mutants = mutants.stream().filter(m -> survivors.contains(m.toString())).toList();
        }
        long start = System.nanoTime();
        MutationRun.Report report = run.run(mutants, Runtime.getRuntime().availableProcessors(), work);
        String text = report.text("(%d mutants in %d s, %d threads)".formatted(mutants.size(),
                (System.nanoTime() - start) / 1_000_000_000, Runtime.getRuntime().availableProcessors()));
        System.out.print(text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", again == null ? "mutation-report.txt" : "mutation-again.txt"), text);
        if (again != null) {
            return;
        }
        assertThat(report.percent()).as(text).isGreaterThanOrEqualTo(REQUIRED_PERCENT);
    }
}
