package jp.smeir.facts;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Facts about the organisation that suffered the incident. Every field may be null: null means unknown. */
@Schema(description = "The organisation. Absent or null fields are unknown, not false.")
public record Organization(
        @Schema(description = "GENERAL, MEDICAL, FINANCE, TELECOM or CRITICAL_INFRASTRUCTURE") Sector sector,
        @Schema(description = "Handles the affected personal data, or some of it, on behalf of another business (委託先); see ownDataAffected") Boolean dataProcessor,
        @Schema(description = "Holds cyber insurance") Boolean cyberInsurance,
        @Schema(description = "Subscribes to a サイバーセキュリティお助け隊 service") Boolean otasukeTaiSubscriber,
        @Schema(description = "Can investigate and recover without outside help") Boolean inHouseCapability,
        @Schema(description = "Extension: designated 特別社会基盤事業者 under the Active Cyber Defense law (Act No. 42 of 2025)")
        Boolean designatedOperator,
        @Schema(description = "Extension: the affected personal data includes data the organisation handles for itself, not on behalf of "
                + "another business; asked of a processor, whose exemption covers only the data entrusted to it. False needs dataProcessor true")
        Boolean ownDataAffected,
        @Schema(description = "Extension: holds the Privacy Mark (プライバシーマーク) or is a member of an accredited personal "
                + "information protection organisation (認定個人情報保護団体), which it then tells of a leak")
        Boolean privacyMarkOrAccreditedBodyMember) {

    static final Organization UNKNOWN = new Organization(null, null, null, null, null, null, null, null);
}
