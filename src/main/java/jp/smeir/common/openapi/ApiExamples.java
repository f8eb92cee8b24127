package jp.smeir.common.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.examples.Example;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The examples of the API description, each a file {@code openapi/examples/<name>.json} ({@code summary} and
 * {@code value}), and which operation shows which. The facts are those of a real scenario of rules/scenarios
 * (OpenApiDocumentTest keeps them equal); the assessment answer is the service's own answer to them.
 */
final class ApiExamples {

    /** Request examples by operationId. */
    private static final Map<String, List<String>> REQUESTS = Map.ofEntries(
            Map.entry("assess", List.of("ransomware-facts")),
            Map.entry("openIncident", List.of("ransomware-opening")),
            Map.entry("replaceFacts", List.of("ransomware-facts")),
            Map.entry("changeTicket", List.of("ticket-jira")),
            Map.entry("changeStatus", List.of("status-contained")),
            Map.entry("completeItem", List.of("completion-ppc")),
            Map.entry("correctCompletion", List.of("correction-ppc")),
            Map.entry("withdrawCompletion", List.of("withdrawal")),
            Map.entry("markNotApplicable", List.of("not-applicable-insurer")),
            Map.entry("withdrawNotApplicable", List.of("withdrawal")),
            Map.entry("assignItem", List.of("assignee")),
            Map.entry("subscribeWebhook", List.of("webhook-subscription")),
            Map.entry("changeWebhook", List.of("webhook-change")),
            Map.entry("runScenarios", List.of("scenario-ransomware")));

    /** Success examples by operationId, then status. */
    private static final Map<String, Map<String, String>> RESPONSES = Map.of(
            "assess", Map.of("200", "ransomware-assessment"));

    /** The problem each status most often is, where one stands for the rest. */
    private static final Map<String, String> PROBLEMS = Map.of(
            "401", "problem-unauthorized",
            "403", "problem-forbidden",
            "408", "problem-body-timeout",
            "412", "problem-stale-version",
            "413", "problem-too-large",
            "415", "problem-unsupported-media-type",
            "428", "problem-if-match-required",
            "429", "problem-rate-limited");

    /** Problems of one operation's own. */
    private static final Map<String, String> OWN_PROBLEMS = Map.of(
            "assess 400", "problem-invalid-input",
            "openIncident 400", "problem-invalid-input",
            "replaceFacts 400", "problem-invalid-input",
            "openIncident 409", "problem-ticket-has-incident",
            "changeTicket 409", "problem-ticket-has-incident",
            "openIncident 422", "problem-idempotency-key-reused",
            "changeStatus 409", "problem-required-duties-open");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ApiExamples() {
    }

    static List<String> request(String operationId) {
        return REQUESTS.getOrDefault(operationId, List.of());
    }

    static Map<String, String> responses(String operationId) {
        return RESPONSES.getOrDefault(operationId, Map.of());
    }

    static Optional<String> problem(String status, String operationId, String path) {
        String own = OWN_PROBLEMS.get(operationId + " " + status);
        if (own != null) {
            return Optional.of(own);
        }
        if (status.equals("404")) {
            return Optional.of(path.startsWith("/api/v1/webhooks") ? "problem-webhook-not-found" : "problem-incident-not-found");
        }
        return Optional.ofNullable(PROBLEMS.get(status));
    }

    /** Every example, by name, for the components of the document. */
    static Map<String, Example> all() {
        Map<String, Example> all = new LinkedHashMap<>();
        List<String> names = new java.util.ArrayList<>();
        REQUESTS.values().forEach(names::addAll);
        RESPONSES.values().forEach(m -> names.addAll(m.values()));
        names.addAll(PROBLEMS.values());
        names.addAll(OWN_PROBLEMS.values());
        names.addAll(List.of("problem-incident-not-found", "problem-webhook-not-found"));
        names.stream().distinct().sorted().forEach(name -> all.put(name, load(name)));
        return all;
    }

    private static Example load(String name) {
        String resource = "openapi/examples/" + name + ".json";
        try (InputStream in = ApiExamples.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no example " + resource);
            }
            JsonNode example = JSON.readTree(in);
            return OASFactory.createExample().summary(example.path("summary").asText())
                    .value(JSON.treeToValue(example.get("value"), Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
