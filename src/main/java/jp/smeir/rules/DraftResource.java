package jp.smeir.rules;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.smeir.common.Roles;

/** The draft rule sets analysts keep in the drafts workspace. */
@Path("/api/v1/rules/drafts")
@Tag(name = "rules")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ANALYST, Roles.ADMIN})
public class DraftResource {

    @Inject
    Drafts drafts;

    @GET
    @Operation(operationId = "listDrafts", summary = "The drafts in the workspace (incident.rules.drafts), by name, with their counts of rule and scenario files")
    public List<Drafts.Draft> list() {
        return drafts.list();
    }
}
