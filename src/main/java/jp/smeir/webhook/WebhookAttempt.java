package jp.smeir.webhook;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One attempt to deliver: when, and what the receiver answered (a status code) or why there was no answer. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id")
    public Long deliveryId;

    public int attempt;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;
}
