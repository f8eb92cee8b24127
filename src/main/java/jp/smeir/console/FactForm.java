package jp.smeir.console;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.smeir.deadline.JapaneseCalendar;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.facts.IncidentType;
import jp.smeir.problem.FieldError;
import jp.smeir.problem.InvalidInputException;
import jp.smeir.problem.ProblemMapper;

/**
 * The facts as a form, grouped as the API groups them: every fact is unknown until someone says otherwise. Reads
 * a posted form (or pasted JSON) into {@link IncidentFacts} through the same strict JSON reading as the API, so a
 * wrong value is refused with the same field name.
 */
@ApplicationScoped
public class FactForm {

    /** The form field that holds pasted JSON; when it is filled, it replaces the form's facts. */
    static final String PASTED = "json";

    /** How a fact is asked: the template draws TYPES, TEXT, TIME and NUMBER as such, and a choice of options else. */
    enum Kind { TEXT, TIME, YES_NO, NUMBER, TYPES, CHOICE }

    /**
     * One fact of the form: its JSON path and how it is asked; for a CHOICE, the codes offered, whose words are
     * {@code <last part of the path>.<code>} (sector.MEDICAL, breach.CONFIRMED).
     */
    record Def(String path, Kind kind, List<String> codes) {
        String group() {
            int dot = path.indexOf('.');
            return dot < 0 ? "incident" : path.substring(0, dot);
        }

        String name() {
            return path.substring(path.lastIndexOf('.') + 1);
        }
    }

    /**
     * Every fact, read from {@link IncidentFacts} and the records it holds, in their order: a fact added to the API
     * is on the form at once, and a fact the form cannot ask stops the start rather than being dropped at the
     * next edit.
     */
    static final List<Def> FIELDS = placed(facts(IncidentFacts.class, ""),
            Map.of("personalData.myNumberPersons", "personalData.myNumber", "organization.ownDataAffected", "organization.dataProcessor"));

    /** The groups, in the order of their first fact. */
    static final List<String> GROUPS = FIELDS.stream().map(Def::group).distinct().toList();

    /**
     * The facts with each one that refines another moved right after it: the number of persons whose My Number
     * leaked after "My Number included", so that 「そのうち」 reads after what it counts, and whether the company's own
     * data was affected after "handles data entrusted by others", of which it is asked.
     */
    private static List<Def> placed(List<Def> defs, Map<String, String> after) {
        List<Def> placed = new ArrayList<>(defs.stream().filter(d -> !after.containsKey(d.path())).toList());
        after.forEach((fact, anchor) -> {
            Def moved = defs.stream().filter(d -> d.path().equals(fact)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no fact " + fact + " to place"));
            int at = placed.stream().map(Def::path).toList().indexOf(anchor);
            if (at < 0) {
                throw new IllegalStateException("no fact " + anchor + " to place " + fact + " after");
            }
            placed.add(at + 1, moved);
        });
        return List.copyOf(placed);
    }

    private static List<Def> facts(Class<?> record, String prefix) {
        List<Def> defs = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            String path = prefix + c.getName();
            Class<?> type = c.getType();
            if (type.isRecord()) {
                defs.addAll(facts(type, path + "."));
            } else if (type == String.class) {
                defs.add(new Def(path, Kind.TEXT, List.of()));
            } else if (type == OffsetDateTime.class) {
                defs.add(new Def(path, Kind.TIME, List.of()));
            } else if (type == Boolean.class) {
                defs.add(new Def(path, Kind.YES_NO, List.of()));
            } else if (type == Integer.class) {
                defs.add(new Def(path, Kind.NUMBER, List.of()));
            } else if (type.isEnum()) {
                defs.add(new Def(path, Kind.CHOICE, Arrays.stream(type.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList()));
            } else if (type == List.class && c.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] == IncidentType.class) {
                defs.add(new Def(path, Kind.TYPES, Arrays.stream(IncidentType.values()).map(Enum::name).toList()));
            } else {
                throw new IllegalStateException("the console's form cannot ask the fact " + path + " of type " + c.getGenericType());
            }
        }
        return defs;
    }

    /** One choice of a field. */
    public record Option(String value, String label, boolean selected) {
    }

    /** One fact as the form shows it: its name, its words, its value ("" for unknown) and its choices. */
    public record Field(String name, String id, String label, String kind, String value, List<Option> options) {
    }

    /** The facts of one group. */
    public record Group(String name, String label, List<Field> fields) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** The form for these facts (null: a new incident, aware now). */
    public List<Group> groups(IncidentFacts facts, Texts t) {
        return groups(facts == null ? json.createObjectNode().put("awareAt", nowInJapan()) : json.valueToTree(facts), t);
    }

    /** The form as it was posted, values that were refused included, so that nothing typed is lost. */
    public List<Group> groups(MultivaluedMap<String, String> posted, Texts t) {
        return groups(tree(posted), t);
    }

    private List<Group> groups(JsonNode values, Texts t) {
        List<Group> groups = new ArrayList<>();
        for (String group : GROUPS) {
            List<Field> fields = FIELDS.stream().filter(d -> d.group().equals(group)).map(d -> field(d, values, t)).toList();
            groups.add(new Group(group, t.word("group." + group), fields));
        }
        return groups;
    }

    /** The field for one fact path (a question's fact, maybe with "#what it contradicts"), or null if the form has none. */
    public Field field(String factPath, IncidentFacts facts, Texts t) {
        String path = factPath.contains("#") ? factPath.substring(0, factPath.indexOf('#')) : factPath;
        JsonNode values = facts == null ? json.createObjectNode() : json.valueToTree(facts);
        return FIELDS.stream().filter(d -> d.path().equals(path)).findFirst().map(d -> field(d, values, t)).orElse(null);
    }

    /** The facts of a posted form, or of the JSON pasted into it; 400 naming the field at fault. */
    public IncidentFacts read(MultivaluedMap<String, String> form) {
        String pasted = form.getFirst(PASTED);
        JsonNode tree = pasted != null && !pasted.isBlank() ? parse(pasted) : tree(form);
        if (!tree.isObject()) {
            throw InvalidInputException.of("", "a JSON object with the incident facts is required");
        }
        try {
            return json.treeToValue(tree, IncidentFacts.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(List.of(ProblemMapper.fieldError(e)));
        }
    }

    private JsonNode parse(String pasted) {
        try {
            return json.readTree(pasted);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(List.of(new FieldError(PASTED, "is not JSON (line " + e.getLocation().getLineNr() + ")")));
        }
    }

    private ObjectNode tree(MultivaluedMap<String, String> form) {
        ObjectNode root = json.createObjectNode();
        for (Def d : FIELDS) {
            List<String> given = form.getOrDefault(d.path(), List.of()).stream().filter(v -> v != null && !v.isBlank()).toList();
            if (given.isEmpty()) {
                continue;
            }
            ObjectNode parent = root;
            String[] parts = d.path().split("\\.");
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.has(parts[i]) ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
            }
            String key = parts[parts.length - 1];
            String value = given.get(0).strip();
            switch (d.kind()) {
                case YES_NO -> {
                    if (value.equals("true") || value.equals("false")) {
                        parent.put(key, Boolean.parseBoolean(value));
                    } else {
                        parent.put(key, value);
                    }
                }
                case NUMBER -> {
                    if (value.matches("-?\\d{1,9}")) {
                        parent.put(key, Integer.parseInt(value));
                    } else {
                        parent.put(key, value);
                    }
                }
                case TIME -> parent.put(key, value.length() == 16 ? value + ":00+09:00" : value.length() == 19 ? value + "+09:00" : value);
                case TYPES -> {
                    ArrayNode types = parent.putArray(key);
                    given.forEach(types::add);
                }
                default -> parent.put(key, value);
            }
        }
        return root;
    }

    private Field field(Def d, JsonNode values, Texts t) {
        JsonNode node = values.at("/" + d.path().replace('.', '/'));
        String value = node.isMissingNode() || node.isNull() ? "" : node.isArray() ? "" : node.asText();
        List<Option> options = switch (d.kind()) {
            case YES_NO -> List.of(new Option("", t.word("unknown"), value.isEmpty()),
                    new Option("true", t.word("yes"), value.equals("true")), new Option("false", t.word("no"), value.equals("false")));
            case CHOICE -> choices(d.codes(), d.name(), value, t);
            case TYPES -> d.codes().stream().map(type -> new Option(type, t.word("type." + type),
                    node.isArray() && node.toString().contains("\"" + type + "\""))).toList();
            default -> List.of();
        };
        if (d.kind() == Kind.TIME && !value.isEmpty()) {
            try {
                value = JapaneseCalendar.inJapan(OffsetDateTime.parse(value).toInstant()).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
            } catch (java.time.format.DateTimeParseException e) {
                // shown as it was typed: the refusal says what is wrong with it
            }
        }
        return new Field(d.path(), "f-" + d.path().replace('.', '-'), t.word("fact." + d.path()), d.kind().name(), value, options);
    }

    private static List<Option> choices(List<String> codes, String kind, String value, Texts t) {
        List<Option> options = new ArrayList<>();
        options.add(new Option("", t.word("unknown"), value.isEmpty()));
        codes.forEach(c -> options.add(new Option(c, t.word(kind + "." + c), value.equals(c))));
        return options;
    }

    private String nowInJapan() {
        return JapaneseCalendar.inJapan(clock.instant().truncatedTo(ChronoUnit.MINUTES)).toString();
    }

    /** The labels of the facts whose posted value differs from the stored one: what a stale edit would overwrite. */
    public List<String> differing(MultivaluedMap<String, String> posted, IncidentFacts stored, Texts t) {
        JsonNode mine = tree(posted);
        JsonNode theirs = json.valueToTree(stored);
        return FIELDS.stream().filter(d -> !shown(field(d, mine, t)).equals(shown(field(d, theirs, t))))
                .map(d -> t.word("fact." + d.path())).toList();
    }

    private static String shown(Field f) {
        return f.value() + f.options().stream().filter(o -> o.selected() && f.kind().equals("TYPES")).map(Option::value).toList();
    }

    /** The same form with one fact answered: what a question answered in place sends. */
    static MultivaluedMap<String, String> answered(MultivaluedMap<String, String> form, String path, String value) {
        var copy = new jakarta.ws.rs.core.MultivaluedHashMap<String, String>();
        form.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
        copy.putSingle(path, value);
        return copy;
    }
}
