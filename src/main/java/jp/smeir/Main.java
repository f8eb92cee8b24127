package jp.smeir;

import java.nio.file.Files;
import java.nio.file.Path;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

import jp.smeir.engine.RuleEngineProducer;

/**
 * Starts the rule-base build before Quarkus boots, so that the two run side by side: compiling the rules is
 * the longest part of a start, and it needs nothing that Quarkus sets up. A rules folder that does not exist
 * stops the start here, before anything (the embedded database's folder above all) is created in the working
 * directory of someone who started the jar from the wrong place.
 * <p>
 * {@code ./mvnw package} runs the jar once more to record an AppCDS archive ({@code quarkus.package.jar.appcds},
 * {@code -Dquarkus.appcds.generate=true}, in target/quarkus-app, where no rules folder is): Quarkus stops that run
 * after its static init, before any database is opened. That run builds the rules once, in the foreground, so
 * that the classes of Drools' compiler (the longest part of a start) are in the archive too: the configured
 * folder if there is one (the image's), else the project's, two levels up.
 */
@QuarkusMain
public final class Main {

    private Main() {
    }

    public static void main(String... args) {
        if (Boolean.getBoolean("quarkus.appcds.generate")) {
            Path configured = RuleEngineProducer.earlyFolder();
            RuleEngineProducer.train(Files.isDirectory(configured) ? configured : Path.of("..", "..", "rules"));
            Quarkus.run(args);
            return;
        }
        Path rules = RuleEngineProducer.earlyFolder();
        if (!Files.isDirectory(rules) && !configuredInWorkingDirectory()) {
            System.err.printf("The rules folder %s does not exist. Start the service from the project folder (the one holding rules/), "
                    + "or name the folder with -Dincident.rules.folder=<path> or INCIDENT_RULES_FOLDER=<path>.%n", rules);
            System.exit(2);
        }
        RuleEngineProducer.buildEarly();
        Quarkus.run(args);
    }

    /** Whether a configuration file Quarkus reads from the working directory may name another rules folder. */
    private static boolean configuredInWorkingDirectory() {
        return Files.exists(Path.of("config", "application.properties")) || Files.exists(Path.of(".env"))
                || System.getProperty("quarkus.config.locations") != null || System.getenv("QUARKUS_CONFIG_LOCATIONS") != null;
    }
}
