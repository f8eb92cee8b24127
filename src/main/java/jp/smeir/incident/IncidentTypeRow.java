package jp.smeir.incident;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import jp.smeir.facts.IncidentType;

/**
 * One type of an incident, one row each, so that the list's type filter is an index range (the incident's own
 * {@code incident_types} column, which the views read, is not indexable). Kept by {@link #replace} wherever
 * the facts are written. Each row repeats the incident's opening time and {@link Incident#overdueFrom} (kept by
 * {@link #follow}), so that a page of a type, overdue or not, is read in the list's order from the type's rows
 * alone, and counted as one range of them (V13__type_rows_listed).
 */
@Entity
@Table(name = "incident_type")
public class IncidentTypeRow extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public UUID incidentId;

    public String type;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "overdue_from")
    public Instant overdueFrom;

    /**
     * Makes the rows of an incident those of {@code types}; in the transaction that writes its facts, after its
     * overdue time is set ({@link IncidentService#applyAssessment}).
     */
    static void replace(Incident incident, List<IncidentType> types, boolean isNew) {
        UUID incidentId = incident.id;
        if (!isNew) {
            List<String> names = types.stream().map(Enum::name).toList();
            List<IncidentTypeRow> stored = list("incidentId", incidentId);
            stored.stream().filter(r -> !names.contains(r.type)).forEach(IncidentTypeRow::delete);
            List<String> kept = stored.stream().map(r -> r.type).toList();
            types = types.stream().filter(t -> !kept.contains(t.name())).toList();
        }
        for (IncidentType type : types) {
            IncidentTypeRow row = new IncidentTypeRow();
            row.incidentId = incidentId;
            row.type = type.name();
            row.openedAt = incident.openedAt;
            row.overdueFrom = incident.overdueFrom;
            row.persist();
        }
    }

    /** Gives the rows of a stored incident its overdue time, {@code before} being the time they hold. */
    static void follow(Incident incident, Instant before) {
        if (!incident.overdueFrom.equals(before)) {
            update("overdueFrom = ?1 where incidentId = ?2", incident.overdueFrom, incident.id);
        }
    }
}
