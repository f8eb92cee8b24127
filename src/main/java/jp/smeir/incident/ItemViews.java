package jp.smeir.incident;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The records of the item endpoints beside completion (not applicable, corrections, assignee). */
public final class ItemViews {

    private ItemViews() {
    }

    /** A current not-applicable mark. */
    @Schema(description = "Who marked the item not applicable (the authenticated user), when, and why")
    public record NotApplicable(String by, OffsetDateTime at, String reason) {
    }

    /** Body of POST …/items/{code}/not-applicable. */
    @Schema(description = "Why the item does not apply to this incident (required)")
    public record NotApplicableRequest(String reason) {
    }

    /** Body of PUT …/items/{code}/completion: the completion as it should read, and why it is corrected. */
    @Schema(description = "The corrected completion in full (who did it, when, reference, note; absent reference or note means none) "
            + "and why it is corrected")
    public record CorrectionRequest(String by, OffsetDateTime at, String reference, String note, String reason) {
    }

    /** Body of DELETE …/items/{code}/completion and DELETE …/items/{code}/not-applicable. */
    @Schema(description = "Why the record is withdrawn (required)")
    public record Withdrawal(String reason) {
    }

    /** Body of PUT …/items/{code}/assignee. */
    @Schema(description = "Who is to do the item: at most 200 characters without control characters; null or empty clears it")
    public record AssigneeRequest(String assignee) {
    }
}
