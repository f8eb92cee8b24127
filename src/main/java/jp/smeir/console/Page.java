package jp.smeir.console;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

import jp.smeir.common.Roles;

/**
 * What every console page shares: its language and words, who is logged in and what their role lets them open,
 * the link that switches the language, and whether htmx asked for a fragment rather than the whole page.
 */
@RequestScoped
public class Page {

    @Inject
    HttpServerRequest request;

    @Inject
    SecurityIdentity identity;

    @Inject
    Engine qute;

    private Texts texts;

    public Texts texts() {
        if (texts == null) {
            Cookie cookie = request.getCookie(Language.COOKIE);
            texts = Texts.of(Language.of(request.getParam("lang"), cookie == null ? null : cookie.getValue()));
        }
        return texts;
    }

    public String language() {
        return texts().language();
    }

    public String user() {
        return identity.isAnonymous() ? "" : identity.getPrincipal().getName();
    }

    public boolean analyst() {
        return identity.hasRole(Roles.ANALYST) || identity.hasRole(Roles.ADMIN);
    }

    public boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** True when htmx sent the request: answer the fragment it swaps in, not the whole page. */
    public boolean fragment() {
        return "true".equals(request.getHeader("HX-Request"));
    }

    /** This page in the other language. */
    public String switchLink() {
        String other = "en".equals(language()) ? "ja" : "en";
        StringBuilder query = new StringBuilder();
        request.params().forEach(e -> {
            if (!e.getKey().equals("lang")) {
                query.append(query.isEmpty() ? "" : "&").append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            }
        });
        return request.path() + "?" + query + (query.isEmpty() ? "" : "&") + "lang=" + other;
    }

    public String otherLanguageName() {
        return "en".equals(language()) ? "日本語" : "English";
    }

    /** The template (console/…) with the shared data ({@code t}: the words, {@code page}: this), as an HTML response. */
    public Response render(String name, String active, Map<String, Object> data) {
        TemplateInstance template = qute.getTemplate(name).instance();
        template.data("t", texts().words()).data("page", this).data("active", active);
        data.forEach(template::data);
        Response.ResponseBuilder response = Response.ok(template.render(), MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store");
        var remembered = Language.remember(request.getParam("lang"));
        return remembered == null ? response.build() : response.cookie(remembered).build();
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
