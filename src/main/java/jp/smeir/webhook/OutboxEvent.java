package jp.smeir.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event stored in the same transaction as the change that caused it; its body is what subscribers receive. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "incident_id")
    public UUID incidentId;

    public String type;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The exact bytes (UTF-8 JSON) that are signed and sent. */
    public String body;
}
