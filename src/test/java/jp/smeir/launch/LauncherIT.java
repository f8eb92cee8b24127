package jp.smeir.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.smeir.support.AppProcess;
import jp.smeir.support.Folders;

/**
 * bin/incident-service, the way the README starts the packaged service: from the user's folder, with the AppCDS
 * archive that {@code ./mvnw package} recorded and the small-footprint options, and without the archive when
 * there is none. The JVM maps an archive only when started in the jar's folder, so the launcher changes folder:
 * these tests hold it to keeping the user's relative paths (rules, data) relative to where it was started.
 */
class LauncherIT {

    static final Path APP = Path.of(System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath().getParent();
    static final String FACTS = """
            {"awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["MISDELIVERY"],
             "personalData": {"breach": "CONFIRMED", "affectedPersons": 12}}""";

    @TempDir
    Path home;

    @Test
    void startsThePackagedServiceWithTheArchiveAndTheSmallFootprintFromTheUsersFolder() throws Exception {
        assertThat(APP.resolve("app-cds.jsa")).as("./mvnw package records the AppCDS archive").isRegularFile();
        Folders.copy(Path.of("rules"), home.resolve("rules"));
        // -Xshare:on after the launcher's -Xshare:auto: the JVM refuses to start rather than go on without the archive
        Process process = launch(APP, Map.of(), "-Xshare:on");
        try {
            int port = awaitAssessment(process);
            List<String> jvm = List.of(process.info().arguments().orElseThrow());
            assertThat(jvm).as("the launcher execs java: its process is the JVM")
                    .contains("-XX:SharedArchiveFile=app-cds.jsa", "-Xmx160m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m");
            assertThat(home.resolve("data")).as("the embedded database in the user's folder").isDirectory();
            assertThat(APP.resolve("data")).doesNotExist();
            assertThat(Files.readString(Path.of("/proc", String.valueOf(process.pid()), "environ")).split("\0"))
                    .contains("MALLOC_ARENA_MAX=2");
            assertThat(port).isPositive();
        } finally {
            stop(process);
        }
        assertThat(process.exitValue()).as("SIGTERM reaches the JVM, which shuts down").isIn(0, 143);
        assertThat(Files.readString(log())).contains("stopped in");
    }

    @Test
    void startsWithoutAnArchiveAndWithTheUsersJavaOptions(@TempDir Path app) throws Exception {
        try (Stream<Path> entries = Files.list(APP)) {
            for (Path entry : entries.filter(e -> !e.getFileName().toString().equals("app-cds.jsa")).toList()) {
                Files.createSymbolicLink(app.resolve(entry.getFileName()), entry);
            }
        }
        Folders.copy(Path.of("rules"), home.resolve("rules"));
        Process process = launch(app, Map.of("JAVA_OPTS", "-Xmx200m"));
        try {
            awaitAssessment(process);
            List<String> jvm = List.of(process.info().arguments().orElseThrow());
            assertThat(jvm).contains("-Xmx200m").doesNotContain("-Xmx160m", "-XX:+UseSerialGC")
                    .noneMatch(option -> option.startsWith("-XX:SharedArchiveFile"));
        } finally {
            stop(process);
        }
    }

    private int port;

    private Path log() {
        return home.resolve("service.log");
    }

    /** bin/incident-service started in the user's folder, on a free port, with an admin and the given JVM options. */
    private Process launch(Path app, Map<String, String> environment, String... options) throws IOException {
        port = Integer.getInteger("it.port", freePort());
        List<String> command = new java.util.ArrayList<>(List.of(Path.of("bin", "incident-service").toAbsolutePath().toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.security.users.embedded.users." + AppProcess.ADMIN + "=" + AppProcess.hash(AppProcess.ADMIN, AppProcess.PASSWORD),
                "-Dquarkus.security.users.embedded.roles." + AppProcess.ADMIN + "=admin"));
        command.addAll(List.of(options));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log().toFile());
        builder.environment().put("INCIDENT_APP_DIR", app.toString());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("JAVA_OPTS");
        builder.environment().remove("MALLOC_ARENA_MAX");
        builder.environment().putAll(environment);
        return builder.start();
    }

    /** Waits for the first answered assessment; the port. */
    private int awaitAssessment(Process process) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        String basic = java.util.Base64.getEncoder().encodeToString((AppProcess.ADMIN + ":" + AppProcess.PASSWORD).getBytes());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the service is running; see " + log() + ":\n" + Files.readString(log())).isTrue();
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/assessments"))
                        .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(FACTS)).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200) {
                    assertThat(answer.body()).contains("notifications");
                    return port;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no answered assessment within 120 s; see " + log());
    }

    private static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
