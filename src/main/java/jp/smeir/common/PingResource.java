package jp.smeir.common;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Answers who is calling: lets an integrator check its credentials, and is the load test's reference endpoint. */
@Path("/api/v1/ping")
@Tag(name = "rules")
@RolesAllowed({Roles.REPORTER, Roles.ANALYST, Roles.ADMIN})
public class PingResource {

    @Inject
    CurrentActor actor;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "ping", summary = "Check credentials: answers the authenticated principal")
    public Map<String, String> ping() {
        return Map.of("principal", actor.name());
    }
}
