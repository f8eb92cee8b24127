package jp.smeir.scenario;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import jp.smeir.ruleversion.RuleVersionStore;

/**
 * Puts the rule files as they are now on disk (or a stored rule version) into service, but only if they build and every
 * scenario in {@code rules/scenarios} passes against them; otherwise the rules in service stay, untouched. What is put
 * into service is stored as a rule version and recorded as the active one, which every instance then serves. Evaluations in
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

    @Inject
    RuleVersionStore versions;

    /** The active version that failed to build here, not tried again until another is active. */
    private volatile String unbuildable;

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
        Map<String, byte[]> sources = RuleBase.sources(Path.of(folder));
        return putInService(start, sources, trial(sources, "The rule files do not build; the rules in service are unchanged."));
    }

    /**
     * Puts a stored version back into service, as a reload does: built from its stored files, gated by the scenarios
     * of the rules folder on disk (a version stores no scenarios), and recorded as an activation.
     *
     * @throws ProblemException 404 when no version has this digest, 422 as a reload
     */
    public synchronized Outcome activate(String digest) {
        long start = System.nanoTime();
        Map<String, byte[]> sources = versions.files(digest).orElseThrow(() -> new ProblemException(404, "not-found", "Not found",
                "No rule version " + digest + " is stored."));
        return putInService(start, sources, trial(sources, "The stored rule version does not build; the rules in service are unchanged."));
    }

    /**
     * Serves the active version of the database when the rules in service are another: the version check of every
     * instance, under the lock of reloads, so that a reload here is never undone by a check that read the version before it.
     *
     * @return the version now in service, when it changed
     */
    public synchronized Optional<String> followActive() {
        Optional<String> active = versions.activeDigest();
        if (active.isEmpty() || active.get().equals(engine.ruleBase().version()) || active.get().equals(unbuildable)) {
            return Optional.empty();
        }
        String digest = active.get();
        try {
            Map<String, byte[]> sources = versions.files(digest).orElseThrow(() -> new IllegalStateException("active version not stored"));
            RuleBase base = RuleBase.build(sources);
            String previous = engine.ruleBase().version();
            engine.swap(base);
            LOG.infof("rule base %s replaces %s: the active version in the database", digest, previous);
            return Optional.of(digest);
        } catch (RuntimeException e) {
            unbuildable = digest;
            LOG.errorf(e, "the active rule version %s cannot be built here; the rules in service (%s) stay", digest, engine.ruleBase().version());
            return Optional.empty();
        }
    }

    private Outcome putInService(long start, Map<String, byte[]> sources, Trial trial) {
        if (!trial.failed().isEmpty()) {
            throw new ProblemException(422, "scenarios-failed", "Scenarios fail",
                    trial.failed().size() + " of " + trial.scenarios() + " scenarios fail with the new rules; the rules in service are unchanged.",
                    List.of(), Map.of("scenarioFailures", trial.failed().stream()
                            .map(r -> Map.of("name", r.name(), "differences", r.differences())).toList()));
        }
        RuleBase candidate = trial.candidate();
        RuleBase replaced = engine.ruleBase();
        String previous = replaced.version();
        // recorded first: every instance then follows, and a failure to record leaves the rules in service as they were
        versions.put(candidate.version(), sources, actor.name(), Instant.now(),
                new RuleVersionStore.Gate(trial.scenarios(), trial.scenarios()), true);
        engine.swap(candidate);
        long millis = (System.nanoTime() - start) / 1_000_000;
        Impact impact = impact(replaced, candidate);
        LOG.infof("rule base %s replaces %s (put in service by %s): %d rules, %d scenarios pass, in %d ms (build %d ms, scenarios %d ms)",
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
        Trial trial = trial(RuleBase.sources(Path.of(folder)), "The rule files do not build; the rules in service are unchanged.");
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

    /** Builds the sources and runs the scenarios of the rules folder on disk against them. */
    private Trial trial(Map<String, byte[]> sources, String buildFailure) {
        long start = System.nanoTime();
        RuleBase candidate;
        try {
            candidate = RuleBase.build(sources);
        } catch (RuleBuildException e) {
            throw new ProblemException(422, "rules-invalid", "Rules do not build", buildFailure, List.of(), e.problemFields());
        }
        List<ScenarioSuite.Entry> suite = SuiteReport.load(Path.of(folder), json, "; the rules in service are unchanged");
        long built = System.nanoTime();
        List<ScenarioRunner.Result> failed = ScenarioSuite.failures(new RuleEngine(candidate), suite);
        long ran = System.nanoTime();
        return new Trial(candidate, suite.size(), failed, (built - start) / 1_000_000, (ran - built) / 1_000_000);
    }
}
