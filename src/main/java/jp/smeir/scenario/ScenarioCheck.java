package jp.smeir.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Item;
import jp.smeir.assessment.LawApplied;
import jp.smeir.assessment.Watch;
import jp.smeir.assessment.Question;

/** Compares an assessment with a scenario's expectations and lists every difference in words. */
public final class ScenarioCheck {

    private ScenarioCheck() {
    }

    public static List<String> differences(Scenario.Expect expect, Assessment assessment) {
        List<String> diffs = new ArrayList<>();
        if (expect == null) {
            return diffs;
        }
        Map<String, Item> items = assessment.items().stream().collect(Collectors.toMap(Item::code, Function.identity()));
        for (Scenario.Present want : orEmpty(expect.present())) {
            Item got = items.get(want.code());
            if (got == null) {
                diffs.add(want.code() + ": expected, but absent");
                continue;
            }
            if (want.status() != null && want.status() != got.status()) {
                diffs.add(want.code() + ": status " + got.status() + ", expected " + want.status());
            }
            if (want.unconfirmed() != null && want.unconfirmed() != got.basis().stream().anyMatch(b -> !b.confirmed())) {
                diffs.add(want.code() + (want.unconfirmed() ? ": every basis is confirmed, expected an unconfirmed one"
                        : ": a basis is unconfirmed, expected all confirmed"));
            }
            if (want.dueAt() != null && (got.dueAt() == null || !want.dueAt().isEqual(got.dueAt()))) {
                diffs.add(want.code() + ": dueAt " + got.dueAt() + ", expected " + want.dueAt());
            }
            if (want.dueNotBefore() != null && (got.dueAt() == null || got.dueAt().isBefore(want.dueNotBefore()))) {
                diffs.add(want.code() + ": dueAt " + got.dueAt() + ", expected not before " + want.dueNotBefore());
            }
            if (want.dueNotAfter() != null && (got.dueAt() == null || got.dueAt().isAfter(want.dueNotAfter()))) {
                diffs.add(want.code() + ": dueAt " + got.dueAt() + ", expected not after " + want.dueNotAfter());
            }
            String recipient = got.recipient() == null ? null : got.recipient().code();
            if (want.recipient() != null && !want.recipient().equals(recipient)) {
                diffs.add(want.code() + ": recipient " + recipient + ", expected " + want.recipient());
            }
            if (want.timing() != null && want.timing() != got.timing()) {
                diffs.add(want.code() + ": timing " + got.timing() + ", expected " + want.timing());
            }
            for (String text : orEmpty(want.detailContains())) {
                if (!got.detail().ja().contains(text) && !got.detail().en().contains(text)) {
                    diffs.add(want.code() + ": detail does not say \"" + text + "\"");
                }
            }
            if (want.rule() != null && !want.rule().equals(got.rule()) && !got.alsoFrom().contains(want.rule())) {
                diffs.add(want.code() + ": produced by \"" + got.rule() + "\", expected \"" + want.rule() + "\"");
            }
        }
        for (String code : orEmpty(expect.absent())) {
            if (items.containsKey(code)) {
                diffs.add(code + ": expected absent, but present as " + items.get(code).status() + " (rule \"" + items.get(code).rule() + "\")");
            }
        }
        if (expect.questions() != null) {
            Set<String> asked = assessment.questions().stream().map(Question::fact).collect(Collectors.toCollection(TreeSet::new));
            Set<String> wanted = new TreeSet<>(orEmpty(expect.questions()));
            if (!asked.equals(wanted)) {
                diffs.add("questions " + asked + ", expected " + wanted);
            }
        }
        if (expect.severity() != null && expect.severity() != assessment.severity()) {
            diffs.add("severity " + assessment.severity() + ", expected " + expect.severity());
        }
        for (String rule : orEmpty(expect.firedRules())) {
            if (!assessment.firedRules().contains(rule)) {
                diffs.add("rule \"" + rule + "\" expected to fire, but did not");
            }
        }
        Set<String> applied = assessment.lawApplied().stream().map(LawApplied::id).collect(Collectors.toCollection(TreeSet::new));
        for (String law : orEmpty(expect.lawApplied())) {
            if (!applied.contains(law)) {
                diffs.add("law " + law + " expected in lawApplied, but absent (applied: " + applied + ")");
            }
        }
        for (String law : orEmpty(expect.lawNotApplied())) {
            if (applied.contains(law)) {
                diffs.add("law " + law + " expected not applied, but listed in lawApplied");
            }
        }
        if (expect.watch() != null) {
            Set<String> watched = assessment.watch().stream().map(Watch::id).collect(Collectors.toCollection(TreeSet::new));
            Set<String> wanted = new TreeSet<>(orEmpty(expect.watch()));
            if (!watched.equals(wanted)) {
                diffs.add("watch " + watched + ", expected " + wanted);
            }
        }
        return diffs;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
