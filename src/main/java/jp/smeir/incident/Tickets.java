package jp.smeir.incident;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jp.smeir.incident.IncidentViews.ExternalTicket;
import jp.smeir.problem.FieldError;
import jp.smeir.problem.InvalidInputException;
import jp.smeir.problem.ProblemException;

/**
 * The caller's ticket for an incident. One ticket belongs to one incident: opening a second incident for it,
 * or moving it to another one, is a 409 that points at the incident that has it, unless the caller says that
 * it wants a duplicate. Systems are compared without regard to case ({@code Jira} is {@code jira}); ticket ids
 * exactly. The first incident of a ticket holds its claim (a unique column), so that two requests at once
 * cannot both become that first one.
 */
final class Tickets {

    static final int SYSTEM_MAX = 100;
    static final int ID_MAX = 200;

    private Tickets() {
    }

    /** A ticket given on its own (PUT …/ticket): a 400 naming every field at fault. */
    static void requireValid(ExternalTicket ticket) {
        if (ticket == null) {
            throw InvalidInputException.of("", "a JSON object {\"system\": \"…\", \"id\": \"…\"} is required");
        }
        List<FieldError> errors = new java.util.ArrayList<>();
        validate(ticket, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /** Adds the errors of a ticket in a request; fields are named with {@code prefix} ({@code externalTicket.} or none). */
    static void validate(ExternalTicket ticket, String prefix, List<FieldError> errors) {
        check(ticket.system(), SYSTEM_MAX, prefix + "system", errors);
        check(ticket.id(), ID_MAX, prefix + "id", errors);
    }

    private static void check(String value, int max, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required with a ticket"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        } else if (value.chars().anyMatch(Character::isISOControl)) {
            // a ticket is shown and matched as one line: a line break or tab in it is a mistake, not a name
            errors.add(new FieldError(field, "must not contain control characters"));
        }
    }

    /** The first incident (by opening) other than {@code except} that has this ticket; null when none has. */
    static Incident holder(ExternalTicket ticket, UUID except) {
        return Incident.<Incident>find("lower(ticketSystem) = lower(?1) and ticketId = ?2 and id <> ?3 order by openedAt, id",
                ticket.system(), ticket.id(), except == null ? new UUID(0, 0) : except).firstResult();
    }

    /**
     * Gives the incident the ticket. When another incident has it already, that is a 409 unless
     * {@code allowDuplicate}; a duplicate made on purpose does not hold the claim.
     */
    static void assign(Incident incident, ExternalTicket ticket, boolean allowDuplicate) {
        if (ticket.id().equals(incident.ticketId) && ticket.system().equalsIgnoreCase(incident.ticketSystem)) {
            // its own ticket, the system spelt in another case: no second incident, the claim stays as it is
            incident.ticketSystem = ticket.system();
            return;
        }
        Incident other = holder(ticket, incident.id);
        if (other != null && !allowDuplicate) {
            throw conflict(other, ticket);
        }
        incident.ticketSystem = ticket.system();
        incident.ticketId = ticket.id();
        incident.ticketClaim = other == null ? ticket.system().toLowerCase(Locale.ROOT) : null;
    }

    /** 409 with the location of the incident that has the ticket. */
    static ProblemException conflict(Incident existing, ExternalTicket ticket) {
        return new ProblemException(409, "ticket-has-incident", "Ticket already has an incident",
                "Incident " + existing.id + " already belongs to ticket " + ticket.system() + " " + ticket.id()
                        + "; to have another incident for the same ticket, send allowDuplicateTicket=true.",
                List.of(), Map.of("existingIncident", existing.id))
                .withHeader("Location", "/api/v1/incidents/" + existing.id);
    }
}
