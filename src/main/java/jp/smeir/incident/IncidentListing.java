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

import jp.smeir.facts.IncidentType;
import jp.smeir.incident.IncidentViews.IncidentSummary;
import jp.smeir.incident.IncidentViews.Page;

/**
 * A page of incidents, newest first, by the list's filters: each is served by an index (V9, V12, V13): the status
 * with the list's order, overdue as a range on overdue_from, dueBefore on next_due_at, the ticket on
 * ticket_system_key with the list's order or on ticket_id. The type alone or with overdue is read from the type
 * rows, which repeat the incident's opening and overdue times; with other filters it is tested on each incident
 * those pick. The total is counted up to a limit, see {@link #page}. In SQL, one condition per filter for the
 * count and the page; runs in the caller's transaction.
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
    private static final String DUE_BEFORE = "i.next_due_at < :dueBefore and i.next_due_at >= :dueFloor";
    /**
     * The lower end of the dueBefore range: without one H2 reads its index from the start, through every incident
     * without a deadline (most: every closed one), 94,000 entries for 1,555 on 100,000.
     */
    private static final Instant DUE_FLOOR = Instant.parse("0001-01-01T00:00:00Z");
    private static final int WALK_FROM = 2000;
    private static final int WALK_FROM_RATIO = 20;

    /** incident, or incident_type when the type is the only filter besides overdue; as {@code i} in every condition. */
    private final String table;
    /** The incident's id in {@link #table}. */
    private final String id;
    /** The conditions as index ranges, for the count. */
    private final List<String> ranges = new ArrayList<>();
    /** The same conditions for the page, where those read in the list's order are tested on each entry instead. */
    private final List<String> tested = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();
    /** Columns fixed by a filter, put before the list's order so that the filter's index serves the order too. */
    private final List<String> fixed = new ArrayList<>();

    IncidentListing(IncidentStatus status, IncidentType type, Boolean overdue, OffsetDateTime dueBefore,
                    String ticketSystem, String ticketId, Instant now) {
        boolean byType = type != null && status == null && dueBefore == null && ticketSystem == null && ticketId == null;
        table = byType ? "incident_type" : "incident";
        id = byType ? "i.incident_id" : "i.id";
        if (status != null) {
            both("i.status = :status");
            params.put("status", status.name());
            fixed.add("i.status");
        }
        if (byType) {
            both("i.type = :type");
            fixed.add("i.type");
        }
        if (overdue != null) {
            // past a deadline or a target: the earlier of the two (kept as overdue_from) is before now. For the page,
            // tested on each entry read in the list's order (coalesce keeps the databases from taking the range)
            ranges.add(overdue ? "i.overdue_from < :now" : "i.overdue_from >= :now");
            tested.add(overdue ? "coalesce(i.overdue_from, i.overdue_from) < :now" : "coalesce(i.overdue_from, i.overdue_from) >= :now");
            params.put("now", now);
        }
        if (dueBefore != null) {
            both(DUE_BEFORE);
            params.put("dueBefore", dueBefore.toInstant());
            params.put("dueFloor", DUE_FLOOR);
        }
        if (ticketSystem != null) {
            both("i.ticket_system_key = :ticketSystem");
            params.put("ticketSystem", ticketSystem.toLowerCase(Locale.ROOT));
            if (ticketId == null) {
                // with a ticket id, that id's index is the one to use: it finds one incident or a few
                fixed.add("i.ticket_system_key");
            }
        }
        if (ticketId != null) {
            both("i.ticket_id = :ticketId");
            params.put("ticketId", ticketId);
        }
        if (type != null && !byType) {
            // last: H2 tests the conditions in the order written, the cheap ones on the index entry first. (A join
            // instead counted slower on H2: it reads the type's 20,000 rows and looks each incident up.)
            both("exists (select 1 from incident_type t where t.incident_id = i.id and t.type = :type)");
        }
        if (type != null) {
            params.put("type", type.name());
        }
    }

    private void both(String condition) {
        ranges.add(condition);
        tested.add(condition);
    }

    /**
     * The page, and the number of incidents the filters pick, counted up to {@code countLimit}. The page is read in
     * the list's order (after the columns a filter fixes, so that the status, type or ticket system index gives that
     * order) and the overdue test is made on each incident read, from the list's index which holds overdue_from: a
     * page then costs about as many index entries as it shows divided by the share of incidents that pass, instead of
     * a range over all those overdue, or all those not, read whole and sorted; dueBefore too when it picks many (see
     * {@link #DUE_BEFORE}). The count, made first, reads at most {@code countLimit} + 1 entries of the filters' best
     * range: an exact count of a broad filter visits every incident it picks, which on 100,000 incidents was most of a
     * list's time (BENCHMARKS.md, "Lists on big tables").
     */
    Page<IncidentSummary> page(int page, int size, Instant now, int countLimit) {
        // no filter: in the list's order, on the list's index (an index-only count on both databases)
        long counted = count("select 1 from " + table + " i" + clause(ranges)
                + (ranges.isEmpty() ? " order by i.opened_at desc, i.id" : ""), countLimit);
        List<String> conditions = new ArrayList<>(tested);
        boolean walk = counted > WALK_FROM && counted > (long) (page + 1) * size * WALK_FROM_RATIO;
        boolean dueRange = conditions.contains(DUE_BEFORE) && !walk;
        if (walk) {
            // many pick the page: read in the list's order and test each, as for overdue, rather than read them all and sort
            conditions.replaceAll(c -> c.equals(DUE_BEFORE) ? "coalesce(i.next_due_at, i.next_due_at) < :dueBefore" : c);
        }
        List<String> order = new ArrayList<>(fixed);
        // few pick the page by their deadline: their range is read and sorted. In the list's order PostgreSQL would walk
        // the list's index (it expects them spread over it, but old deadlines lie at its end: 37,000 read for 20)
        order.add(dueRange ? "coalesce(i.opened_at, i.opened_at) desc" : "i.opened_at desc");
        order.add(id);
        // the page's ids first, from the index entries alone (the incidents skipped before a later page are not read),
        // then those incidents
        String select = "select " + id + " from " + table + " i" + clause(conditions) + " order by " + String.join(", ", order);
        Query query = bind(Incident.getEntityManager().createNativeQuery(select, UUID.class), select);
        List<UUID> ids = query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(UUID.class::cast).toList();
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
     * How many rows the {@code select} gives, up to {@code limit} + 1: the database stops reading there.
     */
    private long count(String select, int limit) {
        String sql = "select count(*) from (" + select + " limit " + (limit + 1) + ") c";
        return ((Number) bind(Incident.getEntityManager().createNativeQuery(sql), sql).getSingleResult()).longValue();
    }

    private static String clause(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Binds the parameters the SQL names. */
    private Query bind(Query query, String sql) {
        params.forEach((name, value) -> {
            if (sql.contains(":" + name)) {
                query.setParameter(name, value);
            }
        });
        return query;
    }
}
