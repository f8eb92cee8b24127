package jp.smeir.incident;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.TypedQuery;

import jp.smeir.facts.IncidentType;
import jp.smeir.incident.IncidentViews.IncidentSummary;
import jp.smeir.incident.IncidentViews.Page;

/**
 * A page of incidents, newest first, by the list's filters: each is served by an index (V9__list_filter_columns):
 * the status with the list's order, overdue as a range on overdue_from, dueBefore on next_due_at, the ticket on
 * ticket_system_key with the list's order or on ticket_id, the type through the incident_type rows.
 * Runs in the caller's transaction.
 */
final class IncidentListing {

    private final List<String> where = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    /** The conditions of the page query that are tested on each incident in the list's order, see {@link #page}. */
    private final List<String> tested = new ArrayList<>();
    /** Columns fixed by a filter, put before the list's order so that the filter's index serves the order too. */
    private final List<String> fixed = new ArrayList<>();
    /** overdue=false: most incidents (every closed one) match it, see {@link #page}. */
    private boolean notOverdue;
    /** Only the type filter: counted on the type rows alone. */
    private boolean typeOnly;

    IncidentListing(IncidentStatus status, IncidentType type, Boolean overdue, OffsetDateTime dueBefore,
                    String ticketSystem, String ticketId, Instant now) {
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
            fixed.add("status");
        }
        if (type != null) {
            where.add("exists (select 1 from IncidentTypeRow t where t.incidentId = i.id and t.type = :type)");
            params.put("type", type.name());
            typeOnly = status == null && overdue == null && dueBefore == null && ticketSystem == null && ticketId == null;
        }
        if (overdue != null) {
            // past a deadline or a target: the earlier of the two (kept as overdueFrom) is before now
            notOverdue = !overdue;
            if (overdue) {
                where.add("overdueFrom < :now");
            }
            tested.add(overdue ? "coalesce(overdueFrom, overdueFrom) < :now" : "coalesce(overdueFrom, overdueFrom) >= :now");
            params.put("now", now);
        }
        if (dueBefore != null) {
            where.add("nextDueAt < :dueBefore");
            params.put("dueBefore", dueBefore.toInstant());
        }
        if (ticketSystem != null) {
            where.add("ticketSystemKey = :ticketSystem");
            params.put("ticketSystem", ticketSystem.toLowerCase(Locale.ROOT));
            if (ticketId == null) {
                // with a ticket id, that id's index is the one to use: it finds one incident or a few
                fixed.add("ticketSystemKey");
            }
        }
        if (ticketId != null) {
            where.add("ticketId = :ticketId");
            params.put("ticketId", ticketId);
        }
    }

    /**
     * The page, and the number of incidents the filters pick. The page is read in the list's order (after the
     * columns a filter fixes, so that the status or ticket system index gives that order) and the overdue test is
     * made on each incident read, from the list's index which holds overdue_from: a page then costs about as many
     * index entries as it shows divided by the share of incidents that pass, instead of a range over all those
     * overdue, or all those not, read whole and sorted. Counts use the ranges: overdue ones as overdue_from before
     * now; not overdue ones, which are most incidents (every closed one), as the incidents the other filters pick
     * less the overdue ones among them; the type alone on the type rows.
     */
    Page<IncidentSummary> page(int page, int size, Instant now) {
        List<String> conditions = new ArrayList<>(where);
        conditions.removeIf(c -> c.startsWith("overdueFrom"));
        conditions.addAll(tested);
        List<String> order = new ArrayList<>(fixed);
        order.add("openedAt desc");
        order.add("id");
        TypedQuery<Incident> query = Incident.getEntityManager().createQuery("select i from Incident i" + clause(conditions)
                + " order by " + String.join(", ", order), Incident.class);
        bind(query, conditions);
        List<IncidentSummary> items = query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(i -> IncidentService.summary(i, now)).toList();
        long total;
        if (typeOnly) {
            total = IncidentTypeRow.count("type", params.get("type"));
        } else {
            total = count(where);
            if (notOverdue) {
                List<String> overdue = new ArrayList<>(where);
                overdue.add("overdueFrom < :now");
                total -= count(overdue);
            }
        }
        return new Page<>(items, page, size, total);
    }

    private long count(List<String> conditions) {
        TypedQuery<Long> count = Incident.getEntityManager().createQuery("select count(*) from Incident i" + clause(conditions), Long.class);
        bind(count, conditions);
        return count.getSingleResult();
    }

    private static String clause(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Binds the parameters the conditions name. */
    private void bind(TypedQuery<?> query, List<String> conditions) {
        String text = String.join(" ", conditions);
        params.forEach((name, value) -> {
            if (text.contains(":" + name)) {
                query.setParameter(name, value);
            }
        });
    }
}
