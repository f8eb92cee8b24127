package jp.smeir.common;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Closes the door at SIGTERM. Quarkus's own drain ({@code quarkus.shutdown.timeout}) waits until no request is in
 * flight, but goes on serving the requests that keep arriving (with {@code Connection: close}) until its HTTP server
 * stops, after the database has closed: under steady load, a request begun after the drain failed on the closed
 * database ("EntityManagerFactory is closed"), or was stored and lost its answer when the server closed the
 * connection. This gate turns readiness DOWN when the shutdown begins (the pre-shutdown delay,
 * {@code quarkus.shutdown.delay}) and, once the delay has passed, answers every new request 503 before it is read,
 * so that Quarkus's drain ends with the requests already begun; at the shutdown event it waits for any it let in,
 * at most {@code incident.http.drain-timeout}, before the database closes.
 */
@ApplicationScoped
@Readiness
public class ShutdownGate implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(ShutdownGate.class);

    @ConfigProperty(name = "incident.http.drain-timeout", defaultValue = "10s")
    Duration drainTimeout;

    @ConfigProperty(name = "quarkus.shutdown.delay")
    java.util.Optional<Duration> delay;

    private final AtomicInteger inFlight = new AtomicInteger();
    /** Readiness DOWN: the shutdown has begun. */
    private volatile boolean closing;
    /** New requests are refused from this time (System.nanoTime) on; never while running. */
    private volatile long closedFrom = Long.MAX_VALUE;

    /** Before every other route, the upload guard included. */
    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::gate);
    }

    void gate(RoutingContext rc) {
        // counted before the check, so that the drain below either sees this request or it sees the gate closed
        inFlight.incrementAndGet();
        if (closing && System.nanoTime() - closedFrom >= 0) {
            inFlight.decrementAndGet();
            rc.response().setStatusCode(503)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .putHeader("Retry-After", "5")
                    .end("{\"type\":\"/problems/shutting-down\",\"title\":\"Service Unavailable\",\"status\":503,"
                            + "\"detail\":\"The service is shutting down; send the request again in a moment.\"}");
            return;
        }
        rc.addEndHandler(ended -> inFlight.decrementAndGet());
        rc.next();
    }

    /** The shutdown begins: readiness DOWN now, new requests refused once the pre-shutdown delay has passed. */
    void closing(@Observes ShutdownDelayInitiatedEvent shutdown) {
        closedFrom = System.nanoTime() + delay.orElse(Duration.ZERO).toNanos();
        closing = true;
    }

    /** First of the shutdown observers: the others (webhooks, reminders) and the database come after. */
    void close(@Observes @Priority(1) ShutdownEvent shutdown) {
        closedFrom = System.nanoTime();
        closing = true;
        long end = System.nanoTime() + drainTimeout.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (inFlight.get() > 0) {
            LOG.warnf("%d requests still in flight after %s at shutdown", inFlight.get(), drainTimeout);
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accepting requests").status(!closing).build();
    }
}
