package jp.smeir.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import jp.smeir.support.Incidents;

/** An incident's external ticket: set at opening or later, one incident per ticket unless asked, found without regard to case. */
@QuarkusTest
class IncidentTicketTest {

    /** A ticket system of each test's own, so that tests never meet each other's tickets. */
    final String system = "Jira-" + UUID.randomUUID();

    static String withTicket(String system, String id, String title) {
        return Incidents.misdelivery(5, title).replace("\"title\"",
                "\"externalTicket\": {\"system\": \"" + system + "\", \"id\": \"" + id + "\"}, \"title\"");
    }

    static Response open(String body, String query) {
        return given().contentType("application/json").body(body).when().post("/api/v1/incidents" + query);
    }

    static Response putTicket(String incident, String etag, String body, String query) {
        var request = given().contentType("application/json").body(body);
        if (etag != null) {
            request = request.header("If-Match", etag);
        }
        return request.when().put("/api/v1/incidents/" + incident + "/ticket" + query);
    }

    @Test
    void lookupsIgnoreTheCaseOfTheSystemButNotOfTheId() {
        String id = open(withTicket(system, "SEC-7", "case"), "").then().statusCode(201).extract().path("id");
        given().queryParam("ticketSystem", system.toUpperCase()).queryParam("ticketId", "SEC-7").when().get("/api/v1/incidents")
                .then().statusCode(200).body("total", is(1)).body("items[0].id", is(id))
                .body("items[0].externalTicket.system", is(system));
        given().queryParam("ticketSystem", system.toLowerCase()).when().get("/api/v1/incidents")
                .then().body("total", is(1));
        given().queryParam("ticketSystem", system).queryParam("ticketId", "sec-7").when().get("/api/v1/incidents")
                .then().body("total", is(0));
    }

    @Test
    void aSecondIncidentForATicketIs409WithTheFirstsLocationUnlessAskedFor() {
        String first = open(withTicket(system, "SEC-1", "first"), "").then().statusCode(201).extract().path("id");
        open(withTicket(system.toLowerCase(), "SEC-1", "second"), "").then().statusCode(409)
                .contentType("application/problem+json")
                .header("Location", endsWith("/api/v1/incidents/" + first))
                .body("type", is("/problems/ticket-has-incident"))
                .body("existingIncident", is(first))
                .body("detail", org.hamcrest.Matchers.containsString("allowDuplicateTicket=true"));
        open(withTicket(system, "SEC-1", "second"), "?allowDuplicateTicket=maybe").then().statusCode(400)
                .body("errors[0].field", is("allowDuplicateTicket"));
        String second = open(withTicket(system.toLowerCase(), "SEC-1", "second"), "?allowDuplicateTicket=true")
                .then().statusCode(201).extract().path("id");
        given().queryParam("ticketSystem", system).queryParam("ticketId", "SEC-1").when().get("/api/v1/incidents")
                .then().body("items.id", containsInAnyOrder(first, second));
        // the same ticket under another id is another ticket
        open(withTicket(system, "SEC-2", "other"), "").then().statusCode(201);
    }

    @Test
    void aTicketIsSetOrChangedAfterOpeningWithIfMatchAndAHistoryEvent() {
        String id = open(Incidents.misdelivery(5, "no ticket yet"), "").then().statusCode(201).extract().path("id");
        String ticket = "{\"system\": \"" + system + "\", \"id\": \"SEC-10\"}";
        putTicket(id, null, ticket, "").then().statusCode(428).contentType("application/problem+json");
        putTicket(id, "\"7\"", ticket, "").then().statusCode(412).contentType("application/problem+json");
        String etag = putTicket(id, "\"0\"", ticket, "").then().statusCode(200)
                .header("ETag", "\"1\"")
                .body("externalTicket.system", is(system)).body("externalTicket.id", is("SEC-10"))
                .extract().header("ETag");
        // the same ticket again changes nothing
        putTicket(id, etag, ticket, "").then().statusCode(200).header("ETag", "\"1\"");
        putTicket(id, etag, "{\"system\": \"" + system + "\", \"id\": \"SEC-11\"}", "").then().statusCode(200)
                .header("ETag", "\"2\"").body("externalTicket.id", is("SEC-11"));
        given().when().get("/api/v1/incidents/" + id + "/history").then().statusCode(200)
                .body("findAll { it.type == 'TICKET_CHANGED' }.size()", is(2))
                .body("find { it.type == 'TICKET_CHANGED' && it.data.to.id == 'SEC-10' }.data.from", is(java.util.Map.of()))
                .body("find { it.type == 'TICKET_CHANGED' && it.data.to.id == 'SEC-11' }.data.from.id", is("SEC-10"))
                .body("find { it.type == 'TICKET_CHANGED' }.actor", is("admin"));
        given().queryParam("ticketSystem", system).queryParam("ticketId", "SEC-10").when().get("/api/v1/incidents")
                .then().body("total", is(0));
        given().queryParam("ticketSystem", system).queryParam("ticketId", "SEC-11").when().get("/api/v1/incidents")
                .then().body("items.id", hasItem(id));
        // the ticket it gave up is free for another incident
        open(withTicket(system, "SEC-10", "takes the freed ticket"), "").then().statusCode(201);
    }

    @Test
    void aTicketAnotherIncidentHasIs409UnlessAskedFor() {
        String holder = open(withTicket(system, "SEC-20", "holder"), "").then().statusCode(201).extract().path("id");
        String other = open(Incidents.misdelivery(5, "other"), "").then().statusCode(201).extract().path("id");
        String ticket = "{\"system\": \"" + system.toUpperCase() + "\", \"id\": \"SEC-20\"}";
        putTicket(other, "*", ticket, "").then().statusCode(409)
                .header("Location", endsWith("/api/v1/incidents/" + holder)).body("existingIncident", is(holder));
        putTicket(other, "*", ticket, "?allowDuplicateTicket=true").then().statusCode(200)
                .body("externalTicket.system", is(system.toUpperCase()));
        // the holder may change the case of its own ticket's system
        putTicket(holder, "*", ticket, "").then().statusCode(200);
    }

    @Test
    void aBadTicketIsA400NamingTheField() {
        open(withTicket(system, "SEC-1\\nSEC-2", "line break"), "").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("externalTicket.id"));
        open(withTicket(system + "\\t", "SEC-1", "tab"), "").then().statusCode(400)
                .body("errors.field", hasItem("externalTicket.system"));
        String id = open(Incidents.misdelivery(5, "bad tickets"), "").then().statusCode(201).extract().path("id");
        putTicket(id, "*", "{\"system\": \"" + system + "\", \"id\": \"\\u0007\"}", "").then().statusCode(400)
                .body("errors[0].field", is("id")).body("errors[0].message", is("must not contain control characters"));
        putTicket(id, "*", "{\"system\": \"" + system + "\"}", "").then().statusCode(400).body("errors[0].field", is("id"));
        putTicket(id, "*", "{\"system\": \"" + system + "\", \"id\": \"S-1\", \"url\": \"https://jira/S-1\"}", "").then().statusCode(400)
                .body("errors[0].field", is("url"));
        putTicket(id, "*", "{\"system\": \"" + system + "\", \"key\": \"S-1\"}", "").then().statusCode(400)
                .body("errors.field", hasItem("key"));
        putTicket(UUID.randomUUID().toString(), "*", "{\"system\": \"" + system + "\", \"id\": \"S-1\"}", "").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/api/v1/incidents/" + id).then().body("$", not(org.hamcrest.Matchers.hasKey("externalTicket")));
    }

    @Test
    void ofManyOpensForOneTicketAtOnceExactlyOneSucceeds() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> opens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String body = withTicket(i % 2 == 0 ? system : system.toLowerCase(), "RACE-1", "race " + i);
                opens.add(() -> open(body, "").statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(opens)) {
                statuses.add(f.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        given().queryParam("ticketSystem", system).queryParam("ticketId", "RACE-1").when().get("/api/v1/incidents")
                .then().body("total", is(1));
    }
}
