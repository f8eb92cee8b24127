package jp.smeir.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Sends one delivery over HTTP, signed, and says what the receiver answered; asynchronous, so a hung receiver holds no thread. */
@ApplicationScoped
public class Sender {

    /** One attempt to make: what to send where, signed with which secrets (the current one first). */
    record Attempt(long deliveryId, UUID subscriptionId, UUID eventId, String type, String body, String url, List<String> secrets) {
    }

    /** What the receiver answered: a status code, or an error when there was no answer. */
    record Outcome(Integer statusCode, String error) {
        boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Inject
    Clock clock;

    @Inject
    Targets targets;

    @ConfigProperty(name = "incident.webhooks.timeout", defaultValue = "10s")
    Duration timeout;

    @ConfigProperty(name = "incident.webhooks.connect-timeout", defaultValue = "3s")
    Duration connectTimeout;

    private HttpClient http;

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The longest a send takes before its outcome is known: the request timeout, and a second for a body that never ends. */
    Duration longest() {
        return timeout.plusSeconds(1);
    }

    CompletableFuture<Outcome> send(Attempt attempt) {
        byte[] body = attempt.body().getBytes(StandardCharsets.UTF_8);
        // the time of this attempt, signed with the body: a receiver refuses the request replayed minutes later
        long timestamp = clock.instant().getEpochSecond();
        String id = attempt.eventId().toString();
        HttpRequest request;
        try {
            URI url = URI.create(attempt.url());
            // again at every attempt: the list may have been narrowed, and a name may resolve elsewhere by now
            java.util.Optional<String> refused = targets.refusal(url);
            if (refused.isPresent()) {
                return CompletableFuture.completedFuture(new Outcome(null, "not sent: the URL " + refused.get()));
            }
            request = HttpRequest.newBuilder(url)
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "incident-decision-webhooks/1")
                    .header("X-Event-Id", attempt.eventId().toString())
                    .header("X-Event-Type", attempt.type())
                    .header(Signature.HEADER, Signature.of(attempt.secrets().get(0), body))
                    .header(Signature.WEBHOOK_ID, id)
                    .header(Signature.WEBHOOK_TIMESTAMP, Long.toString(timestamp))
                    .header(Signature.WEBHOOK_SIGNATURE, Signature.standard(attempt.secrets(), id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(failure(e));
        }
        // the request timeout covers the wait for the answer's headers; this one also a body that never ends
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .orTimeout(longest().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                .thenApply(response -> new Outcome(response.statusCode(), null))
                .exceptionally(e -> failure(e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e));
    }

    /** Why there was no answer, in words for the deliveries listing (no exception class names). */
    private static Outcome failure(Throwable e) {
        String why = e instanceof java.net.ConnectException ? "connection failed"
                : e instanceof java.net.http.HttpTimeoutException || e instanceof java.util.concurrent.TimeoutException ? "timed out"
                : e instanceof IllegalArgumentException ? "not a usable URL"
                : e instanceof java.io.IOException ? "connection error" : "not sent";
        String message = e.getMessage();
        return new Outcome(null, message == null || message.isBlank() ? why : why + ": " + message);
    }
}
