package jp.smeir.incident;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import jp.smeir.facts.IncidentType;
import jp.smeir.incident.IncidentViews.IncidentSummary;
import jp.smeir.incident.IncidentViews.Page;

/**
 * A page of incidents, newest first, by the list's filters: each is served by an index (V9__list_filter_columns):
 * the status with the list's order, overdue as a range on overdue_from, dueBefore on next_due_at, the ticket on
 * ticket_system_key with the list's order or on ticket_id, the type through the incident_type rows. The total is
 * counted up to a limit, see {@link #page}. Runs in the caller's transaction.
 */
final class IncidentListing {

    /**
     * dueBefore as a range on next_due_at, whose rows are then sorted in the list's order. When it picks more than
     * {@link #WALK_FROM} incidents, and more than {@link #WALK_FROM_RATIO} times those the page needs, the page is
     * read in the list's order instead and the deadline tested on each (as overdue is) on the list's index entry, which
     * holds next_due_at (V12): a range of 7,000 on 100,000 read whole and sorted took 0.4 s on H2, while walking the
     * list reads about 300 index entries for a first page.
     * A few matches (old deadlines) are cheaper to read and sort than to look for along the list.
     */
    private static final String DUE_BEFORE = "nextDueAt < :dueBefore and nextDueAt >= :dueFloor";
    /**
     * The lower end of the dueBefore range: without one H2 reads its index from the start, through every incident
     * without a deadline (most: every closed one), 94,000 entries for 1,555 on 100,000.
     */
    private static final Instant DUE_FLOOR = Instant.parse("0001-01-01T00:00:00Z");
    private static final int WALK_FROM = 2000;
    private static final int WALK_FROM_RATIO = 20;

    private final List<String> where = new ArrayList<>();
    /** {@link #where} in SQL, for the count (see {@link #count}). */
    private final List<String> sqlWhere = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    /** The conditions of the page query that are tested on each incident in the list's order, see {@link #page}. */
    private final List<String> tested = new ArrayList<>();
    /** Columns fixed by a filter, put before the list's order so that the filter's index serves the order too. */
    private final List<String> fixed = new ArrayList<>();
    /** Only the type filter: counted on the type rows alone. */
    private boolean typeOnly;

    IncidentListing(IncidentStatus status, IncidentType type, Boolean overdue, OffsetDateTime dueBefore,
                    String ticketSystem, String ticketId, Instant now) {
        if (status != null) {
            where.add("status = :status");
            sqlWhere.add("status = :status");
            params.put("status", status);
            fixed.add("status");
        }
        if (type != null) {
            where.add("exists (select 1 from IncidentTypeRow t where t.incidentId = i.id and t.type = :type)");
            // (a join instead counted slower on H2: it reads the type's 20,000 rows and looks each incident up)
            sqlWhere.add("exists (select 1 from incident_type t where t.incident_id = i.id and t.type = :type)");
            params.put("type", type.name());
            typeOnly = status == null && overdue == null && dueBefore == null && ticketSystem == null && ticketId == null;
        }
        if (overdue != null) {
            // past a deadline or a target: the earlier of the two (kept as overdueFrom) is before now
            if (overdue) {
                where.add("overdueFrom < :now");
                sqlWhere.add("overdue_from < :now");
            } else {
                sqlWhere.add("overdue_from >= :now");
            }
            tested.add(overdue ? "coalesce(overdueFrom, overdueFrom) < :now" : "coalesce(overdueFrom, overdueFrom) >= :now");
            params.put("now", now);
        }
        if (dueBefore != null) {
            where.add(DUE_BEFORE);
            sqlWhere.add("next_due_at < :dueBefore and next_due_at >= :dueFloor");
            params.put("dueBefore", dueBefore.toInstant());
            params.put("dueFloor", DUE_FLOOR);
        }
        if (ticketSystem != null) {
            where.add("ticketSystemKey = :ticketSystem");
            sqlWhere.add("ticket_system_key = :ticketSystem");
            params.put("ticketSystem", ticketSystem.toLowerCase(Locale.ROOT));
            if (ticketId == null) {
                // with a ticket id, that id's index is the one to use: it finds one incident or a few
                fixed.add("ticketSystemKey");
            }
        }
        if (ticketId != null) {
            where.add("ticketId = :ticketId");
            sqlWhere.add("ticket_id = :ticketId");
            params.put("ticketId", ticketId);
        }
    }

    /**
     * The page, and the number of incidents the filters pick, counted up to {@code countLimit}. The page is read in
     * the list's order (after the columns a filter fixes, so that the status or ticket system index gives that order)
     * and the overdue test is made on each incident read, from the list's index which holds overdue_from: a page then
     * costs about as many index entries as it shows divided by the share of incidents that pass, instead of a range
     * over all those overdue, or all those not, read whole and sorted; dueBefore too when it picks many (see
     * {@link #DUE_BEFORE}). The count, made first, reads at most {@code countLimit} + 1
     * entries of the filters' best range (the type alone on the type rows): an exact count of a broad filter visits
     * every incident it picks, which on 100,000 incidents was most of a list's time (BENCHMARKS.md, "Lists on big
     * tables").
     */
    Page<IncidentSummary> page(int page, int size, Instant now, int countLimit) {
        long counted = count(typeOnly ? "select 1 from incident_type t where t.type = :type"
                // no filter: in the list's order, on the list's index (an index-only count on both databases)
                : sqlWhere.isEmpty() ? "select 1 from incident i order by i.opened_at desc, i.id"
                : "select 1 from incident i" + clause(sqlWhere), countLimit);
        List<String> conditions = new ArrayList<>(tested);
        where.stream().filter(c -> !c.startsWith("overdueFrom")).forEach(conditions::add);
        boolean walk = counted > WALK_FROM && counted > (long) (page + 1) * size * WALK_FROM_RATIO;
        boolean dueRange = where.contains(DUE_BEFORE) && !walk;
        if (walk) {
            // many pick the page: read in the list's order and test each, as for overdue, rather than read them all and sort
            conditions.replaceAll(c -> c.equals(DUE_BEFORE) ? "coalesce(nextDueAt, nextDueAt) < :dueBefore" : c);
        }
        // the type's subquery last: H2 tests the conditions in the order written, the cheap ones on the index entry first
        conditions.sort(java.util.Comparator.comparing(c -> c.startsWith("exists")));
        List<String> order = new ArrayList<>(fixed);
        // few pick the page by their deadline: their range is read and sorted. In the list's order PostgreSQL would walk
        // the list's index (it expects them spread over it, but old deadlines lie at its end: 37,000 read for 20)
        order.add(dueRange ? "coalesce(openedAt, openedAt) desc" : "openedAt desc");
        order.add("id");
        // the page's ids first, from the index entries alone (the incidents skipped before a later page are not read),
        // then those incidents
        TypedQuery<UUID> query = Incident.getEntityManager().createQuery("select i.id from Incident i" + clause(conditions)
                + " order by " + String.join(", ", order), UUID.class);
        bind(query, conditions);
        List<UUID> ids = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        Map<UUID, Incident> read = new HashMap<>();
        if (!ids.isEmpty()) {
            Incident.<Incident>list("id in ?1", ids).forEach(i -> read.put(i.id, i));
        }
        List<IncidentSummary> items = ids.stream().map(read::get).filter(java.util.Objects::nonNull)
                .map(i -> IncidentService.summary(i, now)).toList();
        boolean exact = counted <= countLimit;
        return new Page<>(items, page, size, exact ? counted : countLimit, exact);
    }

    /**
     * How many rows the SQL {@code select} gives, up to {@code limit} + 1: the database stops reading there. In SQL,
     * as HQL takes a limit in a subquery only with an order, which would make the database read and sort the range.
     */
    private long count(String select, int limit) {
        Query count = Incident.getEntityManager().createNativeQuery("select count(*) from (" + select + " limit " + (limit + 1) + ") c");
        params.forEach((name, value) -> {
            if (select.contains(":" + name)) {
                count.setParameter(name, value instanceof Enum<?> e ? e.name() : value);
            }
        });
        return ((Number) count.getSingleResult()).longValue();
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
