package jp.smeir.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import jp.smeir.engine.RuleBase;
import jp.smeir.engine.RuleBuildException;
import jp.smeir.engine.RuleEngine;
import jp.smeir.problem.ProblemException;
import jp.smeir.rules.Impact;
import jp.smeir.rules.ImpactCheck;

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

    @Inject
    ImpactCheck impactCheck;

    @ConfigProperty(name = "incident.rules.folder", defaultValue = "rules")
    String folder;

    @ConfigProperty(name = "incident.rules.reload-rehearsal.enabled", defaultValue = "true")
    boolean rehearse;

    @ConfigProperty(name = "incident.rules.reload-rehearsal.delay", defaultValue = "10s")
    Duration rehearsalDelay;

    /** The rehearsal scheduled at the start, cancelled if the service stops before it runs. */
    private volatile CompletableFuture<Void> rehearsal;

    /**
     * What a reload did: {@code millis} in all, of which building the rules and running the scenarios; and what it did to
     * the open incidents, each assessed under the previous rules and the new ones ({@code impact}: null if that could
     * not be worked out, which the log then says; the reload stands).
     */
    public record Outcome(String previousVersion, String version, int rules, int scenariosPassed, long millis,
                          long buildMillis, long scenariosMillis, Impact impact) {
    }

    /** The rules on disk, built, and the scenarios run against them; nothing is in service yet. */
    private record Trial(RuleBase candidate, int scenarios, List<ScenarioRunner.Result> failed, long buildMillis,
                         long scenariosMillis) {
    }

    public synchronized Outcome reload() {
        long start = System.nanoTime();
        Trial trial = trial();
        if (!trial.failed().isEmpty()) {
            throw new ProblemException(422, "scenarios-failed", "Scenarios fail",
                    trial.failed().size() + " of " + trial.scenarios() + " scenarios fail with the new rules; the rules in service are unchanged.",
                    List.of(), Map.of("scenarioFailures", trial.failed().stream()
                            .map(r -> Map.of("name", r.name(), "differences", r.differences())).toList()));
        }
        RuleBase candidate = trial.candidate();
        RuleBase replaced = engine.ruleBase();
        String previous = replaced.version();
        engine.swap(candidate);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Impact impact = impact(replaced, candidate);
        LOG.infof("rule base %s replaces %s (reloaded by %s): %d rules, %d scenarios pass, in %d ms (build %d ms, scenarios %d ms)",
                candidate.version(), previous, actor.name(), candidate.rules().size(), trial.scenarios(), millis,
                trial.buildMillis(), trial.scenariosMillis());
        return new Outcome(previous, candidate.version(), candidate.rules().size(), trial.scenarios(), millis,
                trial.buildMillis(), trial.scenariosMillis(), impact);
    }

    /** The open incidents the new rules change, against the rules they replaced; null when they cannot be read. */
    private Impact impact(RuleBase replaced, RuleBase candidate) {
        try {
            Impact impact = impactCheck.between(new RuleEngine(replaced), new RuleEngine(candidate));
            LOG.infof("rule base %s changes %d of %d open incidents (%d gain an item, %d lose one, %d change one)", candidate.version(),
                    impact.affected(), impact.open(), impact.gaining(), impact.losing(), impact.changing());
            return impact;
        } catch (RuntimeException e) {
            LOG.warn("the reload stands, but its impact on the open incidents could not be worked out", e);
            return null;
        }
    }

    /**
     * Does what a reload does, building the rules on disk and running every scenario, but puts nothing into
     * service. The start builds the rules once, while the JIT compiler has not yet compiled Drools' builder,
     * so an operator's first reload would take about twice as long as later ones (BENCHMARKS.md); one
     * rehearsal in the background, {@code incident.rules.reload-rehearsal.delay} after the start, spares it
     * that. A reload asked for meanwhile waits for it (about a second).
     *
     * @return how long it took, in milliseconds
     */
    public synchronized long rehearse() {
        long start = System.nanoTime();
        Trial trial = trial();
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.debugf("reload rehearsed in %d ms (build %d ms, %d scenarios %d ms, %d failing); nothing was put into service",
                millis, trial.buildMillis(), trial.scenarios(), trial.scenariosMillis(), trial.failed().size());
        return millis;
    }

    void scheduleRehearsal(@Observes StartupEvent started) {
        if (!rehearse) {
            return;
        }
        rehearsal = CompletableFuture.runAsync(() -> {
            try {
                rehearse();
            } catch (ProblemException e) {
                // the rules on disk may be mid-edit; a reload would answer 422, and the rules in service are untouched
                LOG.debugf("reload rehearsal did not complete: %s", e.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("reload rehearsal failed; the rules in service are untouched", e);
            }
        }, CompletableFuture.delayedExecutor(rehearsalDelay.toMillis(), TimeUnit.MILLISECONDS));
    }

    void cancelRehearsal(@Observes ShutdownEvent stopping) {
        CompletableFuture<Void> scheduled = rehearsal;
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }

    private Trial trial() {
        long start = System.nanoTime();
        Path root = Path.of(folder);
        RuleBase candidate;
        try {
            candidate = RuleBase.build(root);
        } catch (RuleBuildException e) {
            throw new ProblemException(422, "rules-invalid", "Rules do not build",
                    "The rule files do not build; the rules in service are unchanged.", List.of(), e.problemFields());
        }
        List<ScenarioSuite.Entry> suite = SuiteReport.load(root, json, "; the rules in service are unchanged");
        long built = System.nanoTime();
        List<ScenarioRunner.Result> failed = ScenarioSuite.failures(new RuleEngine(candidate), suite);
        long ran = System.nanoTime();
        return new Trial(candidate, suite.size(), failed, (built - start) / 1_000_000, (ran - built) / 1_000_000);
    }
}
