package jp.smeir.rules;

import java.nio.file.Path;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jp.smeir.engine.RuleBase;
import jp.smeir.engine.RuleBuildException;
import jp.smeir.engine.RuleEngine;
import jp.smeir.problem.ProblemException;

/**
 * What {@code ?rules=} names: {@code current}, the rules in service (with the scenarios of the rules folder);
 * {@code folder}, the rules folder as it is now on disk, built but not put in service; or a draft's name, that
 * draft built. Nothing is ever put in service here.
 */
@ApplicationScoped
public class RuleSets {

    /** A rule set to run: what {@code rules=} said, the folder its scenarios are in, and an engine over its rules. */
    public record RuleSet(String name, Path folder, RuleEngine engine) {

        public String version() {
            return engine.ruleBase().version();
        }
    }

    @Inject
    RuleEngine engine;

    @Inject
    Drafts drafts;

    @ConfigProperty(name = "incident.rules.folder", defaultValue = "rules")
    String rulesFolder;

    /**
     * @param field the name of the parameter, for a 400
     * @throws ProblemException 400 for a bad name, 404 for an unknown draft, 422 when the rules do not build
     */
    public RuleSet resolve(String field, String rules) {
        Path service = Path.of(rulesFolder);
        return switch (rules) {
            case "current" -> new RuleSet(rules, service, engine);
            case "folder" -> new RuleSet(rules, service, build(service, "The rule files on disk do not build."));
            default -> {
                Path draft = drafts.folder(field, rules);
                yield new RuleSet(rules, draft, build(draft, "The rule files of draft " + rules + " do not build."));
            }
        };
    }

    static RuleEngine build(Path folder, String detail) {
        try {
            return new RuleEngine(RuleBase.build(folder));
        } catch (RuleBuildException e) {
            throw new ProblemException(422, "rules-invalid", "Rules do not build", detail, List.of(), e.problemFields());
        }
    }
}
