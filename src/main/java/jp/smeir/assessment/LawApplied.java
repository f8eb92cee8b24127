package jp.smeir.assessment;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.smeir.engine.LawStatus;
import jp.smeir.engine.Text;

/** A law version whose rules the answer applied, with its period of force (docs/api.md §2 lawApplied). */
@Schema(description = "A law version applied for awareAt: the period of force of rules that fired")
public record LawApplied(
        @Schema(description = "The law version's id, as rules name it in @inForce") String id,
        @Schema(description = "Its name in English") String law,
        Text name,
        @Schema(description = "First day in force (Japan time)") LocalDate inForceFrom,
        @Schema(description = "Last day in force, absent while it is in force") LocalDate inForceUntil,
        @Schema(description = "LAW, GUIDANCE, CONTRACT or SERVICE (this service's own reading of the facts)") LawStatus status,
        @Schema(description = "A caveat on the period, e.g. that the commencement is not recorded") Text note) {
}
