package jp.smeir.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import jp.smeir.support.Incidents;
import jp.smeir.support.Receiver;
import jp.smeir.support.TestClock;
import jp.smeir.webhook.Dispatcher;

/** The gauges of open and overdue incidents and of failed deliveries are in /q/metrics, described, and follow the store. */
@QuarkusTest
class IncidentGaugesTest {

    static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");

    @Inject
    TestClock clock;

    @Inject
    Dispatcher dispatcher;

    @BeforeEach
    void fixClock() {
        clock.set(T0);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void openOverdueAndFailedMoveWithTheStore() throws Exception {
        String metrics = scrape();
        assertThat(metrics).contains("# HELP incident_open Incidents not closed")
                .contains("# HELP incident_overdue Incidents with at least one item past its legal deadline or working target")
                .contains("# TYPE incident_webhook_deliveries_failed gauge");
        // a scrape has the gauges counted again when they are a second old (in tests): let them catch up with what earlier tests stored
        Thread.sleep(2_500);
        long open = await("incident_open", v -> true);
        long overdue = await("incident_overdue", v -> true);
        long failed = await("incident_webhook_deliveries_failed", v -> true);

        String id = given().contentType("application/json").body(Incidents.misdelivery(1500, "gauges")).when()
                .post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        assertThat(await("incident_open", v -> v == open + 1)).isEqualTo(open + 1);

        // a day and a half later the notice to the persons (a working target of 24 h) is overdue
        clock.set(T0.plus(Duration.ofHours(36)));
        assertThat(await("incident_overdue", v -> v >= overdue + 1)).isGreaterThanOrEqualTo(overdue + 1);

        // closed (every item settled first): open again as before
        for (String code : given().when().get("/api/v1/incidents/" + id).then().extract().<java.util.List<String>>path(
                "progress.findAll { it.state == 'OPEN' || it.state == 'OVERDUE' }.code")) {
            given().contentType("application/json").body("{\"by\": \"Sato\"}").when()
                    .post("/api/v1/incidents/" + id + "/items/" + code + "/completion").then().statusCode(200);
        }
        given().contentType("application/json").body("{\"status\": \"CLOSED\", \"reason\": \"対応完了\"}").when()
                .post("/api/v1/incidents/" + id + "/status").then().statusCode(200);
        assertThat(await("incident_open", v -> v == open)).isEqualTo(open);

        // a delivery failing for 72 hours is given up: one more failed delivery
        try (Receiver receiver = new Receiver()) {
            receiver.down = true;
            String subscription = given().contentType("application/json")
                    .body(Receiver.subscription(receiver.url(), "s3cret-for-gauges-0123456789", "incident.opened")).when()
                    .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
            clock.set(T0);
            given().contentType("application/json").body(Incidents.misdelivery(3, "gauges, webhook")).when()
                    .post("/api/v1/incidents").then().statusCode(201);
            dispatcher.deliverDue();
            clock.set(T0.plus(Duration.ofHours(73)));
            dispatcher.deliverDue();
            assertThat(await("incident_webhook_deliveries_failed", v -> v == failed + 1)).isEqualTo(failed + 1);
            given().when().delete("/api/v1/webhooks/" + subscription).then().statusCode(204);
        }
    }

    private static String scrape() {
        return given().auth().none().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The gauge's value once it satisfies the condition (each scrape has stale gauges counted again). */
    private static long await(String gauge, LongPredicate condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long value = -1;
        while (System.nanoTime() < end) {
            Matcher m = Pattern.compile("(?m)^" + gauge + "(?:\\{[^}]*\\})? ([0-9.E+-]+)$").matcher(scrape());
            if (m.find()) {
                value = (long) Double.parseDouble(m.group(1));
                if (condition.test(value)) {
                    return value;
                }
            }
            Thread.sleep(200);
        }
        return value;
    }
}
