package jp.smeir.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application (target/quarkus-app/quarkus-run.jar) as a separate process, on a free port and a
 * given data folder, so that tests can stop, kill and restart it like an operator would. Under
 * {@code -Dquarkus.profile=pg} it runs with that profile (and the database named by INCIDENT_DB_URL).
 */
public final class AppProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    /** The user every started application has (the prod profile has none of its own). */
    public static final String ADMIN = "it-admin";
    public static final String PASSWORD = "it-admin-pass";

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static AppProcess start(Path dataFolder, Map<String, String> properties) {
        return start(dataFolder, properties, true);
    }

    /** As an operator who configured no user starts it: the prod profile's defaults alone. */
    public static AppProcess startWithoutUsers(Path dataFolder) {
        return start(dataFolder, Map.of(), false);
    }

    private static AppProcess start(Path dataFolder, Map<String, String> properties, boolean withAdmin) {
        String jar = System.getProperty("app.jar", "target/quarkus-app/quarkus-run.jar");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Dquarkus.http.port=" + port, "-Dincident.data.folder=" + dataFolder.toAbsolutePath(),
                "-Dincident.rules.folder=" + Path.of("rules").toAbsolutePath()));
        String profile = System.getProperty("quarkus.profile");
        if (profile != null) {
            command.add("-Dquarkus.profile=" + profile);
        }
        // an admin from the environment, as an operator would configure it: hashed, never in a file
        if (withAdmin) {
            command.add("-Dquarkus.security.users.embedded.users." + ADMIN + "=" + hash(ADMIN, PASSWORD));
            command.add("-Dquarkus.security.users.embedded.roles." + ADMIN + "=admin");
        }
        // the tests' webhook receivers listen on loopback, which deliveries may reach only when an operator names it
        if (!properties.containsKey("incident.webhooks.allowed-hosts")) {
            command.add("-Dincident.webhooks.allowed-hosts=127.0.0.1");
        }
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(jar);
        try {
            Path logs = Files.createDirectories(Path.of("target", "it-logs"));
            Path log = logs.resolve("app-" + port + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            AppProcess app = new AppProcess(process, port, log);
            app.awaitReady();
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request to this application as its admin. */
    public io.restassured.specification.RequestSpecification given() {
        return io.restassured.RestAssured.given().baseUri(url()).auth().preemptive().basic(ADMIN, PASSWORD);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** The file the application's output goes to. */
    public Path log() {
        return log;
    }

    /** Stops the way an operator does (SIGTERM) and waits for the process to end. */
    public void stop() {
        process.destroy();
        await();
    }

    /** Kills the process without warning (SIGKILL), as a crash would. */
    public void kill() {
        process.destroyForcibly();
        await();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void await() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited while starting; see " + log);
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        close();
        throw new IllegalStateException("the application did not become ready within " + START_TIMEOUT + "; see " + log);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The embedded realm's stored form of a password: hex SHA-512 of user:realm:password. */
    public static String hash(String user, String password) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-512")
                    .digest((user + ":incident-decision:" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
