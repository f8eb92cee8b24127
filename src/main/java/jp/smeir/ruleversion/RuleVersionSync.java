package jp.smeir.ruleversion;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import jp.smeir.engine.RuleBase;
import jp.smeir.engine.RuleEngine;
import jp.smeir.scenario.RuleReload;

/**
 * Keeps this instance on the active rule version of the database. At the start the rules folder seeds a version
 * when its digest is unknown (active if none is), then the active version is served; every
 * {@code incident.rules.version-check} one read of the active digest tells whether another instance put another
 * version into service, which is then built from its stored files and swapped in.
 */
@ApplicationScoped
public class RuleVersionSync {

    private static final Logger LOG = Logger.getLogger(RuleVersionSync.class);

    /** Who stored a version seeded from the rules folder at a start. */
    static final String SEEDED_BY = "start-up";

    @Inject
    RuleEngine engine;

    @Inject
    RuleVersionStore versions;

    @Inject
    RuleReload reload;

    @ConfigProperty(name = "incident.rules.folder", defaultValue = "rules")
    String folder;

    /** Set at shutdown: no check starts after it, as the scheduler may still fire once the database is closing. */
    private volatile boolean stopping;

    void start(@Observes StartupEvent started) {
        seed();
        reload.followActive();
    }

    /** Stores the rules the start built from the folder, unless their version is stored; active when none is. */
    void seed() {
        Map<String, byte[]> sources = RuleBase.sources(Path.of(folder));
        String digest = RuleBase.versionOf(sources);
        if (!digest.equals(engine.ruleBase().version())) {
            LOG.warnf("the rules folder changed since the start built it (%s, now %s): not stored as a version", engine.ruleBase().version(), digest);
            return;
        }
        boolean noneActive = versions.activeDigest().isEmpty();
        if (noneActive || !versions.exists(digest)) {
            versions.put(digest, sources, SEEDED_BY, Instant.now(), null, noneActive);
            LOG.infof("rule version %s stored from the rules folder%s", digest, noneActive ? " and made active" : "");
        }
    }

    @Scheduled(every = "${incident.rules.version-check:2s}", delayed = "${incident.rules.version-check:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void check() {
        if (stopping) {
            return;
        }
        try {
            Optional<String> changed = reload.followActive();
            changed.ifPresent(digest -> LOG.debugf("now serving the active rule version %s", digest));
        } catch (RuntimeException e) {
            LOG.warn("cannot read the active rule version; the rules in service stay", e);
        }
    }

    /** Waits (on this object's lock) for a check in progress, so that none reads the database after it closed. */
    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        synchronized (this) {
            LOG.debug("rule version checks stopped for shutdown");
        }
    }
}
