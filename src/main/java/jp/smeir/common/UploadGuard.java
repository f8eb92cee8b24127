package jp.smeir.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads request bodies on the event loop, whole, before any worker thread or resource sees them, and bounds
 * those that arrive slowly: a body must arrive within {@code incident.http.body-timeout} (else 408 and the
 * connection is closed), no larger than {@code incident.http.max-body-size} (else 413), and only so many bodies
 * may be arriving at once, per principal and in total (beyond that 429 at once); once a body has arrived, its
 * request no longer counts, however long its handling takes (HTTP/1.1 only: the service speaks no HTTP/2, whose
 * streams Quarkus REST reads itself, so that a body could not be watched to its end). Quarkus REST then reads the
 * buffered body. Without this, a few hundred uploads trickling one byte at a time, within one reporter's rate
 * limit, each held a worker thread that read them, and every other request timed out. The principal is read from the Authorization header as sent (the user of HTTP
 * Basic, a digest of a bearer token), since authentication has not run yet; an unauthenticated body counts
 * against the client's address.
 */
@ApplicationScoped
public class UploadGuard {

    private static final Logger LOG = Logger.getLogger(UploadGuard.class);

    @ConfigProperty(name = "incident.http.body-timeout", defaultValue = "10s")
    Duration bodyTimeout;

    @ConfigProperty(name = "incident.http.uploads-per-principal", defaultValue = "8")
    int perPrincipal;

    @ConfigProperty(name = "incident.http.uploads", defaultValue = "64")
    int total;

    @ConfigProperty(name = "incident.http.max-body-size", defaultValue = "256K")
    MemorySize maxBody;

    /** The console's log-in form posts here; the form mechanism reads that body itself, before any route. */
    @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
    String formLogin;

    /** How long the rest of a refused body is read and dropped before the connection closes. */
    static final Duration LINGER = Duration.ofSeconds(1);

    private final AtomicInteger arriving = new AtomicInteger();
    private final Map<String, AtomicInteger> byPrincipal = new ConcurrentHashMap<>();

    /** Before every other route but the shutdown gate: Quarkus REST and the security checks come after. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::guard);
    }

    void guard(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        if (!hasBody(request) || request.isEnded() || request.path().equals(formLogin)) {
            rc.next();
            return;
        }
        String principal = principal(request);
        AtomicInteger mine = byPrincipal.computeIfAbsent(principal, k -> new AtomicInteger());
        if (arriving.incrementAndGet() > total | mine.incrementAndGet() > perPrincipal) {
            release(principal, mine);
            refuse(rc, 429, "too-many-uploads", "Too Many Requests",
                    "Too many request bodies are arriving at once; send this one again when others have finished.");
            return;
        }
        // the body has arrived (or the answer went out first): from then on the request is no upload, however long
        // its handling takes, and counts against no cap
        AtomicBoolean arrived = new AtomicBoolean();
        long timer = rc.vertx().setTimer(bodyTimeout.toMillis(), id -> {
            if (!arrived.get() && !request.isEnded() && !rc.response().ended()) {
                LOG.debugf("request body of %s %s not complete after %s: answered 408", request.method(), request.path(), bodyTimeout);
                refuse(rc, 408, "body-timeout", "Request Timeout",
                        "The request body did not arrive within " + bodyTimeout.toSeconds() + " s; send it whole, at once.");
            }
        });
        Runnable settle = () -> {
            if (arrived.compareAndSet(false, true)) {
                rc.vertx().cancelTimer(timer);
                release(principal, mine);
            }
        };
        rc.addEndHandler(done -> settle.run());
        long limit = maxBody.asLongValue();
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (rc.response().ended()) {
                return;
            }
            if (body.length() + (long) chunk.length() > limit) {
                refuse(rc, 413, "body-too-large", "Payload Too Large", "The request body is larger than " + limit + " bytes.");
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(e -> LOG.debugf("request body of %s %s abandoned: %s", request.method(), request.path(), e.getMessage()));
        request.endHandler(end -> {
            settle.run();
            if (!rc.response().ended()) {
                rc.setBody(body);
                rc.next();
            }
        });
        request.resume();
    }

    private void release(String principal, AtomicInteger mine) {
        arriving.decrementAndGet();
        if (mine.decrementAndGet() <= 0) {
            byPrincipal.remove(principal, mine);
        }
    }

    private static boolean hasBody(HttpServerRequest request) {
        HttpMethod method = request.method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null || (length != null && !length.strip().equals("0"));
    }

    static String principal(HttpServerRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String pair = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = pair.indexOf(':');
                return "user:" + (colon < 0 ? pair : pair.substring(0, colon));
            } catch (IllegalArgumentException notBase64) {
                // counted by address below
            }
        } else if (authorization != null) {
            return "token:" + digest(authorization);
        }
        return "address:" + (request.remoteAddress() == null ? "?" : request.remoteAddress().hostAddress());
    }

    private static String digest(String token) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Answers problem+json and closes the connection: the rest of the body is not worth keeping. A body still
     * arriving is read and dropped first, for at most {@link #LINGER}: a connection closed with bytes unread is
     * reset, and the reset can throw away the answer before the client reads it.
     */
    private static void refuse(RoutingContext rc, int status, String type, String title, String detail) {
        HttpServerRequest request = rc.request();
        if (rc.response().headWritten()) {
            request.connection().close();
            return;
        }
        String body = "{\"type\":\"/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}";
        boolean slow = status == 408;
        if (!slow && !request.isEnded()) {
            long linger = rc.vertx().setTimer(LINGER.toMillis(), id -> request.connection().close());
            request.handler(dropped -> { });
            request.endHandler(end -> {
                rc.vertx().cancelTimer(linger);
                request.connection().close();
            });
            request.resume();
        }
        rc.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader("Retry-After", "1")
                .end(body)
                .onComplete(sent -> {
                    // a body too slow to wait for (408), or one that has all arrived: nothing left to read
                    if (slow || request.isEnded()) {
                        request.connection().close();
                    }
                });
    }
}
