package jp.smeir.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rule files do not make a usable rule base; {@link #errors()} says where and why. After a syntax error only
 * that error is listed, and {@link #following()} counts the errors the compiler reported after it, which mostly
 * follow from it (a rule file that does not parse leaves every type it declares unknown).
 */
public class RuleBuildException extends RuntimeException {

    private final List<RuleError> errors;
    private final int following;

    public RuleBuildException(List<RuleError> errors) {
        this(errors, 0);
    }

    public RuleBuildException(List<RuleError> errors, int following) {
        super("the rule base does not build:\n  " + errors.stream().map(RuleError::toString).collect(Collectors.joining("\n  "))
                + (following > 0 ? "\n  and " + following + " more error" + (following == 1 ? "" : "s") + " that follow from it" : ""));
        this.errors = List.copyOf(errors);
        this.following = following;
    }

    public List<RuleError> errors() {
        return errors;
    }

    /** How many more errors the compiler reported after the syntax error listed; 0 when every error is listed. */
    public int following() {
        return following;
    }

    /** The fields a 422 answer carries: {@code ruleErrors}, and {@code followingErrors} after a syntax error. */
    public Map<String, Object> problemFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ruleErrors", errors);
        if (following > 0) {
            fields.put("followingErrors", following);
        }
        return fields;
    }
}
