package jp.smeir.scenario;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.assessment.Assessment;
import jp.smeir.engine.RuleEngine;
import jp.smeir.problem.InvalidInputException;
import jp.smeir.problem.ProblemMapper;

import jp.smeir.common.Roles;

/** Runs scenarios (the format of rules/scenarios) so that analysts can test a rule change before reloading. */
@Path("/api/v1/scenarios/run")
@Tag(name = "scenarios")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ScenarioResource {

    static final int MAX_SCENARIOS = 500;

    @Inject
    RuleEngine engine;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "incident.rules.folder", defaultValue = "rules")
    String rulesFolder;

    /** The outcome of a batch. */
    public record BatchResult(String rulesetVersion, String rules, int total, int passed, int failed, List<Result> results) {
    }

    /** One scenario's outcome; the assessment is included when asked for. */
    public record Result(String name, String description, boolean passed, List<String> differences, Assessment assessment) {
    }

    @POST
    // described as the array: a client generator makes no usable type of "an object or an array"
    @RequestBody(description = "An array of 1 to 500 scenarios in the format of rules/scenarios; one scenario alone may also be "
            + "sent as the object itself", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Scenario.class)))
    @APIResponse(responseCode = "200", description = "How many passed, and each scenario's outcome",
            content = @Content(schema = @Schema(implementation = BatchResult.class)))
    @APIResponse(responseCode = "422", description = "rules-invalid: with rules=folder, the rule files on disk do not build (ruleErrors)")
    @Operation(operationId = "runScenarios", summary = "Run one scenario (an object) or many (an array) and report pass or fail with the differences",
            description = "rules=current (default) uses the rules in service; rules=folder builds the rule files as they are now "
                    + "on disk, without putting them in service, to test a change before reloading.")
    public BatchResult run(@Parameter(description = "current or folder") @QueryParam("rules") @DefaultValue("current") String rules,
                           @Parameter(description = "include each scenario's assessment") @QueryParam("verbose") @DefaultValue("false") boolean verbose,
                           JsonNode body) {
        List<Scenario> scenarios = scenarios(body);
        RuleEngine target = switch (rules) {
            case "current" -> engine;
            case "folder" -> ScenarioSuite.candidate(java.nio.file.Path.of(rulesFolder));
            default -> throw InvalidInputException.of("rules", "must be current or folder");
        };
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            String name = s.name() != null ? s.name() : "#" + (i + 1);
            ScenarioRunner.Result r = ScenarioRunner.run(target, name, s);
            results.add(new Result(name, r.description(), r.passed(), r.differences(), verbose ? r.assessment() : null));
        }
        int passed = (int) results.stream().filter(Result::passed).count();
        return new BatchResult(target.ruleBase().version(), rules, results.size(), passed, results.size() - passed, results);
    }

    private List<Scenario> scenarios(JsonNode body) {
        if (body == null || !(body.isObject() || body.isArray())) {
            throw InvalidInputException.of("", "a scenario object or an array of scenarios is required");
        }
        List<JsonNode> nodes = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(nodes::add);
        } else {
            nodes.add(body);
        }
        if (nodes.isEmpty() || nodes.size() > MAX_SCENARIOS) {
            throw InvalidInputException.of("", "send 1 to " + MAX_SCENARIOS + " scenarios");
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            try {
                scenarios.add(json.treeToValue(nodes.get(i), Scenario.class));
            } catch (JsonProcessingException e) {
                var error = ProblemMapper.fieldError(e);
                String prefix = body.isArray() ? "[" + i + "]" : "";
                throw InvalidInputException.of(prefix + (error.field().isEmpty() || prefix.isEmpty() ? error.field() : "." + error.field()), error.message());
            }
        }
        return scenarios;
    }
}
