package jp.smeir.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A subscriber: where to send which events, and the secret that signs them (never returned). */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    public UUID id;

    public String url;

    public String secret;

    /** The event types as {@code |a|b|}. */
    @Column(name = "event_types")
    public String eventTypes;

    public String description;

    /** Obligation events also for CONDITIONAL duties (by default REQUIRED ones only). */
    @Column(name = "include_conditional")
    public boolean includeConditional;

    public boolean active;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** The secret before the last rotation: it signs too, beside {@link #secret}, until {@link #previousSecretUntil}. */
    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;
}
