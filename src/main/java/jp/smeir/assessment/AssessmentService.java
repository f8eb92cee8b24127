package jp.smeir.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jp.smeir.deadline.JapaneseCalendar;
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

    /**
     * How far awareAt may lie ahead of the service's clock: clocks of other systems drift, but an awareness in
     * the future is a mistake (a wrong year or offset) that would move every deadline.
     */
    @ConfigProperty(name = "incident.facts.aware-at-tolerance", defaultValue = "5m")
    Duration awareAtTolerance;

    public Assessment assess(IncidentFacts facts) {
        requireValid(facts);
        return assess(facts, OffsetDateTime.now(clock).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), "api");
    }

    /** Evaluates facts already validated as at {@code at}, counted in incident.assessments under {@code source}. */
    public Assessment assess(IncidentFacts facts, OffsetDateTime at, String source) {
        metrics.counter("incident.assessments", "source", source).increment();
        return Assessor.assess(engine.evaluate(facts, at), targets);
    }

    /** Throws a 400 naming every invalid field; facts of a real incident, so awareAt must not lie in the future. */
    public void requireValid(IncidentFacts facts) {
        if (facts == null) {
            throw new InvalidInputException(List.of(new FieldError("", "a JSON object with the incident facts is required")));
        }
        List<FieldError> errors = new java.util.ArrayList<>(facts.violations());
        Instant latest = clock.instant().plus(awareAtTolerance);
        if (facts.awareAt() != null && facts.awareAt().toInstant().isAfter(latest)) {
            errors.add(new FieldError("awareAt", "must not be in the future (more than " + describe(awareAtTolerance)
                    + " after the service's clock, " + JapaneseCalendar.inJapan(clock.instant().truncatedTo(ChronoUnit.SECONDS)) + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static String describe(Duration d) {
        return d.toSeconds() % 60 != 0 ? d.toSeconds() + " seconds" : d.toMinutes() == 1 ? "1 minute" : d.toMinutes() + " minutes";
    }
}
