package jp.smeir.incident;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import jp.smeir.assessment.Assessment;
import jp.smeir.engine.ItemKind;
import jp.smeir.engine.ItemStatus;
import jp.smeir.engine.Severity;
import jp.smeir.engine.Timing;
import jp.smeir.facts.IncidentFacts;

/** The records the incident endpoints answer with and accept. */
public final class IncidentViews {

    private IncidentViews() {
    }

    /** A ticket in the caller's own system (e.g. Jira SEC-123) that this incident belongs to. */
    @Schema(description = "The caller's ticket for this incident, searchable with ticketSystem and ticketId")
    public record ExternalTicket(String system, String id) {
    }

    /** Where one item of the current assessment stands. */
    @Schema(name = "ItemState")
    public enum State { OPEN, DONE, OVERDUE, NOT_APPLICABLE }

    /** A recorded completion. */
    public record Completion(String by, OffsetDateTime at, String reference, String note, OffsetDateTime recordedAt,
                             String recordedBy) {
    }

    /** One item of the current assessment and its progress. */
    public record ItemProgress(String code, ItemKind list, ItemStatus status, Timing timing, OffsetDateTime dueAt,
                               @Schema(description = "The service's working target when there is no legal dueAt (not law); "
                                       + "OVERDUE once it passes, as for dueAt") OffsetDateTime targetAt,
                               State state, Completion completion,
                               @Schema(description = "Set when the item was marked not applicable (state NOT_APPLICABLE)")
                               ItemViews.NotApplicable notApplicable,
                               @Schema(description = "Who is to do it (free text, e.g. a ticketing system's user id); null when nobody is")
                               String assignee) {
    }

    /** The whole incident (GET /incidents/{id}); {@code difference} is set on the answer to a facts change. */
    public record IncidentView(UUID id, long version, IncidentStatus status, String title, Severity severity,
                               OffsetDateTime openedAt, OffsetDateTime updatedAt, ExternalTicket externalTicket,
                               @Schema(description = "An item neither done nor not applicable is past its deadline or its working target")
                               boolean overdue,
                               @Schema(description = "Earliest legal deadline among the items neither done nor not applicable") OffsetDateTime nextDueAt,
                               @Schema(description = "Earliest working target (the service's, not law) among those items") OffsetDateTime nextTargetAt,
                               IncidentFacts facts, Assessment assessment, List<ItemProgress> progress,
                               AssessmentDiff difference) {

        IncidentView withDifference(AssessmentDiff diff) {
            return new IncidentView(id, version, status, title, severity, openedAt, updatedAt, externalTicket, overdue,
                    nextDueAt, nextTargetAt, facts, assessment, progress, diff);
        }
    }

    /** One line of the incident list. */
    public record IncidentSummary(UUID id, long version, IncidentStatus status, String title, Severity severity,
                                  OffsetDateTime awareAt, OffsetDateTime openedAt, OffsetDateTime nextDueAt,
                                  OffsetDateTime nextTargetAt, boolean overdue, List<String> incidentTypes, ExternalTicket externalTicket) {
    }

    /**
     * A page of results. {@code total} is counted up to a limit (setting {@code incident.list.count-limit}): an exact
     * count of a broad filter over a big table costs a visit to every incident it picks, on every page asked for.
     * Beyond the limit {@code total} is the limit and {@code totalExact} false.
     */
    public record Page<T>(List<T> items, int page, int size,
                          @Schema(description = "How many incidents the filters pick; at most incident.list.count-limit (default 10000): "
                                  + "when more are picked, this limit, with totalExact false") long total,
                          @Schema(description = "false when more incidents than total are picked (total is then the count limit)")
                          boolean totalExact) {
    }

    /** One entry of the history. */
    public record HistoryEntry(int seq, IncidentEvent.Type type, OffsetDateTime at, String actor, JsonNode data) {
    }

    /** Body of POST …/items/{code}/completion. */
    @Schema(description = "Who did it, when (default: now), an external reference such as the PPC receipt number, and a note")
    public record CompletionRequest(String by, OffsetDateTime at, String reference, String note) {
    }

    /** Body of POST …/status. */
    @Schema(description = "The status to move to (forward only) and why")
    public record StatusChange(IncidentStatus status, String reason) {
    }

    /** One changed fact, by JSON path. */
    public record FactChange(String field, JsonNode from, JsonNode to) {
    }
}
