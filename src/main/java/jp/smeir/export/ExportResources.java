package jp.smeir.export;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.smeir.common.Roles;
import jp.smeir.problem.InvalidInputException;

/**
 * Incidents' duties and items in formats other tools read: iCalendar for calendars, CSV for spreadsheets. One
 * root class per path: Quarkus REST routes a request to the class whose path matches it most closely and
 * looks no further, so one class at {@code /api/v1} would lose {@code /api/v1/incidents/…} to IncidentResource.
 */
public final class ExportResources {

    static final String CALENDAR = "text/calendar; charset=UTF-8";
    static final String CSV = "text/csv; charset=UTF-8";

    private ExportResources() {
    }

    /** GET /api/v1/incidents/{id}/calendar.ics */
    @Path("/api/v1/incidents/{id}/calendar.ics")
    @Tag(name = "incidents")
    @RolesAllowed({Roles.REPORTER, Roles.ANALYST, Roles.ADMIN})
    public static class IncidentCalendar {

        @Inject
        CalendarExport calendar;

        @GET
        @Produces(CALENDAR)
        @APIResponse(responseCode = "200", description = "An iCalendar (RFC 5545) file", content = @Content(mediaType = CALENDAR,
                schema = @Schema(type = SchemaType.STRING)))
        @Operation(operationId = "getIncidentCalendar", summary = "The incident's timed duties as iCalendar events (Japanese), with alarms at the reminder lead times",
                description = "One VEVENT per REQUIRED or CONDITIONAL item at its legal deadline (【期限】) or else at the "
                        + "service's working target (【目標】, said not to be law), in Asia/Tokyo time, with a VALARM at each lead "
                        + "time of incident.reminders (24 h and 2 h before; day 3 for the preliminary reports; for a target, none "
                        + "before awareAt). "
                        + "The UID is the incident and the code, SEQUENCE the incident's version: importing the file again after a "
                        + "re-assessment or a completion updates the same events. Done items keep their event without alarms; items "
                        + "not applicable, duties a re-assessment removed and open duties of a closed incident are STATUS:CANCELLED; "
                        + "CONDITIONAL ones are TENTATIVE.")
        public Response get(@PathParam("id") UUID id) {
            return Response.ok(calendar.incident(id), CALENDAR)
                    .header("Content-Disposition", "inline; filename=\"incident-" + id + ".ics\"").build();
        }
    }

    /** GET /api/v1/calendar.ics */
    @Path("/api/v1/calendar.ics")
    @Tag(name = "incidents")
    @RolesAllowed({Roles.REPORTER, Roles.ANALYST, Roles.ADMIN})
    public static class OpenCalendar {

        @Inject
        CalendarExport calendar;

        @GET
        @Produces(CALENDAR)
        @APIResponse(responseCode = "200", description = "An iCalendar (RFC 5545) file", content = @Content(mediaType = CALENDAR,
                schema = @Schema(type = SchemaType.STRING)))
        @Operation(operationId = "getOpenCalendar", summary = "The timed duties of every incident not closed, as one iCalendar to subscribe to",
                description = "The same events as each incident's calendar.ics; a closed incident's events leave this calendar.")
        public Response get() {
            return Response.ok(calendar.open(), CALENDAR).header("Content-Disposition", "inline; filename=\"incidents.ics\"").build();
        }
    }

    /** GET /api/v1/incidents/{id}/items.csv */
    @Path("/api/v1/incidents/{id}/items.csv")
    @Tag(name = "incidents")
    @RolesAllowed({Roles.REPORTER, Roles.ANALYST, Roles.ADMIN})
    public static class ItemsTable {

        @Inject
        ItemsCsv csv;

        @GET
        @Produces(CSV)
        @APIResponse(responseCode = "200", description = "The items as CSV", content = @Content(mediaType = CSV,
                schema = @Schema(type = SchemaType.STRING)))
        @Operation(operationId = "getItemsCsv", summary = "The incident's items as CSV: UTF-8 with a byte order mark, so that Excel opens it in Japanese",
                description = "RFC 4180, CRLF, a header row of field names: code, priority, list, stage, status, title, timing, dueAt, "
                        + "targetAt (the service's working target, not law), state, assignee, completedBy, completedAt, completionReference, completionNote, notApplicableBy, notApplicableAt, "
                        + "notApplicableReason. One row per item, by priority (the order of urgency across the three lists); times ISO-8601 in Japan time. Text typed "
                        + "by people that starts with = + - or @ is prefixed with an apostrophe, so that a spreadsheet does not run it.")
        public Response get(@PathParam("id") UUID id,
                            @Parameter(description = "language of the titles: ja (default) or en") @QueryParam("lang") String lang) {
            if (lang != null && !lang.isBlank() && !lang.equals("ja") && !lang.equals("en")) {
                throw InvalidInputException.of("lang", "must be ja or en");
            }
            return Response.ok(csv.items(id, "en".equals(lang)), CSV)
                    .header("Content-Disposition", "attachment; filename=\"incident-" + id + "-items.csv\"").build();
        }
    }
}
