package jp.smeir.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The outbound events (contract §4), by their wire names. */
public enum EventType {
    INCIDENT_OPENED("incident.opened"),
    INCIDENT_REASSESSED("incident.reassessed"),
    INCIDENT_STATUS_CHANGED("incident.status_changed"),
    OBLIGATION_ADDED("obligation.added"),
    OBLIGATION_DUE_SOON("obligation.due_soon"),
    OBLIGATION_OVERDUE("obligation.overdue"),
    OBLIGATION_REMOVED("obligation.removed"),
    OBLIGATION_CHANGED("obligation.changed"),
    ITEM_COMPLETED("item.completed");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** About a duty: sent for CONDITIONAL items only to subscriptions that opted in (see {@link Audience}). */
    public boolean aboutObligation() {
        return wireName.startsWith("obligation.");
    }

    public static Optional<EventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
