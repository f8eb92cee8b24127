package jp.smeir.engine;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * Builds the engine from the configured rules folder ({@code incident.rules.folder}, resolved against the
 * working directory; absolute paths allowed). A rule base that does not build stops the start, naming the
 * file, line and message. When {@link jp.smeir.Main} started the build before Quarkus booted, the engine
 * takes that build.
 */
public class RuleEngineProducer {

    private static final Logger LOG = Logger.getLogger(RuleEngineProducer.class);

    /** A rule base and how long building (and, early, warming) it took. */
    private record Built(RuleBase ruleBase, long millis, boolean early) {
    }

    /** A build started before Quarkus booted, for the folder it was started on. */
    private record EarlyBuild(Path folder, CompletableFuture<Built> result) {
    }

    private static volatile EarlyBuild early;

    /**
     * Starts building the rule base, and one evaluation to warm it, in the background. Config is not read yet,
     * so the folder is the {@code incident.rules.folder} system property, {@code INCIDENT_RULES_FOLDER}, or
     * {@code rules}; should the configured folder differ, the producer builds that one instead.
     */
    public static void buildEarly() {
        Path path = earlyFolder();
        CompletableFuture<Built> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                long start = System.nanoTime();
                RuleBase base = RuleBase.build(path);
                Warmup.run(base);
                result.complete(new Built(base, (System.nanoTime() - start) / 1_000_000, true));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "rule-base-build");
        thread.setDaemon(true);
        early = new EarlyBuild(path, result);
        thread.start();
    }

    /**
     * Builds and warms a rule base from the folder, if there is one, and throws it away: for the run that records
     * the AppCDS archive at package time, so that the classes a start needs for its build are recorded.
     */
    public static void train(Path folder) {
        if (!java.nio.file.Files.isDirectory(folder)) {
            return;
        }
        try {
            Warmup.run(RuleBase.build(folder));
        } catch (Exception e) {
            LOG.warnf("the AppCDS training build of %s failed (the archive holds fewer classes): %s", folder, e);
        }
    }

    /** The rules folder as known before config is read: the system property, the environment, or {@code rules}. */
    public static Path earlyFolder() {
        String folder = System.getProperty("incident.rules.folder", System.getenv().getOrDefault("INCIDENT_RULES_FOLDER", "rules"));
        return Path.of(folder).toAbsolutePath().normalize();
    }

    @Produces
    @Singleton
    @Startup
    RuleEngine ruleEngine(@ConfigProperty(name = "incident.rules.folder", defaultValue = "rules") String folder,
                          MeterRegistry metrics) {
        Path path = Path.of(folder).toAbsolutePath().normalize();
        Timer evaluations = Timer.builder("incident.rules.evaluation").description("Time to evaluate one set of facts")
                .register(metrics);
        try {
            Built built = takeEarly(path).orElseGet(() -> {
                long start = System.nanoTime();
                return new Built(RuleBase.build(path), (System.nanoTime() - start) / 1_000_000, false);
            });
            RuleEngine engine = new RuleEngine(built.ruleBase(), nanos -> evaluations.record(nanos, TimeUnit.NANOSECONDS));
            LOG.infof("rule base %s: %d rules from %s in %d ms%s", engine.ruleBase().version(), engine.ruleBase().rules().size(),
                    path, built.millis(), built.early() ? " (built and warmed beside the boot)" : "");
            return engine;
        } catch (RuleBuildException e) {
            LOG.error(e.getMessage());
            throw e;
        }
    }

    /** The early build of this folder, waited for; empty when none was started for it. */
    private static Optional<Built> takeEarly(Path folder) {
        EarlyBuild started = early;
        early = null;
        if (started == null || !started.folder().equals(folder)) {
            return Optional.empty();
        }
        try {
            return Optional.of(started.result().join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
