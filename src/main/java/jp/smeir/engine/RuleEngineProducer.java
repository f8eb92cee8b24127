package jp.smeir.engine;

import java.nio.file.Path;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

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
    RuleEngine ruleEngine(@ConfigProperty(name = "incident.rules.folder", defaultValue = "rules") String folder) {
        Path path = Path.of(folder).toAbsolutePath().normalize();
        long start = System.nanoTime();
        try {
            RuleEngine engine = RuleEngine.fromFolder(path);
            LOG.infof("rule base %s: %d rules from %s in %d ms", engine.ruleBase().version(),
                    engine.ruleBase().rules().size(), path, (System.nanoTime() - start) / 1_000_000);
            return engine;
        } catch (RuleBuildException e) {
            LOG.error(e.getMessage());
            throw e;
        }
    }
}
