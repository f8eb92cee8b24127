package jp.smeir.export;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import jp.smeir.assessment.Item;
import jp.smeir.deadline.JapaneseCalendar;
import jp.smeir.engine.Catalogue;
import jp.smeir.engine.ItemStatus;
import jp.smeir.engine.RuleEngine;
import jp.smeir.incident.IncidentEvent;
import jp.smeir.incident.IncidentService;
import jp.smeir.incident.IncidentStatus;
import jp.smeir.incident.IncidentViews.HistoryEntry;
import jp.smeir.incident.IncidentViews.IncidentSummary;
import jp.smeir.incident.IncidentViews.IncidentView;
import jp.smeir.incident.IncidentViews.ItemProgress;
import jp.smeir.incident.IncidentViews.Page;
import jp.smeir.reminder.ReminderConfig;

/**
 * The dated duties of incidents as an iCalendar (RFC 5545), in Japanese: one VEVENT per duty at its deadline,
 * with an alarm at each reminder lead time. The UID is the incident and the code, and SEQUENCE the incident's
 * version, so that a calendar imported again after a re-assessment or a completion updates the same events; a
 * duty that a re-assessment removed stays as a cancelled event, so that an import also takes it away.
 */
@ApplicationScoped
public class CalendarExport {

    private static final DateTimeFormatter JA = DateTimeFormatter.ofPattern("uuuu年M月d日(E) HH:mm", Locale.JAPANESE);
    private static final int PAGE = 200;

    @Inject
    IncidentService incidents;

    @Inject
    ReminderConfig reminders;

    @Inject
    RuleEngine engine;

    /** One incident's duties. */
    public String incident(UUID id) {
        IncidentView incident = incidents.get(id);
        ICalendarLines cal = begin("インシデント対応の期限：" + label(incident));
        events(cal, incident, incidents.history(id));
        return cal.line("END", "VCALENDAR").toString();
    }

    /** The duties of every incident not closed. */
    public String open() {
        ICalendarLines cal = begin("インシデント対応の期限（対応中のすべて）");
        for (UUID id : openIncidents()) {
            IncidentView incident = incidents.get(id);
            if (incident.status() != IncidentStatus.CLOSED) {   // closed since it was listed
                events(cal, incident, incidents.history(id));
            }
        }
        return cal.line("END", "VCALENDAR").toString();
    }

    private List<UUID> openIncidents() {
        List<UUID> ids = new ArrayList<>();
        for (IncidentStatus status : IncidentStatus.values()) {
            if (status == IncidentStatus.CLOSED) {
                continue;
            }
            for (int page = 0; ; page++) {
                Page<IncidentSummary> p = incidents.list(status, null, null, null, null, null, page, PAGE);
                p.items().forEach(s -> ids.add(s.id()));
                if ((long) (page + 1) * PAGE >= p.total()) {
                    break;
                }
            }
        }
        return ids;
    }

    private static ICalendarLines begin(String name) {
        return new ICalendarLines()
                .line("BEGIN", "VCALENDAR")
                .line("VERSION", "2.0")
                .line("PRODID", "-//incident-decision//incident calendar//JA")
                .line("CALSCALE", "GREGORIAN")
                .text("NAME", name)
                .text("X-WR-CALNAME", name)
                .line("X-WR-TIMEZONE", ICalendarLines.TZID)
                .lines(ICalendarLines.TIMEZONE);
    }

    private void events(ICalendarLines cal, IncidentView incident, List<HistoryEntry> history) {
        Map<String, Item> items = incident.assessment().items().stream()
                .collect(Collectors.toMap(Item::code, Function.identity(), (a, b) -> a));
        Set<String> dated = new HashSet<>();
        for (ItemProgress p : incident.progress()) {
            Item item = items.get(p.code());
            if (p.dueAt() != null && item.status() != ItemStatus.RECOMMENDED) {
                dated.add(p.code());
                event(cal, incident, item, p);
            }
        }
        lostDates(history).forEach((code, lastDue) -> {
            if (!dated.contains(code)) {
                cancelled(cal, incident, code, lastDue);
            }
        });
    }

    private void event(ICalendarLines cal, IncidentView incident, Item item, ItemProgress p) {
        boolean closed = incident.status() == IncidentStatus.CLOSED;
        String title = item.title().ja();
        String prefix;
        String status;
        String state;
        switch (p.state()) {
            case DONE -> {
                prefix = "【完了】";
                status = "CONFIRMED";
                var c = p.completion();
                state = "完了（" + jst(c.at()) + "、" + c.by() + (c.reference() == null ? "" : "、受付番号等 " + c.reference()) + "）";
            }
            case NOT_APPLICABLE -> {
                prefix = "【対象外】";
                status = "CANCELLED";
                state = "対象外（" + p.notApplicable().reason() + "。" + p.notApplicable().by() + "、" + jst(p.notApplicable().at()) + "）";
            }
            default -> {
                prefix = closed ? "【終了】" : item.status() == ItemStatus.CONDITIONAL ? "【期限・条件付き】" : "【期限】";
                status = closed ? "CANCELLED" : item.status() == ItemStatus.CONDITIONAL ? "TENTATIVE" : "CONFIRMED";
                state = closed ? "インシデントは完了しています" : "未完了";
            }
        }
        List<String> description = new ArrayList<>();
        description.add("期限：" + jst(p.dueAt()));
        description.add("区分：" + (item.status() == ItemStatus.CONDITIONAL
                ? "条件付き（確認待ちの事実への回答によって要否が決まります）" : "必須"));
        if (item.recipient() != null) {
            description.add("宛先：" + item.recipient().name().ja());
        }
        if (p.assignee() != null) {
            description.add("担当：" + p.assignee());
        }
        description.add("状況：" + state);
        description.add("インシデント：" + label(incident) + "（管理番号 " + incident.id() + "）");
        description.add("");
        description.add(item.detail().ja());
        begin(cal, incident, p.code(), p.dueAt())
                .text("SUMMARY", prefix + title + "｜" + label(incident))
                .text("DESCRIPTION", String.join("\n", description))
                .line("STATUS", status)
                .line("TRANSP", "TRANSPARENT");
        if (!closed && (p.state() == jp.smeir.incident.IncidentViews.State.OPEN
                || p.state() == jp.smeir.incident.IncidentViews.State.OVERDUE)) {
            for (Duration lead : leadTimes(p.code())) {
                cal.line("BEGIN", "VALARM")
                        .line("ACTION", "DISPLAY")
                        .line("TRIGGER", ICalendarLines.before(lead))
                        .text("DESCRIPTION", "期限まであと" + japanese(lead) + "：" + title)
                        .line("END", "VALARM");
            }
        }
        cal.line("END", "VEVENT");
    }

    /** A duty a re-assessment removed (or left without a date): cancelled at its last deadline. */
    private void cancelled(ICalendarLines cal, IncidentView incident, String code, OffsetDateTime lastDue) {
        Catalogue.Entry entry = engine.ruleBase().catalogue().items().get(code);
        String title = entry == null ? "以前の評価にあった期限" : entry.title().ja();
        begin(cal, incident, code, lastDue)
                .text("SUMMARY", "【取消】" + title + "｜" + label(incident))
                .text("DESCRIPTION", "事実の更新による再評価で、この期限はなくなりました。\nインシデント：" + label(incident)
                        + "（管理番号 " + incident.id() + "）")
                .line("STATUS", "CANCELLED")
                .line("TRANSP", "TRANSPARENT")
                .line("END", "VEVENT");
    }

    private static ICalendarLines begin(ICalendarLines cal, IncidentView incident, String code, OffsetDateTime at) {
        return cal.line("BEGIN", "VEVENT")
                .text("UID", incident.id() + "-" + code + "@incident-decision")
                .utc("DTSTAMP", incident.updatedAt().toInstant())
                .utc("LAST-MODIFIED", incident.updatedAt().toInstant())
                .line("SEQUENCE", Long.toString(incident.version()))
                .local("DTSTART", at);
    }

    /**
     * The codes whose deadline a re-assessment took away (removed, or changed to none), each with its last
     * deadline, from the differences in the history.
     */
    static Map<String, OffsetDateTime> lostDates(List<HistoryEntry> history) {
        Map<String, OffsetDateTime> last = new LinkedHashMap<>();
        for (HistoryEntry h : history) {
            if (h.type() != IncidentEvent.Type.REASSESSED) {
                continue;
            }
            JsonNode difference = h.data().path("difference");
            for (JsonNode removed : difference.path("removed")) {
                if (removed.hasNonNull("dueAt")) {
                    last.put(removed.path("code").asText(), OffsetDateTime.parse(removed.path("dueAt").asText()));
                }
            }
            for (JsonNode changed : difference.path("changed")) {
                JsonNode due = changed.hasNonNull("toDueAt") ? changed.path("toDueAt") : changed.path("fromDueAt");
                if (!due.isMissingNode() && !due.isNull()) {
                    last.put(changed.path("code").asText(), OffsetDateTime.parse(due.asText()));
                }
            }
        }
        return last;
    }

    private List<Duration> leadTimes(String code) {
        return Stream.concat(reminders.leadTimes().stream(), reminders.codeLeadTimes().getOrDefault(code, List.of()).stream())
                .distinct().sorted(Comparator.reverseOrder()).toList();
    }

    private static String japanese(Duration lead) {
        long minutes = lead.toMinutes();
        // 24時間 reads as the reminder is configured; from two days on, days are easier to take in
        if (minutes >= 48 * 60 && minutes % (24 * 60) == 0) {
            return minutes / (24 * 60) + "日";
        }
        return (minutes >= 60 ? minutes / 60 + "時間" : "") + (minutes % 60 > 0 || minutes == 0 ? minutes % 60 + "分" : "");
    }

    private static String label(IncidentView incident) {
        return incident.title() == null || incident.title().isBlank() ? "件名なし" : incident.title();
    }

    private static String jst(OffsetDateTime t) {
        return JA.format(t.atZoneSameInstant(JapaneseCalendar.JST));
    }
}
