package jp.smeir.support;

/** Incident facts that tests open again and again. */
public final class Incidents {

    private Incidents() {
    }

    /** A misdelivery whose only possible APPI category is the number of persons. */
    public static String misdelivery(int persons, String title) {
        return """
                {
                  "title": "%s",
                  "awareAt": "2026-11-20T09:30:00+09:00",
                  "incidentTypes": ["MISDELIVERY"],
                  "organization": {"sector": "GENERAL", "dataProcessor": false, "cyberInsurance": false, "otasukeTaiSubscriber": false,
                                   "inHouseCapability": true, "designatedOperator": false, "privacyMarkOrAccreditedBodyMember": false},
                  "personalData": {"breach": "CONFIRMED", "affectedPersons": %d, "sensitive": false, "financialHarmRisk": false,
                                   "cardData": false, "myNumber": false, "improperPurpose": false, "encrypted": false,
                                   "euResidents": false, "exposedOnline": false, "subjectsReachable": true, "recoveredUnviewed": false},
                  "impact": {"systemDown": false, "businessStopped": false, "customersAffected": true, "partnersAffected": false,
                             "publicImpact": false, "damageSpreading": false, "externallyAccessible": false},
                  "attack": {"crimeSuspected": false}
                }
                """.formatted(title, persons);
    }
}
