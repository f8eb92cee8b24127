package jp.smeir.console;

import java.net.URI;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import jp.smeir.common.Roles;

/**
 * Where a person enters: {@code /} leads to the console, the console to its Assess page, and the log-in page posts
 * to the form mechanism ({@code /console/j_security_check}, quarkus.http.auth.form.*); logging out drops the session cookie.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    static final String SESSION_COOKIE = "console-session";

    @Inject
    Page page;

    @GET
    @PermitAll
    public Response root() {
        return Response.seeOther(URI.create("/console")).build();
    }

    @GET
    @Path("/console")
    @RolesAllowed({Roles.REPORTER, Roles.ANALYST, Roles.ADMIN})
    public Response console() {
        return Response.seeOther(URI.create("/console/assess")).build();
    }

    @GET
    @Path("/console/login")
    @PermitAll
    public Response login(@QueryParam("error") String error) {
        return page.render("console/login", "login", Map.of("error", error != null));
    }

    @POST
    @Path("/console/logout")
    @RolesAllowed({Roles.REPORTER, Roles.ANALYST, Roles.ADMIN})
    public Response logout() {
        NewCookie gone = new NewCookie.Builder(SESSION_COOKIE).value("").path("/").maxAge(0).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).build();
        return Response.seeOther(URI.create("/console/login")).cookie(gone).build();
    }
}
