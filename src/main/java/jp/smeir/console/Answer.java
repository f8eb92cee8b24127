package jp.smeir.console;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Item;
import jp.smeir.engine.ItemStatus;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.incident.AssessmentDiff;

/**
 * An assessment as a person reads it: first steps, then the duties on a time line from the awareness (today,
 * 72 hours, 5 days, 30 to 60 days), advice apart, then the open questions with a control to answer each, and what
 * changed since the answer before. Every code is shown by its title in the page's language.
 */
public record Answer(String severity, String severityCode, List<Line> firstSteps, List<Span> timeline, List<Line> advice,
                     List<Ask> questions, List<String> changes) {

    /** One item in one line: its title, what kind of duty it is, when, and to whom. */
    public record Line(String code, String title, String status, String statusCode, String when, String whenKind,
                       String recipient, String detail) {
    }

    /** The items due within one span of the time line. */
    public record Span(String label, List<Line> items) {
    }

    /** An open question, the form field that answers it, and the items that hang on it. */
    public record Ask(String fact, String text, FactForm.Field field, List<String> affects) {
    }

    private static final List<Duration> SPANS = List.of(Duration.ofHours(24), Duration.ofHours(72), Duration.ofDays(6));

    static Answer of(Assessment a, IncidentFacts facts, AssessmentDiff diff, FactForm form, Titles titles, Texts t) {
        Map<String, Item> items = new LinkedHashMap<>();
        a.items().forEach(i -> items.put(i.code(), i));
        List<Line> firstSteps = a.firstSteps().stream().map(s -> items.get(s.code())).filter(java.util.Objects::nonNull)
                .map(i -> line(i, t)).toList();
        List<List<Line>> spans = new ArrayList<>();
        for (int i = 0; i <= SPANS.size(); i++) {
            spans.add(new ArrayList<>());
        }
        List<Line> advice = new ArrayList<>();
        a.items().stream().sorted(java.util.Comparator.comparing(i -> i.priority() == null ? Integer.MAX_VALUE : i.priority()))
                .forEach(i -> {
                    if (i.status() == ItemStatus.RECOMMENDED || i.dueOrTargetAt() == null) {
                        advice.add(line(i, t));
                    } else {
                        spans.get(span(a.awareAt(), i.dueOrTargetAt())).add(line(i, t));
                    }
                });
        List<Span> timeline = new ArrayList<>();
        for (int i = 0; i < spans.size(); i++) {
            if (!spans.get(i).isEmpty()) {
                timeline.add(new Span(t.word("span." + i), spans.get(i)));
            }
        }
        List<Ask> questions = a.questions().stream().map(q -> new Ask(q.fact(), t.text(q.question()), form.field(q.fact(), facts, t),
                q.affects().stream().map(code -> titles.of(code, t)).distinct().toList())).toList();
        return new Answer(t.name("severity", a.severity(), ""), a.severity() == null ? "" : a.severity().name(), firstSteps, timeline,
                advice, questions, diff == null ? List.of() : changes(diff, titles, t));
    }

    /** Which span of the time line a time falls in, counted from the awareness. */
    private static int span(OffsetDateTime awareAt, OffsetDateTime when) {
        Duration after = Duration.between(awareAt, when);
        for (int i = 0; i < SPANS.size(); i++) {
            if (after.compareTo(SPANS.get(i)) <= 0) {
                return i;
            }
        }
        return SPANS.size();
    }

    static Line line(Item i, Texts t) {
        String when = i.dueAt() != null ? t.time(i.dueAt()) : t.time(i.targetAt());
        String whenKind = i.dueAt() != null ? t.word("due") : i.targetAt() != null ? t.word("target") : "";
        return new Line(i.code(), t.text(i.title()), t.name("status", i.status(), ""), i.status().name(), when, whenKind,
                i.recipient() == null ? "" : t.text(i.recipient().name()), t.text(i.detail()));
    }

    /** The difference in sentences: what was added, dropped, or changed its status or deadline. */
    static List<String> changes(AssessmentDiff diff, Titles titles, Texts t) {
        List<String> lines = new ArrayList<>();
        diff.added().forEach(e -> lines.add(t.word("change.added").formatted(titles.of(e.code(), t), t.name("status", e.status(), ""))));
        diff.changed().forEach(c -> {
            String title = titles.of(c.code(), t);
            if (c.fromStatus() != c.toStatus()) {
                lines.add(t.word("change.status").formatted(title, t.name("status", c.fromStatus(), ""), t.name("status", c.toStatus(), "")));
            } else {
                lines.add(t.word("change.due").formatted(title, t.time(c.fromDueAt()), t.time(c.toDueAt())));
            }
        });
        diff.removed().forEach(e -> lines.add(t.word("change.removed").formatted(titles.of(e.code(), t))));
        return lines;
    }
}
