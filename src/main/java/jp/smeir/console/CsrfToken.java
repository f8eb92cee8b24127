package jp.smeir.console;

import java.security.SecureRandom;
import java.util.Base64;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The console's CSRF token for the current request, as templates insert it ({@code {inject:csrf.token}} in the
 * hidden field {@code {inject:csrf.parameterName}}): the value of the browser's {@value ConsoleCsrf#COOKIE} cookie,
 * or a new random one, which is then set as that cookie (HttpOnly, SameSite=Strict, path /console, Secure over TLS).
 * {@link ConsoleCsrf} checks that a console form sends back what its cookie holds.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    RoutingContext routing;

    private String token;

    public String getParameterName() {
        return ConsoleCsrf.FIELD;
    }

    public String getToken() {
        if (token == null) {
            Cookie sent = routing.request().getCookie(ConsoleCsrf.COOKIE);
            if (sent != null && sent.getValue().matches("[A-Za-z0-9_-]{43}")) {
                token = sent.getValue();
            } else {
                byte[] bytes = new byte[32];
                RANDOM.nextBytes(bytes);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
                routing.response().addCookie(Cookie.cookie(ConsoleCsrf.COOKIE, token).setPath("/console").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT).setSecure(routing.request().isSSL()));
            }
        }
        return token;
    }
}
