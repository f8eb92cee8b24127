package jp.smeir.console;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jp.smeir.common.Roles;
import jp.smeir.engine.Basis;
import jp.smeir.engine.RuleEngine;
import jp.smeir.engine.RuleInfo;
import jp.smeir.problem.ProblemException;
import jp.smeir.scenario.RuleReload;

/**
 * Every rule in service with its stage, basis, period of force and the scenarios that make it fire, searchable by
 * code or text (as GET /api/v1/rules lists them); an admin reloads the rules here, through the scenario gate.
 */
@Path("/console/rules")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class RulesPage {

    /** One rule as the page lists it. */
    public record Row(String name, String stage, List<Basis> basis, String inForce, String law, String file, List<String> scenarios,
                      boolean unconfirmed) {
    }

    @Inject
    Page page;

    @Inject
    RuleEngine engine;

    @Inject
    Coverage coverage;

    @Inject
    RuleReload reload;

    @GET
    public Response list(@QueryParam("q") String q) {
        return render(q, null, null);
    }

    @POST
    @Path("/reload")
    @RolesAllowed(Roles.ADMIN)
    public Response reload() {
        Texts t = page.texts();
        try {
            RuleReload.Outcome o = reload.reload();
            return render(null, t.word("reload_done").formatted(o.version(), o.rules(), o.scenariosPassed(), o.millis()), null);
        } catch (ProblemException e) {
            return render(null, null, refused(e, t));
        }
    }

    /** The gate's refusal: the rules that do not build, or the scenarios that fail, one line each. */
    private static Failure refused(ProblemException e, Texts t) {
        Failure failure = Failure.of(e, t);
        List<String> lines = new java.util.ArrayList<>(failure.lines());
        Map<String, Object> ext = e.toProblem().getExtensions();
        if (ext != null && ext.get("scenarioFailures") instanceof List<?> failures) {
            failures.forEach(f -> lines.add(f instanceof Map<?, ?> m ? m.get("name") + ": " + m.get("differences") : String.valueOf(f)));
        }
        if (ext != null && ext.get("ruleErrors") instanceof List<?> errors) {
            errors.forEach(err -> lines.add(String.valueOf(err)));
        }
        return new Failure(t.word("reload_refused"), lines);
    }

    private Response render(String q, String done, Failure failure) {
        Texts t = page.texts();
        String query = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        Map<String, List<String>> covered = coverage.byRule();
        List<Row> rows = engine.ruleBase().rules().values().stream().filter(r -> query.isEmpty() || matches(r, query))
                .map(r -> row(r, covered.getOrDefault(r.name(), List.of()), t)).toList();
        Map<String, Object> data = new HashMap<>();
        data.put("q", q == null ? "" : q);
        data.put("rows", rows);
        data.put("count", t.word("rules_count").formatted(rows.size(), engine.ruleBase().version().substring(0, 19)));
        data.put("done", done);
        data.put("failure", failure);
        return page.render("console/rules", "rules", data);
    }

    private static boolean matches(RuleInfo r, String query) {
        return r.name().toLowerCase(Locale.ROOT).contains(query) || r.file().toLowerCase(Locale.ROOT).contains(query)
                || r.basis().stream().anyMatch(b -> b.source().toLowerCase(Locale.ROOT).contains(query))
                || (r.inForce() != null && r.inForce().law().toLowerCase(Locale.ROOT).contains(query));
    }

    private static Row row(RuleInfo r, List<String> scenarios, Texts t) {
        String inForce = r.inForce() == null ? "" : r.inForce().until() == null ? t.word("in_force_from").formatted(r.inForce().from())
                : t.word("in_force_range").formatted(r.inForce().from(), r.inForce().until());
        return new Row(r.name(), t.name("stage", r.stage(), ""), r.basis(), inForce, r.inForce() == null ? "" : r.inForce().law(),
                r.file(), scenarios, r.hasUnconfirmedBasis());
    }
}
