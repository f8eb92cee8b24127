package jp.smeir.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * deploy/compose.yaml as docker-compose reads it ({@code docker-compose config}, Debian's package, which .ci/run
 * installs; skipped where it is missing), and the files beside it: nginx sends to the three instances, the image is
 * built in the layout Quarkus documents with the rules folder.
 */
class ComposeFileTest {

    static final Path COMPOSE = Path.of("deploy", "compose.yaml");

    @Test
    void dockerComposeReadsTheFileAsThreeInstancesOnePostgresqlAndALoadBalancer() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (Debian: apt-get install docker-compose; .ci/run does): "
                + "deploy/compose.yaml is not checked here");
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "-f", COMPOSE.toString(), "config");
        builder.environment().putAll(Map.of("INCIDENT_DB_PASSWORD", "test-password", "ADMIN_HASH", "0".repeat(128)));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();

        JsonNode config = new ObjectMapper(new YAMLFactory()).readTree(output);
        JsonNode services = config.path("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("db", "app1", "app2", "app3", "lb");
        for (String app : List.of("app1", "app2", "app3")) {
            JsonNode environment = services.path(app).path("environment");
            assertThat(environment.path("INCIDENT_DB_URL").asText()).as(app).isEqualTo("jdbc:postgresql://db:5432/incidents");
            assertThat(environment.path("INCIDENT_DB_PASSWORD").asText()).as(app).isEqualTo("test-password");
            assertThat(services.path(app).path("build").path("dockerfile").asText()).as(app).endsWith("Dockerfile");
        }
        assertThat(output).contains("8080");
    }

    @Test
    void nginxSendsToTheThreeInstances() throws IOException {
        String nginx = Files.readString(Path.of("deploy", "nginx.conf"));
        Matcher servers = Pattern.compile("server (app\\d):8080").matcher(nginx);
        List<String> upstream = new ArrayList<>();
        while (servers.find()) {
            upstream.add(servers.group(1));
        }
        assertThat(upstream).containsExactly("app1", "app2", "app3");
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
        upstream.forEach(app -> assertThat(compose.path("services").has(app)).as(app + " in compose.yaml").isTrue());
    }

    @Test
    void theImageIsTheQuarkusFastJarLayoutWithTheRulesFolder() throws IOException {
        List<String> copies = Files.readAllLines(Path.of("deploy", "Dockerfile")).stream().filter(l -> l.startsWith("COPY")).toList();
        assertThat(copies).anyMatch(l -> l.contains("target/quarkus-app/lib/ /deployments/lib/"))
                .anyMatch(l -> l.contains("target/quarkus-app/*.jar /deployments/"))
                .anyMatch(l -> l.contains("target/quarkus-app/app/ /deployments/app/"))
                .anyMatch(l -> l.contains("target/quarkus-app/quarkus/ /deployments/quarkus/"))
                .anyMatch(l -> l.contains("rules/ /deployments/rules/"));
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
