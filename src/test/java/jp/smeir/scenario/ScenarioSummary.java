package jp.smeir.scenario;

import java.util.stream.Collectors;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Item;

/** A compact text view of an assessment, for writing scenario expectations. */
final class ScenarioSummary {

    private ScenarioSummary() {
    }

    static String of(Assessment a) {
        StringBuilder out = new StringBuilder("severity " + a.severity() + " " + a.severityBecause() + "\n");
        for (Item i : a.items()) {
            out.append(String.format("  %-30s %-12s %-12s %-26s %s%n", i.code(), i.status(), i.timing(),
                    i.dueAt() == null ? "" : i.dueAt().toString(), i.rule()));
        }
        out.append("  questions: ").append(a.questions().stream().map(q -> q.fact() + " -> " + q.affects())
                .collect(Collectors.joining("; "))).append("\n");
        return out.toString();
    }
}
