package jp.smeir.report;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import com.fasterxml.jackson.databind.JsonNode;


import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Item;
import jp.smeir.deadline.JapaneseCalendar;
import jp.smeir.engine.Basis;
import jp.smeir.engine.ItemStatus;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.incident.IncidentService;
import jp.smeir.incident.IncidentViews.HistoryEntry;
import jp.smeir.incident.IncidentViews.IncidentView;
import jp.smeir.incident.IncidentViews.ItemProgress;
import jp.smeir.incident.IncidentViews.State;
import jp.smeir.problem.InvalidInputException;
import jp.smeir.report.ReportModel.Caution;
import jp.smeir.report.ReportModel.Facts;
import jp.smeir.report.ReportModel.HistoryRow;
import jp.smeir.report.ReportModel.Ppc;
import jp.smeir.report.ReportModel.QuestionRow;
import jp.smeir.report.ReportModel.Row;

/**
 * Drafts the documents people have to write: for management, the PPC's 漏えい等報告, and a public notice, from
 * the templates of the reports folder ({@link Templates}).
 */
@ApplicationScoped
public class ReportService {

    /** The drafts there are. */
    public enum Kind { management, ppc, public_notice }

    private static final DateTimeFormatter JA = DateTimeFormatter.ofPattern("uuuu年M月d日(E) HH:mm", Locale.JAPANESE);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm 'JST'", Locale.ENGLISH);

    @Inject
    IncidentService incidents;

    @Inject
    Templates templates;

    @Inject
    Clock clock;

    /** For the words of unconfirmed notes, by their ids, in the draft's language. */
    @Inject
    jp.smeir.engine.RuleEngine engine;

    /** The draft as Markdown. */
    public String markdown(UUID id, String kind, String lang) {
        Kind k = kind(kind);
        String l = lang(lang);
        ReportModel model = model(incidents.get(id), incidents.history(id), l);
        return templates.render((k == Kind.public_notice ? "public" : k.name()) + "." + l + ".md", "r", model);
    }

    /** The same draft as a standalone HTML page. */
    public String html(UUID id, String kind, String lang) {
        return templates.page(markdown(id, kind, lang), lang(lang), kind(kind).name());
    }

    static Kind kind(String kind) {
        if ("public".equals(kind)) {
            return Kind.public_notice;
        }
        if ("management".equals(kind) || "ppc".equals(kind)) {
            return Kind.valueOf(kind);
        }
        throw InvalidInputException.of("kind", "must be management, ppc or public");
    }

    static String lang(String lang) {
        if (lang == null || lang.isBlank() || lang.equals("ja")) {
            return "ja";
        }
        if (lang.equals("en")) {
            return "en";
        }
        throw InvalidInputException.of("lang", "must be ja or en");
    }

    private ReportModel model(IncidentView incident, List<HistoryEntry> history, String lang) {
        Labels labels = templates.labels();
        String missing = labels.word("missing", lang);
        IncidentFacts f = incident.facts().normalized();
        Assessment a = incident.assessment();
        Map<String, ItemProgress> progress = incident.progress().stream().collect(Collectors.toMap(ItemProgress::code, Function.identity()));
        String unconfirmed = labels.word("unconfirmed", lang);
        Function<Item, Row> row = item -> row(item, progress.get(item.code()), unconfirmed, labels, lang);
        List<Row> notifications = a.notifications().stream().map(row).toList();
        List<Row> all = a.items().stream().map(row).toList();
        Map<String, Row> byCode = all.stream().collect(Collectors.toMap(Row::code, Function.identity()));
        Map<String, String> titles = a.items().stream().collect(Collectors.toMap(Item::code, i -> Labels.pick(i.title(), lang)));
        Because because = new Because(labels, lang, titles::get);
        Briefing briefing = new Briefing(labels, lang, because);
        // in the order of urgency (the answer's priorities)
        List<Row> open = all.stream().filter(r -> progress.get(r.code()).state() != State.DONE && progress.get(r.code()).state() != State.NOT_APPLICABLE)
                .sorted(Comparator.comparing(Row::priority, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
        java.util.Set<String> required = a.items().stream().filter(i -> i.status() == ItemStatus.REQUIRED).map(Item::code)
                .collect(Collectors.toSet());
        List<Row> openFirst = a.firstSteps().stream().map(step -> byCode.get(step.code()))
                .filter(r -> r != null && progress.get(r.code()).state() != State.DONE && progress.get(r.code()).state() != State.NOT_APPLICABLE).toList();
        List<Row> openDuties = open.stream().filter(r -> r.mandatory() && (r.conditional() || required.contains(r.code()))).toList();
        Facts facts = new Facts(labels.of("breach", f.personalData().breach(), lang),
                f.personalData().affectedPersons() == null ? missing
                        : java.text.NumberFormat.getIntegerInstance(Locale.ENGLISH).format(f.personalData().affectedPersons()),
                labels.yesNo(f.personalData().sensitive(), lang), labels.yesNo(f.personalData().financialHarmRisk(), lang),
                labels.yesNo(f.personalData().cardData(), lang), labels.yesNo(f.personalData().myNumber(), lang),
                // ③ implied by the incident type applies (60 days for the final report) whatever the facts say of it: never "unknown" then
                briefing.improperPurposePresumed(a, f) ? labels.word("presumed", lang) : labels.yesNo(f.personalData().improperPurpose(), lang),
                labels.yesNo(f.personalData().encrypted(), lang),
                labels.yesNo(f.personalData().euResidents(), lang), labels.yesNo(f.personalData().exposedOnline(), lang),
                labels.yesNo(f.personalData().subjectsReachable(), lang), labels.yesNo(f.personalData().recoveredUnviewed(), lang),
                labels.yesNo(f.externalReporter(), lang), labels.of("sector", f.organization().sector(), lang),
                labels.yesNo(f.organization().dataProcessor(), lang), labels.yesNo(f.impact().systemDown(), lang),
                labels.yesNo(f.impact().businessStopped(), lang), labels.yesNo(f.impact().customersAffected(), lang),
                labels.yesNo(f.impact().partnersAffected(), lang), labels.yesNo(f.impact().publicImpact(), lang),
                labels.yesNo(f.impact().damageSpreading(), lang), labels.yesNo(f.attack().crimeSuspected(), lang),
                labels.yesNo(f.attack().moneyTransferred(), lang), labels.yesNo(f.attack().ransomDemanded(), lang));
        List<Row> otherReports = new ArrayList<>();
        for (String code : List.of("POLICE", "IPA_FILING", "FSA_REPORT", "MHLW_REPORT", "TELECOM_REGULATOR_REPORT",
                "GDPR_AUTHORITY_NOTICE", "CARD_ACQUIRER_NOTICE", "CRITICAL_INFRA_REPORT")) {
            if (byCode.containsKey(code)) {
                otherReports.add(byCode.get(code));
            }
        }
        Ppc ppc = new Ppc(byCode.get("PPC_PRELIMINARY_REPORT"), byCode.get("PPC_FINAL_REPORT"), byCode.get("DATA_SUBJECT_NOTICE"),
                byCode.get("PUBLIC_NOTICE_IN_LIEU"), byCode.get("PUBLIC_ANNOUNCEMENT"), byCode.get("OPEN_INQUIRY_DESK"),
                byCode.get("ROOT_CAUSE_PREVENTION"), byCode.get("MY_NUMBER_REPORT"), otherReports, briefing.categories(a, f),
                briefing.pendingCategories(a));
        OffsetDateTime now = OffsetDateTime.now(clock);
        return new ReportModel(lang, missing, time(now, lang), incident.id().toString(),
                incident.title() == null ? missing : escape(incident.title()), labels.of("status", incident.status(), lang),
                labels.of("severity", incident.severity(), lang), because.words(a.severityBecause()),
                time(f.awareAt(), lang), f.occurredAt() == null ? missing : time(f.occurredAt(), lang), time(incident.openedAt(), lang),
                a.rulesetVersion(), f.incidentTypes().stream().map(t -> labels.of("incidentTypes", t, lang)).toList(),
                incident.externalTicket() == null ? null : escape(incident.externalTicket().system() + " " + incident.externalTicket().id()),
                facts, a.actions().stream().map(row).toList(), notifications, a.escalations().stream().map(row).toList(),
                openDuties,
                all.stream().filter(r -> "OVERDUE".equals(progress.get(r.code()).state().name())).toList(),
                a.questions().stream().map(q -> new QuestionRow(q.fact(), Labels.pick(q.question(), lang),
                        q.affects().stream().map(titles::get).filter(java.util.Objects::nonNull).toList())).toList(),
                history.stream().map(h -> new HistoryRow(h.seq(), time(h.at(), lang), labels.of("historyType", h.type(), lang),
                        escape(h.actor()), summary(h, labels, lang, titles))).toList(),
                ppc, unconfirmed, a.items().stream().filter(i -> i.basis().stream().anyMatch(b -> !b.confirmed()))
                        .map(i -> new Caution(Labels.pick(i.title(), lang),
                                i.basis().stream().filter(b -> !b.confirmed()).map(b -> point(b, lang)).distinct().toList())).toList(),
                briefing.summary(a, f, progress, row, now, t -> time(t, lang)),
                openFirst,
                open.stream().filter(r -> required.contains(r.code()) && !openFirst.contains(r)).toList(),
                open.stream().filter(r -> !required.contains(r.code()) && !openFirst.contains(r)).toList(),
                briefing.decisions(a, row));
    }

    /**
     * An unconfirmed point in the draft's language: the words of its note in the catalogue in service; the source
     * as the rules state it only for an answer stored before notes had ids, or whose note has since been removed.
     */
    private String point(Basis basis, String lang) {
        var notes = engine.ruleBase().catalogue().unconfirmed();
        var note = basis.note() == null ? null : notes.get(basis.note());
        return note == null ? escape(basis.source()) : Labels.pick(note.text(), lang);
    }


    private static Row row(Item item, ItemProgress p, String unconfirmed, Labels labels, String lang) {
        var c = p == null ? null : p.completion();
        return new Row(item.code(), Labels.pick(item.title(), lang), Labels.pick(item.detail(), lang),
                labels.of("itemStatus", item.status(), lang), item.mandatory(), labels.of("timing", item.timing(), lang),
                item.dueAt() == null ? null : time(item.dueAt(), lang), labels.of("state", p == null ? State.OPEN : p.state(), lang),
                c == null ? null : time(c.at(), lang), c == null ? null : escape(c.by()), c == null || c.reference() == null ? null : escape(c.reference()),
                item.recipient() == null ? null : Labels.pick(item.recipient().name(), lang),
                item.recipient() == null ? null : item.recipient().contact(), item.rule(),
                item.basis().stream().map(b -> b.source() + (b.confirmed() ? "" : " " + unconfirmed)).toList(),
                item.basis().stream().allMatch(Basis::confirmed) ? null : unconfirmed,
                item.targetAt() == null ? null : time(item.targetAt(), lang), item.priority(), item.status() == ItemStatus.CONDITIONAL,
                p == null ? null : escape(p.assignee()),
                p == null || p.notApplicable() == null ? null : escape(p.notApplicable().reason()));
    }

    /** A line about what a history entry changed. */
    private static String summary(HistoryEntry h, Labels labels, String lang, Map<String, String> titles) {
        JsonNode d = h.data();
        return switch (h.type()) {
            case OPENED -> labels.of("severity", d.path("severity").asText(null), lang);
            case FACTS_CHANGED -> escape(String.join(", ", d.path("changes").findValuesAsText("field").stream()
                    .map(field -> labels.of("facts", field, lang)).toList()));
            case REASSESSED -> "+" + d.path("difference").path("added").size() + " / −" + d.path("difference").path("removed").size()
                    + " / Δ" + d.path("difference").path("changed").size();
            case ITEM_COMPLETED, COMPLETION_CORRECTED, COMPLETION_WITHDRAWN, ITEM_NOT_APPLICABLE, NOT_APPLICABLE_WITHDRAWN,
                 ITEM_ASSIGNED -> titles.getOrDefault(d.path("code").asText(), labels.word("missing", lang));
            case STATUS_CHANGED -> labels.of("status", d.path("from").asText(), lang) + " → " + labels.of("status", d.path("to").asText(), lang)
                    + ": " + escape(d.path("reason").asText());
            case TICKET_CHANGED -> escape(d.path("to").path("system").asText() + " " + d.path("to").path("id").asText());
        };
    }

    private static String time(OffsetDateTime t, String lang) {
        if (t == null) {
            return null;
        }
        OffsetDateTime jst = t.atZoneSameInstant(JapaneseCalendar.JST).toOffsetDateTime();
        return jst.format("en".equals(lang) ? EN : JA);
    }

    /**
     * Caller-supplied text cannot start Markdown emphasis, links, code, tables or HTML, nor an entity; other
     * punctuation stays as typed, so that a receipt number like PPC-2026-001 can be copied from the draft.
     */
    static String escape(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if ("\\`*_[]|<>&#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString();
    }
}
