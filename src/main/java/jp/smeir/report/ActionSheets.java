package jp.smeir.report;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.FirstStep;
import jp.smeir.assessment.Item;
import jp.smeir.assessment.WorkingTargets;
import jp.smeir.deadline.JapaneseCalendar;
import jp.smeir.engine.Basis;
import jp.smeir.engine.ItemStatus;
import jp.smeir.engine.Stage;
import jp.smeir.engine.Timing;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.incident.IncidentViews.IncidentView;
import jp.smeir.incident.IncidentViews.ItemProgress;
import jp.smeir.incident.IncidentViews.State;
import jp.smeir.report.SheetModel.AdviceGroup;
import jp.smeir.report.SheetModel.Line;
import jp.smeir.report.SheetModel.QuestionLine;

/**
 * The one-page action sheet of an answer (docs/api.md, readable sheets), for {@code POST /assessments} and
 * {@code GET /incidents/{id}} with {@code Accept: text/markdown} or {@code text/html}: first steps, then the
 * duties with their deadlines, then the questions, then the rest of the advice. Template {@code sheet.<lang>.md}
 * in the reports folder. The Markdown is folded to {@value #COLUMNS} display columns, so that it prints as it
 * reads; the HTML page is made from the unfolded Markdown (a fold inside Japanese would show as a space).
 */
@ApplicationScoped
public class ActionSheets {

    /** The width the Markdown sheet is folded to, in display columns (a full-width character takes two). */
    public static final int COLUMNS = 80;

    private static final DateTimeFormatter JA = DateTimeFormatter.ofPattern("M/d(E) HH:mm", Locale.JAPANESE);
    private static final DateTimeFormatter JA_YEAR = DateTimeFormatter.ofPattern("uuuu/M/d(E) HH:mm", Locale.JAPANESE);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter EN_YEAR = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm", Locale.ENGLISH);

    @Inject
    Templates templates;

    @Inject
    Clock clock;

    public static final String MARKDOWN = "text/markdown; charset=UTF-8";
    public static final String HTML = "text/html; charset=UTF-8";

    /**
     * Whether a client that accepts these types (most preferred first, as JAX-RS sorts them) is given HTML rather
     * than Markdown: the first of text/html and text/markdown it names; Markdown for a wildcard.
     */
    public static boolean wantsHtml(List<jakarta.ws.rs.core.MediaType> acceptable) {
        for (jakarta.ws.rs.core.MediaType type : acceptable) {
            if (type.isWildcardType() || type.isWildcardSubtype()) {
                return false;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("html")) {
                return true;
            }
            if (type.getType().equals("text") && type.getSubtype().equals("markdown")) {
                return false;
            }
        }
        return false;
    }

    /** The sheet of an assessment; what is past its time at the evaluation is marked overdue. */
    public String of(Assessment assessment, IncidentFacts facts, String lang, boolean html) {
        Labels labels = templates.labels();
        Map<String, String> states = new LinkedHashMap<>();
        for (Item item : assessment.items()) {
            if (item.dueOrTargetAt() != null && item.dueOrTargetAt().isBefore(assessment.evaluatedAt())) {
                states.put(item.code(), labels.of("state", State.OVERDUE, lang));
            }
        }
        SheetModel model = model(assessment, facts.normalized(), null, null, states, assessment.evaluatedAt(), labels, lang);
        return render(model, lang, html);
    }

    /** The sheet of a stored incident, with the progress of each item. */
    public String of(IncidentView incident, String lang, boolean html) {
        Labels labels = templates.labels();
        Map<String, String> states = new LinkedHashMap<>();
        for (ItemProgress p : incident.progress()) {
            if (p.state() != State.OPEN) {
                states.put(p.code(), labels.of("state", p.state(), lang));
            }
        }
        SheetModel model = model(incident.assessment(), incident.facts().normalized(), incident.id().toString(),
                labels.of("status", incident.status(), lang), states, OffsetDateTime.now(clock), labels, lang);
        return render(model, lang, html);
    }

    private String render(SheetModel model, String lang, boolean html) {
        String md = templates.render("sheet." + lang + ".md", "s", model);
        return html ? templates.page(md, lang, model.title()) : Wrap.markdown(md, COLUMNS);
    }

    private static SheetModel model(Assessment a, IncidentFacts facts, String incidentId, String status,
                                    Map<String, String> states, OffsetDateTime now, Labels labels, String lang) {
        Map<String, Item> byCode = a.items().stream().collect(Collectors.toMap(Item::code, Function.identity()));
        List<Item> ordered = a.items().stream().sorted(Comparator.comparing(Item::priority, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        String unconfirmed = labels.word("unconfirmed", lang);
        int year = a.awareAt().getYear();
        Function<Item, Line> line = i -> new Line(Labels.pick(i.title(), lang), time(i.dueOrTargetAt(), year, lang),
                i.dueAt() == null && i.targetAt() != null, i.status() == ItemStatus.CONDITIONAL, states.get(i.code()),
                i.basis().stream().allMatch(Basis::confirmed) ? null : unconfirmed);

        List<Line> firstSteps = a.firstSteps().stream().map(FirstStep::code).map(byCode::get).filter(Objects::nonNull).map(line).toList();
        List<Item> duties = ordered.stream().filter(i -> i.mandatory() && i.status() != ItemStatus.RECOMMENDED).toList();
        var steps = a.firstSteps().stream().map(FirstStep::code).collect(Collectors.toSet());
        Map<Stage, List<Line>> advice = new LinkedHashMap<>();
        for (Stage stage : Stage.values()) {
            List<Line> lines = ordered.stream().filter(i -> i.stage() == stage && !duties.contains(i) && !steps.contains(i.code()))
                    .map(line).toList();
            if (!lines.isEmpty()) {
                advice.put(stage, lines);
            }
        }
        // the questions that decide the most urgent items first
        List<QuestionLine> questions = a.questions().stream()
                .sorted(Comparator.comparingInt(q -> q.affects().stream().map(byCode::get).filter(Objects::nonNull)
                        .mapToInt(Item::priority).min().orElse(Integer.MAX_VALUE)))
                .map(q -> new QuestionLine(Labels.pick(q.question(), lang), (int) q.affects().stream().filter(byCode::containsKey).count()))
                .toList();

        String title = facts.title() != null && !facts.title().isBlank() ? ReportService.escape(facts.title())
                : facts.incidentTypes().isEmpty() ? labels.word("missing", lang)
                : facts.incidentTypes().stream().map(t -> labels.of("incidentTypes", t, lang)).collect(Collectors.joining(lang.equals("en") ? ", " : "・"));
        String version = a.rulesetVersion().startsWith("sha256:") ? a.rulesetVersion().substring(7, Math.min(a.rulesetVersion().length(), 19))
                : a.rulesetVersion();
        return new SheetModel(lang, title, time(a.awareAt(), -1, lang) + ("en".equals(lang) ? " JST" : ""),
                labels.of("severity", a.severity(), lang), incidentId, status,
                firstSteps, duties.stream().map(line).toList(), target(duties, Timing.IMMEDIATELY, a, lang),
                target(duties, Timing.PROMPTLY, a, lang), questions,
                advice.entrySet().stream().map(e -> new AdviceGroup(labels.of("stage", e.getKey(), lang), e.getValue())).toList(),
                time(now, -1, lang), version, unconfirmed);
    }

    /**
     * The working target of a timing, as the duties were given it (so a stored incident shows the target it was
     * assessed with, even if the configuration changed since); null if no duty has one.
     */
    private static String target(List<Item> duties, Timing timing, Assessment a, String lang) {
        return duties.stream().filter(i -> i.timing() == timing && i.targetAt() != null).findFirst()
                .map(i -> WorkingTargets.inWords(Duration.between(a.awareAt(), i.targetAt()), lang)).orElse(null);
    }

    /** In Japan time; the year is left out when it is {@code year} (that of awareAt), so that lines stay short. */
    static String time(OffsetDateTime t, int year, String lang) {
        if (t == null) {
            return null;
        }
        OffsetDateTime jst = t.atZoneSameInstant(JapaneseCalendar.JST).toOffsetDateTime();
        boolean en = "en".equals(lang);
        // Japan time throughout; the English sheet says so once, in its header and section 2
        return jst.format(jst.getYear() == year ? (en ? EN : JA) : (en ? EN_YEAR : JA_YEAR));
    }
}
