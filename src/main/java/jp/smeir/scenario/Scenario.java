package jp.smeir.scenario;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.smeir.engine.ItemStatus;
import jp.smeir.engine.Severity;
import jp.smeir.engine.Timing;
import jp.smeir.facts.IncidentFacts;

/**
 * A scenario: facts and what the rules must answer for them. Files live in {@code rules/scenarios/<concern>/}
 * beside the rules they test; one parametrized test runs them all.
 *
 * @param evaluatedAt when to evaluate; defaults to one hour after awareAt so that results do not depend on
 *                    the day the test runs
 */
@Schema(description = "Facts plus the answer expected for them")
public record Scenario(@Schema(description = "Optional name; files are named by their path") String name,
                       String description, OffsetDateTime evaluatedAt, IncidentFacts facts, Expect expect) {

    /** What must (and must not) be in the assessment. Every part is optional. */
    public record Expect(
            @Schema(description = "Codes that must appear, with optional status and deadline") List<Present> present,
            @Schema(description = "Codes that must not appear in any list") List<String> absent,
            @Schema(description = "If given, exactly these facts must be asked about") List<String> questions,
            Severity severity,
            @Schema(description = "Rules that must have fired (by name)") List<String> firedRules,
            @Schema(description = "Law versions (ids) that must be listed in lawApplied") List<String> lawApplied,
            @Schema(description = "Law versions (ids) that must not be listed in lawApplied") List<String> lawNotApplied,
            @Schema(description = "If given, exactly these law versions (ids) must have a watch note") List<String> watch) {
    }

    /**
     * A code that must appear. {@code dueAt} checks the deadline exactly; {@code dueNotBefore} and
     * {@code dueNotAfter} check a window; {@code unconfirmed} whether part of its basis is unconfirmed;
     * {@code recipient} where it goes; {@code timing} when; {@code detailContains} what its detail says.
     */
    public record Present(String code, ItemStatus status, OffsetDateTime dueAt, OffsetDateTime dueNotBefore,
                          OffsetDateTime dueNotAfter, String rule,
                          @Schema(description = "If given: true when some basis entry must be confirmed: false, false when none may be")
                          Boolean unconfirmed,
                          @Schema(description = "If given: the recipient's code") String recipient,
                          @Schema(description = "If given: the item's timing") Timing timing,
                          @Schema(description = "Texts each of which the detail must contain, in Japanese or in English") List<String> detailContains) {
    }
}
