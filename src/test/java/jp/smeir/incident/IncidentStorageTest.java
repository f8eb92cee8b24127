package jp.smeir.incident;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jp.smeir.support.Incidents;

/** How an assessment is kept: gzip-compressed JSON in a binary column, and rows written before V5 still read. */
@QuarkusTest
class IncidentStorageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAssessmentIsStoredAsGzipCompressedJsonInTheBinaryColumn() throws IOException {
        String id = open();
        AssessmentRecord record = QuarkusTransaction.requiringNew().call(() -> AssessmentRecord.of(UUID.fromString(id), 1));
        assertNull(record.legacyBody);
        assertEquals(0x1f, record.bodyGzip[0] & 0xff, "gzip magic");
        assertEquals(0x8b, record.bodyGzip[1] & 0xff, "gzip magic");
        assertEquals(served(id).get("assessment"), JSON.readTree(gunzip(record.bodyGzip)));
    }

    @Test
    void rowsWrittenBeforeTheBinaryColumnAreServedAsBefore() {
        for (boolean compressed : new boolean[] {true, false}) {
            String id = open();
            JsonNode before = served(id);
            QuarkusTransaction.requiringNew().run(() -> {
                AssessmentRecord record = AssessmentRecord.of(UUID.fromString(id), 1);
                // the two text forms of earlier versions: "gz:" and base64 of gzip, or plain JSON; written with SQL,
                // as the service never changes a stored assessment (the entity is immutable)
                String legacy = compressed ? "gz:" + Base64.getEncoder().encodeToString(record.bodyGzip) : gunzip(record.bodyGzip);
                AssessmentRecord.getEntityManager()
                        .createNativeQuery("update assessment_record set body = ?1, body_gzip = null where id = ?2")
                        .setParameter(1, legacy).setParameter(2, record.id).executeUpdate();
            });
            AssessmentRecord rewritten = QuarkusTransaction.requiringNew().call(() -> AssessmentRecord.of(UUID.fromString(id), 1));
            assertNull(rewritten.bodyGzip, "the row now has only the text form");
            assertNotNull(rewritten.legacyBody);
            assertEquals(before, served(id), compressed ? "gz: text" : "plain JSON text");
        }
    }

    private static String open() {
        return given().contentType("application/json").body(Incidents.misdelivery(1500, "stored"))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }

    private static JsonNode served(String id) {
        try {
            return JSON.readTree(given().when().get("/api/v1/incidents/" + id).then().statusCode(200).extract().asString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void anAssessmentStoredBeforePrioritiesIsServedInTheOrderOfUrgencyWithTargetsAndFirstSteps() throws IOException {
        String id = given().contentType("application/json").body(jp.smeir.support.Cases.json(jp.smeir.support.Cases.RANSOMWARE_MANUFACTURER))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        JsonNode now = served(id);
        QuarkusTransaction.requiringNew().run(() -> {
            AssessmentRecord record = AssessmentRecord.of(UUID.fromString(id), 1);
            // as v1 stored it: no priority, targetAt, targetBasis or firstSteps, lists in the catalogue's order
            com.fasterxml.jackson.databind.node.ObjectNode v1;
            try {
                v1 = (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(gunzip(record.bodyGzip));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            v1.remove("firstSteps");
            for (String list : new String[] {"actions", "notifications", "escalations"}) {
                List<JsonNode> items = new java.util.ArrayList<>();
                v1.withArray(list).forEach(items::add);
                items.sort(java.util.Comparator.comparing(i -> i.path("code").asText()));
                v1.withArray(list).removeAll();
                items.forEach(i -> v1.withArray(list).add(((com.fasterxml.jackson.databind.node.ObjectNode) i)
                        .without(List.of("priority", "targetAt", "targetBasis"))));
            }
            AssessmentRecord.getEntityManager()
                    .createNativeQuery("update assessment_record set body = ?1, body_gzip = null where id = ?2")
                    .setParameter(1, v1.toString()).setParameter(2, record.id).executeUpdate();
        });

        JsonNode served = served(id);
        assertEquals(now.get("assessment").get("firstSteps"), served.get("assessment").get("firstSteps"));
        assertEquals(now.get("assessment").get("notifications"), served.get("assessment").get("notifications"));
        assertEquals(now.get("assessment").get("actions"), served.get("assessment").get("actions"));
        assertEquals("ISOLATE_FROM_NETWORK", served.at("/assessment/firstSteps/0/code").asText());
    }
}
