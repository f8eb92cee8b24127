package jp.smeir.incident;

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
 * the facts are written.
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

    /** Makes the rows of an incident those of {@code types}; in the transaction that writes its facts. */
    static void replace(UUID incidentId, List<IncidentType> types, boolean isNew) {
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
            row.persist();
        }
    }
}
