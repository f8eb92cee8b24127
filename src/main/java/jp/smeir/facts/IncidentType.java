package jp.smeir.facts;

/** Kinds of incident (docs/api.md §1 {@code incidentTypes}); an incident may have several. */
public enum IncidentType {
    MALWARE, RANSOMWARE, UNAUTHORIZED_ACCESS, TARGETED_ATTACK, WEBSITE_DEFACEMENT, WEB_SKIMMING, DDOS,
    BUSINESS_EMAIL_COMPROMISE, PHISHING, INSIDER_MISCONDUCT, DEVICE_LOSS, DEVICE_THEFT, MISDELIVERY,
    MISPUBLICATION, SYSTEM_OUTAGE, OTHER
}
