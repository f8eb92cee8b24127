package jp.smeir.webhook;

import static jp.smeir.deadline.JapaneseCalendar.inJapan;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.smeir.problem.FieldError;
import jp.smeir.problem.InvalidInputException;
import jp.smeir.problem.ProblemException;

/** Subscribers: made, changed (a secret rotated with a grace period), listed and removed. */
@ApplicationScoped
public class WebhookService {

    @Inject
    Clock clock;

    @Inject
    Subscribers subscribers;

    @Inject
    Targets targets;

    /** How long a rotated-out secret keeps signing beside the new one, so that receivers can switch without a gap. */
    @ConfigProperty(name = "incident.webhooks.secret-grace", defaultValue = "24h")
    Duration secretGrace;

    /** Body of POST /webhooks. The secret is write-only. */
    public record NewSubscription(String url, String secret,
                                  @Schema(description = "Event types, or \"*\" for every type (also those added later)")
                                  List<String> eventTypes, String description,
                                  @Schema(description = "Obligation events also for CONDITIONAL duties (those that hang on an "
                                          + "unknown fact); default false: REQUIRED duties only")
                                  Boolean includeConditional) {
    }

    /** Body of PATCH /webhooks/{id}: what is given changes, what is absent or null stays. */
    @Schema(description = "The fields to change; absent or null fields stay as they are. A new secret signs at once; the "
            + "old one also signs (a second v1 signature in webhook-signature) for incident.webhooks.secret-grace (24 h).")
    public record SubscriptionChange(String url, String secret, List<String> eventTypes, String description,
                                     Boolean includeConditional) {
    }

    /** A subscription as the API shows it: never with its secret. */
    public record SubscriptionView(UUID id, String url, List<String> eventTypes, String description, boolean active,
                                   OffsetDateTime createdAt, boolean includeConditional,
                                   @Schema(description = "Until when the secret replaced last also signs; absent when none does")
                                   OffsetDateTime previousSecretUntil) {
    }

    @Transactional
    public SubscriptionView subscribe(NewSubscription request) {
        if (request == null) {
            throw InvalidInputException.of("", "a JSON object {url, secret, eventTypes} is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String url = url(request.url(), errors);
        secret(request.secret(), errors);
        String types = eventTypes(request.eventTypes(), errors);
        description(request.description(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        WebhookSubscription s = new WebhookSubscription();
        s.id = UUID.randomUUID();
        s.url = url;
        s.secret = request.secret();
        s.eventTypes = types;
        s.description = request.description();
        s.includeConditional = Boolean.TRUE.equals(request.includeConditional());
        s.active = true;
        s.createdAt = clock.instant();
        s.persist();
        subscribers.changed();
        return view(s);
    }

    /** Changes what the request gives. Deliveries already queued keep their event; the next attempts use the new URL and secret. */
    @Transactional
    public SubscriptionView change(UUID id, SubscriptionChange request) {
        if (request == null) {
            throw InvalidInputException.of("", "a JSON object with the fields to change is required");
        }
        WebhookSubscription s = find(id);
        List<FieldError> errors = new ArrayList<>();
        String url = request.url() == null ? null : url(request.url(), errors);
        if (request.secret() != null) {
            secret(request.secret(), errors);
        }
        String types = request.eventTypes() == null ? null : eventTypes(request.eventTypes(), errors);
        description(request.description(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Instant now = clock.instant();
        if (url != null) {
            s.url = url;
        }
        if (request.secret() != null && !request.secret().equals(s.secret)) {
            s.previousSecret = s.secret;
            s.previousSecretUntil = now.plus(secretGrace);
            s.secret = request.secret();
        }
        if (types != null) {
            s.eventTypes = types;
        }
        if (request.description() != null) {
            s.description = request.description();
        }
        if (request.includeConditional() != null) {
            s.includeConditional = request.includeConditional();
        }
        subscribers.changed();
        return view(s);
    }

    @Transactional
    public List<SubscriptionView> list() {
        return WebhookSubscription.<WebhookSubscription>list("active = true order by createdAt").stream().map(this::view).toList();
    }

    @Transactional
    public SubscriptionView get(UUID id) {
        return view(find(id));
    }

    /** Deactivates the subscription; deliveries not yet made are cancelled, those made stay visible. */
    @Transactional
    public void delete(UUID id) {
        WebhookSubscription s = find(id);
        s.active = false;
        s.deletedAt = clock.instant();
        WebhookDelivery.update("status = ?1 where subscriptionId = ?2 and status = ?3",
                WebhookDelivery.Status.CANCELLED, id, WebhookDelivery.Status.PENDING);
        subscribers.changed();
    }

    /** An active subscription; 404 when there is none. */
    static WebhookSubscription find(UUID id) {
        WebhookSubscription s = WebhookSubscription.findById(id);
        if (s == null || !s.active) {
            throw new ProblemException(404, "webhook-not-found", "Not Found", "No webhook subscription " + id + ".");
        }
        return s;
    }

    /** The URL as stored (its scheme in lower case), or null after adding the error. */
    private String url(String value, List<FieldError> errors) {
        if (value == null || value.isBlank() || value.length() > 2000) {
            errors.add(new FieldError("url", "is required: an absolute http(s) URL of at most 2000 characters"));
            return null;
        }
        try {
            URI uri = URI.create(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                errors.add(new FieldError("url", "must be an absolute http or https URL"));
                return null;
            }
            var refused = targets.refusal(uri);
            if (refused.isPresent()) {
                errors.add(new FieldError("url", refused.get()));
                return null;
            }
            // HTTP://host is http://host: the scheme is case-insensitive (RFC 3986 §3.1)
            return scheme + uri.toString().substring(uri.getScheme().length());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("url", "is not a valid URL"));
            return null;
        }
    }

    private static void secret(String secret, List<FieldError> errors) {
        if (secret == null || secret.length() < 16 || secret.length() > 200) {
            errors.add(new FieldError("secret", "is required: 16 to 200 characters, used to sign every delivery"));
        } else if (secret.isBlank()) {
            errors.add(new FieldError("secret", "must not be only white space"));
        }
    }

    /** The types as stored ({@code |a|b|}), or null after adding the errors. */
    private static String eventTypes(List<String> eventTypes, List<FieldError> errors) {
        if (eventTypes == null || eventTypes.isEmpty()) {
            errors.add(new FieldError("eventTypes", "must name at least one event type, or \"*\" for all"));
            return null;
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        boolean valid = true;
        for (int i = 0; i < eventTypes.size(); i++) {
            String t = eventTypes.get(i);
            if (t == null || !(t.equals(EventType.ALL) || EventType.subscribable(t).isPresent())) {
                errors.add(new FieldError("eventTypes[" + i + "]", "must be one of " + EventType.subscribableNames()));
                valid = false;
            } else {
                types.add(t);
            }
        }
        return valid ? "|" + String.join("|", types.contains(EventType.ALL) ? List.of(EventType.ALL) : types) + "|" : null;
    }

    private static void description(String description, List<FieldError> errors) {
        if (description != null && description.length() > 500) {
            errors.add(new FieldError("description", "must be at most 500 characters"));
        }
    }

    private SubscriptionView view(WebhookSubscription s) {
        List<String> types = java.util.Arrays.stream(s.eventTypes.split("\\|")).filter(t -> !t.isEmpty()).toList();
        boolean graced = s.previousSecretUntil != null && clock.instant().isBefore(s.previousSecretUntil);
        return new SubscriptionView(s.id, s.url, types, s.description, s.active, inJapan(s.createdAt), s.includeConditional,
                graced ? inJapan(s.previousSecretUntil) : null);
    }
}
