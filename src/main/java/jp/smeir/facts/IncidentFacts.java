package jp.smeir.facts;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.smeir.problem.FieldError;

/**
 * The facts of an incident as a caller knows them (docs/api.md §1). A fact that is absent or null is unknown,
 * and unknown is not false: the rules list duties that hang on it as CONDITIONAL and ask about it.
 */
@Schema(description = "Facts of an incident. Only awareAt is required; absent or null facts are unknown, not false. "
        + "A field not named here, at any level, is a 400 that names it and, when one is close, the field meant.")
public record IncidentFacts(
        @Schema(description = "Short title, at most " + IncidentFacts.TITLE_MAX + " characters") String title,
        @Schema(required = true, description = "When the organisation became aware (発覚), ISO-8601 text with offset (a number is refused). "
                + "Every legal clock starts here. At most a few minutes (incident.facts.aware-at-tolerance, 5) ahead of the service's clock.")
        OffsetDateTime awareAt,
        @Schema(description = "When the incident occurred, if known; not after awareAt") OffsetDateTime occurredAt,
        @Schema(description = "Reported by someone outside the organisation") Boolean externalReporter,
        @Schema(description = "Kinds of incident; several may apply") List<IncidentType> incidentTypes,
        Organization organization,
        PersonalData personalData,
        Impact impact,
        Attack attack) {

    public static final int TITLE_MAX = 500;
    /** The holiday calendar is computed for 2000–2099; a 60-day deadline must stay inside it. */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2098;
    /** The earliest year an incident may have begun in, before anyone became aware of it. */
    public static final int OCCURRED_FIRST_YEAR = 1970;

    /**
     * The same facts with absent groups replaced by all-unknown ones and duplicate types removed, so that
     * rules can match every group without null checks. Unknown stays unknown.
     */
    public IncidentFacts normalized() {
        return new IncidentFacts(title, awareAt, occurredAt, externalReporter,
                incidentTypes == null ? List.of() : List.copyOf(new LinkedHashSet<>(incidentTypes)),
                organization == null ? Organization.UNKNOWN : organization,
                personalData == null ? PersonalData.UNKNOWN : personalData,
                impact == null ? Impact.UNKNOWN : impact,
                attack == null ? Attack.UNKNOWN : attack);
    }

    /** Checks what JSON binding cannot: required and range constraints (docs/api.md §1, §5). Empty when valid. */
    public List<FieldError> violations() {
        List<FieldError> errors = new ArrayList<>();
        if (awareAt == null) {
            errors.add(new FieldError("awareAt", "is required: when the organisation became aware of the incident, ISO-8601 with offset"));
        }
        if (awareAt != null && (awareAt.getYear() < FIRST_YEAR || awareAt.getYear() > LAST_YEAR)) {
            errors.add(new FieldError("awareAt", "must be in the years " + FIRST_YEAR + " to " + LAST_YEAR));
        }
        // an incident may have begun years before anyone noticed, but a date at the edge of the calendar
        // (-999999999) cannot even be shown in Japan time
        if (occurredAt != null && (occurredAt.getYear() < OCCURRED_FIRST_YEAR || occurredAt.getYear() > LAST_YEAR)) {
            errors.add(new FieldError("occurredAt", "must be in the years " + OCCURRED_FIRST_YEAR + " to " + LAST_YEAR));
        }
        if (occurredAt != null && awareAt != null && occurredAt.isAfter(awareAt)) {
            errors.add(new FieldError("occurredAt", "must not be after awareAt"));
        }
        if (title != null) {
            if (title.length() > TITLE_MAX) {
                errors.add(new FieldError("title", "must be at most " + TITLE_MAX + " characters"));
            }
            if (title.chars().anyMatch(c -> Character.isISOControl(c))) {
                errors.add(new FieldError("title", "must not contain control characters"));
            }
        }
        if (incidentTypes != null && incidentTypes.contains(null)) {
            errors.add(new FieldError("incidentTypes", "must not contain null"));
        }
        if (personalData != null && personalData.affectedPersons() != null && personalData.affectedPersons() < 0) {
            errors.add(new FieldError("personalData.affectedPersons", "must be ≥ 0"));
        }
        if (organization != null && Boolean.FALSE.equals(organization.ownDataAffected()) && !Boolean.TRUE.equals(organization.dataProcessor())) {
            errors.add(new FieldError("organization.ownDataAffected", "may be false only when dataProcessor is true: data not handled "
                    + "on behalf of another business is the organisation's own"));
        }
        Integer withMyNumber = personalData == null ? null : personalData.myNumberPersons();
        if (withMyNumber != null) {
            if (withMyNumber < 0) {
                errors.add(new FieldError("personalData.myNumberPersons", "must be ≥ 0"));
            } else if (personalData.affectedPersons() != null && withMyNumber > personalData.affectedPersons()) {
                errors.add(new FieldError("personalData.myNumberPersons", "must be at most affectedPersons ("
                        + personalData.affectedPersons() + "): they are some of the affected persons"));
            } else if (withMyNumber > 0 && Boolean.FALSE.equals(personalData.myNumber())) {
                errors.add(new FieldError("personalData.myNumberPersons", "must be 0 or absent when myNumber is false"));
            } else if (withMyNumber == 0 && Boolean.TRUE.equals(personalData.myNumber())) {
                errors.add(new FieldError("personalData.myNumberPersons", "must be at least 1 when myNumber is true"));
            }
        }
        return errors;
    }
}
