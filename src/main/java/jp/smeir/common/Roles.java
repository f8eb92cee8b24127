package jp.smeir.common;

/**
 * The roles of the API. A reporter assesses, opens and updates incidents and records completions; an analyst
 * may also run scenarios and list the rules; an admin may also reload the rules and manage webhooks.
 * Each endpoint names every role that may call it.
 */
public final class Roles {

    public static final String REPORTER = "reporter";
    public static final String ANALYST = "analyst";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
