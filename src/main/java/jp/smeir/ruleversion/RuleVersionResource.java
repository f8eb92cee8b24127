package jp.smeir.ruleversion;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.smeir.common.Roles;
import jp.smeir.problem.FieldError;
import jp.smeir.problem.ProblemException;
import jp.smeir.ruleversion.RuleVersionStore.Version;
import jp.smeir.scenario.RuleReload;

/** The rule versions stored in the database: which was put into service when, by whom, its files; activating one. */
@Path("/api/v1/rules/versions")
@Tag(name = "rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class RuleVersionResource {

    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final String DIGEST_DESCRIPTION = "The version's digest, sha256:<64 hex digits> (rulesetVersion of an assessment)";

    /** One file of a version, as text (UTF-8). */
    public record VersionFile(String name, String content) {
    }

    /** A version with its files. */
    public record VersionFiles(String digest, Instant storedAt, String storedBy, Integer scenariosPassed, Integer scenariosTotal,
                               boolean active, List<VersionFile> files) {
    }

    @Inject
    RuleVersionStore versions;

    @Inject
    RuleReload reload;

    @GET
    @Operation(operationId = "listRuleVersions", summary = "Every stored rule version, the newest first: digest, who stored it and when, "
            + "the scenario gate it passed (null for a version seeded from the rules folder at a start), and which one is active")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Version.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<Version> list() {
        return versions.list();
    }

    @GET
    @Path("/{digest}")
    @Operation(operationId = "getRuleVersion", summary = "A stored rule version with its files (the .drl files and catalogue.yaml)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = VersionFiles.class)))
    @APIResponse(responseCode = "400", description = "digest is not sha256:<64 hex digits>")
    @APIResponse(responseCode = "404", description = "No version with this digest is stored")
    public VersionFiles get(@Parameter(description = DIGEST_DESCRIPTION) @PathParam("digest") String digest) {
        Version version = versions.list().stream().filter(v -> v.digest().equals(valid(digest))).findFirst()
                .orElseThrow(() -> notStored(digest));
        List<VersionFile> files = versions.files(digest).orElseThrow(() -> notStored(digest)).entrySet().stream()
                .map(f -> new VersionFile(f.getKey(), new String(f.getValue(), StandardCharsets.UTF_8))).toList();
        return new VersionFiles(version.digest(), version.storedAt(), version.storedBy(), version.scenariosPassed(),
                version.scenariosTotal(), version.active(), files);
    }

    @POST
    @Path("/{digest}/activate")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "activateRuleVersion", summary = "Put a stored rule version back into service, as a reload: built from its "
            + "stored files and gated by the scenarios of the rules folder on disk (a version stores no scenarios); every instance follows")
    @APIResponse(responseCode = "200", description = "The version is in service and active",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleReload.Outcome.class)))
    @APIResponse(responseCode = "400", description = "digest is not sha256:<64 hex digits>")
    @APIResponse(responseCode = "404", description = "No version with this digest is stored")
    @APIResponse(responseCode = "422", description = "rules-invalid (ruleErrors) or scenarios-failed (scenarioFailures): the rules in service stay")
    public RuleReload.Outcome activate(@Parameter(description = DIGEST_DESCRIPTION) @PathParam("digest") String digest) {
        return reload.activate(valid(digest));
    }

    private static String valid(String digest) {
        if (digest == null || !DIGEST.matcher(digest).matches()) {
            throw new ProblemException(400, "invalid-input", "Invalid input", "The digest is not a rule version's digest.",
                    List.of(new FieldError("digest", "must be sha256: followed by 64 lowercase hex digits")), java.util.Map.of());
        }
        return digest;
    }

    private static ProblemException notStored(String digest) {
        return new ProblemException(404, "not-found", "Not Found", "No rule version " + digest + " is stored.");
    }
}
