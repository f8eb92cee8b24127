package jp.smeir.rules;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.smeir.engine.ItemStatus;
import jp.smeir.engine.Timing;

/**
 * What a change of rules does to the open incidents: each one whose items differ when its facts are assessed
 * under both rule sets at the same moment, with the items it would gain, lose, or keep with another status or
 * deadline. Nothing is written; the incidents keep their stored answers until their facts next change.
 *
 * @param open         how many incidents not closed were assessed
 * @param affected     how many of them would change (all counted, at most {@value ImpactCheck#MAX_LISTED} listed)
 * @param gaining      how many would gain an item
 * @param losing       how many would lose one
 * @param changing     how many would keep one with another status, timing or deadline
 * @param unassessable incidents on whose facts a rule set fails (a rule throws or loops): listed by id
 */
@Schema(description = "Which open incidents would gain, lose or change an item (status, timing, dueAt) under other rules")
public record Impact(String fromVersion, String toVersion, int open, int affected, int gaining, int losing, int changing,
                     List<IncidentChange> incidents, List<UUID> unassessable) {

    /** One incident that would change: its id, title, and per code what it is before and after. */
    public record IncidentChange(UUID id, String title, List<ItemChange> gained, List<ItemChange> lost, List<ItemChange> changed) {
    }

    /** An item before and after (null where the rule set does not have it). */
    public record ItemChange(String code, ItemState before, ItemState after) {
    }

    /** What matters of an item to whoever must do it: whether it is a duty, when, and by what deadline. */
    public record ItemState(ItemStatus status, boolean mandatory, Timing timing, OffsetDateTime dueAt) {
    }
}
