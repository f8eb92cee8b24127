package jp.smeir.rules;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.common.Roles;
import jp.smeir.engine.RuleEngine;
import jp.smeir.problem.InvalidInputException;
import jp.smeir.scenario.SuiteReport;

/** What a rule change would do, before it is put into service: its scenarios, and the open incidents it changes. */
@Path("/api/v1/rules/preview")
@Tag(name = "rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class PreviewResource {

    /** The rule set previewed: its version beside the one in service, its scenarios, and its impact on open incidents. */
    public record Preview(String rules, String inServiceVersion, String version, SuiteReport scenarios, Impact impact) {
    }

    @Inject
    RuleSets ruleSets;

    @Inject
    RuleEngine engine;

    @Inject
    ImpactCheck impact;

    @Inject
    ObjectMapper json;

    @POST
    @APIResponse(responseCode = "200", description = "The draft's scenarios and its impact on open incidents",
            content = @Content(schema = @Schema(implementation = Preview.class)))
    @APIResponse(responseCode = "404", description = "no draft of that name in the workspace")
    @APIResponse(responseCode = "422", description = "rules-invalid: the draft does not build (ruleErrors); scenarios-invalid: "
            + "a scenario file of the draft cannot be read")
    @Operation(operationId = "previewRules", summary = "Build a draft (or the rules folder on disk), run its scenarios and re-assess every open incident under "
            + "the rules in service and under it, writing nothing",
            description = "Answers the draft's scenario failures and summary, and which open incidents would gain, lose or change "
                    + "an item (status, timing, dueAt), each with its id, title and per code what it is before and after.")
    public Preview preview(@Parameter(description = "a draft's name, or folder for the rules folder as it is on disk", required = true)
                           @QueryParam("rules") String rules) {
        if (rules == null || rules.isBlank()) {
            throw InvalidInputException.of("rules", "is required: a draft's name, or folder");
        }
        RuleSets.RuleSet set = ruleSets.resolve("rules", rules);
        SuiteReport scenarios = SuiteReport.run(rules, set.folder(), set.engine(), json);
        RuleEngine inService = new RuleEngine(engine.ruleBase());
        return new Preview(rules, inService.ruleBase().version(), set.version(), scenarios, impact.between(inService, set.engine()));
    }
}
