package jp.smeir.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jp.smeir.deadline.JapaneseCalendar;
import jp.smeir.problem.InvalidInputException;
import jp.smeir.problem.ProblemException;

/**
 * The analysts' workspace of draft rule sets ({@code incident.rules.drafts}): each a copy of the rules folder in a
 * folder of its own, named by that folder. Nothing here creates the workspace; it is read only when a draft is used.
 */
@ApplicationScoped
public class Drafts {

    /** A draft's name: a letter or digit, then up to 63 letters, digits, dots, hyphens and underscores. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** What {@code rules=} means besides a draft: the rules in service, and the rules folder as it is on disk. */
    public static final List<String> RESERVED = List.of("current", "folder");

    /** A draft in the workspace: its name, how many rule files and scenario files it holds, when it last changed. */
    public record Draft(String name, int ruleFiles, int scenarioFiles, OffsetDateTime modifiedAt) {
    }

    @ConfigProperty(name = "incident.rules.drafts", defaultValue = "drafts")
    String workspace;

    /**
     * The folder of the draft so named.
     *
     * @throws InvalidInputException (400 naming {@code field}) for a name that is not a draft's name
     * @throws ProblemException      404 when the workspace has no such draft
     */
    public Path folder(String field, String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..") || RESERVED.contains(name)) {
            throw InvalidInputException.of(field, "must be current, folder or a draft's name (a letter or digit, then up to 63 "
                    + "letters, digits, '.', '-' or '_'; no '..')");
        }
        Path root = root();
        Path folder = root.resolve(name).normalize();
        if (!folder.getParent().equals(root)) {
            throw InvalidInputException.of(field, "must name a folder directly in the drafts workspace");
        }
        if (!Files.isDirectory(folder)) {
            throw new ProblemException(404, "draft-not-found", "Not Found", "No draft named " + name + " in the drafts workspace.");
        }
        // a link in the workspace must not lead out of it
        try {
            if (!folder.toRealPath().startsWith(root.toRealPath())) {
                throw InvalidInputException.of(field, "must name a folder inside the drafts workspace, not a link out of it");
            }
        } catch (IOException e) {
            throw new ProblemException(404, "draft-not-found", "Not Found", "No draft named " + name + " in the drafts workspace.");
        }
        return folder;
    }

    /** Every draft, by name; none when the workspace does not exist. */
    public List<Draft> list() {
        Path root = root();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory)
                    .filter(p -> NAME.matcher(p.getFileName().toString()).matches() && !RESERVED.contains(p.getFileName().toString()))
                    .sorted().map(Drafts::describe).toList();
        } catch (IOException e) {
            throw new ProblemException(503, "drafts-unreadable", "Drafts cannot be read", "The drafts workspace cannot be read.");
        }
    }

    private Path root() {
        return Path.of(workspace).toAbsolutePath().normalize();
    }

    private static Draft describe(Path folder) {
        try {
            return new Draft(folder.getFileName().toString(), count(folder, ".drl", Integer.MAX_VALUE), count(folder.resolve("scenarios"), ".json", Integer.MAX_VALUE),
                    JapaneseCalendar.inJapan(Files.getLastModifiedTime(folder).toInstant()));
        } catch (IOException e) {
            throw new ProblemException(503, "drafts-unreadable", "Drafts cannot be read", "A draft cannot be read: " + folder.getFileName());
        }
    }

    private static int count(Path folder, String suffix, int depth) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder, depth)) {
            return (int) files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(suffix)).count();
        }
    }
}
