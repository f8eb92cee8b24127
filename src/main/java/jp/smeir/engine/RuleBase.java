package jp.smeir.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.KieSession;

/**
 * One immutable rule base: every {@code .drl} under the rules folder compiled together, the catalogue
 * beside them, and a version that is the digest of all of their names and contents.
 */
public final class RuleBase {

    /** Where rule files are written in the in-memory module: the DRL package {@code rules} mirrors the folder. */
    private static final String MODULE_ROOT = "src/main/resources/rules/";
    /** Sessions kept ready; the pool grows when more evaluations run at once. */
    private static final int SESSION_POOL = 4;
    /** One for every build: what it learns of missing classes serves each later build (reloads). */
    private static final ClassLoader CLASSES = new KnownClasses(RuleBase.class.getClassLoader());

    private final String version;
    private final KieBase kieBase;
    private final KieContainerSessionsPool sessions;
    private final Map<String, RuleInfo> rules;
    private final Catalogue catalogue;
    /** Each catalogue code's place in the catalogue, which orders the items of every answer. */
    private final Map<String, Integer> positions;

    private RuleBase(String version, KieContainer container, Map<String, RuleInfo> rules, Catalogue catalogue) {
        this.version = version;
        this.kieBase = container.getKieBase();
        this.sessions = container.newKieSessionsPool(SESSION_POOL);
        this.rules = rules;
        this.catalogue = catalogue;
        Map<String, Integer> positions = new HashMap<>();
        catalogue.items().keySet().forEach(code -> positions.put(code, positions.size()));
        this.positions = Map.copyOf(positions);
    }

    /** {@code sha256:<hex>} of the rule files' relative names and contents, and of the catalogue. */
    public String version() {
        return version;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /**
     * A session in its initial state, from Drools' pool: disposing it resets it (no fact, match or listener
     * survives) and returns it, which spares rebuilding the node memories of {@value #SESSION_POOL}+ rules.
     */
    public KieSession newSession() {
        return sessions.newKieSession();
    }

    /** Every rule (queries excluded), by name, in file order. */
    public Map<String, RuleInfo> rules() {
        return rules;
    }

    public Catalogue catalogue() {
        return catalogue;
    }

    /** Where a code stands in the catalogue (codes it lacks come last), to list items in the catalogue's order. */
    public int position(String code) {
        return positions.getOrDefault(code, Integer.MAX_VALUE);
    }

    /**
     * Whether a rule applies to an incident of which the company became aware on this day (Japan time): the law
     * in force at awareAt decides (docs/legal-basis.md §16.5). A name the rule base lacks is not in force.
     */
    public boolean inForce(String rule, java.time.LocalDate awareDay) {
        RuleInfo info = rules.get(rule);
        return info != null && info.inForce().covers(awareDay);
    }

    public RuleInfo rule(String name) {
        RuleInfo info = rules.get(name);
        if (info == null) {
            throw new IllegalStateException("no rule named " + name);
        }
        return info;
    }

    /**
     * Builds a rule base from a folder.
     *
     * @throws RuleBuildException naming file, line and message for every error, or a missing
     *                            {@code @basis}/{@code @stage}/{@code @inForce}, or an unreadable catalogue
     */
    public static RuleBase build(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new RuleBuildException(List.of(new RuleError(root.toString(), 0, "rules folder not found")));
        }
        Map<String, byte[]> drl = readRuleFiles(root);
        if (drl.isEmpty()) {
            throw new RuleBuildException(List.of(new RuleError(root.toString(), 0, "no .drl files in the rules folder")));
        }
        Path catalogueFile = root.resolve(Catalogue.FILE);
        if (!Files.isRegularFile(catalogueFile)) {
            throw new RuleBuildException(List.of(new RuleError(Catalogue.FILE, 0, "not found in " + root)));
        }
        Catalogue catalogue = Catalogue.load(catalogueFile);
        String version = digest(drl, read(catalogueFile));

        KieServices ks = KieServices.get();
        // A release id per content: the same id would let Drools hand back a cached module.
        ReleaseId releaseId = ks.newReleaseId("jp.smeir", "rules", "1.0.0-" + version.substring(7, 23));
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        drl.forEach((name, content) -> kfs.write(MODULE_ROOT + name, content));
        ClassLoader loader = CLASSES;
        KieBuilder builder = ks.newKieBuilder(kfs, loader).buildAll();
        List<Message> messages = builder.getResults().getMessages(Message.Level.ERROR);
        if (!messages.isEmpty()) {
            throw SyntaxErrors.first(messages, drl).map(first -> new RuleBuildException(List.of(first), messages.size() - 1))
                    .orElseGet(() -> new RuleBuildException(messages.stream()
                            .map(m -> new RuleError(relative(m.getPath()), m.getLine(), m.getText().strip())).toList()));
        }
        KieContainer container = ks.newKieContainer(releaseId, loader);
        Map<String, RuleInfo> rules = describe(container.getKieBase(), catalogue);
        List<RuleError> stages = StageCheck.of(drl, rules, catalogue);
        if (!stages.isEmpty()) {
            throw new RuleBuildException(stages);
        }
        return new RuleBase(version, container, rules, catalogue);
    }

    /**
     * What {@link #build(Path)} reads from a folder: every {@code .drl} by its path relative to the folder, and
     * {@value Catalogue#FILE}; sorted by name. The rule versions in the database store exactly these.
     */
    public static Map<String, byte[]> sources(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        Map<String, byte[]> all = new TreeMap<>(readRuleFiles(root));
        Path catalogueFile = root.resolve(Catalogue.FILE);
        if (Files.isRegularFile(catalogueFile)) {
            all.put(Catalogue.FILE, read(catalogueFile));
        }
        return all;
    }

    /** The version a rule base built from these sources has ({@link #version()}), without building it. */
    public static String versionOf(Map<String, byte[]> sources) {
        Map<String, byte[]> drl = new TreeMap<>(sources);
        byte[] catalogue = drl.remove(Catalogue.FILE);
        return digest(drl, catalogue == null ? new byte[0] : catalogue);
    }

    /**
     * Builds a rule base from sources as {@link #sources(Path)} reads them (a stored rule version), written to a
     * temporary folder for the build and removed after it.
     */
    public static RuleBase build(Map<String, byte[]> sources) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("rule-version");
            for (Map.Entry<String, byte[]> file : sources.entrySet()) {
                Path target = dir.resolve(file.getKey()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IllegalArgumentException("a rule file's name leaves its folder: " + file.getKey());
                }
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return build(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                deleteQuietly(dir);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind; the build's outcome stands
        }
    }

    private static Map<String, byte[]> readRuleFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            Map<String, byte[]> drl = new TreeMap<>();
            files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".drl"))
                    .forEach(p -> drl.put(root.relativize(p).toString().replace('\\', '/'), read(p)));
            return drl;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new RuleBuildException(List.of(new RuleError(file.getFileName().toString(), 0, "cannot be read: " + e.getMessage())));
        }
    }

    private static String digest(Map<String, byte[]> drl, byte[] catalogue) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            Map<String, byte[]> all = new TreeMap<>(drl);
            all.put(Catalogue.FILE, catalogue);
            all.forEach((name, content) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(content);
                sha.update((byte) 0);
            });
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path in the in-memory module (Drools reports it with or without the resources root) → relative to the rules folder. */
    static String relative(String modulePath) {
        String path = String.valueOf(modulePath);
        for (String prefix : List.of("src/main/resources/", "rules/")) {
            if (path.startsWith(prefix)) {
                path = path.substring(prefix.length());
            }
        }
        return path;
    }

    /**
     * Lists the rules with their metadata; a rule without a basis, a stage or a period of force within a law
     * version of the catalogue, or naming an unconfirmed note the catalogue does not have, is a build error.
     */
    private static Map<String, RuleInfo> describe(KieBase kieBase, Catalogue catalogue) {
        List<RuleImpl> all = new ArrayList<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                RuleImpl impl = (RuleImpl) rule;
                if (!impl.isQuery()) {
                    all.add(impl);
                }
            }
        }
        all.sort(Comparator.comparing(RuleBase::fileOf).thenComparingInt(RuleImpl::getLoadOrder));
        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        List<RuleError> errors = new ArrayList<>();
        for (RuleImpl rule : all) {
            String file = fileOf(rule);
            String basis = meta(rule, "basis");
            String stage = meta(rule, "stage");
            if (basis == null || basis.isBlank()) {
                errors.add(new RuleError(file, 0, "rule \"" + rule.getName() + "\" has no @basis: every rule must cite its source"));
                continue;
            }
            RuleStage ruleStage;
            try {
                ruleStage = RuleStage.valueOf(String.valueOf(stage));
            } catch (IllegalArgumentException e) {
                errors.add(new RuleError(file, 0, "rule \"" + rule.getName() + "\" needs @stage, one of " + List.of(RuleStage.values())));
                continue;
            }
            InForce inForce;
            try {
                inForce = InForce.parse(rule.getMetaData().get("inForce"));
            } catch (IllegalArgumentException e) {
                errors.add(new RuleError(file, 0, "rule \"" + rule.getName() + "\" " + e.getMessage()));
                continue;
            }
            String outside = outsideItsLaw(inForce, catalogue);
            if (outside != null) {
                errors.add(new RuleError(file, 0, "rule \"" + rule.getName() + "\" " + outside));
                continue;
            }
            List<Basis> bases = new ArrayList<>();
            bases.add(new Basis(basis, true));
            List<String> notes;
            try {
                notes = unconfirmedNotes(rule);
            } catch (IllegalArgumentException e) {
                errors.add(new RuleError(file, 0, "rule \"" + rule.getName() + "\": @unconfirmed names notes of " + Catalogue.FILE
                        + " by id, e.g. @unconfirmed(\"aware-start, closed-days\"); " + e.getMessage()));
                continue;
            }
            List<String> unknown = notes.stream().filter(id -> !catalogue.unconfirmed().containsKey(id)).toList();
            if (!unknown.isEmpty()) {
                errors.add(new RuleError(file, 0, "rule \"" + rule.getName() + "\" names unconfirmed notes that " + Catalogue.FILE
                        + " does not have under unconfirmed: " + String.join(", ", unknown)));
                continue;
            }
            notes.forEach(id -> bases.add(catalogue.basis(id)));
            rules.put(rule.getName(), new RuleInfo(rule.getName(), ruleStage, bases, file, inForce));
        }
        if (!errors.isEmpty()) {
            throw new RuleBuildException(errors);
        }
        return java.util.Collections.unmodifiableMap(rules);
    }

    /** Why a rule's period does not fit the law version it names, or null when it does. */
    private static String outsideItsLaw(InForce period, Catalogue catalogue) {
        Catalogue.Law law = catalogue.laws().get(period.law());
        if (law == null) {
            return "is in force under the law version \"" + period.law() + "\", which " + Catalogue.FILE + " does not list under laws";
        }
        if (law.status() == LawStatus.ENACTED) {
            return "is in force under \"" + period.law() + "\", which is enacted but not in force: no rule may apply it yet";
        }
        if (period.from().isBefore(law.from())) {
            return "starts on " + period.from() + ", before its law version \"" + period.law() + "\" (from " + law.from() + ")";
        }
        if (law.until() != null && (period.until() == null || period.until().isAfter(law.until()))) {
            return "runs past the end of its law version \"" + period.law() + "\" (until " + law.until() + ")";
        }
        return null;
    }

    private static String fileOf(RuleImpl rule) {
        return rule.getResource() == null ? "" : relative(rule.getResource().getSourcePath());
    }

    /** The ids of the unconfirmed notes a rule names in {@code @unconfirmed("id, id")}; empty if it names none. */
    static List<String> unconfirmedNotes(Rule rule) {
        return Catalogue.noteIds(meta(rule, "unconfirmed"));
    }

    /** Drools hands metadata values back with their quotes; this is the one place that strips them. */
    static String meta(Rule rule, String key) {
        Object value = rule.getMetaData().get(key);
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
