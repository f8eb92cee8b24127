package jp.smeir.scenario;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
import jp.smeir.rules.RuleSets;

import jp.smeir.common.Roles;

/** Runs scenarios (the format of rules/scenarios) so that analysts can test a rule change before reloading. */
@Path("/api/v1/scenarios/run")
@Tag(name = "scenarios")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ScenarioResource {

    static final int MAX_SCENARIOS = 500;

    @Inject
    RuleSets ruleSets;

    @Inject
    ObjectMapper json;

    /** The outcome of a batch. */
    public record BatchResult(String rulesetVersion, String rules, int total, int passed, int failed, List<Result> results) {
    }

    /** One scenario's outcome; the assessment is included when asked for. */
    public record Result(String name, String description, boolean passed, List<String> differences, Assessment assessment) {
    }

    @POST
    // no @Consumes and the body as bytes: suite=all comes without a body or a Content-Type; a body must still be JSON (else 415)
    @APIResponse(responseCode = "404", description = "rules names a draft that the drafts workspace does not hold")
    @APIResponse(responseCode = "422", description = "rules-invalid: the rule set named by rules does not build (ruleErrors); "
            + "scenarios-invalid: with suite=all, a scenario file cannot be read (scenarioFile, field)")
    @Operation(operationId = "runScenarios", summary = "Run one scenario (an object) or many (an array), or with suite=all every scenario on disk, and report pass or fail with the differences",
            description = "rules=current (default) uses the rules in service; rules=folder builds the rule files as they are now "
                    + "on disk, without putting them in service, to test a change before reloading; rules=<name> builds the draft "
                    + "of that name in the drafts workspace (incident.rules.drafts). suite=all needs no body: it runs every file "
                    + "under scenarios/ of the rules folder (current, folder) or of the draft, and answers the failures first, "
                    + "each with its differences (got, expected), then the summary.")
    @APIResponse(responseCode = "200", description = "With a body: how many passed and each scenario's outcome (BatchResult); "
            + "with suite=all: the failures, then the summary (SuiteReport)",
            content = @Content(schema = @Schema(oneOf = {BatchResult.class, SuiteReport.class})))
    public Object run(@Parameter(description = "current, folder or a draft's name") @QueryParam("rules") @DefaultValue("current") String rules,
                      @Parameter(description = "include each scenario's assessment (not with suite)") @QueryParam("verbose") @DefaultValue("false") boolean verbose,
                      @Parameter(description = "all: every scenario file of the rule set, without a body") @QueryParam("suite") String suite,
                      @HeaderParam("Content-Type") String contentType,
                      // described as the array: a client generator makes no usable type of "an object or an array"
                      @RequestBody(description = "An array of 1 to 500 scenarios in the format of rules/scenarios (one scenario alone may "
                              + "also be sent as the object itself); none with suite=all", content = @Content(
                              mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = Scenario.class)))
                      byte[] upload) {
        JsonNode body = body(contentType, upload);
        if (suite != null) {
            if (!suite.equals("all")) {
                throw InvalidInputException.of("suite", "must be all");
            }
            if (body != null) {
                throw InvalidInputException.of("", "suite=all runs the scenarios on disk: send no body");
            }
            RuleSets.RuleSet set = ruleSets.resolve("rules", rules);
            return SuiteReport.run(rules, set.folder(), set.engine(), json);
        }
        List<Scenario> scenarios = scenarios(body);
        RuleEngine target = ruleSets.resolve("rules", rules).engine();
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

    /** The body as JSON, or null when there is none. */
    private JsonNode body(String contentType, byte[] upload) {
        if (upload == null || upload.length == 0) {
            return null;
        }
        MediaType type;
        try {
            type = contentType == null ? null : MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            type = null;
        }
        if (type == null || !(type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json"))) {
            throw new NotSupportedException();
        }
        try {
            return json.readTree(upload);
        } catch (java.io.IOException e) {
            throw new InvalidInputException(List.of(e instanceof JsonProcessingException p ? ProblemMapper.fieldError(p)
                    : new jp.smeir.problem.FieldError("", "cannot be read as JSON")));
        }
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
