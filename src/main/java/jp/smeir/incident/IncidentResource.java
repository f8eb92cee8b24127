package jp.smeir.incident;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.assessment.AnswerView;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.facts.IncidentType;
import jp.smeir.incident.IncidentViews.ExternalTicket;
import jp.smeir.incident.IncidentViews.HistoryEntry;
import jp.smeir.incident.IncidentViews.IncidentSummary;
import jp.smeir.incident.IncidentViews.IncidentView;
import jp.smeir.incident.IncidentViews.Page;
import jp.smeir.incident.IncidentViews.StatusChange;
import jp.smeir.problem.InvalidInputException;

import jp.smeir.common.Paging;
import jp.smeir.common.Roles;

/** Incidents followed from first report to closure (docs/api.md §3). */
@Path("/api/v1/incidents")
@Tag(name = "incidents")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REPORTER, Roles.ANALYST, Roles.ADMIN})
public class IncidentResource {

    @Inject
    IncidentService service;

    @Inject
    IncidentOpening opening;

    @Inject
    ObjectMapper json;

    @Inject
    jp.smeir.report.ActionSheets sheets;

    static final String GET = "With Accept: text/markdown or text/html, the incident's one-page action sheet to print instead: first "
            + "steps, duties with deadlines and their progress, questions; Japanese by default (lang=en for English), Markdown "
            + "folded to 80 columns or an HTML page with print styles.";
    static final String LANG = "ja or en: every text of the assessment in that language only (same shape, one key); absent: both";
    static final String VIEW = "compact: the assessment's items with only code, status, stage, priority, title and dueAt or "
            + "targetAt, its questions with only their facts; full (default): everything";

    @POST
    @APIResponse(responseCode = "201", description = "The incident, opened and assessed (or, replaying an Idempotency-Key, the one opened before)",
            content = @Content(schema = @Schema(implementation = IncidentView.class)),
            headers = {@Header(name = "Location", description = "/api/v1/incidents/{id}", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "ETag", description = "The incident's version, for If-Match", schema = @Schema(type = SchemaType.STRING)),
                    @Header(name = "Idempotency-Replayed", description = "true when the answer replays an earlier request with the same key",
                            schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "409", description = "ticket-has-incident: another incident has this ticket (Location and existingIncident name it)")
    @APIResponse(responseCode = "422", description = "idempotency-key-reused: the Idempotency-Key came before with a different body")
    @Operation(operationId = "openIncident", summary = "Open an incident from facts; it is assessed and stored",
            description = "The body is the incident facts (docs/api.md §1), optionally with externalTicket {system, id}. "
                    + "With an Idempotency-Key, a retry with the same body returns the same incident; the same key with a "
                    + "different body is 422. A ticket that already has an incident (its system compared without regard to "
                    + "case) is 409 with that incident's Location, unless allowDuplicateTicket=true.")
    @RequestBody(content = @Content(schema = @Schema(implementation = IncidentFacts.class)))
    public Response open(@HeaderParam("Idempotency-Key") String idempotencyKey,
                         @Parameter(description = "true: open another incident for a ticket that already has one",
                                 schema = @Schema(type = SchemaType.BOOLEAN))
                         @QueryParam("allowDuplicateTicket") String allowDuplicateTicket,
                         @Parameter(description = LANG) @QueryParam("lang") String lang,
                         @Parameter(description = VIEW) @QueryParam("view") String answerView, JsonNode body) {
        AnswerView shown = AnswerView.of(lang, answerView);
        ExternalTicket ticket = ticket(body);
        IncidentFacts facts = facts(withoutTicket(body));
        IncidentOpening.Opened opened = opening.open(facts, ticket, idempotencyKey,
                Boolean.TRUE.equals(bool("allowDuplicateTicket", allowDuplicateTicket)));
        IncidentView view = opened.view();
        return Response.created(URI.create("/api/v1/incidents/" + view.id()))
                .tag(etag(view.version()))
                .header("Idempotency-Replayed", opened.replayed() ? "true" : null)
                .entity(shown.render(json, view)).build();
    }

    @GET
    @Operation(operationId = "listIncidents", summary = "List incidents, newest first, with filters and paging")
    public Page<IncidentSummary> list(@Parameter(description = "OPEN, CONTAINED, REPORTED, RECOVERED or CLOSED")
                                      @QueryParam("status") String status,
                                      @Parameter(description = "an incident type, e.g. RANSOMWARE")
                                      @QueryParam("type") String type,
                                      @Parameter(description = "true: an item neither done nor not applicable is past its deadline or working target now; false: none is",
                                              schema = @Schema(type = SchemaType.BOOLEAN))
                                      @QueryParam("overdue") String overdue,
                                      @Parameter(description = "a legal deadline (not a working target) of an item not done is before this time (ISO-8601 with offset)",
                                              schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                                      @QueryParam("dueBefore") String dueBefore,
                                      @Parameter(description = "the ticket's system, without regard to case (Jira is jira)")
                                      @QueryParam("ticketSystem") String ticketSystem,
                                      @Parameter(description = "the ticket's id, exactly")
                                      @QueryParam("ticketId") String ticketId,
                                      @Parameter(description = "page number, from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
                                      @QueryParam("page") String page,
                                      @Parameter(description = "incidents per page, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "20"))
                                      @QueryParam("size") String size) {
        return service.list(option("status", status, IncidentStatus.class), option("type", type, IncidentType.class),
                bool("overdue", overdue), time("dueBefore", dueBefore), ticketSystem, ticketId,
                Paging.number("page", page, 0), Paging.number("size", size, 20));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getIncident", summary = "The incident: facts, current assessment, progress of each item, version (also as ETag)", description = GET)
    @APIResponse(responseCode = "200", description = "The incident; ETag is its version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = IncidentView.class)),
            headers = @Header(name = "ETag", description = "The incident's version, for If-Match", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "406", description = "Accept names neither application/json nor an action sheet's type")
    public Response get(@PathParam("id") UUID id, @Parameter(description = LANG) @QueryParam("lang") String lang,
                        @Parameter(description = VIEW) @QueryParam("view") String answerView, @Context HttpHeaders headers) {
        AnswerView.requireJson(headers.getAcceptableMediaTypes());
        AnswerView shown = AnswerView.of(lang, answerView);
        IncidentView view = service.get(id);
        return Response.ok(shown.render(json, view)).tag(etag(view.version())).build();
    }

    @GET
    @Path("/{id}")
    @Produces({jp.smeir.report.ActionSheets.MARKDOWN, jp.smeir.report.ActionSheets.HTML})
    // the same operation as get in the API description (same path and method): the same words
    @Operation(operationId = "getIncident", summary = "The incident: facts, current assessment, progress of each item, version (also as ETag)", description = GET)
    @APIResponse(responseCode = "200", description = "The action sheet", content = {
            @Content(mediaType = jp.smeir.report.ActionSheets.MARKDOWN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = jp.smeir.report.ActionSheets.HTML, schema = @Schema(type = SchemaType.STRING))})
    public Response sheet(@PathParam("id") UUID id, @Parameter(description = "ja (default) or en") @QueryParam("lang") String lang,
                          @Context HttpHeaders headers) {
        String language = AnswerView.of(lang, null).sheetLanguage();
        boolean html = jp.smeir.report.ActionSheets.wantsHtml(headers.getAcceptableMediaTypes());
        IncidentView view = service.get(id);
        return Response.ok(sheets.of(view, language, html), html ? jp.smeir.report.ActionSheets.HTML : jp.smeir.report.ActionSheets.MARKDOWN)
                .tag(etag(view.version())).build();
    }

    @PUT
    @Path("/{id}/facts")
    @Operation(operationId = "replaceFacts", summary = "Replace the facts and re-assess; answers the new assessment and its difference from the previous one",
            description = "Requires If-Match with the ETag from GET: missing is 428, stale is 412.")
    @APIResponse(responseCode = "200", description = "The incident re-assessed, with difference; ETag is its new version",
            content = @Content(schema = @Schema(implementation = IncidentView.class)),
            headers = @Header(name = "ETag", description = "The incident's new version", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "incident-closed: a closed incident's facts cannot change; incident-busy: "
            + "another change to the incident is being made, retry")
    @APIResponse(responseCode = "428", description = "if-match-required: send If-Match with the ETag of GET")
    @RequestBody(content = @Content(schema = @Schema(implementation = IncidentFacts.class)))
    public Response replaceFacts(@PathParam("id") UUID id, @HeaderParam("If-Match") List<String> ifMatchLines,
                                 @Parameter(description = LANG) @QueryParam("lang") String lang,
                                 @Parameter(description = VIEW) @QueryParam("view") String answerView, JsonNode body) {
        AnswerView shown = AnswerView.of(lang, answerView);
        IncidentView view = service.replaceFacts(id, IfMatch.required(ifMatchLines, id), facts(body));
        return Response.ok(shown.render(json, view)).tag(etag(view.version())).build();
    }
    @PUT
    @Path("/{id}/ticket")
    @APIResponse(responseCode = "200", description = "The incident with its ticket; ETag is its new version",
            content = @Content(schema = @Schema(implementation = IncidentView.class)))
    @APIResponse(responseCode = "409", description = "ticket-has-incident: another incident has this ticket (Location names it); "
            + "incident-busy: another change to the incident is being made, retry")
    @APIResponse(responseCode = "428", description = "if-match-required: send If-Match with the ETag of GET")
    @Operation(operationId = "changeTicket", summary = "Set or change the incident's external ticket (a history event)",
            description = "Requires If-Match with the ETag from GET: missing is 428, stale is 412. A ticket that another "
                    + "incident has is 409 with that incident's Location, unless allowDuplicateTicket=true.")
    public Response changeTicket(@PathParam("id") UUID id, @HeaderParam("If-Match") List<String> ifMatchLines,
                                 @Parameter(description = "true: give the incident a ticket that another incident has too",
                                           schema = @Schema(type = SchemaType.BOOLEAN))
                                 @QueryParam("allowDuplicateTicket") String allowDuplicateTicket, ExternalTicket ticket) {
        IfMatch ifMatch = IfMatch.required(ifMatchLines, id);
        IncidentView view = service.changeTicket(id, ifMatch, ticket, Boolean.TRUE.equals(bool("allowDuplicateTicket", allowDuplicateTicket)));
        return Response.ok(view).tag(etag(view.version())).build();
    }

    @POST
    @Path("/{id}/status")
    @APIResponse(responseCode = "200", description = "The incident in its new status; ETag is its new version",
            content = @Content(schema = @Schema(implementation = IncidentView.class)),
            headers = @Header(name = "ETag", description = "The incident's new version", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "required-duties-open: closing while REQUIRED items are open (openCodes lists them); "
            + "status-transition: not a move forward; incident-busy: another change is being made, retry")
    @Operation(operationId = "changeStatus", summary = "Move the incident forward (open → contained → reported → recovered → closed) with a reason",
            description = "Closing while a REQUIRED item is neither done nor marked not applicable is 409 with openCodes. If-Match is optional here.")
    public Response changeStatus(@PathParam("id") UUID id, @HeaderParam("If-Match") List<String> ifMatchLines,
                                 @Parameter(description = LANG) @QueryParam("lang") String lang,
                                 @Parameter(description = VIEW) @QueryParam("view") String answerView, StatusChange change) {
        AnswerView shown = AnswerView.of(lang, answerView);
        IncidentView view = service.changeStatus(id, IfMatch.of(ifMatchLines), change);
        return Response.ok(shown.render(json, view)).tag(etag(view.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @Operation(operationId = "getHistory", summary = "Every event of the incident in order: opened, facts changed, reassessed, item completed, status changed")
    public List<HistoryEntry> history(@PathParam("id") UUID id) {
        return service.history(id);
    }

    private IncidentFacts facts(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("", "a JSON object with the incident facts is required");
        }
        try {
            return json.treeToValue(body, IncidentFacts.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new jp.smeir.problem.InvalidInputException(List.of(jp.smeir.problem.ProblemMapper.fieldError(e)));
        }
    }

    /** The body's externalTicket, read at its place in the body so that an error names it by its full path. */
    private ExternalTicket ticket(JsonNode body) {
        JsonNode node = body == null ? null : body.get("externalTicket");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw InvalidInputException.of("externalTicket", "must be an object {\"system\": \"…\", \"id\": \"…\"}");
        }
        try {
            return json.treeToValue(json.createObjectNode().set("externalTicket", node), TicketField.class).externalTicket();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InvalidInputException(List.of(jp.smeir.problem.ProblemMapper.fieldError(e)));
        }
    }

    /** The ticket travels beside the facts in an open request's body; any other field the facts lack is refused with them. */
    private static JsonNode withoutTicket(JsonNode body) {
        return body instanceof com.fasterxml.jackson.databind.node.ObjectNode object ? object.deepCopy().without("externalTicket") : body;
    }

    /** Only the ticket of an open request's body. */
    private record TicketField(ExternalTicket externalTicket) {
    }


    private static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    private static <E extends Enum<E>> E option(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw InvalidInputException.of(field, "must be true or false");
        }
        return Boolean.valueOf(value);
    }

    private static OffsetDateTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.of(field, "must be an ISO-8601 date-time with an offset, e.g. 2026-11-20T09:30:00+09:00");
        }
        // bounded like every stored time, so that no database is asked about the year -999999999
        int year = time.getYear();
        if (year < IncidentFacts.OCCURRED_FIRST_YEAR || year > IncidentFacts.LAST_YEAR) {
            throw InvalidInputException.of(field, "must be a time between the years " + IncidentFacts.OCCURRED_FIRST_YEAR
                    + " and " + IncidentFacts.LAST_YEAR);
        }
        return time;
    }
}
