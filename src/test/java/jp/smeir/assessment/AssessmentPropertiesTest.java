package jp.smeir.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import jp.smeir.deadline.JapaneseCalendar;
import jp.smeir.engine.Catalogue;
import jp.smeir.engine.ItemKind;
import jp.smeir.engine.ItemStatus;
import jp.smeir.engine.RuleBase;
import jp.smeir.engine.Severity;
import jp.smeir.engine.Timing;
import jp.smeir.facts.BreachStatus;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.facts.IncidentType;
import jp.smeir.facts.Organization;
import jp.smeir.facts.PersonalData;
import jp.smeir.support.FactsArbitraries;
import jp.smeir.support.OneLanguage;
import jp.smeir.support.TestRules;

/** Invariants that must hold for any combination of facts, known or unknown. */
class AssessmentPropertiesTest {

    static final List<String> PERSONAL_DATA_DUTIES = List.of("PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT", "DATA_SUBJECT_NOTICE",
            "PUBLIC_NOTICE_IN_LIEU", "MY_NUMBER_REPORT", "GDPR_AUTHORITY_NOTICE", "GDPR_DATA_SUBJECT_NOTICE", "CONTROLLER_NOTICE");

    static final LocalDate APPI_REPORTING = LocalDate.of(2022, 4, 1);

    @Provide
    Arbitrary<IncidentFacts> facts() {
        return FactsArbitraries.facts();
    }

    static Assessment assess(IncidentFacts facts) {
        return Assessor.assess(TestRules.engine().evaluate(facts, facts.awareAt().plusHours(1)));
    }

    static Map<String, Item> byCode(Assessment a) {
        return a.items().stream().collect(Collectors.toMap(Item::code, i -> i));
    }

    @Property(tries = 1500)
    void noEvaluationThrowsAndEveryItemIsComplete(@ForAll("facts") IncidentFacts facts) {
        Assessment a = assess(facts);
        RuleBase base = TestRules.engine().ruleBase();
        Catalogue catalogue = base.catalogue();
        Set<String> seen = new HashSet<>();
        Set<String> asked = a.questions().stream().flatMap(q -> q.affects().stream()).collect(Collectors.toSet());
        for (Item item : a.items()) {
            assertThat(seen.add(item.code())).as("each code once: %s", item.code()).isTrue();
            assertThat(base.rules()).containsKey(item.rule());
            assertThat(item.basis()).isNotEmpty();
            assertThat(item.because()).isNotEmpty();
            assertThat(item.title().ja()).isNotBlank();
            assertThat(item.title().en()).isNotBlank();
            assertThat(item.detail().ja()).isNotBlank().doesNotContain("{due}", "{days}", "{moved}", "{points}");
            assertThat(item.detail().en()).isNotBlank().doesNotContain("{due}", "{days}", "{moved}", "{points}");
            assertThat(item.recipient() != null).as("recipient on %s", item.code())
                    .isEqualTo(catalogue.entry(item.code()).kind() != ItemKind.ACTION);
            assertThat(item.dueAt() != null).as("dueAt on %s", item.code()).isEqualTo(item.timing() == Timing.BY_DEADLINE);
            if (item.dueAt() != null) {
                assertThat(item.dueAt()).as("%s due after awareAt", item.code()).isAfter(facts.awareAt());
                assertThat(item.dueAt().getOffset().getTotalSeconds()).isEqualTo(9 * 3600);
            }
            if (item.status() == ItemStatus.CONDITIONAL) {
                assertThat(asked).as("a CONDITIONAL %s is explained by a question", item.code()).contains(item.code());
            }
            if (item.basis().stream().anyMatch(b -> !b.confirmed())) {
                assertThat(item.detail().en()).contains("To be verified");
                assertThat(item.detail().ja()).contains("【要確認】");
            }
            if (item.status() == ItemStatus.REQUIRED && item.mandatory()) {
                // a duty kept REQUIRED while an exemption is asked about says which answer lifts it (docs/legal-basis.md §16.3)
                a.questions().stream().filter(q -> q.affects().contains(item.code()) && catalogue.exemptions().containsKey(q.fact()))
                        .forEach(q -> assertThat(item.detail().ja()).as("%s says what lifts it", item.code())
                                .contains(catalogue.exemptions().get(q.fact()).ja()));
            }
        }
        a.questions().forEach(q -> {
            assertThat(q.question().ja()).isNotBlank();
            assertThat(q.affects()).isNotEmpty();
        });
        // every text in one language, whatever the facts and whichever day a deadline falls on (legal-basis §16.6)
        assertThat(OneLanguage.problems(TestRules.JSON.valueToTree(a))).isEmpty();
    }

    @Property(tries = 500)
    void aLargeBreachWithoutExemptionAlwaysRequiresThePreliminaryReport(@ForAll("facts") IncidentFacts any) {
        PersonalData p = any.normalized().personalData();
        Organization o = any.normalized().organization();
        IncidentFacts facts = new IncidentFacts(any.title(), any.awareAt(), null, any.externalReporter(), any.incidentTypes(),
                new Organization(o.sector(), Boolean.FALSE, o.cyberInsurance(), o.otasukeTaiSubscriber(), o.inHouseCapability(), o.designatedOperator(), null, o.privacyMarkOrAccreditedBodyMember()),
                new PersonalData(BreachStatus.SUSPECTED, 1001 + Math.abs(any.awareAt().getNano() % 100_000), p.sensitive(), p.financialHarmRisk(),
                        p.cardData(), p.myNumber(), p.improperPurpose(), Boolean.FALSE, p.euResidents(), p.exposedOnline(),
                        p.subjectsReachable(), Boolean.FALSE, p.myNumberPersons()),
                any.impact(), any.attack());
        Assessment a = assess(facts);
        Item report = byCode(a).get("PPC_PRELIMINARY_REPORT");
        LocalDate day = facts.awareAt().atZoneSameInstant(JapaneseCalendar.JST).toLocalDate();
        if (day.isBefore(APPI_REPORTING)) {
            // the law in force when the company became aware decides (docs/legal-basis.md §16.5)
            assertThat(report).as("no APPI report for an incident known before %s", APPI_REPORTING).isNull();
            assertThat(a.lawApplied()).extracting(LawApplied::id).doesNotContain("appi-reporting");
            return;
        }
        assertThat(report).isNotNull();
        assertThat(report.status()).isEqualTo(ItemStatus.REQUIRED);
        assertThat(report.dueAt()).isEqualTo(day.plusDays(5).atTime(23, 59, 59).atZone(JapaneseCalendar.JST).toOffsetDateTime());
        assertThat(a.lawApplied()).extracting(LawApplied::id).contains("appi-reporting");
        assertThat(a.watch()).extracting(Watch::id).containsExactly("appi-2026-amendment");
    }

    /** Every rule that fired is in force on the day of awareAt, and its law version is listed once. */
    @Property(tries = 500)
    void onlyRulesInForceOnTheDayOfAwarenessFire(@ForAll("facts") IncidentFacts facts) {
        Assessment a = assess(facts);
        RuleBase base = TestRules.engine().ruleBase();
        LocalDate day = facts.awareAt().atZoneSameInstant(JapaneseCalendar.JST).toLocalDate();
        Set<String> laws = new HashSet<>();
        for (String rule : a.firedRules()) {
            assertThat(base.rule(rule).inForce().covers(day)).as("%s in force on %s", rule, day).isTrue();
            laws.add(base.rule(rule).inForce().law());
        }
        assertThat(a.lawApplied()).extracting(LawApplied::id).containsExactlyInAnyOrderElementsOf(laws);
        boolean appiItem = a.items().stream().flatMap(i -> java.util.stream.Stream.concat(java.util.stream.Stream.of(i.rule()), i.alsoFrom().stream()))
                .anyMatch(rule -> base.rule(rule).inForce().law().equals("appi-reporting"));
        assertThat(a.watch().isEmpty()).as("the watch note on the APPI amendment goes with APPI items").isEqualTo(!appiItem);
    }

    @Property(tries = 500)
    void encryptedOrRecoveredDataNeverYieldsAPersonalDataReport(@ForAll("facts") IncidentFacts any) {
        PersonalData p = any.normalized().personalData();
        boolean encrypted = any.awareAt().getMinute() % 2 == 0;
        // encryption does not protect skimmed data (docs/legal-basis.md §1.3): that case is the next property's
        List<IncidentType> types = encrypted ? any.normalized().incidentTypes().stream().filter(t -> t != IncidentType.WEB_SKIMMING).toList()
                : any.incidentTypes();
        IncidentFacts facts = new IncidentFacts(any.title(), any.awareAt(), null, any.externalReporter(), types,
                any.organization(), new PersonalData(p.breach(), p.affectedPersons(), p.sensitive(), p.financialHarmRisk(),
                p.cardData(), p.myNumber(), p.improperPurpose(), encrypted ? Boolean.TRUE : p.encrypted(), p.euResidents(),
                p.exposedOnline(), p.subjectsReachable(), encrypted ? p.recoveredUnviewed() : Boolean.TRUE, p.myNumberPersons()),
                any.impact(), any.attack());
        // a processor still tells its controller as its contract requires: advice, not a statutory duty
        assertThat(assess(facts).items().stream().filter(Item::mandatory).map(Item::code)).doesNotContainAnyElementsOf(PERSONAL_DATA_DUTIES);
    }

    @Property(tries = 300)
    void encryptionNeverLiftsTheDutiesForSkimmedData(@ForAll("facts") IncidentFacts any) {
        PersonalData p = any.normalized().personalData();
        Organization o = any.normalized().organization();
        IncidentFacts facts = new IncidentFacts(any.title(), any.awareAt(), null, any.externalReporter(), List.of(IncidentType.WEB_SKIMMING),
                new Organization(o.sector(), Boolean.FALSE, o.cyberInsurance(), o.otasukeTaiSubscriber(), o.inHouseCapability(), o.designatedOperator(), null, o.privacyMarkOrAccreditedBodyMember()),
                new PersonalData(BreachStatus.CONFIRMED, 1001, p.sensitive(), p.financialHarmRisk(), p.cardData(), p.myNumber(), p.improperPurpose(),
                        Boolean.TRUE, p.euResidents(), p.exposedOnline(), p.subjectsReachable(), Boolean.FALSE, p.myNumberPersons()),
                any.impact(), any.attack());
        Item report = byCode(assess(facts)).get("PPC_PRELIMINARY_REPORT");
        if (!facts.awareAt().atZoneSameInstant(JapaneseCalendar.JST).toLocalDate().isBefore(APPI_REPORTING)) {
            assertThat(report).isNotNull();
            assertThat(report.status()).isEqualTo(ItemStatus.REQUIRED);
        }
    }

    @Property(tries = 300)
    void noBreachMeansNoPersonalDataDuty(@ForAll("facts") IncidentFacts any) {
        PersonalData p = any.normalized().personalData();
        IncidentFacts facts = new IncidentFacts(any.title(), any.awareAt(), null, any.externalReporter(), any.incidentTypes(),
                any.organization(), new PersonalData(BreachStatus.NONE, p.affectedPersons(), p.sensitive(), p.financialHarmRisk(),
                p.cardData(), p.myNumber(), p.improperPurpose(), p.encrypted(), p.euResidents(), p.exposedOnline(),
                p.subjectsReachable(), p.recoveredUnviewed(), p.myNumberPersons()), any.impact(), any.attack());
        Assessment a = assess(facts);
        Map<String, Item> items = byCode(a);
        boolean contradicted = a.questions().stream().anyMatch(q -> q.fact().equals("personalData.breach"));
        if (!contradicted) {
            assertThat(items.keySet()).doesNotContainAnyElementsOf(PERSONAL_DATA_DUTIES).doesNotContain("CARD_ACQUIRER_NOTICE", "FSA_REPORT");
            return;
        }
        // breach NONE with a type that is a leak by definition: asked about, and nothing it triggers is certain (docs/legal-basis.md §16.4)
        assertThat(facts.normalized().incidentTypes()).containsAnyOf(IncidentType.MISDELIVERY, IncidentType.MISPUBLICATION, IncidentType.DEVICE_THEFT);
        for (String code : PERSONAL_DATA_DUTIES) {
            if (items.containsKey(code)) {
                assertThat(items.get(code).status()).as(code).isEqualTo(ItemStatus.CONDITIONAL);
            }
        }
    }

    @Property(tries = 300)
    void aProcessorWhoseAffectedDataIsAllEntrustedNeverReportsToThePpcItself(@ForAll("facts") IncidentFacts any) {
        Organization o = any.normalized().organization();
        IncidentFacts facts = new IncidentFacts(any.title(), any.awareAt(), null, any.externalReporter(), any.incidentTypes(),
                new Organization(o.sector(), Boolean.TRUE, o.cyberInsurance(), o.otasukeTaiSubscriber(), o.inHouseCapability(), o.designatedOperator(), Boolean.FALSE, o.privacyMarkOrAccreditedBodyMember()),
                any.personalData(), any.impact(), any.attack());
        assertThat(byCode(assess(facts)).keySet()).doesNotContain("PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT", "MY_NUMBER_REPORT",
                "GDPR_AUTHORITY_NOTICE", "DATA_SUBJECT_NOTICE");
    }

    /** The processor exemption covers only the data entrusted to it: for its own data it reports as any controller. */
    @Property(tries = 300)
    void aProcessorWithDataOfItsOwnReportsAsTheOrganisationWouldWithoutOutsourcing(@ForAll("facts") IncidentFacts any) {
        Organization o = any.normalized().organization();
        IncidentFacts processor = new IncidentFacts(any.title(), any.awareAt(), null, any.externalReporter(), any.incidentTypes(),
                new Organization(o.sector(), Boolean.TRUE, o.cyberInsurance(), o.otasukeTaiSubscriber(), o.inHouseCapability(), o.designatedOperator(), Boolean.TRUE, o.privacyMarkOrAccreditedBodyMember()),
                any.personalData(), any.impact(), any.attack());
        IncidentFacts controller = new IncidentFacts(any.title(), any.awareAt(), null, any.externalReporter(), any.incidentTypes(),
                new Organization(o.sector(), Boolean.FALSE, o.cyberInsurance(), o.otasukeTaiSubscriber(), o.inHouseCapability(), o.designatedOperator(), null, o.privacyMarkOrAccreditedBodyMember()),
                any.personalData(), any.impact(), any.attack());
        Map<String, Item> asProcessor = byCode(assess(processor));
        Map<String, Item> asController = byCode(assess(controller));
        for (String code : List.of("PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT", "MY_NUMBER_REPORT", "GDPR_AUTHORITY_NOTICE", "DATA_SUBJECT_NOTICE")) {
            assertThat(asProcessor.containsKey(code)).as(code).isEqualTo(asController.containsKey(code));
            if (asController.containsKey(code)) {
                assertThat(asProcessor.get(code).status()).as(code).isEqualTo(asController.get(code).status());
            }
        }
    }

    @Property(tries = 1000)
    void deadlinesFollowTheirLegalCounts(@ForAll("facts") IncidentFacts facts) {
        Map<String, Item> items = byCode(assess(facts));
        LocalDate awareDay = facts.awareAt().atZoneSameInstant(JapaneseCalendar.JST).toLocalDate();
        Item fin = items.get("PPC_FINAL_REPORT");
        if (fin != null) {
            ZonedDateTime due = fin.dueAt().atZoneSameInstant(JapaneseCalendar.JST);
            assertThat(due.toLocalDate()).as("day 30 or 60 after the day of awareness, moved to the next open day")
                    .isIn(JapaneseCalendar.nextOpenDay(awareDay.plusDays(30)), JapaneseCalendar.nextOpenDay(awareDay.plusDays(60)));
            assertThat(due.toLocalTime().toString()).isEqualTo("23:59:59");
        }
        Item gdpr = items.get("GDPR_AUTHORITY_NOTICE");
        if (gdpr != null) {
            assertThat(gdpr.dueAt().toInstant()).isEqualTo(facts.awareAt().plusHours(72).toInstant());
        }
    }

    @Property(tries = 500)
    void aCertainDutyMakesTheIncidentAtLeastHigh(@ForAll("facts") IncidentFacts facts) {
        Assessment a = assess(facts);
        if (a.items().stream().anyMatch(i -> i.status() == ItemStatus.REQUIRED && i.mandatory())) {
            assertThat(a.severity()).isGreaterThanOrEqualTo(Severity.HIGH);
        }
    }

    /** Sessions come from a pool and are reset when disposed: nothing of one evaluation may leak into the next. */
    @Property(tries = 200)
    void theSameFactsGiveTheSameAnswer(@ForAll("facts") IncidentFacts facts, @ForAll("facts") IncidentFacts other) {
        OffsetDateTime at = facts.awareAt().plusHours(2);
        Assessment first = Assessor.assess(TestRules.engine().evaluate(facts, at));
        TestRules.engine().evaluate(other, other.awareAt());
        Assessment second = Assessor.assess(TestRules.engine().evaluate(facts, at));
        assertThat(second).isEqualTo(first);
    }
}
