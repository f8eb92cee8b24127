package jp.smeir.incident;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import jp.smeir.support.Incidents;

/**
 * The list's total is counted up to incident.list.count-limit (here 3): exact at the limit and below it, the
 * limit with totalExact false above it, on each way of counting (a filter's range, "not overdue", the type alone);
 * the page itself is never cut by the limit.
 */
@QuarkusTest
@TestProfile(IncidentListCountLimitTest.SmallLimit.class)
class IncidentListCountLimitTest {

    static final int LIMIT = 3;

    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("incident.list.count-limit", String.valueOf(LIMIT));
        }
    }

    final String system = "Limit-" + UUID.randomUUID();

    @Test
    void theTotalIsExactUpToTheLimitAndTheLimitBeyond() {
        open(0);
        open(1);
        // limit − 1
        expect("ticketSystem=" + system, LIMIT - 1, LIMIT - 1, true);
        expect("ticketSystem=" + system + "&overdue=false", LIMIT - 1, LIMIT - 1, true);
        // at the limit
        open(2);
        expect("ticketSystem=" + system, LIMIT, LIMIT, true);
        expect("ticketSystem=" + system + "&overdue=false", LIMIT, LIMIT, true);
        expect("ticketSystem=" + system + "&status=OPEN", LIMIT, LIMIT, true);
        expect("ticketSystem=" + system + "&type=MISDELIVERY", LIMIT, LIMIT, true);
        // limit + 1: the total is the limit and not exact; every incident is still listed
        open(3);
        expect("ticketSystem=" + system, LIMIT + 1, LIMIT, false);
        expect("ticketSystem=" + system + "&overdue=false", LIMIT + 1, LIMIT, false);
        expect("ticketSystem=" + system + "&status=OPEN", LIMIT + 1, LIMIT, false);
        expect("ticketSystem=" + system + "&type=MISDELIVERY", LIMIT + 1, LIMIT, false);
        // the type alone or with overdue is counted on the type rows; unfiltered on the incidents
        assertThat(total("type=MISDELIVERY")).isEqualTo(List.of(LIMIT, false));
        assertThat(total("type=MISDELIVERY&overdue=false")).isEqualTo(List.of(LIMIT, false));
        assertThat(total("")).isEqualTo(List.of(LIMIT, false));
        // a filter that picks one is exact
        assertThat(total("ticketSystem=" + system + "&ticketId=L-3")).isEqualTo(List.of(1, true));
    }

    private void open(int n) {
        String body = Incidents.misdelivery(3, "limit " + n).replace("\"title\"",
                "\"externalTicket\": {\"system\": \"" + system + "\", \"id\": \"L-" + n + "\"}, \"title\"");
        given().contentType("application/json").body(body).when().post("/api/v1/incidents").then().statusCode(201);
    }

    private static void expect(String filter, int listed, int total, boolean exact) {
        JsonPath page = list(filter);
        assertThat(page.getList("items")).as(filter).hasSize(listed);
        assertThat(page.getInt("total")).as(filter).isEqualTo(total);
        assertThat(page.getBoolean("totalExact")).as(filter).isEqualTo(exact);
    }

    private static List<Object> total(String filter) {
        JsonPath page = list(filter);
        return List.of(page.getInt("total"), page.getBoolean("totalExact"));
    }

    private static JsonPath list(String filter) {
        var request = given().queryParam("size", 20);
        for (String pair : filter.isEmpty() ? new String[0] : filter.split("&")) {
            request = request.queryParam(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return request.when().get("/api/v1/incidents").then().statusCode(200).extract().jsonPath();
    }
}
