package jp.smeir.incident;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One assessment of an incident, kept for ever with the rule base version and the rules that fired. Never
 * changed once written, so Hibernate keeps no copy of it to check for changes ({@link Immutable}).
 */
@Entity
@Immutable
@Table(name = "assessment_record")
public class AssessmentRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "incident_id")
    public UUID incidentId;

    public int seq;

    @Column(name = "ruleset_version")
    public String rulesetVersion;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    /** JSON array of rule names. */
    @Column(name = "fired_rules")
    public String firedRules;

    /** The assessment as answered (docs/api.md §2): gzip-compressed UTF-8 JSON. */
    @Column(name = "body_gzip")
    public byte[] bodyGzip;

    /** The same as text, in rows written before migration V5 (plain JSON, or {@code gz:} and base64); null since. */
    @Column(name = "body")
    public String legacyBody;

    /** The facts (JSON) the assessment was made from; null in rows written before migration V10. */
    public String facts;

    public static AssessmentRecord of(UUID incidentId, int seq) {
        return find("incidentId = ?1 and seq = ?2", incidentId, seq).firstResult();
    }
}
