package jp.smeir.facts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Facts about personal data involved in the incident. Every field may be null: null means unknown. */
@Schema(description = "Personal data involved. Absent or null fields are unknown, not false.")
public record PersonalData(
        @Schema(description = "CONFIRMED, SUSPECTED (おそれ) or NONE: leak, loss or damage of personal data") BreachStatus breach,
        @Schema(description = "Number of persons (本人の数), ≥ 0") Integer affectedPersons,
        @Schema(description = "Includes 要配慮個人情報 (sensitive data)") Boolean sensitive,
        @Schema(description = "Misuse could cause financial harm (財産的被害のおそれ)") Boolean financialHarmRisk,
        @Schema(description = "Includes credit-card numbers (implies financial-harm risk)") Boolean cardData,
        @Schema(description = "Includes My Number (特定個人情報)") Boolean myNumber,
        @Schema(description = "Caused or possibly caused by an act with improper purpose (不正の目的)") Boolean improperPurpose,
        @Schema(description = "Protected by high-grade encryption whose key did not leak (高度な暗号化等)") Boolean encrypted,
        @Schema(description = "EU residents' data, with GDPR applying to the organisation") Boolean euResidents,
        @Schema(description = "Viewable by unspecified persons on the internet") Boolean exposedOnline,
        @Schema(description = "The persons can be contacted individually") Boolean subjectsReachable,
        @Schema(description = "All data was recovered before any third party viewed it (then it is no leak)") Boolean recoveredUnviewed,
        @Schema(description = "Of the affected persons, how many had their My Numbers leaked, ≥ 0 and ≤ affectedPersons; unknown: "
                + "the My Number threshold (more than 100) is judged on affectedPersons where that settles it, else asked")
        Integer myNumberPersons) {

    static final PersonalData UNKNOWN =
            new PersonalData(null, null, null, null, null, null, null, null, null, null, null, null, null);
}
