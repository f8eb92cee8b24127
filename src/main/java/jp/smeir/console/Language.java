package jp.smeir.console;

import jakarta.ws.rs.core.NewCookie;

/**
 * The console's language: Japanese unless the person chose English, by {@code ?lang=en} (remembered in a cookie)
 * or by that cookie alone.
 */
public final class Language {

    static final String COOKIE = "console-lang";

    private Language() {
    }

    /** ja or en, from the query parameter first, then the cookie. */
    public static String of(String query, String cookie) {
        String chosen = query != null && !query.isBlank() ? query : cookie;
        return "en".equals(chosen) ? "en" : "ja";
    }

    /** The cookie that remembers a choice made by the query parameter; null when none was made. */
    public static NewCookie remember(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        return new NewCookie.Builder(COOKIE).value(of(query, null)).path("/console").maxAge(365 * 24 * 3600)
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build();
    }
}
