package jp.smeir.console;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import jp.smeir.common.Roles;
import jp.smeir.incident.Assignees;
import jp.smeir.incident.Completions;
import jp.smeir.incident.IfMatch;
import jp.smeir.incident.IncidentService;
import jp.smeir.incident.IncidentStatus;
import jp.smeir.incident.IncidentViews.CompletionRequest;
import jp.smeir.incident.IncidentViews.IncidentView;
import jp.smeir.incident.IncidentViews.StatusChange;
import jp.smeir.incident.ItemViews.AssigneeRequest;
import jp.smeir.incident.ItemViews.NotApplicableRequest;
import jp.smeir.incident.NotApplicableMarks;
import jp.smeir.problem.InvalidInputException;
import jp.smeir.problem.ProblemException;

/**
 * One incident: its items (done, not applicable, assignee), its facts (changed with the incident's version, as
 * the API's If-Match: a stale edit is explained and the input kept), its status and its history. Each form posts
 * here and comes back to the page; the services are those of /api/v1/incidents.
 */
@Path("/console/incident")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@RolesAllowed({Roles.REPORTER, Roles.ANALYST, Roles.ADMIN})
public class IncidentPage {

    @Inject
    Page page;

    @Inject
    IncidentModel model;

    @Inject
    FactForm form;

    @Inject
    IncidentService incidents;

    @Inject
    Completions completions;

    @Inject
    NotApplicableMarks notApplicable;

    @Inject
    Assignees assignees;

    @GET
    public Response show(@QueryParam("id") UUID id) {
        return render(incidents.get(required(id)), null, null, null);
    }

    @POST
    @Path("/complete")
    public Response complete(@FormParam("id") UUID id, @FormParam("code") String code, @FormParam("by") String by,
                             @FormParam("note") String note) {
        return act(id, () -> completions.record(id, code, new CompletionRequest(by, null, null, blankToNull(note))));
    }

    @POST
    @Path("/not-applicable")
    public Response notApplicable(@FormParam("id") UUID id, @FormParam("code") String code, @FormParam("reason") String reason) {
        return act(id, () -> notApplicable.mark(id, code, null, new NotApplicableRequest(reason)));
    }

    @POST
    @Path("/assignee")
    public Response assign(@FormParam("id") UUID id, @FormParam("code") String code, @FormParam("assignee") String assignee) {
        return act(id, () -> assignees.assign(id, code, null, new AssigneeRequest(assignee)));
    }

    @POST
    @Path("/status")
    public Response status(@FormParam("id") UUID id, @FormParam("status") String status, @FormParam("reason") String reason) {
        return act(id, () -> incidents.changeStatus(id, null, new StatusChange(status(status), reason)));
    }

    /** New facts for the version the person started from: a newer version is a stale edit, explained, input kept. */
    @POST
    @Path("/facts")
    public Response facts(MultivaluedMap<String, String> posted) {
        UUID id = required(uuid(posted.getFirst("id")));
        String version = posted.getFirst("version");
        try {
            IncidentView saved = incidents.replaceFacts(id, IfMatch.of(List.of("\"" + version + "\"")), form.read(posted));
            return render(saved, null, null, null);
        } catch (ProblemException e) {
            IncidentView now = incidents.get(id);
            Stale stale = e.status() == 412 ? new Stale(version, Long.toString(now.version()),
                    form.differing(posted, now.facts(), page.texts())) : null;
            return render(now, posted, stale == null ? Failure.of(e, page.texts()) : null, stale);
        }
    }

    /** A stale edit: the version it started from, the version now, and the facts that differ from the latest. */
    public record Stale(String from, String now, List<String> differing) {
    }

    private Response act(UUID id, Runnable change) {
        required(id);
        try {
            change.run();
            return Response.seeOther(URI.create("/console/incident?id=" + id + "#items")).build();
        } catch (ProblemException e) {
            return render(incidents.get(id), null, Failure.of(e, page.texts()), null);
        }
    }

    private Response render(IncidentView view, MultivaluedMap<String, String> posted, Failure failure, Stale stale) {
        Texts t = page.texts();
        Map<String, Object> data = model.of(view, t);
        data.put("groups", posted == null ? form.groups(view.facts(), t) : form.groups(posted, t));
        data.put("version", posted == null || stale != null ? Long.toString(view.version()) : posted.getFirst("version"));
        data.put("failure", failure);
        data.put("stale", stale);
        data.put("staleText", stale == null ? "" : t.word("stale_text").formatted(stale.from(), stale.now()));
        return page.render("console/incident", "incidents", data);
    }

    private static UUID required(UUID id) {
        if (id == null) {
            throw InvalidInputException.of("id", "is required: the incident's id");
        }
        return id;
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("id", "must be an incident id");
        }
    }

    private static IncidentStatus status(String value) {
        try {
            return IncidentStatus.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw InvalidInputException.of("status", "must be one of " + java.util.Arrays.toString(IncidentStatus.values()));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
