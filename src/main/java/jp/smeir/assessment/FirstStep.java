package jp.smeir.assessment;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.smeir.engine.Text;

/** One of the few things to do now (docs/api.md {@code firstSteps}): an item of the answer, in one line. */
@Schema(description = "One of the few items to do now: its code, title, priority and due or target time")
public record FirstStep(
        @Schema(description = "The code of the item in actions, notifications or escalations") String code,
        Text title,
        @Schema(description = "The item's priority") Integer priority,
        @Schema(description = "The item's legal deadline, if it has one") OffsetDateTime dueAt,
        @Schema(description = "The item's working target, if it has one (not law: see the item's targetBasis)") OffsetDateTime targetAt) {

    static FirstStep of(Item item) {
        return new FirstStep(item.code(), item.title(), item.priority(), item.dueAt(), item.targetAt());
    }
}
