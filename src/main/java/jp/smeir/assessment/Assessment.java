package jp.smeir.assessment;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import jp.smeir.engine.KeptJson;
import jp.smeir.engine.Severity;

/** What the service answers for a set of facts (docs/api.md §2). */
@Schema(description = "The decision for a set of incident facts: actions, notification duties and escalations, each with its basis and rule.")
public record Assessment(
        @Schema(description = "sha256 digest of the rule files that produced this answer") String rulesetVersion,
        @Schema(description = "When the rules were evaluated (Japan time)") OffsetDateTime evaluatedAt,
        @Schema(description = "awareAt as given, in Japan time") OffsetDateTime awareAt,
        Severity severity,
        @Schema(description = "Extension: the reasons for the severity level") List<String> severityBecause,
        List<Item> actions,
        List<Item> notifications,
        List<Item> escalations,
        @Schema(description = "Unknown facts whose answer could add, remove or change the codes listed in affects") List<Question> questions,
        @Schema(description = "Names of every rule that fired, classification rules included") @JsonSerialize(contentUsing = KeptJson.Writer.class) List<String> firedRules,
        @Schema(description = "v1.1: the few items to do now: containment and evidence actions timed immediately (the Guide's step ①), "
                + "then every REQUIRED item due within 24 hours, in the order of urgency") List<FirstStep> firstSteps,
        @Schema(description = "The law versions whose rules fired, with the periods of force applied for awareAt") List<LawApplied> lawApplied,
        @Schema(description = "Law enacted but not yet in force that concerns the duties listed") List<Watch> watch) {

    public Assessment {
        severityBecause = List.copyOf(severityBecause);
        actions = List.copyOf(actions);
        notifications = List.copyOf(notifications);
        escalations = List.copyOf(escalations);
        questions = List.copyOf(questions);
        firedRules = List.copyOf(firedRules);
        // absent from assessments stored before v1.1
        firstSteps = firstSteps == null ? List.of() : List.copyOf(firstSteps);
        lawApplied = lawApplied == null ? List.of() : List.copyOf(lawApplied);
        watch = watch == null ? List.of() : List.copyOf(watch);
    }

    /** Every item of the three lists, actions first. */
    public List<Item> items() {
        return java.util.stream.Stream.of(actions, notifications, escalations).flatMap(List::stream).toList();
    }
}
