package jp.smeir.assessment;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.smeir.engine.RuleEngine;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.problem.FieldError;
import jp.smeir.problem.InvalidInputException;

/** Validates facts and evaluates them against the current rule base at the current time. */
@ApplicationScoped
public class AssessmentService {

    @Inject
    RuleEngine engine;

    @Inject
    Clock clock;

    @Inject
    io.micrometer.core.instrument.MeterRegistry metrics;

    @Inject
    WorkingTargets targets;

    public Assessment assess(IncidentFacts facts) {
        requireValid(facts);
        metrics.counter("incident.assessments", "source", "api").increment();
        return Assessor.assess(engine.evaluate(facts, OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)), targets);
    }

    /** Throws a 400 naming every invalid field. */
    public static void requireValid(IncidentFacts facts) {
        if (facts == null) {
            throw new InvalidInputException(List.of(new FieldError("", "a JSON object with the incident facts is required")));
        }
        List<FieldError> errors = facts.violations();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }
}
