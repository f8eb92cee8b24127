package jp.smeir.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.assessment.Item;
import jp.smeir.incident.AssessmentDiff;
import jp.smeir.incident.IncidentEvent;
import jp.smeir.incident.IncidentService;
import jp.smeir.incident.IncidentStatus;
import jp.smeir.incident.IncidentViews.HistoryEntry;
import jp.smeir.incident.IncidentViews.IncidentView;
import jp.smeir.incident.IncidentViews.ItemProgress;
import jp.smeir.incident.IncidentViews.State;

/** One incident as its page shows it: the header, the items with their progress, the history, in words. */
@ApplicationScoped
public class IncidentModel {

    /** One item and where it stands. */
    public record Row(String code, String title, String status, String statusCode, String when, String whenKind, String state,
                      String stateCode, String mark, String assignee, boolean open) {
    }

    /** One entry of the history time line. */
    public record Entry(String at, String actor, String what, List<String> lines) {
    }

    @Inject
    IncidentService incidents;

    @Inject
    Titles titles;

    @Inject
    ObjectMapper json;

    /** The page's data for the incident as it is stored now. */
    Map<String, Object> of(IncidentView view, Texts t) {
        Map<String, Object> data = new HashMap<>();
        data.put("incident", view);
        data.put("title", view.title() == null || view.title().isBlank() ? t.word("untitled") : view.title());
        data.put("status", t.name("incident", view.status(), ""));
        data.put("severity", t.name("severity", view.severity(), ""));
        data.put("severityCode", view.severity() == null ? "" : view.severity().name());
        data.put("opened", t.time(view.openedAt()));
        data.put("updated", t.time(view.updatedAt()));
        data.put("nextDue", t.time(view.nextDueAt()));
        data.put("nextTarget", t.time(view.nextTargetAt()));
        Map<String, Item> items = new HashMap<>();
        view.assessment().items().forEach(i -> items.put(i.code(), i));
        data.put("rows", view.progress().stream()
                .sorted(java.util.Comparator.comparing(p -> priority(items.get(p.code()))))
                .map(p -> row(p, items.get(p.code()), t)).toList());
        data.put("history", history(view.id(), t));
        data.put("nextStatuses", Arrays.stream(IncidentStatus.values()).filter(s -> view.status().canMoveTo(s))
                .map(s -> new FactForm.Option(s.name(), t.name("incident", s, ""), false)).toList());
        data.put("changes", view.difference() == null ? List.of() : Answer.changes(view.difference(), titles, t));
        return data;
    }

    private static int priority(Item item) {
        return item == null || item.priority() == null ? Integer.MAX_VALUE : item.priority();
    }

    private static Row row(ItemProgress p, Item item, Texts t) {
        String when = p.dueAt() != null ? t.time(p.dueAt()) : t.time(p.targetAt());
        String whenKind = p.dueAt() != null ? t.word("due") : p.targetAt() != null ? t.word("target") : "";
        String mark = p.completion() != null ? t.word("done_by").formatted(p.completion().by())
                + (p.completion().note() == null ? "" : " — " + p.completion().note())
                : p.notApplicable() != null ? t.word("na_by").formatted(p.notApplicable().by(), p.notApplicable().reason()) : "";
        return new Row(p.code(), item == null ? "" : t.text(item.title()), t.name("status", p.status(), ""), p.status().name(), when,
                whenKind, t.name("state", p.state(), ""), p.state().name(), mark, p.assignee() == null ? "" : p.assignee(),
                p.state() == State.OPEN || p.state() == State.OVERDUE);
    }

    private List<Entry> history(UUID id, Texts t) {
        List<Entry> entries = new ArrayList<>();
        for (HistoryEntry e : incidents.history(id)) {
            entries.add(new Entry(t.time(e.at()), e.actor(), t.name("event", e.type(), ""), lines(e, t)));
        }
        java.util.Collections.reverse(entries);
        return entries;
    }

    /** What an entry's data says, in words: the item it concerns, the facts changed, the difference, a reason. */
    private List<String> lines(HistoryEntry e, Texts t) {
        JsonNode d = e.data();
        List<String> lines = new ArrayList<>();
        if (d == null) {
            return lines;
        }
        if (d.hasNonNull("code")) {
            lines.add(titles.of(d.get("code").asText(), t));
        }
        d.path("changes").forEach(c -> lines.add(t.word("fact." + c.path("field").asText())));
        if (d.has("difference")) {
            try {
                lines.addAll(Answer.changes(json.treeToValue(d.get("difference"), AssessmentDiff.class), titles, t));
            } catch (JsonProcessingException ex) {
                // an entry written by another version: its difference is left out, the entry stays
            }
        }
        if (e.type() == IncidentEvent.Type.STATUS_CHANGED) {
            lines.add(t.name("incident", d.path("from").asText(), "") + " → " + t.name("incident", d.path("to").asText(), ""));
        }
        if (e.type() == IncidentEvent.Type.ITEM_ASSIGNED) {
            lines.add(t.word("assignee") + ": " + (d.hasNonNull("to") ? d.get("to").asText() : t.word("none")));
        }
        for (String path : List.of("/reason", "/notApplicable/reason", "/completion/note")) {
            JsonNode reason = d.at(path);
            if (reason.isTextual() && !reason.asText().isBlank()) {
                lines.add(reason.asText());
            }
        }
        return lines;
    }
}
