package jp.smeir.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The outbound events (docs/api.md §4), by their wire names. */
public enum EventType {
    INCIDENT_OPENED("incident.opened"),
    INCIDENT_REASSESSED("incident.reassessed"),
    INCIDENT_STATUS_CHANGED("incident.status_changed"),
    OBLIGATION_ADDED("obligation.added"),
    OBLIGATION_DUE_SOON("obligation.due_soon"),
    OBLIGATION_OVERDUE("obligation.overdue"),
    OBLIGATION_REMOVED("obligation.removed"),
    OBLIGATION_CHANGED("obligation.changed"),
    ITEM_COMPLETED("item.completed"),
    ITEM_COMPLETION_CORRECTED("item.completion_corrected"),
    ITEM_COMPLETION_WITHDRAWN("item.completion_withdrawn"),
    ITEM_NOT_APPLICABLE("item.not_applicable"),
    ITEM_NOT_APPLICABLE_WITHDRAWN("item.not_applicable_withdrawn"),
    ITEM_ASSIGNED("item.assigned"),
    /** Sent to one subscriber on request (POST /webhooks/{id}/ping), never subscribed to. */
    WEBHOOK_PING("webhook.ping");

    /** In a subscription's eventTypes: every type there is or will be. */
    public static final String ALL = "*";

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

    public boolean subscribable() {
        return this != WEBHOOK_PING;
    }

    /** A type a subscription may name. */
    public static Optional<EventType> subscribable(String wireName) {
        return Arrays.stream(values()).filter(t -> t.subscribable() && t.wireName.equals(wireName)).findFirst();
    }

    /** What a subscription may name, for error messages. */
    public static java.util.List<String> subscribableNames() {
        java.util.List<String> names = new java.util.ArrayList<>(List.of(ALL));
        Arrays.stream(values()).filter(EventType::subscribable).map(EventType::wireName).forEach(names::add);
        return names;
    }
}
