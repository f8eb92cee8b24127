package jp.smeir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jp.smeir.support.TestRules;

/**
 * docs/legal-basis.md is the project's own account of what each answer rests on: it covers every code and every
 * unconfirmed note of the catalogue, every section the rules cite exists in it, and nothing in the project cites
 * the domain reference the users do not have.
 */
class CatalogueLegalBasisTest {

    static final Path DOC = Path.of("docs/legal-basis.md");
    /** The top-level sections, in this order: rules and other helpers cite them by number. */
    static final List<String> SECTIONS = List.of("APPI breach reporting", "My Number", "GDPR", "Card data", "Telecom", "Finance",
            "Medical", "Active Cyber Defense", "Police and crime", "IPA, JPCERT/CC and other desks", "Contracts",
            "IPA Guide stage ① actions", "Stage ② disclosure", "Stage ③ recovery", "Deadlines and the calendar",
            "How the service reads facts");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{2,4} §(\\d+(?:\\.\\d+)*) (.*)$");
    private static final Pattern CITATION = Pattern.compile("legal-basis ((?:§\\d+(?:\\.\\d+)*(?:, )?)+)");
    private static final Pattern SECTION = Pattern.compile("§(\\d+(?:\\.\\d+)*)");

    final Catalogue catalogue = TestRules.engine().ruleBase().catalogue();

    static String doc() throws IOException {
        return Files.readString(DOC);
    }

    @Test
    void theDocumentHasTheSixteenSectionsInOrder() throws IOException {
        List<String> top = new ArrayList<>();
        Matcher m = HEADING.matcher(doc());
        while (m.find()) {
            if (!m.group(1).contains(".")) {
                top.add(m.group(1) + " " + m.group(2));
            }
        }
        assertEquals(SECTIONS.size(), top.size(), top.toString());
        for (int i = 0; i < SECTIONS.size(); i++) {
            assertTrue(top.get(i).startsWith((i + 1) + " " + SECTIONS.get(i)), "section " + (i + 1) + " is " + top.get(i));
        }
    }

    @Test
    void everyCodeOfTheCatalogueIsCovered() throws IOException {
        String doc = doc();
        Set<String> missing = new TreeSet<>();
        catalogue.items().keySet().stream().filter(code -> !doc.contains("`" + code + "`")).forEach(missing::add);
        assertTrue(missing.isEmpty(), "codes of catalogue.yaml that docs/legal-basis.md does not cover: " + missing);
    }

    @Test
    void everyUnconfirmedNoteIsNamedWhereItsPointIsDiscussed() throws IOException {
        String doc = doc();
        Set<String> missing = new TreeSet<>();
        catalogue.unconfirmed().keySet().stream().filter(id -> !doc.contains("`" + id + "`")).forEach(missing::add);
        assertTrue(missing.isEmpty(), "unconfirmed notes of catalogue.yaml that docs/legal-basis.md does not name: " + missing);
    }

    /** In the rules' @basis, the notes' sources, the catalogue's comments and the scenarios' descriptions. */
    @Test
    void everyCitedSectionExists() throws IOException {
        Set<String> sections = new TreeSet<>();
        Matcher headings = HEADING.matcher(doc());
        while (headings.find()) {
            sections.add(headings.group(1));
        }
        Set<String> unknown = new TreeSet<>();
        int citations = 0;
        for (Path file : files(TestRules.RULES)) {
            Matcher m = CITATION.matcher(Files.readString(file));
            while (m.find()) {
                citations++;
                Matcher section = SECTION.matcher(m.group(1));
                while (section.find()) {
                    if (!sections.contains(section.group(1))) {
                        unknown.add(TestRules.RULES.relativize(file) + ": §" + section.group(1));
                    }
                }
            }
        }
        assertTrue(citations > 300, "found the citations: " + citations);
        assertTrue(unknown.isEmpty(), "cited sections that docs/legal-basis.md does not have: " + unknown);
    }

    /** The table of law versions (§16.5) gives each version of the catalogue's laws: with the same period of force. */
    @Test
    void theLawVersionsAndTheirPeriodsAreTheCatalogues() throws IOException {
        Pattern row = Pattern.compile("(?m)^\\|[^|]+\\| `([a-z0-9-]+)` \\|([^|]*)\\|([^|]*)\\|[^|]+\\|$");
        java.util.Map<String, List<String>> table = new java.util.LinkedHashMap<>();
        Matcher m = row.matcher(doc());
        while (m.find()) {
            table.put(m.group(1), List.of(m.group(2).strip(), m.group(3).strip()));
        }
        assertEquals(catalogue.laws().keySet(), table.keySet(), "the law versions of catalogue.yaml and of docs/legal-basis.md §16.5");
        catalogue.laws().forEach((id, law) -> {
            String from = table.get(id).get(0);
            String until = table.get(id).get(1);
            if (law.status() == LawStatus.ENACTED) {
                assertTrue(from.startsWith("not yet in force"), id + " is not in force: " + from);
            } else {
                assertTrue(from.equals(law.from().toString()) || from.startsWith(law.from() + " ("), id + " from " + law.from() + ": " + from);
            }
            assertEquals(law.until() == null ? "" : law.until().toString(), until, id + " until");
        });
    }

    /**
     * The domain reference is the team's, not the users': nothing the project ships or documents cites it. Three
     * test files name the old form on purpose, to test that it is caught.
     */
    @Test
    void nothingCitesTheDomainReference() throws IOException {
        Set<String> exempt = Set.of("CatalogueLegalBasisTest.java", "ScenarioTextsTest.java", "OneLanguage.java");
        Pattern old = Pattern.compile("ref §|domain[- ]reference", Pattern.CASE_INSENSITIVE);
        LinkedHashSet<Path> files = new LinkedHashSet<>();
        for (String root : List.of("rules", "src", "docs")) {
            files.addAll(files(Path.of(root)));
        }
        files.add(Path.of("README.md"));
        files.add(Path.of("BENCHMARKS.md"));
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            if (exempt.contains(file.getFileName().toString()) || !Files.isRegularFile(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (old.matcher(lines.get(i)).find()) {
                    found.add(file + ":" + (i + 1));
                }
            }
        }
        assertTrue(found.isEmpty(), "cites the domain reference instead of docs/legal-basis.md: " + found);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(drl|yaml|json|md|java|properties|sh)$")).sorted().toList();
        }
    }
}
