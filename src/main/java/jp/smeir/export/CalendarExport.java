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
 * The timed duties of incidents as an iCalendar (RFC 5545), in Japanese: one VEVENT per REQUIRED or CONDITIONAL
 * item at its legal deadline or, without one, at the service's working target (marked 【目標】 and said not to be
 * law), with an alarm at each reminder lead time. The UID is the incident and the code, and SEQUENCE the
 * incident's version, so that a calendar imported again after a re-assessment or a completion updates the same
 * events; a duty that a re-assessment removed stays as a cancelled event, so that an import also takes it away.
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
                // the total is counted only up to a limit: a page not full is the last one
                if (p.items().size() < PAGE) {
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
        Set<String> timed = new HashSet<>();
        for (ItemProgress p : incident.progress()) {
            Item item = items.get(p.code());
            if (item.dueOrTargetAt() != null && item.status() != ItemStatus.RECOMMENDED) {
                timed.add(p.code());
                event(cal, incident, item, p);
            }
        }
        removed(history).forEach((code, at) -> {
            if (!timed.contains(code)) {
                cancelled(cal, incident, code, at);
            }
        });
    }

    private void event(ICalendarLines cal, IncidentView incident, Item item, ItemProgress p) {
        boolean closed = incident.status() == IncidentStatus.CLOSED;
        boolean target = item.dueAt() == null;
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
                prefix = closed ? "【終了】" : "【" + (target ? "目標" : "期限") + (item.status() == ItemStatus.CONDITIONAL ? "・条件付き】" : "】");
                status = closed ? "CANCELLED" : item.status() == ItemStatus.CONDITIONAL ? "TENTATIVE" : "CONFIRMED";
                state = closed ? "インシデントは完了しています" : "未完了";
            }
        }
        List<String> description = new ArrayList<>();
        if (target) {
            description.add("目標：" + jst(item.targetAt()));
            description.add(item.targetBasis() != null ? item.targetBasis().ja() : "このサービスが示す作業目標です。法令上の期限ではありません。");
        } else {
            description.add("期限：" + jst(item.dueAt()));
        }
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
        begin(cal, incident, p.code(), item.dueOrTargetAt())
                .text("SUMMARY", prefix + title + "｜" + label(incident))
                .text("DESCRIPTION", String.join("\n", description))
                .line("STATUS", status)
                .line("TRANSP", "TRANSPARENT");
        if (!closed && (p.state() == jp.smeir.incident.IncidentViews.State.OPEN
                || p.state() == jp.smeir.incident.IncidentViews.State.OVERDUE)) {
            for (Duration lead : leadTimes(p.code())) {
                // as the reminders: a target counts from awareAt, and an alarm before that would be no reminder
                if (target && !item.targetAt().minus(lead).isAfter(incident.assessment().awareAt())) {
                    continue;
                }
                cal.line("BEGIN", "VALARM")
                        .line("ACTION", "DISPLAY")
                        .line("TRIGGER", ICalendarLines.before(lead))
                        .text("DESCRIPTION", (target ? "目標" : "期限") + "まであと" + japanese(lead) + "：" + title)
                        .line("END", "VALARM");
            }
        }
        cal.line("END", "VEVENT");
    }

    /** A duty a re-assessment removed (or made advice): cancelled, at its last deadline when one is known. */
    private void cancelled(ICalendarLines cal, IncidentView incident, String code, OffsetDateTime at) {
        Catalogue.Entry entry = engine.ruleBase().catalogue().items().get(code);
        String title = entry == null ? "以前の評価にあった項目" : entry.title().ja();
        begin(cal, incident, code, at)
                .text("SUMMARY", "【取消】" + title + "｜" + label(incident))
                .text("DESCRIPTION", "事実の更新による再評価で、この項目は対応の必要がなくなりました。\nインシデント："
                        + label(incident) + "（管理番号 " + incident.id() + "）")
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
     * The duties a re-assessment took away (removed, or turned into advice), from the differences in the history:
     * each with its last legal deadline, or the time of that re-assessment when it had none (its event had a
     * working target, which the difference does not keep). Events of codes timed again later are written anew.
     */
    static Map<String, OffsetDateTime> removed(List<HistoryEntry> history) {
        Map<String, OffsetDateTime> removed = new LinkedHashMap<>();
        for (HistoryEntry h : history) {
            if (h.type() != IncidentEvent.Type.REASSESSED) {
                continue;
            }
            JsonNode difference = h.data().path("difference");
            for (JsonNode entry : difference.path("removed")) {
                if (!"RECOMMENDED".equals(entry.path("status").asText())) {
                    removed.put(entry.path("code").asText(), time(entry.path("dueAt"), h.at()));
                }
            }
            for (JsonNode change : difference.path("changed")) {
                if ("RECOMMENDED".equals(change.path("toStatus").asText())) {
                    removed.put(change.path("code").asText(), time(change.path("fromDueAt"), h.at()));
                }
            }
        }
        return removed;
    }

    private static OffsetDateTime time(JsonNode value, OffsetDateTime otherwise) {
        return value.isTextual() ? OffsetDateTime.parse(value.asText()) : otherwise;
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
