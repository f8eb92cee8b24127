package jp.smeir.incident;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.smeir.common.Roles;
import jp.smeir.incident.IncidentViews.CompletionRequest;
import jp.smeir.incident.IncidentViews.ItemProgress;
import jp.smeir.incident.ItemChanges.Changed;
import jp.smeir.incident.ItemViews.AssigneeRequest;
import jp.smeir.incident.ItemViews.CorrectionRequest;
import jp.smeir.incident.ItemViews.NotApplicableRequest;
import jp.smeir.incident.ItemViews.Withdrawal;

/**
 * What people record about one item of an incident: its completion (recorded, corrected, withdrawn), that it
 * does not apply, and who is to do it. Each answers the item's progress, with the incident's new version as
 * ETag; each change is a history event and an outbound event.
 */
@Path("/api/v1/incidents/{id}/items/{code}")
@Tag(name = "incidents")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REPORTER, Roles.ANALYST, Roles.ADMIN})
public class ItemResource {

    private static final String IF_MATCH_OPTIONAL = "If-Match is optional: with it, a stale version is 412.";
    private static final String IF_MATCH_REQUIRED = "Requires If-Match with the ETag from GET: missing is 428, stale is 412.";

    @Inject
    Completions completions;

    @Inject
    NotApplicableMarks notApplicable;

    @Inject
    Assignees assignees;

    @POST
    @Path("/completion")
    @APIResponse(responseCode = "409", description = "item-not-applicable: the item is marked not applicable; incident-busy: another change to the incident is being made, retry")
    @APIResponse(responseCode = "412", description = "stale-version: the incident changed meanwhile; read it again and retry")
    @Operation(operationId = "completeItem", summary = "Record that an item was done (who, when, reference, note); a repeat returns the first record",
            description = "409 item-not-applicable while the item is marked not applicable.")
    @APIResponse(responseCode = "200", description = "The item's progress; ETag is the incident's version",
            content = @Content(schema = @Schema(implementation = ItemProgress.class)))
    public Response complete(@PathParam("id") UUID id, @PathParam("code") String code, CompletionRequest request) {
        return answer(completions.record(id, code, request));
    }

    @PUT
    @Path("/completion")
    @APIResponse(responseCode = "409", description = "incident-busy: another change to the incident is being made, retry")
    @APIResponse(responseCode = "428", description = "if-match-required: send If-Match with the ETag of GET")
    @Operation(operationId = "correctCompletion", summary = "Correct the completion: the record as it should read, in full, and why",
            description = "The earlier record is kept, ended as corrected; the history event COMPLETION_CORRECTED and the "
                    + "webhook event item.completion_corrected carry both. The same record again changes nothing. "
                    + "404 completion-not-found when none is recorded. " + IF_MATCH_REQUIRED)
    @APIResponse(responseCode = "200", description = "The item's progress with the corrected completion",
            content = @Content(schema = @Schema(implementation = ItemProgress.class)))
    public Response correct(@PathParam("id") UUID id, @PathParam("code") String code,
                            @Parameter(description = "the ETag of GET /api/v1/incidents/{id}") @HeaderParam("If-Match") List<String> ifMatch,
                            CorrectionRequest request) {
        return answer(completions.correct(id, code, IfMatch.required(ifMatch, id), request));
    }

    @DELETE
    @Path("/completion")
    @APIResponse(responseCode = "409", description = "incident-closed: a closed incident's items cannot open again; incident-busy: another change to the incident is being made, retry")
    @APIResponse(responseCode = "428", description = "if-match-required: send If-Match with the ETag of GET")
    @Operation(operationId = "withdrawCompletion", summary = "Withdraw the completion, with a reason in the body ({\"reason\": \"…\"}); the item is open again",
            description = "The record is kept, ended as withdrawn (history COMPLETION_WITHDRAWN, webhook item.completion_withdrawn). "
                    + "409 on a closed incident. " + IF_MATCH_REQUIRED)
    @APIResponse(responseCode = "200", description = "The item's progress, open again",
            content = @Content(schema = @Schema(implementation = ItemProgress.class)))
    public Response withdrawCompletion(@PathParam("id") UUID id, @PathParam("code") String code,
                                       @HeaderParam("If-Match") List<String> ifMatch, Withdrawal request) {
        return answer(completions.withdraw(id, code, IfMatch.required(ifMatch, id), request));
    }

    @POST
    @Path("/not-applicable")
    @APIResponse(responseCode = "409", description = "item-done: a completion is recorded; incident-busy: another change to the incident is being made, retry")
    @Operation(operationId = "markNotApplicable", summary = "Mark the item not applicable, with a reason; the authenticated user and the time are recorded",
            description = "The item then reminds no more, is never overdue and does not block closing (state NOT_APPLICABLE). "
                    + "A repeat returns the first mark. 409 item-done when a completion is recorded. " + IF_MATCH_OPTIONAL)
    @APIResponse(responseCode = "200", description = "The item's progress with its notApplicable mark",
            content = @Content(schema = @Schema(implementation = ItemProgress.class)))
    public Response markNotApplicable(@PathParam("id") UUID id, @PathParam("code") String code,
                                      @HeaderParam("If-Match") List<String> ifMatch, NotApplicableRequest request) {
        return answer(notApplicable.mark(id, code, IfMatch.of(ifMatch), request));
    }

    @DELETE
    @Path("/not-applicable")
    @APIResponse(responseCode = "409", description = "incident-closed: a closed incident's items cannot open again; incident-busy: another change to the incident is being made, retry")
    @Operation(operationId = "withdrawNotApplicable", summary = "Withdraw the not-applicable mark, with a reason in the body ({\"reason\": \"…\"}); the item is open again",
            description = "The mark is kept in the history (NOT_APPLICABLE_WITHDRAWN). 409 on a closed incident. " + IF_MATCH_OPTIONAL)
    @APIResponse(responseCode = "200", description = "The item's progress, open again",
            content = @Content(schema = @Schema(implementation = ItemProgress.class)))
    public Response withdrawNotApplicable(@PathParam("id") UUID id, @PathParam("code") String code,
                                          @HeaderParam("If-Match") List<String> ifMatch, Withdrawal request) {
        return answer(notApplicable.withdraw(id, code, IfMatch.of(ifMatch), request));
    }

    @PUT
    @Path("/assignee")
    @APIResponse(responseCode = "409", description = "incident-busy: another change to the incident is being made, retry")
    @Operation(operationId = "assignItem", summary = "Set who is to do the item ({\"assignee\": \"…\"}, e.g. a ticketing system's user id); null or empty clears it",
            description = "At most 200 characters, no control characters. Shown in the incident's progress, in webhook events "
                    + "about the item and in the exports. " + IF_MATCH_OPTIONAL)
    @APIResponse(responseCode = "200", description = "The item's progress with its assignee",
            content = @Content(schema = @Schema(implementation = ItemProgress.class)))
    public Response assign(@PathParam("id") UUID id, @PathParam("code") String code,
                           @HeaderParam("If-Match") List<String> ifMatch, AssigneeRequest request) {
        return answer(assignees.assign(id, code, IfMatch.of(ifMatch), request));
    }

    private static Response answer(Changed changed) {
        return Response.ok(changed.progress()).tag(new EntityTag(Long.toString(changed.version()))).build();
    }
}
