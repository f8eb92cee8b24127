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
 * {@code -Dmutation.rules=<folder>} scores another rules folder (a draft).
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
        long start = System.nanoTime();
        MutationRun.Report report = run.run(mutants, Runtime.getRuntime().availableProcessors(), work);
        String text = report.text() + "(%d mutants in %d s)%n".formatted(mutants.size(), (System.nanoTime() - start) / 1_000_000_000);
        System.out.print(text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "mutation-report.txt"), text);
        assertThat(report.percent()).as(text).isGreaterThanOrEqualTo(REQUIRED_PERCENT);
    }
}
