package jp.smeir.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The Kubernetes manifests in deploy/kubernetes, checked offline for what a cluster requires of them: each object's
 * apiVersion, kind and name; no field a strict API server would refuse at the top level; the Deployment's selector
 * matching its pods' labels; probes on the health checks, on a port the container has; the Service and the
 * PodDisruptionBudget selecting those pods; every ConfigMap and Secret the Deployment reads existing with the keys
 * the service needs.
 */
class KubernetesManifestsTest {

    static final Path FOLDER = Path.of("deploy", "kubernetes");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Pattern DNS_1123 = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    static final Map<String, String> API_VERSIONS = Map.of("Deployment", "apps/v1", "Service", "v1",
            "PodDisruptionBudget", "policy/v1", "ConfigMap", "v1", "Secret", "v1");
    static final Map<String, Set<String>> TOP_LEVEL = Map.of(
            "Deployment", Set.of("apiVersion", "kind", "metadata", "spec"),
            "Service", Set.of("apiVersion", "kind", "metadata", "spec"),
            "PodDisruptionBudget", Set.of("apiVersion", "kind", "metadata", "spec"),
            "ConfigMap", Set.of("apiVersion", "kind", "metadata", "data", "binaryData", "immutable"),
            "Secret", Set.of("apiVersion", "kind", "metadata", "data", "stringData", "type", "immutable"));

    static final Map<String, List<JsonNode>> BY_KIND = new HashMap<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (var parser = YAML.getFactory().createParser(file.toFile())) {
                    for (var docs = YAML.readValues(parser, JsonNode.class); docs.hasNext(); ) {
                        JsonNode doc = docs.next();
                        if (doc != null && !doc.isEmpty()) {
                            BY_KIND.computeIfAbsent(doc.path("kind").asText(), k -> new ArrayList<>()).add(doc);
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyObjectHasItsApiVersionKindAndNameAndNoUnknownTopLevelField() {
        assertThat(BY_KIND.keySet()).containsExactlyInAnyOrderElementsOf(API_VERSIONS.keySet());
        BY_KIND.forEach((kind, docs) -> docs.forEach(doc -> {
            assertThat(doc.path("apiVersion").asText()).as(kind + " apiVersion").isEqualTo(API_VERSIONS.get(kind));
            assertThat(doc.path("metadata").path("name").asText()).as(kind + " metadata.name").matches(DNS_1123).hasSizeLessThanOrEqualTo(63);
            List<String> fields = new ArrayList<>();
            doc.fieldNames().forEachRemaining(fields::add);
            assertThat(fields).as(kind + " top-level fields").isSubsetOf(TOP_LEVEL.get(kind));
        }));
    }

    @Test
    void theDeploymentsPodsAreSelectedAndProbedOnTheHealthChecks() {
        JsonNode deployment = one("Deployment");
        JsonNode spec = deployment.path("spec");
        Map<String, String> podLabels = labels(spec.path("template").path("metadata").path("labels"));
        assertThat(podLabels).isNotEmpty().containsAllEntriesOf(labels(spec.path("selector").path("matchLabels")));
        assertThat(labels(spec.path("selector").path("matchLabels"))).isNotEmpty();
        assertThat(spec.path("replicas").asInt()).isGreaterThanOrEqualTo(2);

        JsonNode containers = spec.path("template").path("spec").path("containers");
        assertThat(containers.size()).isEqualTo(1);
        JsonNode container = containers.get(0);
        assertThat(container.path("name").asText()).matches(DNS_1123);
        assertThat(container.path("image").asText()).isNotBlank();
        assertThat(probe(container, "readinessProbe")).isEqualTo("/q/health/ready");
        assertThat(probe(container, "livenessProbe")).isEqualTo("/q/health/live");
        if (container.has("startupProbe")) {
            assertThat(probe(container, "startupProbe")).isEqualTo("/q/health/started");
        }
        // longer than the service's own shutdown timeout, so that requests in flight finish after SIGTERM
        assertThat(spec.path("template").path("spec").path("terminationGracePeriodSeconds").asInt()).isGreaterThan(20);
    }

    @Test
    void theServiceAndTheDisruptionBudgetSelectTheDeploymentsPods() {
        JsonNode deployment = one("Deployment");
        Map<String, String> podLabels = labels(deployment.path("spec").path("template").path("metadata").path("labels"));
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);

        JsonNode service = one("Service");
        assertThat(podLabels).as("Service selector").containsAllEntriesOf(labels(service.path("spec").path("selector")));
        assertThat(labels(service.path("spec").path("selector"))).isNotEmpty();
        for (JsonNode port : service.path("spec").path("ports")) {
            assertThat(port.path("port").asInt()).isBetween(1, 65535);
            assertThat(hasPort(container, port.path("targetPort"))).as("Service targetPort " + port.path("targetPort")).isTrue();
        }

        JsonNode budget = one("PodDisruptionBudget").path("spec");
        assertThat(labels(budget.path("selector").path("matchLabels"))).isNotEmpty();
        assertThat(podLabels).as("PodDisruptionBudget selector").containsAllEntriesOf(labels(budget.path("selector").path("matchLabels")));
        assertThat(budget.has("minAvailable") ^ budget.has("maxUnavailable")).as("exactly one of minAvailable, maxUnavailable").isTrue();
        if (budget.has("minAvailable")) {
            assertThat(budget.path("minAvailable").asInt()).isPositive().isLessThan(deployment.path("spec").path("replicas").asInt());
        }
    }

    @Test
    void theSettingsTheDeploymentReadsExistWithTheKeysTheServiceNeeds() {
        JsonNode container = one("Deployment").path("spec").path("template").path("spec").path("containers").get(0);
        Map<String, JsonNode> configMaps = byName("ConfigMap");
        Map<String, JsonNode> secrets = byName("Secret");
        Set<String> env = new java.util.HashSet<>();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                JsonNode map = configMaps.get(from.path("configMapRef").path("name").asText());
                assertThat(map).as("ConfigMap " + from.path("configMapRef").path("name")).isNotNull();
                map.path("data").fields().forEachRemaining(e -> {
                    assertThat(e.getValue().isTextual()).as("ConfigMap value of " + e.getKey() + " is a string").isTrue();
                    env.add(e.getKey());
                });
            } else {
                JsonNode secret = secrets.get(from.path("secretRef").path("name").asText());
                assertThat(secret).as("Secret " + from.path("secretRef").path("name")).isNotNull();
                secret.path("stringData").fieldNames().forEachRemaining(env::add);
                secret.path("data").fieldNames().forEachRemaining(env::add);
            }
        }
        for (JsonNode variable : container.path("env")) {
            JsonNode ref = variable.path("valueFrom");
            if (ref.has("secretKeyRef")) {
                JsonNode secret = secrets.get(ref.path("secretKeyRef").path("name").asText());
                assertThat(secret).isNotNull();
                assertThat(secret.path("stringData").has(ref.path("secretKeyRef").path("key").asText())
                        || secret.path("data").has(ref.path("secretKeyRef").path("key").asText())).isTrue();
            }
            if (ref.has("configMapKeyRef")) {
                JsonNode map = configMaps.get(ref.path("configMapKeyRef").path("name").asText());
                assertThat(map).isNotNull();
                assertThat(map.path("data").has(ref.path("configMapKeyRef").path("key").asText())).isTrue();
            }
            env.add(variable.path("name").asText());
        }
        assertThat(env).contains("QUARKUS_PROFILE", "INCIDENT_DB_URL", "INCIDENT_DB_USER", "INCIDENT_DB_PASSWORD", "INCIDENT_RULES_VERSION_CHECK");
        assertThat(one("ConfigMap").path("data").path("QUARKUS_PROFILE").asText()).contains("pg");
        assertThat(one("ConfigMap").path("data").has("INCIDENT_DB_PASSWORD")).as("the password is in the Secret, not the ConfigMap").isFalse();
    }

    private static String probe(JsonNode container, String name) {
        JsonNode get = container.path(name).path("httpGet");
        assertThat(hasPort(container, get.path("port"))).as(name + " port " + get.path("port")).isTrue();
        return get.path("path").asText();
    }

    /** Whether the container has this port, by name or number. */
    private static boolean hasPort(JsonNode container, JsonNode port) {
        for (JsonNode p : container.path("ports")) {
            if (port.isInt() ? p.path("containerPort").asInt() == port.asInt() : p.path("name").asText().equals(port.asText())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode one(String kind) {
        assertThat(BY_KIND.get(kind)).as(kind).hasSize(1);
        return BY_KIND.get(kind).get(0);
    }

    private static Map<String, JsonNode> byName(String kind) {
        Map<String, JsonNode> named = new HashMap<>();
        BY_KIND.getOrDefault(kind, List.of()).forEach(d -> named.put(d.path("metadata").path("name").asText(), d));
        return named;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> labels = new HashMap<>();
        if (node instanceof ObjectNode) {
            node.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        }
        return labels;
    }
}
