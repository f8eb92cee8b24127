package jp.smeir.incident;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.smeir.common.Roles;

/** Audit: any stored assessment of an incident, assessed again under the rule version that made it. Writes nothing. */
@Path("/api/v1/incidents/{id}/assessments/{seq}/replay")
@Tag(name = "incidents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class AssessmentReplayResource {

    @Inject
    AssessmentReplay replay;

    @GET
    @Operation(operationId = "replayAssessment", summary = "Assess an incident again as its assessment seq was made: the facts it was made from, "
            + "at the moment it was made, under the rule version that made it; answers the stored and the replayed assessment and "
            + "whether they are the same, and writes nothing")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AssessmentReplay.Replay.class)))
    @APIResponse(responseCode = "404", description = "No such incident, or no assessment seq of it (or id not a UUID, seq not a number)")
    @APIResponse(responseCode = "409", description = "rule-version-not-stored: the assessment was made by rules put into service before "
            + "rule versions were stored; facts-not-stored: an assessment stored before V10 other than the current one")
    public AssessmentReplay.Replay replay(@PathParam("id") UUID id, @PathParam("seq") int seq) {
        return replay.replay(id, seq);
    }
}
