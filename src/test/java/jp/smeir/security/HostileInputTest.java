package jp.smeir.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import jp.smeir.support.Incidents;

/**
 * Input that a database would refuse (the NUL character, offsets past an int) is a 400 naming the field,
 * on every database: PostgreSQL rejects U+0000 in text outright.
 */
@QuarkusTest
class HostileInputTest {

    static String open() {
        return given().contentType("application/json").body(Incidents.misdelivery(5, "hostile"))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    @Test
    void theNulCharacterIsRefusedInEveryTextField() {
        given().contentType("application/json")
                .body(Incidents.misdelivery(5, "hostile").replace("\"title\"", "\"externalTicket\": {\"system\": \"ji\\u0000ra\", \"id\": \"1\"}, \"title\""))
                .when().post("/api/v1/incidents").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("externalTicket.system"));
        String id = open();
        given().contentType("application/json").body("{\"by\": \"Sato\", \"note\": \"a\\u0000b\"}")
                .when().post("/api/v1/incidents/" + id + "/items/REPORT_TO_MANAGEMENT/completion").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("note"));
        given().contentType("application/json").body("{\"status\": \"CONTAINED\", \"reason\": \"\\u0000\"}")
                .when().post("/api/v1/incidents/" + id + "/status").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().contentType("application/json")
                .body("{\"url\": \"http://127.0.0.1:9/h\", \"secret\": \"0123456789abcdef\\u0000\", \"eventTypes\": [\"incident.opened\"]}")
                .when().post("/api/v1/webhooks").then().statusCode(400).body("errors.field", hasItem("secret"));
        given().urlEncodingEnabled(false).when().get("/api/v1/incidents?ticketSystem=%00").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("ticketSystem"));
    }

    @Test
    void aLoneSurrogateIsRefusedBeforeAnythingIsWritten() {
        given().contentType("application/json")
                .body(Incidents.misdelivery(5, "lone \\ud800 surrogate"))
                .when().post("/api/v1/incidents").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("title"));
        given().contentType("application/json")
                .body(Incidents.misdelivery(5, "low \\udc00 first"))
                .when().post("/api/v1/incidents").then().statusCode(400).body("errors.field", hasItem("title"));
        // a pair is one character, welcome
        given().contentType("application/json")
                .body(Incidents.misdelivery(5, "pair \\ud83d\\ude00"))
                .when().post("/api/v1/incidents").then().statusCode(201).body("facts.title", is("pair \ud83d\ude00"));
        String id = open();
        given().contentType("application/json").body("{\"by\": \"Sato\", \"note\": \"a\\udfffb\"}")
                .when().post("/api/v1/incidents/" + id + "/items/REPORT_TO_MANAGEMENT/completion").then().statusCode(400)
                .body("errors.field", hasItem("note"));
    }

    @Test
    void dateFiltersOutsideAnyStoredDateAre400() {
        for (String value : new String[] {"-999999999-01-01T00:00:00%2B18:00", "+999999999-12-31T23:59:59-18:00", "0000-01-01T00:00:00Z"}) {
            given().urlEncodingEnabled(false).when().get("/api/v1/incidents?dueBefore=" + value).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", is("dueBefore"));
        }
        given().urlEncodingEnabled(false).when().get("/api/v1/incidents?dueBefore=2026-12-31T00:00:00%2B09:00").then().statusCode(200);
    }

    @Test
    void aPageOrSizeThatIsNoWholeNumberIs400NotANotFound() {
        for (String query : new String[] {"page=abc", "size=3000000000", "page=1.5", "size=%20"}) {
            String field = query.substring(0, query.indexOf('='));
            given().urlEncodingEnabled(false).when().get("/api/v1/incidents?" + query).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", is(field));
        }
        given().when().get("/api/v1/webhooks/" + java.util.UUID.randomUUID() + "/deliveries?page=x").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("page"));
    }

    @Test
    void aPageBeyondAnyOffsetIs400() {
        given().when().get("/api/v1/incidents?page=20000000&size=200").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("page"));
    }

    @Test
    void aScenarioWithANullExpectationIsJudgedNotBroken() {
        given().contentType("application/json")
                .body("{\"facts\": {\"awareAt\": \"2026-11-20T09:30:00+09:00\"}, \"expect\": {\"questions\": [null], \"present\": [null], \"absent\": [null]}}")
                .when().post("/api/v1/scenarios/run").then().statusCode(200);
    }
}
