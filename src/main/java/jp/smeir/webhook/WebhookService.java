package jp.smeir.webhook;

import static jp.smeir.deadline.JapaneseCalendar.inJapan;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.smeir.problem.FieldError;
import jp.smeir.problem.InvalidInputException;
import jp.smeir.problem.ProblemException;

/** Subscribers and what was delivered to them. */
@ApplicationScoped
public class WebhookService {

    @Inject
    Clock clock;

    @Inject
    Subscribers subscribers;

    @Inject
    Targets targets;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

    /** Body of POST /webhooks. The secret is write-only. */
    public record NewSubscription(String url, String secret, List<String> eventTypes, String description,
                                  @Schema(description = "Obligation events also for CONDITIONAL duties (those that hang on an "
                                          + "unknown fact); default false: REQUIRED duties only")
                                  Boolean includeConditional) {
    }

    /** A subscription as the API shows it: never with its secret. */
    public record SubscriptionView(UUID id, String url, List<String> eventTypes, String description, boolean active,
                                   OffsetDateTime createdAt, boolean includeConditional) {
    }

    /** One delivery of one event to the subscriber. */
    public record DeliveryView(long id, UUID eventId, String type, UUID incidentId, WebhookDelivery.Status status, int attempts,
                               OffsetDateTime nextAttemptAt, OffsetDateTime lastAttemptAt, Integer lastStatusCode,
                               String lastError, OffsetDateTime deliveredAt) {
    }

    /** One attempt of a delivery, as the API shows it. */
    public record AttemptView(int attempt, OffsetDateTime at, Integer statusCode, String error) {
    }

    @Transactional
    public SubscriptionView subscribe(NewSubscription request) {
        List<String> types = validate(request);
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.url = request.url().strip();
        s.secret = request.secret();
        s.eventTypes = "|" + String.join("|", types) + "|";
        s.description = request.description();
        s.includeConditional = Boolean.TRUE.equals(request.includeConditional());
        s.active = true;
        s.createdAt = clock.instant();
        s.persist();
        afterCommit(subscribers::invalidate);
        return view(s);
    }

    @Transactional
    public List<SubscriptionView> list() {
        return WebhookSubscription.<WebhookSubscription>list("active = true order by createdAt").stream().map(WebhookService::view).toList();
    }

    @Transactional
    public SubscriptionView get(UUID id) {
        return view(find(id, true));
    }

    /** Deactivates the subscription; deliveries not yet made are cancelled, those made stay visible. */
    @Transactional
    public void delete(UUID id) {
        WebhookSubscription s = find(id, true);
        s.active = false;
        s.deletedAt = clock.instant();
        WebhookDelivery.update("status = ?1 where subscriptionId = ?2 and status = ?3",
                WebhookDelivery.Status.CANCELLED, id, WebhookDelivery.Status.PENDING);
        afterCommit(subscribers::invalidate);
    }

    @Transactional
    public List<DeliveryView> deliveries(UUID id, WebhookDelivery.Status status, int page, int size) {
        find(id, false);   // a deleted subscription's deliveries stay visible
        jp.smeir.common.Paging.check(page, size, 200);
        var query = WebhookDelivery.getEntityManager().createQuery(
                        "select d, e.eventId, e.type from WebhookDelivery d, OutboxEvent e where e.id = d.eventPk "
                                + "and d.subscriptionId = :id" + (status == null ? "" : " and d.status = :status")
                                + " order by d.id desc", Object[].class)
                .setParameter("id", id);
        if (status != null) {
            query.setParameter("status", status);
        }
        List<Object[]> rows = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return rows.stream().map(r -> {
            WebhookDelivery d = (WebhookDelivery) r[0];
            return new DeliveryView(d.id, (UUID) r[1], (String) r[2], d.incidentId, d.status, d.attempts, inJapan(d.nextAttemptAt),
                    inJapan(d.lastAttemptAt), d.lastStatusCode, d.lastError, inJapan(d.deliveredAt));
        }).toList();
    }

    /** Every attempt of one delivery to the subscriber, in order. */
    @Transactional
    public List<AttemptView> attempts(UUID id, long deliveryId) {
        find(id, false);
        WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
        if (delivery == null || !delivery.subscriptionId.equals(id)) {
            throw new ProblemException(404, "delivery-not-found", "Not Found", "No delivery " + deliveryId + " to subscription " + id + ".");
        }
        return WebhookAttempt.<WebhookAttempt>list("deliveryId = ?1 order by attempt", deliveryId).stream()
                .map(a -> new AttemptView(a.attempt, inJapan(a.attemptedAt), a.statusCode, a.error)).toList();
    }

    /**
     * Refreshes the subscribers snapshot now and again once the transaction ends, so that no emit in this or
     * another thread keeps using a snapshot taken before the change committed.
     */
    private void afterCommit(Runnable action) {
        action.run();
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                action.run();
            }
        });
    }

    private static WebhookSubscription find(UUID id, boolean activeOnly) {
        WebhookSubscription s = WebhookSubscription.findById(id);
        if (s == null || (activeOnly && !s.active)) {
            throw new ProblemException(404, "webhook-not-found", "Not Found", "No webhook subscription " + id + ".");
        }
        return s;
    }

    private List<String> validate(NewSubscription r) {
        List<FieldError> errors = new ArrayList<>();
        if (r == null) {
            throw InvalidInputException.of("", "a JSON object {url, secret, eventTypes} is required");
        }
        if (r.url() == null || r.url().isBlank() || r.url().length() > 2000) {
            errors.add(new FieldError("url", "is required: an absolute http(s) URL of at most 2000 characters"));
        } else {
            try {
                URI uri = URI.create(r.url().strip());
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    errors.add(new FieldError("url", "must be an absolute http or https URL"));
                } else if (!targets.allows(uri)) {
                    errors.add(new FieldError("url", "must point to an allowed host (" + targets.describe() + ")"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("url", "is not a valid URL"));
            }
        }
        if (r.secret() == null || r.secret().length() < 16 || r.secret().length() > 200) {
            errors.add(new FieldError("secret", "is required: 16 to 200 characters, used to sign every delivery"));
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        if (r.eventTypes() == null || r.eventTypes().isEmpty()) {
            errors.add(new FieldError("eventTypes", "must name at least one event type"));
        } else {
            for (int i = 0; i < r.eventTypes().size(); i++) {
                String t = r.eventTypes().get(i);
                if (t == null || EventType.of(t).isEmpty()) {
                    errors.add(new FieldError("eventTypes[" + i + "]", "must be one of "
                            + java.util.Arrays.stream(EventType.values()).map(EventType::wireName).toList()));
                } else {
                    types.add(t);
                }
            }
        }
        if (r.description() != null && r.description().length() > 500) {
            errors.add(new FieldError("description", "must be at most 500 characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return List.copyOf(types);
    }

    private static SubscriptionView view(WebhookSubscription s) {
        List<String> types = java.util.Arrays.stream(s.eventTypes.split("\\|")).filter(t -> !t.isEmpty()).toList();
        return new SubscriptionView(s.id, s.url, types, s.description, s.active, inJapan(s.createdAt), s.includeConditional);
    }
}
