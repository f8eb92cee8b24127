package jp.smeir.console;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import jp.smeir.common.Roles;
import jp.smeir.facts.IncidentType;
import jp.smeir.incident.IncidentService;
import jp.smeir.incident.IncidentStatus;
import jp.smeir.incident.IncidentViews.IncidentSummary;
import jp.smeir.incident.IncidentViews.Page;
import jp.smeir.problem.InvalidInputException;
import jp.smeir.problem.ProblemException;

/** The incident list with the API's filters (status, type, overdue, deadline before) and paging. */
@Path("/console/incidents")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.REPORTER, Roles.ANALYST, Roles.ADMIN})
public class IncidentsPage {

    static final int SIZE = 20;

    @Inject
    jp.smeir.console.Page page;

    @Inject
    IncidentService incidents;

    /** One line of the list, in words. */
    public record Row(String id, String title, String status, String severity, String severityCode, String awareAt,
                      String next, String nextKind, boolean overdue) {
    }

    @GET
    public Response list(@QueryParam("status") String status, @QueryParam("type") String type,
                         @QueryParam("overdue") String overdue, @QueryParam("dueBefore") String dueBefore,
                         @QueryParam("page") @jakarta.ws.rs.DefaultValue("0") int number) {
        Texts t = page.texts();
        Map<String, Object> data = new HashMap<>();
        data.put("filters", Map.of("status", nz(status), "type", nz(type), "overdue", nz(overdue), "dueBefore", nz(dueBefore)));
        data.put("statuses", options("incident", Arrays.stream(IncidentStatus.values()).map(Enum::name).toList(), status, t));
        data.put("types", options("type", Arrays.stream(IncidentType.values()).map(Enum::name).toList(), type, t));
        try {
            Page<IncidentSummary> found = incidents.list(option(status, IncidentStatus.class, "status"), option(type, IncidentType.class, "type"),
                    overdue == null || overdue.isBlank() ? null : Boolean.valueOf(overdue), time(dueBefore),
                    null, null, Math.max(0, number), SIZE);
            data.put("rows", found.items().stream().map(s -> row(s, t)).toList());
            long pages = Math.max(1, (found.total() + SIZE - 1) / SIZE);
            // a total past the count limit is a lower bound: the page count is not known, the next page is while this one is full
            boolean more = found.totalExact() ? found.page() + 1 < pages : found.items().size() == SIZE;
            data.put("total", t.word(found.totalExact() ? "total" : "total_over").formatted(found.total()));
            data.put("pageOf", found.totalExact() ? t.word("page_of").formatted(found.page() + 1, pages)
                    : t.word("page").formatted(found.page() + 1));
            data.put("prev", found.page() > 0 ? link(status, type, overdue, dueBefore, found.page() - 1) : null);
            data.put("next", more ? link(status, type, overdue, dueBefore, found.page() + 1) : null);
            data.put("failure", null);
        } catch (ProblemException e) {
            data.put("rows", List.of());
            data.put("failure", Failure.of(e, t));
        }
        return page.render("console/incidents", "incidents", data);
    }

    private static Row row(IncidentSummary s, Texts t) {
        boolean due = s.nextDueAt() != null && (s.nextTargetAt() == null || !s.nextTargetAt().isBefore(s.nextDueAt()));
        OffsetDateTime next = due ? s.nextDueAt() : s.nextTargetAt();
        return new Row(s.id().toString(), s.title() == null || s.title().isBlank() ? t.word("untitled") : s.title(),
                t.name("incident", s.status(), ""), t.name("severity", s.severity(), ""), s.severity() == null ? "" : s.severity().name(),
                t.time(s.awareAt()), next == null ? t.word("none") : t.time(next), next == null ? "" : t.word(due ? "due" : "target"),
                s.overdue());
    }

    private static List<FactForm.Option> options(String kind, List<String> codes, String chosen, Texts t) {
        return codes.stream().map(c -> new FactForm.Option(c, t.word(kind + "." + c), c.equals(chosen))).toList();
    }

    private static String link(String status, String type, String overdue, String dueBefore, int number) {
        StringBuilder q = new StringBuilder("/console/incidents?page=").append(number);
        Map.of("status", nz(status), "type", nz(type), "overdue", nz(overdue), "dueBefore", nz(dueBefore)).forEach((k, v) -> {
            if (!v.isBlank()) {
                q.append('&').append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    private static <E extends Enum<E>> E option(String value, Class<E> type, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A datetime-local value (Japan time, as the form sends it) or an ISO-8601 time with an offset. */
    private static OffsetDateTime time(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() <= 19 ? java.time.LocalDateTime.parse(value).atOffset(java.time.ZoneOffset.ofHours(9)) : OffsetDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw InvalidInputException.of("dueBefore", "must be a date and time");
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
