package jp.smeir.engine;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when a rule base is loaded; reports its version and size. */
@Readiness
@ApplicationScoped
public class RuleBaseHealthCheck implements HealthCheck {

    @Inject
    RuleEngine engine;

    @Override
    public HealthCheckResponse call() {
        RuleBase base = engine.ruleBase();
        return HealthCheckResponse.named("rule-base").up()
                .withData("version", base.version())
                .withData("rules", base.rules().size())
                .build();
    }
}
