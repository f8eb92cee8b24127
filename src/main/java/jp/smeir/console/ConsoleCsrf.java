package jp.smeir.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.vertx.core.http.Cookie;

/**
 * The console's CSRF check, on console paths only: a request that changes something must carry, as the form field
 * {@value #FIELD} (or the header {@value #HEADER}), the token its cookie {@value #COOKIE} holds ({@link CsrfToken}
 * makes both). Only console paths: the API takes no cookie, and its POSTs, with or without a body, keep its own
 * answers (problem+json).
 */
public class ConsoleCsrf {

    static final String COOKIE = "console-csrf";
    static final String FIELD = "csrf-token";
    static final String HEADER = "X-CSRF-TOKEN";

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, io.vertx.ext.web.RoutingContext routing) {
        String path = routing.normalizedPath();
        if (SAFE.contains(request.getMethod()) || !(path.equals("/console") || path.startsWith("/console/"))) {
            return null;
        }
        Cookie cookie = routing.request().getCookie(COOKIE);
        String sent = request.getHeaderString(HEADER);
        if (sent == null) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext()).getFormParameter(FIELD, true, false);
            sent = field == null ? null : field.toString();
        }
        if (cookie == null || sent == null || !MessageDigest.isEqual(cookie.getValue().getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(Response.Status.BAD_REQUEST).type("text/plain;charset=UTF-8")
                    .entity("このフォームは期限が切れています。ページを読み込み直してから、もう一度送信してください。\n"
                            + "This form has expired: reload the page and send it again.").build();
        }
        return null;
    }
}
