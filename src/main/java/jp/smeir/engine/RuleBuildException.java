package jp.smeir.engine;

import java.util.List;
import java.util.stream.Collectors;

/** The rule files do not make a usable rule base; {@link #errors()} says where and why. */
public class RuleBuildException extends RuntimeException {

    private final List<RuleError> errors;

    public RuleBuildException(List<RuleError> errors) {
        super("the rule base does not build:\n  " + errors.stream().map(RuleError::toString).collect(Collectors.joining("\n  ")));
        this.errors = List.copyOf(errors);
    }

    public List<RuleError> errors() {
        return errors;
    }
}
