package jp.smeir.console;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import jp.smeir.common.Roles;
import jp.smeir.export.CalendarExport;
import jp.smeir.report.ActionSheets;
import jp.smeir.report.ReportService;

/** An incident's report drafts, to read (HTML) or download (Markdown), and its calendar file, from the API's services. */
@Path("/console/incident")
@RolesAllowed({Roles.REPORTER, Roles.ANALYST, Roles.ADMIN})
public class IncidentFiles {

    @Inject
    ReportService reports;

    @Inject
    CalendarExport calendar;

    @Inject
    Page page;

    @GET
    @Path("/report")
    public Response report(@QueryParam("id") UUID id, @QueryParam("kind") String kind, @QueryParam("download") boolean download) {
        String lang = page.language();
        if (!download) {
            return Response.ok(reports.html(id, kind, lang), ActionSheets.HTML).build();
        }
        return Response.ok(reports.markdown(id, kind, lang), ActionSheets.MARKDOWN)
                .header("Content-Disposition", "attachment; filename=\"" + kind + "-" + id + "." + lang + ".md\"").build();
    }

    @GET
    @Path("/calendar.ics")
    public Response calendar(@QueryParam("id") UUID id) {
        return Response.ok(calendar.incident(id), "text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"incident-" + id + ".ics\"").build();
    }
}
