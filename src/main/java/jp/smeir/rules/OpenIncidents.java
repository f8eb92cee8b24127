package jp.smeir.rules;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import jp.smeir.common.JsonConfig;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.incident.IncidentStatus;

/**
 * The stored incidents not closed, read a page at a time in the order of their ids (each page its own short
 * transaction, after the last id of the one before), so that any number of them can be gone through without
 * holding more than one page. Reads only the id, title and facts; writes nothing.
 */
@ApplicationScoped
public class OpenIncidents {

    static final int PAGE = 200;

    /** An open incident as a rule change sees it. */
    public record Row(UUID id, String title, IncidentFacts facts) {
    }

    @Inject
    EntityManager entities;

    @Inject
    ObjectMapper json;

    /** Hands every open incident to {@code page}, {@value #PAGE} at a time. */
    public void forEachPage(Consumer<List<Row>> page) {
        forEachPage(PAGE, page);
    }

    /** Hands every open incident to {@code page}, {@code size} at a time, in the order of their ids. */
    public void forEachPage(int size, Consumer<List<Row>> page) {
        UUID after = null;
        while (true) {
            UUID from = after;
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> {
                var query = entities.createQuery("select i.id, i.title, i.facts from Incident i where i.status <> :closed"
                                + (from == null ? "" : " and i.id > :after") + " order by i.id", Object[].class)
                        .setParameter("closed", IncidentStatus.CLOSED)
                        .setMaxResults(size)
                        .setHint("org.hibernate.readOnly", true);
                if (from != null) {
                    query.setParameter("after", from);
                }
                return query.getResultList();
            });
            if (rows.isEmpty()) {
                return;
            }
            page.accept(rows.stream().map(r -> new Row((UUID) r[0], (String) r[1], facts((String) r[2]))).toList());
            if (rows.size() < size) {
                return;
            }
            after = (UUID) rows.get(rows.size() - 1)[0];
        }
    }

    private IncidentFacts facts(String stored) {
        try {
            return JsonConfig.lenient(json, IncidentFacts.class).readValue(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored facts cannot be read", e);
        }
    }
}
