package jp.smeir.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.restassured.path.json.JsonPath;

import jp.smeir.support.Incidents;
import jp.smeir.support.AppProcess;

/** Stops the packaged application and starts it again on the same data: every incident and event is still there. */
class IncidentRestartIT {

    @TempDir
    Path data;

    @Test
    void incidentsAndTheirHistorySurviveARestart() {
        // A ticket system of its own, so that the test finds its incidents in a shared database too.
        String system = "restart-" + java.util.UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        Map<String, String> before = new LinkedHashMap<>();
        try (AppProcess app = AppProcess.start(data, Map.of())) {
            for (int persons : new int[] {10, 900, 1500}) {
                ids.add(app.given().contentType("application/json")
                        .body(Incidents.misdelivery(persons, "restart " + persons)
                                .replace("\"title\"", "\"externalTicket\": {\"system\": \"" + system + "\", \"id\": \"T-" + persons + "\"}, \"title\""))
                        .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id"));
            }
            String changed = ids.get(1);
            String etag = app.given().when().get("/api/v1/incidents/" + changed).then().extract().header("ETag");
            app.given().contentType("application/json").header("If-Match", etag)
                    .body(Incidents.misdelivery(1200, "restart 900"))
                    .when().put("/api/v1/incidents/" + changed + "/facts").then().statusCode(200);
            app.given().contentType("application/json").body("{\"by\": \"Sato\", \"reference\": \"PPC-1\"}")
                    .when().post("/api/v1/incidents/" + ids.get(2) + "/items/PPC_PRELIMINARY_REPORT/completion").then().statusCode(200);
            app.given().contentType("application/json").body("{\"status\": \"CONTAINED\", \"reason\": \"deleted\"}")
                    .when().post("/api/v1/incidents/" + ids.get(0) + "/status").then().statusCode(200);
            for (String id : ids) {
                before.put(id, snapshot(app, id));
            }
            app.stop();
        }

        try (AppProcess app = AppProcess.start(data, Map.of())) {
            for (String id : ids) {
                assertThat(snapshot(app, id)).as("incident %s after restart", id).isEqualTo(before.get(id));
            }
            JsonPath history = app.given().when().get("/api/v1/incidents/" + ids.get(1) + "/history")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(history.getList("type")).containsExactly("OPENED", "FACTS_CHANGED", "REASSESSED");
            app.given().queryParam("ticketSystem", system).when().get("/api/v1/incidents")
                    .then().statusCode(200).body("total", is(3));
            app.stop();
        }
        assertThat(Files.exists(data.resolve("incidents.mv.db")) || System.getProperty("quarkus.profile") != null).isTrue();
    }

    /** The incident and its history as served, without fields that depend on the moment of reading. */
    private static String snapshot(AppProcess app, String id) {
        String incident = app.given().when().get("/api/v1/incidents/" + id).then().statusCode(200).extract().asString();
        String history = app.given().when().get("/api/v1/incidents/" + id + "/history").then().statusCode(200).extract().asString();
        return incident.replaceAll("\"(state|overdue)\":\"?[A-Za-z]+\"?", "") + "\n" + history;
    }
}
