package jp.smeir.incident;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import jp.smeir.webhook.WebhookDelivery;

/**
 * Gauges of where the incidents stand, in /q/metrics: counted by the scheduler every
 * {@code incident.metrics.refresh} (5 s) on indexed columns, so that a scrape reads numbers and never the database.
 */
@ApplicationScoped
public class IncidentGauges {

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    private final AtomicLong open = new AtomicLong();
    private final AtomicLong overdue = new AtomicLong();
    private final AtomicLong failedDeliveries = new AtomicLong();

    @PostConstruct
    void register() {
        Gauge.builder("incident.open", open, AtomicLong::get)
                .description("Incidents not closed (any status but CLOSED)").register(metrics);
        Gauge.builder("incident.overdue", overdue, AtomicLong::get)
                .description("Incidents with at least one item past its legal deadline or working target, neither done nor not applicable "
                        + "(incidents, not overdue items)").register(metrics);
        Gauge.builder("incident.webhook.deliveries.failed", failedDeliveries, AtomicLong::get)
                .description("Webhook deliveries given up as FAILED and not redelivered since (deliveries, not attempts)").register(metrics);
    }

    @Scheduled(every = "${incident.metrics.refresh:5s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
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
