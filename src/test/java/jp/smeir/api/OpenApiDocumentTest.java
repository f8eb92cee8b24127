package jp.smeir.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import jp.smeir.support.Incidents;

/**
 * The API description as an integrator reads it at {@code /q/openapi}: valid for a standard OpenAPI parser, every
 * answer with its schema (errors as problem+json), every status each operation can give, both ways to
 * authenticate, examples that are the real scenarios' facts and the service's real answers, and equal to the
 * checked-in {@code docs/openapi.json} from which the build generates the client of {@link OpenApiClientTest}.
 *
 * <p>After an API change: {@code ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true} rewrites
 * docs/openapi.json (and the assessment example); review the difference and commit it.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path CHECKED_IN = Path.of("docs/openapi.json");
    static final Path EXAMPLES = Path.of("src/main/resources/openapi/examples");
    static final Path SCENARIO = Path.of("rules/scenarios/appi/01-ransomware-1200-persons.json");
    static final boolean WRITE = Boolean.getBoolean("openapi.write");
    static final String REFRESH = "run ./mvnw test -Dtest=OpenApiDocumentTest -Dopenapi.write=true (twice when the assessment "
            + "example changed: the second run serves it), review the difference and commit it";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * Every status each operation answers, read from the resources, the services and the problem mapper (not
     * from the document): 401 and 403 everywhere; 400 for a body or a query parameter; 404 for a path with an
     * id; 408, 413 and 415 for a body; 429 for a write or a body (rate limit, uploads at once); 412 wherever the
     * incident is changed (If-Match, or a lost race); the rest each operation's own.
     */
    static final Map<String, Set<Integer>> ANSWERS = Map.ofEntries(
            Map.entry("assess", Set.of(200, 400, 401, 403, 406, 408, 413, 415, 429)),
            Map.entry("openIncident", Set.of(201, 400, 401, 403, 408, 409, 413, 415, 422, 429)),
            Map.entry("listIncidents", Set.of(200, 400, 401, 403)),
            Map.entry("getIncident", Set.of(200, 400, 401, 403, 404, 406)),
            Map.entry("replaceFacts", Set.of(200, 400, 401, 403, 404, 408, 409, 412, 413, 415, 428, 429)),
            Map.entry("changeTicket", Set.of(200, 400, 401, 403, 404, 408, 409, 412, 413, 415, 428, 429)),
            Map.entry("changeStatus", Set.of(200, 400, 401, 403, 404, 408, 409, 412, 413, 415, 429)),
            Map.entry("getHistory", Set.of(200, 401, 403, 404)),
            Map.entry("getReport", Set.of(200, 400, 401, 403, 404, 500)),
            Map.entry("getIncidentCalendar", Set.of(200, 401, 403, 404)),
            Map.entry("getOpenCalendar", Set.of(200, 401, 403)),
            Map.entry("getItemsCsv", Set.of(200, 400, 401, 403, 404)),
            Map.entry("completeItem", Set.of(200, 400, 401, 403, 404, 408, 409, 412, 413, 415, 429)),
            Map.entry("correctCompletion", Set.of(200, 400, 401, 403, 404, 408, 409, 412, 413, 415, 428, 429)),
            Map.entry("withdrawCompletion", Set.of(200, 400, 401, 403, 404, 408, 409, 412, 413, 415, 428, 429)),
            Map.entry("markNotApplicable", Set.of(200, 400, 401, 403, 404, 408, 409, 412, 413, 415, 429)),
            Map.entry("withdrawNotApplicable", Set.of(200, 400, 401, 403, 404, 408, 409, 412, 413, 415, 429)),
            Map.entry("assignItem", Set.of(200, 400, 401, 403, 404, 408, 409, 412, 413, 415, 429)),
            Map.entry("subscribeWebhook", Set.of(201, 400, 401, 403, 408, 413, 415, 429)),
            Map.entry("listWebhooks", Set.of(200, 401, 403)),
            Map.entry("getWebhook", Set.of(200, 401, 403, 404)),
            Map.entry("changeWebhook", Set.of(200, 400, 401, 403, 404, 408, 413, 415, 429)),
            Map.entry("deleteWebhook", Set.of(204, 401, 403, 404, 429)),
            Map.entry("pingWebhook", Set.of(202, 401, 403, 404, 429)),
            Map.entry("listDeliveries", Set.of(200, 400, 401, 403, 404)),
            Map.entry("redeliver", Set.of(202, 401, 403, 404, 409, 429)),
            Map.entry("listAttempts", Set.of(200, 401, 403, 404)),
            Map.entry("listRules", Set.of(200, 401, 403)),
            Map.entry("reloadRules", Set.of(200, 401, 403, 422, 429)),
            Map.entry("runScenarios", Set.of(200, 400, 401, 403, 404, 408, 413, 415, 422, 429)),
            Map.entry("previewRules", Set.of(200, 400, 401, 403, 404, 422, 429)),
            Map.entry("listDrafts", Set.of(200, 401, 403)),
            Map.entry("listRuleVersions", Set.of(200, 401, 403)),
            Map.entry("getRuleVersion", Set.of(200, 400, 401, 403, 404)),
            Map.entry("activateRuleVersion", Set.of(200, 400, 401, 403, 404, 422, 429)),
            Map.entry("replayAssessment", Set.of(200, 401, 403, 404, 409)),
            Map.entry("getIncidentAsScenario", Set.of(200, 401, 403, 404, 429)),
            Map.entry("ping", Set.of(200, 401, 403)));

    static String served() {
        return given().auth().none().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString();
    }

    static JsonNode document() throws IOException {
        return JSON.readTree(served());
    }

    /** Every operation of the API, as "METHOD path" → operation. */
    static Map<String, JsonNode> operations(JsonNode document) {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (Set.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                operations.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
        return operations;
    }

    static SwaggerParseResult parse(String document) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        return new OpenAPIV3Parser().readContents(document, null, options);
    }

    @Test
    void aStandardParserValidatesTheDocumentWithoutAMessage() throws IOException {
        SwaggerParseResult result = parse(served());
        assertThat(result.getMessages()).as("swagger-parser's messages").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.");
        assertThat(result.getOpenAPI().getPaths()).containsKey("/api/v1/incidents/{id}/ticket");

        // the parser does judge: the scheme the service used to declare (OIDC without its URL) is refused
        ObjectNode broken = (ObjectNode) document();
        ((ObjectNode) broken.path("components").path("securitySchemes")).set("bearerAuth",
                JSON.createObjectNode().put("type", "openIdConnect"));
        assertThat(parse(broken.toString()).getMessages()).anyMatch(message -> message.contains("openIdConnectUrl"));
    }

    @Test
    void everyAnswerHasASchemaAndEveryErrorIsAProblem() throws IOException {
        List<String> faults = new ArrayList<>();
        operations(document()).forEach((name, operation) -> {
            if (!name.contains(" /api/v1/")) {
                return;
            }
            if (!operation.hasNonNull("operationId")) {
                faults.add(name + " has no operationId");
            }
            operation.get("responses").fields().forEachRemaining(answer -> {
                String status = answer.getKey();
                JsonNode content = answer.getValue().path("content");
                if (status.equals("204")) {
                    if (!content.isMissingNode()) {
                        faults.add(name + " 204 has content");
                    }
                    return;
                }
                if (content.isMissingNode() || content.isEmpty()) {
                    faults.add(name + " " + status + " has no content");
                }
                content.fields().forEachRemaining(type -> {
                    JsonNode schema = type.getValue().path("schema");
                    if (schema.isMissingNode() || schema.isEmpty()) {
                        faults.add(name + " " + status + " " + type.getKey() + " has no schema");
                    }
                });
                if (status.startsWith("4") || status.startsWith("5")) {
                    if (!content.path("application/problem+json").path("schema").path("$ref").asText().equals("#/components/schemas/Problem")) {
                        faults.add(name + " " + status + " is not application/problem+json with the Problem schema");
                    }
                }
            });
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void everyOperationListsEveryStatusItCanAnswer() throws IOException {
        Map<String, Set<Integer>> listed = new TreeMap<>();
        operations(document()).forEach((name, operation) -> {
            if (name.contains(" /api/v1/")) {
                Set<Integer> statuses = new TreeSet<>();
                operation.get("responses").fieldNames().forEachRemaining(s -> statuses.add(Integer.parseInt(s)));
                listed.put(operation.path("operationId").asText(name), statuses);
            }
        });
        Map<String, Set<Integer>> expected = new TreeMap<>();
        ANSWERS.forEach((operation, statuses) -> expected.put(operation, new TreeSet<>(statuses)));
        assertThat(listed).isEqualTo(expected);
    }

    /** Statuses the service really answers, provoked one by one: each must be listed with its operation. */
    @Test
    void theStatusesAnsweredAreListed() throws IOException {
        Map<String, Set<String>> listed = new TreeMap<>();
        operations(document()).values().forEach(operation -> {
            Set<String> statuses = new TreeSet<>();
            operation.get("responses").fieldNames().forEachRemaining(statuses::add);
            listed.put(operation.path("operationId").asText(), statuses);
        });
        String incident = given().contentType("application/json").body(Incidents.misdelivery(5, "openapi statuses"))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        given().contentType("application/json").header("Idempotency-Key", key).body(Incidents.misdelivery(5, "first"))
                .when().post("/api/v1/incidents").then().statusCode(201);
        String facts = Incidents.misdelivery(5, "again");
        String unknown = UUID.randomUUID().toString();
        Map<String, io.restassured.response.Response> answers = new TreeMap<>(Map.ofEntries(
                Map.entry("getIncident 404", given().when().get("/api/v1/incidents/not-a-uuid")),
                Map.entry("getIncident 406", given().accept("application/xml").when().get("/api/v1/incidents/" + incident)),
                Map.entry("assess 415", given().contentType("text/plain").body(facts).when().post("/api/v1/assessments")),
                Map.entry("assess 406", given().accept("application/xml").contentType("application/json").body(facts)
                        .when().post("/api/v1/assessments")),
                Map.entry("openIncident 422", given().contentType("application/json").header("Idempotency-Key", key)
                        .body(Incidents.misdelivery(6, "other")).when().post("/api/v1/incidents")),
                Map.entry("replaceFacts 428", given().contentType("application/json").body(facts)
                        .when().put("/api/v1/incidents/" + incident + "/facts")),
                Map.entry("replaceFacts 412", given().contentType("application/json").header("If-Match", "\"999\"").body(facts)
                        .when().put("/api/v1/incidents/" + incident + "/facts")),
                Map.entry("changeStatus 409", given().contentType("application/json").body("{\"status\":\"OPEN\",\"reason\":\"not a move forward\"}")
                        .when().post("/api/v1/incidents/" + incident + "/status")),
                Map.entry("completeItem 404", given().contentType("application/json").body("{\"by\":\"x\"}")
                        .when().post("/api/v1/incidents/" + incident + "/items/NO_SUCH_CODE/completion")),
                Map.entry("listIncidents 400", given().queryParam("status", "NOPE").when().get("/api/v1/incidents")),
                Map.entry("getItemsCsv 400", given().queryParam("lang", "fr").when().get("/api/v1/incidents/" + incident + "/items.csv")),
                Map.entry("getReport 400", given().queryParam("kind", "nope").when().get("/api/v1/incidents/" + incident + "/report")),
                Map.entry("getWebhook 404", given().when().get("/api/v1/webhooks/" + unknown)),
                Map.entry("deleteWebhook 404", given().when().delete("/api/v1/webhooks/" + unknown)),
                Map.entry("listDeliveries 400", given().queryParam("status", "NOPE").when().get("/api/v1/webhooks/" + unknown + "/deliveries")),
                Map.entry("runScenarios 400", given().contentType("application/json").queryParam("rules", "nope").body("[]")
                        .when().post("/api/v1/scenarios/run")),
                Map.entry("reloadRules 403", given().auth().preemptive().basic("reporter", "reporter-pass").when().post("/api/v1/rules/reload")),
                Map.entry("listRules 401", given().auth().none().when().get("/api/v1/rules"))));
        List<String> faults = new ArrayList<>();
        answers.forEach((expected, answer) -> {
            String[] parts = expected.split(" ");
            if (answer.statusCode() != Integer.parseInt(parts[1])) {
                faults.add(expected + " was answered " + answer.statusCode());
            } else if (!answer.contentType().startsWith("application/problem+json")) {
                faults.add(expected + " is not problem+json but " + answer.contentType());
            }
            if (!listed.getOrDefault(parts[0], Set.of()).contains(parts[1])) {
                faults.add(expected + " is not listed with " + parts[0]);
            }
        });
        assertThat(faults).isEmpty();
    }

    @Test
    void bothWaysToAuthenticateAreDeclared() throws IOException {
        JsonNode document = document();
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertThat(schemes.path("basicAuth").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(schemes.path("bearerAuth").path("type").asText()).isEqualTo("http");
        assertThat(schemes.path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.path("bearerAuth").path("bearerFormat").asText()).isEqualTo("JWT");
        // either scheme alone authenticates a request
        assertThat(document.path("security").toString()).isEqualTo("[{\"basicAuth\":[]},{\"bearerAuth\":[]}]");
    }

    @Test
    void openingTakesTheTicketAndHistoryDataIsAnyObject() throws IOException {
        JsonNode schemas = document().path("components").path("schemas");
        JsonNode opening = document().path("paths").path("/api/v1/incidents").path("post").path("requestBody")
                .path("content").path("application/json").path("schema");
        assertThat(opening.path("$ref").asText()).isEqualTo("#/components/schemas/IncidentOpening");
        assertThat(schemas.path("IncidentOpening").path("properties").path("externalTicket").path("$ref").asText())
                .isEqualTo("#/components/schemas/ExternalTicket");
        assertThat(schemas.path("IncidentOpening").path("required").toString()).isEqualTo("[\"awareAt\"]");
        assertThat(schemas.path("IncidentOpening").path("properties").size())
                .isEqualTo(schemas.path("IncidentFacts").path("properties").size() + 1);
        JsonNode data = schemas.path("HistoryEntry").path("properties").path("data");
        assertThat(data.path("type").asText()).isEqualTo("object");
        assertThat(data.path("additionalProperties").asBoolean()).isTrue();
        assertThat(schemas.has("JsonNode")).as("Jackson's JsonNode internals").isFalse();
        assertThat(document().toString()).doesNotContain("JsonNode");
    }

    @Test
    void theExamplesAreARealScenarioAndTheServicesRealAnswers() throws IOException {
        JsonNode examples = document().path("components").path("examples");
        JsonNode scenario = JSON.readTree(SCENARIO.toFile());
        JsonNode facts = scenario.get("facts");
        assertThat(examples.path("ransomware-facts").path("value")).isEqualTo(facts);
        assertThat(examples.path("scenario-ransomware").path("value").path(0)).isEqualTo(scenario);
        ObjectNode opening = examples.path("ransomware-opening").path("value").deepCopy();
        assertThat(opening.remove("externalTicket")).isEqualTo(examples.path("ticket-jira").path("value"));
        assertThat((JsonNode) opening).isEqualTo(facts);

        // the answer shown is the service's answer to those facts, in English and compact
        String answer = given().contentType("application/json").body(facts.toString())
                .queryParam("lang", "en").queryParam("view", "compact")
                .when().post("/api/v1/assessments").then().statusCode(200).extract().asString();
        if (WRITE && !timeless(examples.path("ransomware-assessment").path("value")).equals(timeless(JSON.readTree(answer)))) {
            ObjectNode example = JSON.createObjectNode()
                    .put("summary", "The service's answer to the ransomware facts with lang=en&view=compact (" + SCENARIO + ")");
            example.set("value", JSON.readTree(answer));
            Files.writeString(EXAMPLES.resolve("ransomware-assessment.json"), JSON.writeValueAsString(example) + "\n");
        }
        assertThat(timeless(examples.path("ransomware-assessment").path("value"))).as("the assessment example; " + REFRESH)
                .isEqualTo(timeless(JSON.readTree(answer)));

        // the 400 shown is what the service answers to the typo the example names
        ObjectNode typo = facts.deepCopy();
        typo.set("incidentType", typo.remove("incidentTypes"));
        String invalid = given().contentType("application/json").body(typo.toString()).when().post("/api/v1/assessments")
                .then().statusCode(400).contentType("application/problem+json").extract().asString();
        assertThat(examples.path("problem-invalid-input").path("value")).isEqualTo(JSON.readTree(invalid));
    }

    /** An answer without when it was made and by which rule files: those change with every run and every rule edit. */
    static JsonNode timeless(JsonNode answer) {
        ObjectNode copy = answer.deepCopy();
        copy.remove(List.of("evaluatedAt", "rulesetVersion"));
        return copy;
    }

    @Test
    void theCheckedInCopyIsTheServedDocument() throws IOException {
        JsonNode served = document();
        String pretty = JSON.writeValueAsString(JSON.treeToValue(served, Object.class)) + "\n";
        if (WRITE) {
            Files.writeString(CHECKED_IN, pretty, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(CHECKED_IN)).as(CHECKED_IN + " is missing; " + REFRESH).isTrue();
        List<String> differences = new ArrayList<>();
        differences(JSON.readTree(CHECKED_IN.toFile()), served, "", differences);
        assertThat(differences).as(CHECKED_IN + " differs from the document the service serves at /q/openapi (at these JSON "
                + "pointers); " + REFRESH).isEmpty();
    }

    /** Where two JSON trees differ, as JSON pointers: the places, not two whole documents to compare by eye. */
    static void differences(JsonNode was, JsonNode is, String at, List<String> found) {
        if (was.equals(is)) {
            return;
        }
        if (was.isObject() && is.isObject()) {
            Set<String> names = new TreeSet<>();
            was.fieldNames().forEachRemaining(names::add);
            is.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String path = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!was.has(name) || !is.has(name)) {
                    found.add(path + (was.has(name) ? " (no longer served)" : " (new)"));
                } else {
                    differences(was.get(name), is.get(name), path, found);
                }
            }
        } else {
            found.add(at);
        }
    }
}
