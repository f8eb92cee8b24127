package jp.smeir.scenario;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Question;
import jp.smeir.common.Roles;
import jp.smeir.incident.IncidentService;
import jp.smeir.incident.IncidentViews.IncidentView;

/**
 * A stored incident as a scenario file, so that a case the team decided becomes a regression test: its facts, the
 * moment of its current answer, and that answer as what to expect (every item with its status, timing and deadline,
 * the severity and exactly the questions asked). Dropped under {@code rules/scenarios/}, it fails as soon as a rule
 * change answers the case otherwise.
 */
@Path("/api/v1/incidents/{id}/scenario")
@Tag(name = "scenarios")
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class IncidentScenarioResource {

    @Inject
    IncidentService incidents;

    @Inject
    ObjectMapper json;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getIncidentAsScenario", summary = "The incident's facts and current answer as a scenario file to download (Content-Disposition: attachment)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scenario.class)))
    public Response scenario(@PathParam("id") UUID id) {
        IncidentView incident = incidents.get(id);
        try {
            return Response.ok(json.writerWithDefaultPrettyPrinter().writeValueAsString(of(incident)), MediaType.APPLICATION_JSON)
                    .header("Content-Disposition", "attachment; filename=\"incident-" + id + ".json\"").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the scenario", e);
        }
    }

    static Scenario of(IncidentView incident) {
        Assessment answer = incident.assessment();
        List<Scenario.Present> present = answer.items().stream()
                .map(i -> new Scenario.Present(i.code(), i.status(), i.dueAt(), null, null, null, null, null, i.timing(), null))
                .toList();
        List<String> questions = answer.questions().stream().map(Question::fact).distinct().sorted().toList();
        String description = "Incident " + incident.id() + (incident.title() == null || incident.title().isBlank() ? "" : " (" + incident.title() + ")")
                + " as the service answered it at " + answer.evaluatedAt() + " under rule base " + answer.rulesetVersion();
        return new Scenario(null, description, answer.evaluatedAt(), incident.facts(),
                new Scenario.Expect(present, null, questions, answer.severity(), null, null, null, null));
    }
}
