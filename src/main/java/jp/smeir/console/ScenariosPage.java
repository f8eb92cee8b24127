package jp.smeir.console;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.common.Roles;
import jp.smeir.engine.RuleEngine;
import jp.smeir.problem.ProblemException;
import jp.smeir.scenario.ScenarioRunner;
import jp.smeir.scenario.ScenarioSuite;

/**
 * The scenarios on disk, run one at a time or all together against the rules in service or the rule files on
 * disk (as POST /api/v1/scenarios/run does); each failure is shown as what was expected and what came.
 */
@jakarta.ws.rs.Path("/console/scenarios")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class ScenariosPage {

    /** One difference: what the scenario expected, and what the rules answered. */
    public record Difference(String expected, String got) {
    }

    /** One scenario's outcome. */
    public record Outcome(String name, String description, boolean passed, List<Difference> differences) {
    }

    @Inject
    Page page;

    @Inject
    RuleEngine engine;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "incident.rules.folder", defaultValue = "rules")
    String rulesFolder;

    @GET
    public Response show() {
        return render("current", null, null, null);
    }

    @POST
    @jakarta.ws.rs.Path("/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run(@FormParam("rules") String rules, @FormParam("scenario") String only) {
        String source = "folder".equals(rules) ? "folder" : "current";
        try {
            RuleEngine target = source.equals("folder") ? ScenarioSuite.candidate(Path.of(rulesFolder)) : engine;
            List<Outcome> outcomes = suite().stream().filter(e -> only == null || only.isBlank() || e.name().equals(only))
                    .map(e -> outcome(ScenarioRunner.run(target, e.name(), e.scenario()))).toList();
            return render(source, outcomes, null, only);
        } catch (ProblemException e) {
            return render(source, null, Failure.of(e, page.texts()), only);
        }
    }

    private List<ScenarioSuite.Entry> suite() {
        try {
            return ScenarioSuite.load(Path.of(rulesFolder), json);
        } catch (ScenarioSuite.UnreadableScenarioException e) {
            throw new ProblemException(422, "scenario-unreadable", "Scenario unreadable", e.getMessage());
        }
    }

    /** The checker's words are "got …, expected …" where it can say both; otherwise the line is what came. */
    static Outcome outcome(ScenarioRunner.Result r) {
        List<Difference> differences = r.differences().stream().map(d -> {
            int at = d.lastIndexOf(", expected ");
            return at < 0 ? new Difference("", d) : new Difference(d.substring(at + ", expected ".length()), d.substring(0, at));
        }).toList();
        return new Outcome(r.name(), r.description(), r.passed(), differences);
    }

    private Response render(String source, List<Outcome> outcomes, Failure failure, String only) {
        Texts t = page.texts();
        Map<String, Object> data = new HashMap<>();
        data.put("source", source);
        data.put("failure", failure);
        data.put("entries", failure == null ? suite() : List.of());
        data.put("results", outcomes);
        if (outcomes != null) {
            long passed = outcomes.stream().filter(Outcome::passed).count();
            data.put("summary", t.word("result_summary").formatted(outcomes.size(), passed, outcomes.size() - passed));
            data.put("failures", outcomes.stream().filter(o -> !o.passed()).toList());
            data.put("passes", outcomes.stream().filter(Outcome::passed).toList());
        }
        return page.render("console/scenarios", "scenarios", data);
    }
}
