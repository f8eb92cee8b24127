package jp.smeir.ruleversion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.smeir.engine.RuleBase;
import jp.smeir.engine.RuleEngine;

/**
 * An engine over any stored rule version, for replays: the one in service as it is, another built from its stored
 * files; the last few built are kept, as an audit often replays several answers of the same version.
 */
@ApplicationScoped
public class StoredRuleBases {

    private static final int KEPT = 3;

    @Inject
    RuleEngine engine;

    @Inject
    RuleVersionStore versions;

    private final Map<String, RuleEngine> built = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleEngine> eldest) {
            return size() > KEPT;
        }
    };

    /** An engine over the version with this digest; empty when it is neither in service nor stored. */
    public Optional<RuleEngine> engine(String digest) {
        RuleBase current = engine.ruleBase();
        if (current.version().equals(digest)) {
            return Optional.of(new RuleEngine(current));
        }
        synchronized (built) {
            RuleEngine kept = built.get(digest);
            if (kept != null) {
                return Optional.of(kept);
            }
        }
        Optional<RuleEngine> made = versions.files(digest).map(files -> new RuleEngine(RuleBase.build(files)));
        made.ifPresent(e -> {
            synchronized (built) {
                built.put(digest, e);
            }
        });
        return made;
    }
}
