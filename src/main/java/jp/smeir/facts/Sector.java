package jp.smeir.facts;

/** The organisation's sector (docs/api.md §1 {@code organization.sector}); sector laws hang on it. */
public enum Sector { GENERAL, MEDICAL, FINANCE, TELECOM, CRITICAL_INFRASTRUCTURE }
