package jp.smeir.facts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Facts about the incident's impact. Every field may be null: null means unknown. */
@Schema(description = "Impact of the incident. Absent or null fields are unknown, not false. telecom* apply to registered telecom carriers.")
public record Impact(
        Boolean systemDown,
        Boolean businessStopped,
        Boolean customersAffected,
        Boolean partnersAffected,
        Boolean publicImpact,
        Boolean damageSpreading,
        @Schema(description = "The affected information or systems are accessible from outside") Boolean externallyAccessible,
        Boolean medicalCareDisrupted,
        @Schema(description = "Leak of communications secrecy (通信の秘密) at a telecom carrier") Boolean telecomSecrecyLeak,
        @Schema(description = "Serious outage (重大な事故) at a telecom carrier") Boolean telecomSeriousOutage) {

    static final Impact UNKNOWN = new Impact(null, null, null, null, null, null, null, null, null, null);
}
