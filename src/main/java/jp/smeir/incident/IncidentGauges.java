package jp.smeir.incident;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import jp.smeir.webhook.WebhookDelivery;

/**
 * Gauges of where the incidents stand, in /q/metrics. A scrape reads the numbers last counted and never waits for
 * the database: when they are older than {@code incident.metrics.refresh} (5 s), it has them counted again in the
 * background (one count at a time, on indexed columns), for the next scrape. A service nobody scrapes counts nothing.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup
public class IncidentGauges {

    private static final Logger LOG = Logger.getLogger(IncidentGauges.class);

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    @ConfigProperty(name = "incident.metrics.refresh", defaultValue = "5s")
    Duration refresh;

    private final AtomicLong open = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong failedDeliveries = new AtomicLong();
    /** System.nanoTime() of the last count begun; a count is under way while {@link #counting} is set. */
    private final AtomicLong countedAt = new AtomicLong(System.nanoTime() - Duration.ofDays(1).toNanos());
    private final AtomicBoolean counting = new AtomicBoolean();
    private final ExecutorService counter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "incident-gauges");
        t.setDaemon(true);
        return t;
    });

    @PostConstruct
    void register() {
        Gauge.builder("incident.open", open, read())
                .description("Incidents not closed (any status but CLOSED)").register(metrics);
        Gauge.builder("incident.overdue", overdue, read())
                .description("Incidents with at least one item past its legal deadline or working target, neither done nor not applicable "
                        + "(incidents, not overdue items)").register(metrics);
        Gauge.builder("incident.webhook.deliveries.failed", failedDeliveries, read())
                .description("Webhook deliveries given up as FAILED and not redelivered since (deliveries, not attempts)").register(metrics);
    }

    @PreDestroy
    void stop() {
        counter.shutdownNow();
    }

    /** The number last counted; a count in the background when it is stale. */
    private ToDoubleFunction<AtomicLong> read() {
        return value -> {
            countIfStale();
            return value.get();
        };
    }

    private void countIfStale() {
        long now = System.nanoTime();
        if (now - countedAt.get() < refresh.toNanos() || !counting.compareAndSet(false, true)) {
            return;
        }
        countedAt.set(now);
        try {
            counter.execute(() -> {
                try {
                    count();
                } catch (RuntimeException e) {
                    LOG.debug("incident gauges not counted; the next scrape tries again", e);
                } finally {
                    counting.set(false);
                }
            });
        } catch (RejectedExecutionException shuttingDown) {
            counting.set(false);
        }
    }

    private void count() {
        QuarkusTransaction.requiringNew().run(() -> {
            // status index: one range per status rather than "<> CLOSED", which no index serves
            long notClosed = 0;
            for (IncidentStatus status : IncidentStatus.values()) {
                if (status != IncidentStatus.CLOSED) {
                    notClosed += Incident.count("status", status);
                }
            }
            open.set(notClosed);
            overdue.set(Incident.count("overdueFrom < ?1", clock.instant()));
            failedDeliveries.set(WebhookDelivery.count("status", WebhookDelivery.Status.FAILED));
        });
    }
}
