package jp.smeir.console;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.smeir.deadline.JapaneseCalendar;
import jp.smeir.facts.BreachStatus;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.facts.IncidentType;
import jp.smeir.facts.Sector;
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

    enum Kind { TEXT, TIME, YES_NO, NUMBER, TYPES, SECTOR, BREACH }

    record Def(String path, Kind kind) {
        String group() {
            int dot = path.indexOf('.');
            return dot < 0 ? "incident" : path.substring(0, dot);
        }
    }

    static final List<Def> FIELDS = List.of(
            new Def("title", Kind.TEXT), new Def("awareAt", Kind.TIME), new Def("occurredAt", Kind.TIME),
            new Def("externalReporter", Kind.YES_NO), new Def("incidentTypes", Kind.TYPES),
            new Def("organization.sector", Kind.SECTOR), new Def("organization.dataProcessor", Kind.YES_NO),
            new Def("organization.ownDataAffected", Kind.YES_NO), new Def("organization.privacyMarkOrAccreditedBodyMember", Kind.YES_NO),
            new Def("organization.cyberInsurance", Kind.YES_NO), new Def("organization.otasukeTaiSubscriber", Kind.YES_NO),
            new Def("organization.inHouseCapability", Kind.YES_NO), new Def("organization.designatedOperator", Kind.YES_NO),
            new Def("personalData.breach", Kind.BREACH), new Def("personalData.affectedPersons", Kind.NUMBER),
            new Def("personalData.myNumberPersons", Kind.NUMBER), new Def("personalData.sensitive", Kind.YES_NO),
            new Def("personalData.financialHarmRisk", Kind.YES_NO), new Def("personalData.cardData", Kind.YES_NO),
            new Def("personalData.myNumber", Kind.YES_NO), new Def("personalData.improperPurpose", Kind.YES_NO),
            new Def("personalData.encrypted", Kind.YES_NO), new Def("personalData.euResidents", Kind.YES_NO),
            new Def("personalData.exposedOnline", Kind.YES_NO), new Def("personalData.subjectsReachable", Kind.YES_NO),
            new Def("personalData.recoveredUnviewed", Kind.YES_NO),
            new Def("impact.systemDown", Kind.YES_NO), new Def("impact.businessStopped", Kind.YES_NO),
            new Def("impact.customersAffected", Kind.YES_NO), new Def("impact.partnersAffected", Kind.YES_NO),
            new Def("impact.publicImpact", Kind.YES_NO), new Def("impact.damageSpreading", Kind.YES_NO),
            new Def("impact.externallyAccessible", Kind.YES_NO), new Def("impact.medicalCareDisrupted", Kind.YES_NO),
            new Def("impact.telecomSecrecyLeak", Kind.YES_NO), new Def("impact.telecomSeriousOutage", Kind.YES_NO),
            new Def("attack.ransomDemanded", Kind.YES_NO), new Def("attack.moneyTransferred", Kind.YES_NO),
            new Def("attack.crimeSuspected", Kind.YES_NO), new Def("attack.stateSponsoredSuspected", Kind.YES_NO),
            new Def("attack.attackerInfrastructureKnown", Kind.YES_NO));

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
        for (String group : List.of("incident", "organization", "personalData", "impact", "attack")) {
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
            case SECTOR -> choices(Arrays.stream(Sector.values()).map(Enum::name).toList(), "sector", value, t);
            case BREACH -> choices(Arrays.stream(BreachStatus.values()).map(Enum::name).toList(), "breach", value, t);
            case TYPES -> Arrays.stream(IncidentType.values()).map(type -> new Option(type.name(), t.word("type." + type.name()),
                    node.isArray() && node.toString().contains("\"" + type.name() + "\""))).toList();
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
