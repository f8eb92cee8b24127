package jp.smeir.engine;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lists the rules in force so that anyone can check each duty against its source. */
@Path("/api/v1/rules")
@Tag(name = "rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    /** The rule base version and every rule (queries excluded). */
    public record RuleList(String version, List<RuleInfo> rules) {
    }

    @Inject
    RuleEngine engine;

    @GET
    @Operation(summary = "The rule base version and every rule with its name, stage, basis and file")
    public RuleList list() {
        RuleBase base = engine.ruleBase();
        return new RuleList(base.version(), List.copyOf(base.rules().values()));
    }
}
