package jp.smeir.report;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Item;
import jp.smeir.engine.ItemStatus;
import jp.smeir.engine.Text;
import jp.smeir.facts.BreachStatus;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.facts.IncidentType;
import jp.smeir.facts.PersonalData;
import jp.smeir.incident.IncidentViews.ItemProgress;
import jp.smeir.incident.IncidentViews.State;
import jp.smeir.report.ReportModel.Category;
import jp.smeir.report.ReportModel.Decision;
import jp.smeir.report.ReportModel.DueGroup;
import jp.smeir.report.ReportModel.Row;
import jp.smeir.report.ReportModel.Summary;

/**
 * The parts of a draft that explain the answer rather than list it: the management summary (what happened, what
 * is due in the next 72 hours, what is due later), the decisions for management, and the reportable situations
 * (APPI categories) the rules derived, with why.
 */
final class Briefing {

    /** How far ahead the management summary names every deadline and target. */
    static final java.time.Duration SOON = java.time.Duration.ofHours(72);

    /**
     * A rule that derives an APPI category says so in its name ("… → APPI category ③ …"), and one that leaves it
     * unknown ends with "unknown"; the names are part of the rules' stable contract, and the stored assessment
     * keeps them in firedRules, so drafts of incidents stored long ago still show their categories.
     */
    private static final Pattern CATEGORY_RULE = Pattern.compile("→ APPI category ([①②③④])");
    private static final String CATEGORY_MARKS = "①②③④";
    private static final String IMPLIED = "these incident types imply a possible improper purpose";

    private final Labels labels;
    private final String lang;
    private final Because because;

    Briefing(Labels labels, String lang, Because because) {
        this.labels = labels;
        this.lang = lang;
        this.because = because;
    }

    Summary summary(Assessment a, IncidentFacts f, Map<String, ItemProgress> progress, Function<Item, Row> row,
                    OffsetDateTime now, Function<OffsetDateTime, String> time) {
        OffsetDateTime until = now.plus(SOON);
        Map<OffsetDateTime, List<Item>> soon = new java.util.TreeMap<>();
        Map<OffsetDateTime, List<Item>> later = new java.util.TreeMap<>();
        for (Item i : byPriority(a)) {
            // every item with a time: the REQUIRED and CONDITIONAL ones, possible advice (e.g. stopping a service) included
            if (i.status() == ItemStatus.RECOMMENDED || progress.get(i.code()).state() == State.DONE
                    || i.dueOrTargetAt() == null) {
                continue;
            }
            if (!i.dueOrTargetAt().isAfter(until)) {
                soon.computeIfAbsent(i.dueOrTargetAt(), t -> new ArrayList<>()).add(i);
            } else if (i.dueAt() != null) {
                later.computeIfAbsent(i.dueAt(), t -> new ArrayList<>()).add(i);
            }
        }
        PersonalData p = f.personalData();
        List<String> kinds = new ArrayList<>();
        addIfYes(kinds, p.sensitive(), "personalData.sensitive");
        addIfYes(kinds, p.cardData(), "personalData.cardData");
        addIfYes(kinds, p.myNumber(), "personalData.myNumber");
        addIfYes(kinds, p.financialHarmRisk(), "personalData.financialHarmRisk");
        List<String> impacts = new ArrayList<>();
        addIfYes(impacts, f.impact().systemDown(), "impact.systemDown");
        addIfYes(impacts, f.impact().businessStopped(), "impact.businessStopped");
        addIfYes(impacts, f.impact().customersAffected(), "impact.customersAffected");
        addIfYes(impacts, f.impact().partnersAffected(), "impact.partnersAffected");
        addIfYes(impacts, f.impact().publicImpact(), "impact.publicImpact");
        addIfYes(impacts, f.impact().damageSpreading(), "impact.damageSpreading");
        addIfYes(impacts, f.impact().medicalCareDisrupted(), "impact.medicalCareDisrupted");
        boolean breach = p.breach() == BreachStatus.CONFIRMED || p.breach() == BreachStatus.SUSPECTED;
        return new Summary(breach, kinds, impacts, groups(soon, now, row, time), time.apply(until), groups(later, now, row, time));
    }

    /** Items by the time they are due, each group in the order of urgency; a target and a deadline at one time are apart. */
    private static List<DueGroup> groups(Map<OffsetDateTime, List<Item>> byTime, OffsetDateTime now, Function<Item, Row> row,
                                         Function<OffsetDateTime, String> time) {
        List<DueGroup> groups = new ArrayList<>();
        byTime.forEach((t, items) -> {
            for (boolean target : new boolean[] {false, true}) {
                List<Row> rows = items.stream().filter(i -> (i.dueAt() == null) == target).map(row).toList();
                if (!rows.isEmpty()) {
                    groups.add(new DueGroup(time.apply(t), target, t.isBefore(now), rows));
                }
            }
        });
        return groups;
    }

    /** The items with a decision for management ({@code groups.decisions}), in the order of urgency. */
    List<Decision> decisions(Assessment a, Function<Item, Row> row) {
        Map<String, Text> topics = labels.groups().getOrDefault("decisions", Map.of());
        Map<String, Text> notes = labels.groups().getOrDefault("decisionNotes", Map.of());
        return byPriority(a).stream().filter(i -> topics.containsKey(i.code()))
                .map(i -> new Decision(Labels.pick(topics.get(i.code()), lang),
                        notes.containsKey(i.code()) ? Labels.pick(notes.get(i.code()), lang) : null, row.apply(i)))
                .toList();
    }

    /** The APPI categories the rules derived for certain, each with why; ③ says when it is presumed. */
    List<Category> categories(Assessment a, IncidentFacts f) {
        List<Category> categories = new ArrayList<>();
        PersonalData p = f.personalData();
        for (int n : derived(a, false)) {
            String name = name(n);
            categories.add(switch (n) {
                case 1 -> new Category(1, name, because.words("personalData.sensitive = true"), false, null);
                case 2 -> new Category(2, name, String.join(separator(), because.words(List.of(
                        Boolean.TRUE.equals(p.cardData()) ? "personalData.cardData = true" : "",
                        Boolean.TRUE.equals(p.financialHarmRisk()) ? "personalData.financialHarmRisk = true" : ""))), false, null);
                case 3 -> Boolean.TRUE.equals(p.improperPurpose())
                        ? new Category(3, name, because.words("personalData.improperPurpose = true"), false, null)
                        : new Category(3, name, String.join(separator(), impliedBy(a, f).stream()
                                .map(t -> labels.of("incidentTypes", t, lang)).toList()), true, labels.yesNo(p.improperPurpose(), lang));
                default -> new Category(4, name, p.affectedPersons() != null && p.affectedPersons() > 1000
                        ? because.words("personalData.affectedPersons = " + p.affectedPersons() + " > 1000")
                        : p.myNumberPersons() == null ? null : because.words("personalData.myNumberPersons = " + p.myNumberPersons() + " > 1000"),
                        false, null);
            });
        }
        return categories;
    }

    /** The names of the categories that hang on an unknown fact (none of their rules derived them for certain). */
    List<String> pendingCategories(Assessment a) {
        TreeSet<Integer> pending = derived(a, true);
        pending.removeAll(derived(a, false));
        return pending.stream().map(this::name).toList();
    }

    /** Whether ③ is derived for certain while the facts do not state an improper purpose: presumed from the type. */
    boolean improperPurposePresumed(Assessment a, IncidentFacts f) {
        return derived(a, false).contains(3) && !Boolean.TRUE.equals(f.personalData().improperPurpose());
    }

    private TreeSet<Integer> derived(Assessment a, boolean unknown) {
        TreeSet<Integer> numbers = new TreeSet<>();
        for (String rule : a.firedRules()) {
            Matcher m = CATEGORY_RULE.matcher(rule);
            if (m.find() && rule.endsWith(" unknown") == unknown) {
                numbers.add(CATEGORY_MARKS.indexOf(m.group(1)) + 1);
            }
        }
        return numbers;
    }

    /**
     * The incident types that imply ③: those the rules named in the reason just before saying so ("incidentTypes
     * contains RANSOMWARE", "these incident types imply …"); all the incident's types if no item says so.
     */
    private static List<IncidentType> impliedBy(Assessment a, IncidentFacts f) {
        for (Item i : a.items()) {
            int at = i.because().indexOf(IMPLIED);
            if (at > 0 && i.because().get(at - 1).startsWith("incidentTypes contains ")) {
                List<String> named = List.of(i.because().get(at - 1).substring("incidentTypes contains ".length()).split(", "));
                List<IncidentType> types = f.incidentTypes().stream().filter(t -> named.contains(t.name())).toList();
                if (!types.isEmpty()) {
                    return types;
                }
            }
        }
        return f.incidentTypes();
    }

    private String name(int n) {
        return labels.of("appiCategory", String.valueOf(n), lang);
    }

    private String separator() {
        return "en".equals(lang) ? "; " : "、";
    }

    private void addIfYes(List<String> out, Boolean fact, String path) {
        if (Boolean.TRUE.equals(fact)) {
            out.add(labels.of("facts", path, lang));
        }
    }

    private static List<Item> byPriority(Assessment a) {
        return a.items().stream().sorted(Comparator.comparing(Item::priority, Comparator.nullsLast(Comparator.naturalOrder()))).toList();
    }
}
