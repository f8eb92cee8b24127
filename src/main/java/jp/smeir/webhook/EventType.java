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
    ITEM_COMPLETED("item.completed"),
    ITEM_COMPLETION_CORRECTED("item.completion_corrected"),
    ITEM_COMPLETION_WITHDRAWN("item.completion_withdrawn"),
    ITEM_NOT_APPLICABLE("item.not_applicable"),
    ITEM_NOT_APPLICABLE_WITHDRAWN("item.not_applicable_withdrawn"),
    ITEM_ASSIGNED("item.assigned");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
