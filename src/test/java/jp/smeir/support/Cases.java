package jp.smeir.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jp.smeir.facts.IncidentFacts;

/**
 * Incidents written as JSON under src/test/resources/cases, for tests of the answer's shape. The case
 * {@link #RANSOMWARE_MANUFACTURER}: ransomware at a 50-person manufacturer, 3,000 customers' records with card
 * numbers, the file server down, customers affected; the other facts unknown, as a first caller gives them.
 */
public final class Cases {

    public static final String RANSOMWARE_MANUFACTURER = "ransomware-manufacturer";

    private Cases() {
    }

    /** The request body as written. */
    public static String json(String name) {
        try {
            return Files.readString(Path.of("src/test/resources/cases", name + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static IncidentFacts facts(String name) {
        try {
            return TestRules.JSON.readValue(json(name), IncidentFacts.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
