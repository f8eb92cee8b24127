package jp.smeir.export;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import jp.smeir.assessment.Item;
import jp.smeir.incident.IncidentService;
import jp.smeir.incident.IncidentViews.IncidentView;
import jp.smeir.incident.IncidentViews.ItemProgress;

/**
 * An incident's items as CSV (RFC 4180): a header row of the JSON field names, one row per item in the order
 * of urgency (by priority, across the three lists), CRLF line ends, UTF-8 with a byte order mark so that Excel
 * reads the Japanese titles.
 * Text that people typed and that a spreadsheet would run as a formula (starting with = + - @) is prefixed
 * with an apostrophe (CSV injection).
 */
@ApplicationScoped
public class ItemsCsv {

    static final List<String> HEADER = List.of("code", "priority", "list", "stage", "status", "title", "timing", "dueAt", "targetAt",
            "state", "assignee",
            "completedBy", "completedAt", "completionReference", "completionNote",
            "notApplicableBy", "notApplicableAt", "notApplicableReason");

    private static final java.time.format.DateTimeFormatter SECONDS = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    @Inject
    IncidentService incidents;

    /** Titles in Japanese, or in English with {@code en}. */
    public String items(UUID id, boolean english) {
        IncidentView incident = incidents.get(id);
        Map<String, Item> items = incident.assessment().items().stream()
                .collect(Collectors.toMap(Item::code, Function.identity(), (a, b) -> a));
        StringBuilder out = new StringBuilder("\uFEFF");
        row(out, HEADER);
        // the three lists merged in the order of urgency, as their priorities number them
        List<ItemProgress> rows = incident.progress().stream().sorted(Comparator.comparing(
                (ItemProgress p) -> items.get(p.code()).priority(), Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        for (ItemProgress p : rows) {
            Item item = items.get(p.code());
            var c = p.completion();
            var na = p.notApplicable();
            List<String> cells = new ArrayList<>();
            cells.add(p.code());
            cells.add(item.priority() == null ? null : item.priority().toString());
            cells.add(p.list().name());
            cells.add(item.stage().name());
            cells.add(p.status().name());
            cells.add(english ? item.title().en() : item.title().ja());
            cells.add(p.timing().name());
            cells.add(time(p.dueAt()));
            cells.add(time(p.targetAt()));
            cells.add(p.state().name());
            cells.add(typed(p.assignee()));
            cells.add(c == null ? null : typed(c.by()));
            cells.add(c == null ? null : time(c.at()));
            cells.add(c == null ? null : typed(c.reference()));
            cells.add(c == null ? null : typed(c.note()));
            cells.add(na == null ? null : typed(na.by()));
            cells.add(na == null ? null : time(na.at()));
            cells.add(na == null ? null : typed(na.reason()));
            row(out, cells);
        }
        return out.toString();
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(cells.get(i)));
        }
        out.append("\r\n");
    }

    /** A field in double quotes when it holds a comma, quote or line break, with its quotes doubled. */
    static String quoted(String cell) {
        if (cell == null) {
            return "";
        }
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /** Caller-typed text that a spreadsheet would read as a formula, defused with a leading apostrophe. */
    static String typed(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** ISO-8601 to the second with the offset, as Excel and parsers read it. */
    private static String time(OffsetDateTime t) {
        return t == null ? null : SECONDS.format(t);
    }
}
