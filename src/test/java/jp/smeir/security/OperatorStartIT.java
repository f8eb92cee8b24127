package jp.smeir.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.smeir.support.AppProcess;

/** The packaged jar as an operator first starts it: what it says when a setting is missing, and what it leaves behind. */
class OperatorStartIT {

    static final String NO_USER = "No user can sign in";

    @TempDir
    Path data;

    @Test
    void aStartWithNoUserSourceWarnsOnceNamingTheSettings() throws IOException {
        try (AppProcess app = AppProcess.startWithoutUsers(data)) {
            io.restassured.RestAssured.given().baseUri(app.url()).get("/api/v1/incidents").then().statusCode(401);
            List<String> warnings = Files.readAllLines(app.log()).stream().filter(line -> line.contains(NO_USER)).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains("QUARKUS_SECURITY_USERS_EMBEDDED_USERS_", "QUARKUS_OIDC_TENANT_ENABLED",
                    "QUARKUS_OIDC_AUTH_SERVER_URL");
            app.stop();
        }
    }

    @Test
    void aStartWithUsersDoesNotWarn() throws IOException {
        try (AppProcess app = AppProcess.start(data, Map.of())) {
            app.given().get("/api/v1/incidents").then().statusCode(200);
            assertThat(Files.readString(app.log())).doesNotContain(NO_USER);
            app.stop();
        }
    }

    @Test
    void aStartFromAFolderWithoutRulesStopsAtOnceAndCreatesNothing(@TempDir Path elsewhere) throws Exception {
        Path jar = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .directory(elsewhere.toFile()).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the start stops by itself").isTrue();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.exitValue()).isNotZero();
        assertThat(output).contains("rules folder " + elsewhere.toRealPath().resolve("rules"))
                .contains("incident.rules.folder");
        try (Stream<Path> left = Files.list(elsewhere)) {
            assertThat(left).as("nothing created in the working directory").isEmpty();
        }
    }
}
