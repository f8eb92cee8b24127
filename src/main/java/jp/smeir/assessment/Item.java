package jp.smeir.assessment;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import jp.smeir.engine.Basis;
import jp.smeir.engine.ItemStatus;
import jp.smeir.engine.KeptJson;
import jp.smeir.engine.Stage;
import jp.smeir.engine.Text;
import jp.smeir.engine.Timing;

/** One action, notification or escalation (docs/api.md §2 Item). */
@Schema(description = "One thing to do, with its status, timing, basis and the rule that produced it.")
public record Item(
        @Schema(description = "Catalogue code, e.g. PPC_PRELIMINARY_REPORT") String code,
        Stage stage,
        @Schema(description = "REQUIRED (a duty), RECOMMENDED (guidance) or CONDITIONAL (a duty if an unknown fact turns out so; see questions)")
        ItemStatus status,
        @Schema(description = "A legal or contractual duty (true) versus advice (false)") boolean mandatory,
        @Schema(description = "Present on notifications and escalations") Recipient recipient,
        Text title,
        Text detail,
        Timing timing,
        @Schema(description = "Set when timing is BY_DEADLINE; Japan time") OffsetDateTime dueAt,
        @Schema(description = "Sources; confirmed is false where the source is unconfirmed, and note then names the catalogue note whose words the detail carries") List<Basis> basis,
        @Schema(description = "Name of the rule that produced the item") @JsonSerialize(using = KeptJson.Writer.class) String rule,
        @Schema(description = "The facts that made the rule fire, in words") List<String> because,
        @Schema(description = "Extension: other rules that produced the same code with the same status") @JsonSerialize(contentUsing = KeptJson.Writer.class) List<String> alsoFrom,
        @Schema(description = "v1.1: 1 = first, across the three lists, in the order of urgency (REQUIRED, CONDITIONAL, then advice; "
                + "within each, by the time it is due or targeted)") Integer priority,
        @Schema(description = "v1.1: for a REQUIRED or CONDITIONAL item without a legal dueAt, the service's working target for "
                + "直ちに / 速やかに (awareAt + incident.targets.immediately or .promptly); not a legal deadline. Japan time")
        OffsetDateTime targetAt,
        @Schema(description = "v1.1: with targetAt, says that it is the service's working target and not law") Text targetBasis) {

    /** The same item with its place in the order of urgency and, for a duty without a legal deadline, its working target. */
    public Item withUrgency(int priority, OffsetDateTime targetAt, Text targetBasis) {
        return new Item(code, stage, status, mandatory, recipient, title, detail, timing, dueAt, basis, rule, because,
                alsoFrom, priority, targetAt, targetBasis);
    }

    /** When the item is to be done: its legal deadline, else its working target; null if it has neither. */
    public OffsetDateTime dueOrTargetAt() {
        return dueAt != null ? dueAt : targetAt;
    }

    /** A body or person the item goes to. */
    public record Recipient(String code, Text name, @JsonSerialize(using = KeptJson.Writer.class) String contact) {
    }
}
