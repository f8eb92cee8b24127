package jp.smeir.webhook;

/**
 * Which subscriptions an event goes to, besides their event types. A subscription sees the REQUIRED duties of an
 * incident, and its CONDITIONAL ones too only if it opted in ({@code includeConditional}): a duty that hangs on a
 * fact nobody knows yet is noise to a ticketing system until it applies. So one change can read differently to
 * the two kinds: an item that turns from CONDITIONAL to REQUIRED is changed for the one and added for the other.
 */
public enum Audience {
    /** Every subscription of the event type. */
    EVERYONE,
    /** Only subscriptions that include CONDITIONAL duties. */
    WITH_CONDITIONAL,
    /** Only subscriptions that see REQUIRED duties alone. */
    REQUIRED_ONLY;

    boolean includes(boolean includeConditional) {
        return this == EVERYONE || (this == WITH_CONDITIONAL) == includeConditional;
    }
}
