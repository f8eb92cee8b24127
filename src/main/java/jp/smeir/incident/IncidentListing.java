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
    /** overdue=false: most incidents (every closed one) match it, see {@link #page}. */
    private boolean notOverdue;

    IncidentListing(IncidentStatus status, IncidentType type, Boolean overdue, OffsetDateTime dueBefore,
                    String ticketSystem, String ticketId, Instant now) {
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (type != null) {
            where.add("id in (select t.incidentId from IncidentTypeRow t where t.type = :type)");
            params.put("type", type.name());
        }
        if (overdue != null) {
            // past a deadline or a target: the earlier of the two (kept as overdueFrom) is before now
            notOverdue = !overdue;
            if (overdue) {
                where.add("overdueFrom < :now");
            }
            params.put("now", now);
        }
        if (dueBefore != null) {
            where.add("nextDueAt < :dueBefore");
            params.put("dueBefore", dueBefore.toInstant());
        }
        if (ticketSystem != null) {
            where.add("ticketSystemKey = :ticketSystem");
            params.put("ticketSystem", ticketSystem.toLowerCase(Locale.ROOT));
        }
        if (ticketId != null) {
            where.add("ticketId = :ticketId");
            params.put("ticketId", ticketId);
        }
    }

    /**
     * The page, and the number of incidents the filters pick. "Not overdue" picks most incidents, so a range over
     * overdue_from would read nearly all of that index and sort it for one page: it is tested on each incident in
     * the list's order instead (written so that no index on it applies), which finds a page in about as many rows
     * as it shows; and counted as the incidents the other filters pick less the overdue ones among them, which are few.
     */
    Page<IncidentSummary> page(int page, int size, Instant now) {
        List<String> conditions = new ArrayList<>(where);
        if (notOverdue) {
            conditions.add("coalesce(overdueFrom, overdueFrom) >= :now");
        }
        TypedQuery<Incident> query = Incident.getEntityManager().createQuery("from Incident" + clause(conditions)
                + " order by openedAt desc, id", Incident.class);
        bind(query, conditions);
        List<IncidentSummary> items = query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(i -> IncidentService.summary(i, now)).toList();
        long total = count(where);
        if (notOverdue) {
            List<String> overdue = new ArrayList<>(where);
            overdue.add("overdueFrom < :now");
            total -= count(overdue);
        }
        return new Page<>(items, page, size, total);
    }

    private long count(List<String> conditions) {
        TypedQuery<Long> count = Incident.getEntityManager().createQuery("select count(*) from Incident" + clause(conditions), Long.class);
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
