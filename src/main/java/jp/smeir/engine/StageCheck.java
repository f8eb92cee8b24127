package jp.smeir.engine;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * A rule's {@code @stage} and the stage {@code catalogue.yaml} gives each code it concludes must agree: the rule list
 * shows the first, every answer the second, and an analyst reading either must not be misled. The codes are read
 * from the consequence ({@code Finding.duty(kcontext, "CODE", …)}, {@code Finding.advice(…)}); a code the
 * catalogue lacks is left to the scenarios, which fail on it.
 */
final class StageCheck {

    /** A finding's code, as every consequence names it: the literal after {@code kcontext}. */
    private static final Pattern CODE = Pattern.compile("Finding\\s*\\.\\s*\\w+\\s*\\(\\s*kcontext\\s*,\\s*\"([^\"]+)\"");

    private StageCheck() {
    }

    /** Every disagreement, as an error naming the file, the rule's line, the rule, the code and both stages. */
    static List<RuleError> of(Map<String, byte[]> drl, Map<String, RuleInfo> rules, Catalogue catalogue) {
        List<RuleError> errors = new ArrayList<>();
        drl.forEach((file, content) -> {
            for (RuleDescr rule : parse(content)) {
                RuleInfo info = rules.get(rule.getName());
                if (rule.isQuery() || info == null) {
                    continue;
                }
                Matcher codes = CODE.matcher(String.valueOf(rule.getConsequence()));
                while (codes.find()) {
                    Catalogue.Entry entry = catalogue.items().get(codes.group(1));
                    if (entry != null && !entry.stage().name().equals(info.stage().name())) {
                        errors.add(new RuleError(file, rule.getLine(), "rule \"" + rule.getName() + "\" is @stage(\"" + info.stage()
                                + "\") but concludes " + codes.group(1) + ", whose stage in " + Catalogue.FILE + " is " + entry.stage()
                                + ": make them agree (answers show the catalogue's stage)"));
                    }
                }
            }
        });
        return errors;
    }

    /** The rules of a file that has just compiled, so it parses. */
    private static List<RuleDescr> parse(byte[] content) {
        DrlParser parser = new DrlParser();
        try {
            PackageDescr descr = parser.parse(false, new String(content, StandardCharsets.UTF_8));
            return descr == null ? List.of() : descr.getRules();
        } catch (DroolsParserException e) {
            throw new IllegalStateException("a rule file that compiled does not parse", e);
        }
    }
}
