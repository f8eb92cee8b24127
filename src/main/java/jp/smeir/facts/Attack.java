package jp.smeir.facts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Facts about the attack, where there was one. Every field may be null: null means unknown. */
@Schema(description = "Facts about the attack. Absent or null fields are unknown, not false.")
public record Attack(
        Boolean ransomDemanded,
        @Schema(description = "Money was already transferred to the attacker (e.g. after a fake invoice)") Boolean moneyTransferred,
        Boolean crimeSuspected,
        Boolean stateSponsoredSuspected,
        @Schema(description = "The attacker's hosts or sites (C2 server, phishing site) are known") Boolean attackerInfrastructureKnown) {

    static final Attack UNKNOWN = new Attack(null, null, null, null, null);
}
