package jp.smeir.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

/** For the tests alone: a request whose handling takes longer than the body timeout of {@link SlowBodyTest}'s profile. */
@Path("/api/v1/test-only/slow-handling")
public class SlowHandling {

    @POST
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String echo(String body) throws InterruptedException {
        Thread.sleep(4_000);
        return body;
    }
}
