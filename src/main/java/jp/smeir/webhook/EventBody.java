package jp.smeir.webhook;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.smeir.assessment.Item;
import jp.smeir.engine.ItemKind;
import jp.smeir.engine.ItemStatus;
import jp.smeir.engine.Text;
import jp.smeir.engine.Timing;
import jp.smeir.incident.IncidentViews.ExternalTicket;

/**
 * The JSON every subscriber receives (docs/api.md §4). Stable: fields are added, never renamed.
 *
 * @param incidentId the incident; null only for webhook.ping
 * @param item the item concerned (obligation.* and item.completed), else null; for obligation.removed the item
 *             as it was
 * @param data details of the event: the difference for incident.reassessed, the completion for item.completed,
 *             the lead time for obligation.due_soon, the reason for obligation.removed, what changed with its old
 *             and new values for obligation.changed, …
 */
@Schema(description = "Body of every webhook delivery, signed in X-Signature and webhook-signature. item: the item concerned "
        + "(obligation.* and item.completed; for obligation.removed as it was). data: the difference (incident.reassessed), the "
        + "completion (item.completed), dueAt and leadTime (obligation.due_soon), reason DROPPED, NO_LONGER_A_DUTY or "
        + "NOW_CONDITIONAL (obligation.removed), changed, from and to with status and dueAt (obligation.changed), "
        + "subscriptionId (webhook.ping).")
public record EventBody(UUID eventId, String type, OffsetDateTime occurredAt, UUID incidentId,
                        ExternalTicket externalTicket, EventItem item, Map<String, Object> data) {

    /**
     * The item an event is about: its legal deadline ({@code dueAt}) or else the service's working target
     * ({@code targetAt}, with {@code targetBasis} saying it is not law), and {@code assignee}, who is to do it.
     */
    public record EventItem(String code, ItemKind list, ItemStatus status, boolean mandatory, Timing timing,
                            OffsetDateTime dueAt, OffsetDateTime targetAt, Text targetBasis, Text title, String recipient,
                            String assignee) {

        public static EventItem of(Item item, ItemKind list) {
            return new EventItem(item.code(), list, item.status(), item.mandatory(), item.timing(), item.dueAt(),
                    item.targetAt(), item.targetBasis(), item.title(), item.recipient() == null ? null : item.recipient().code(), null);
        }

        public EventItem withAssignee(String who) {
            return new EventItem(code, list, status, mandatory, timing, dueAt, targetAt, targetBasis, title, recipient, who);
        }
    }
}
