package jp.smeir.engine;

import java.nio.file.Path;
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
 * file, line and message.
 */
public class RuleEngineProducer {

    private static final Logger LOG = Logger.getLogger(RuleEngineProducer.class);

    @Produces
    @Singleton
    @Startup
    RuleEngine ruleEngine(@ConfigProperty(name = "incident.rules.folder", defaultValue = "rules") String folder,
                          MeterRegistry metrics) {
        Path path = Path.of(folder).toAbsolutePath().normalize();
        long start = System.nanoTime();
        Timer evaluations = Timer.builder("incident.rules.evaluation").description("Time to evaluate one set of facts")
                .register(metrics);
        try {
            RuleEngine engine = new RuleEngine(RuleBase.build(path), nanos -> evaluations.record(nanos, TimeUnit.NANOSECONDS));
            LOG.infof("rule base %s: %d rules from %s in %d ms", engine.ruleBase().version(),
                    engine.ruleBase().rules().size(), path, (System.nanoTime() - start) / 1_000_000);
            return engine;
        } catch (RuleBuildException e) {
            LOG.error(e.getMessage());
            throw e;
        }
    }
}
