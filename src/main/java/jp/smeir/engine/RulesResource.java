package jp.smeir.engine;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.smeir.common.Roles;

/** Lists the rules in force so that anyone can check each duty against its source. */
@Path("/api/v1/rules")
@Tag(name = "rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class RulesResource {

    /** The rule base version and every rule (queries excluded). */
    public record RuleList(String version, List<RuleInfo> rules) {
    }

    @Inject
    RuleEngine engine;

    @Inject
    jp.smeir.scenario.RuleReload reload;

    @GET
    @Operation(operationId = "listRules", summary = "The rule base version and every rule with its name, stage, basis and file")
    public RuleList list() {
        RuleBase base = engine.ruleBase();
        return new RuleList(base.version(), List.copyOf(base.rules().values()));
    }

    @POST
    @Path("/reload")
    @RolesAllowed(Roles.ADMIN)
    @APIResponse(responseCode = "200", description = "The new rules are in service: their version, rule count and timings",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = jp.smeir.scenario.RuleReload.Outcome.class)))
    @APIResponse(responseCode = "422", description = "rules-invalid (ruleErrors), scenarios-invalid or scenarios-failed "
            + "(scenarioFailures): the rules in service stay")
    @Operation(operationId = "reloadRules", summary = "Rebuild the rules from the rules folder and put them in service if they build and every scenario passes",
            description = "On any error the rules in service stay and the answer is 422 with ruleErrors or scenarioFailures.")
    public jp.smeir.scenario.RuleReload.Outcome reload() {
        return reload.reload();
    }
}
