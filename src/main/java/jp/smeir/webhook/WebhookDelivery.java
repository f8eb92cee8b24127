package jp.smeir.webhook;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One event to one subscriber: pending until the receiver answers 2xx, retried with back-off. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    /**
     * PENDING until delivered; CANCELLED when the subscription is deleted first; FAILED when it has failed for
     * longer than {@code incident.webhooks.give-up-after} (redeliver makes it PENDING again).
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "DeliveryStatus")
    public enum Status { PENDING, DELIVERED, CANCELLED, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_pk")
    public Long eventPk;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "incident_id")
    public UUID incidentId;

    @Enumerated(EnumType.STRING)
    public Status status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status_code")
    public Integer lastStatusCode;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** The instance sending it now, until {@link #claimedUntil}; null when no instance has it in hand. */
    @Column(name = "claimed_by")
    public String claimedBy;

    /** The end of the claim's lease: after it, any instance may send the delivery (its claimant died while sending). */
    @Column(name = "claimed_until")
    public Instant claimedUntil;

    /** The first failed attempt since the delivery was last sent with success or redelivered; null when none. */
    @Column(name = "failing_since")
    public Instant failingSince;
}
