package jp.smeir.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The project stands on its own: its README, documents, rules and code cite no file outside the repository, and
 * every relative link in its Markdown leads to a file that exists.
 */
class SelfContainedTest {

    /**
     * Ways of pointing outside the repository: a sibling folder of the checkout, an absolute path of one, a file URI,
     * a Markdown link that climbs out, the names of documents that live outside it.
     */
    static final Pattern OUTSIDE = Pattern.compile(String.join("|", "\\.\\./shared", "/work/", "file:/(?!/)", "\\]\\(\\.\\./",
            "api-contract\\.md", "domain" + "-reference\\.md", "style-guide\\.md", "engine-notes\\.md"));

    static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(?:#[^)]*)?\\)");

    @Test
    void nothingCitesAFileOutsideTheRepository() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (OUTSIDE.matcher(lines.get(i)).find()) {
                    found.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("references outside the repository").isEmpty();
    }

    @Test
    void everyRelativeLinkInTheDocumentsLeadsToAFile() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path file : sources()) {
            if (!file.toString().endsWith(".md")) {
                continue;
            }
            Matcher link = LINK.matcher(Files.readString(file));
            while (link.find()) {
                String target = link.group(1);
                if (!target.contains("://") && !target.startsWith("mailto:") && !Files.exists(file.toAbsolutePath().getParent().resolve(target))) {
                    broken.add(file + " → " + target);
                }
            }
        }
        assertThat(broken).as("broken relative links").isEmpty();
    }

    /** The README, the documents, the rules and all code and resources except this test. */
    static List<Path> sources() throws IOException {
        List<Path> files = new ArrayList<>(List.of(Path.of("README.md")));
        if (Files.exists(Path.of("BENCHMARKS.md"))) {
            files.add(Path.of("BENCHMARKS.md"));
        }
        for (String root : List.of("docs", "rules", "src", "deploy", ".ci")) {
            if (!Files.isDirectory(Path.of(root))) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(md|java|drl|yaml|yml|json|properties|html|sh|txt|csv)$") || p.endsWith("run"))
                        .filter(p -> !p.endsWith("SelfContainedTest.java"))
                        .forEach(files::add);
            }
        }
        return files;
    }
}
