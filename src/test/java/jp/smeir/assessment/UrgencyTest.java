package jp.smeir.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import jp.smeir.engine.ItemStatus;
import jp.smeir.engine.Timing;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.scenario.ScenarioSuite;
import jp.smeir.support.Cases;
import jp.smeir.support.TestRules;

/** The order of urgency, priorities, working targets and first steps, on the case and on every scenario. */
class UrgencyTest {

    static Assessment assess(IncidentFacts facts, OffsetDateTime at, WorkingTargets targets) {
        return Assessor.assess(TestRules.engine().evaluate(facts, at), targets);
    }

    static Assessment theCase() {
        IncidentFacts facts = Cases.facts(Cases.RANSOMWARE_MANUFACTURER);
        return assess(facts, facts.awareAt().plusMinutes(10), WorkingTargets.DEFAULT);
    }

    static Stream<ScenarioSuite.Entry> scenarios() {
        return TestRules.scenarios().stream();
    }

    static Assessment assess(ScenarioSuite.Entry entry) {
        IncidentFacts facts = entry.scenario().facts();
        OffsetDateTime at = entry.scenario().evaluatedAt() != null ? entry.scenario().evaluatedAt() : facts.awareAt().plusHours(1);
        return assess(facts, at, WorkingTargets.DEFAULT);
    }

    static Item item(Assessment a, String code) {
        return a.items().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theCaseStartsByDisconnectingAndPreservingEvidenceThenTheDutiesOfTheFirstDay() {
        Assessment a = theCase();

        assertThat(a.firstSteps()).extracting(FirstStep::code).containsExactly(
                "ISOLATE_FROM_NETWORK", "PRESERVE_EVIDENCE", "DO_NOT_POWER_OFF",
                "ISOLATE_CARD_DATA", "STOP_CARD_PROCESSING", "CARD_ACQUIRER_NOTICE", "DATA_SUBJECT_NOTICE");
        FirstStep first = a.firstSteps().get(0);
        assertThat(first.title().ja()).isEqualTo("ネットワークから切り離す");
        assertThat(first.title().en()).isNotBlank();
        assertThat(first.priority()).isEqualTo(item(a, "ISOLATE_FROM_NETWORK").priority());
        // a duty's step carries its time: the acquirer notice is timed immediately, so within the hour
        FirstStep acquirer = a.firstSteps().get(5);
        assertThat(acquirer.targetAt()).isEqualTo(OffsetDateTime.parse("2026-11-20T10:30:00+09:00"));
        assertThat(acquirer.dueAt()).isNull();
    }

    @Test
    void theCaseListsDutiesFirstEachWithATime() {
        Assessment a = theCase();

        assertThat(a.actions()).extracting(Item::code).startsWith("ISOLATE_CARD_DATA", "STOP_CARD_PROCESSING", "STOP_SERVICE");
        assertThat(a.notifications()).extracting(Item::code).startsWith(
                "CARD_ACQUIRER_NOTICE", "DATA_SUBJECT_NOTICE", "PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT");
        Item notice = item(a, "DATA_SUBJECT_NOTICE");
        assertThat(notice.timing()).isEqualTo(Timing.PROMPTLY);
        assertThat(notice.targetAt()).isEqualTo(OffsetDateTime.parse("2026-11-21T09:30:00+09:00"));
        assertThat(notice.targetBasis().ja()).contains("24時間以内").contains("法令上の期限ではありません");
        assertThat(notice.targetBasis().en()).contains("within 24 hours").contains("not a legal deadline");
        Item card = item(a, "ISOLATE_CARD_DATA");
        assertThat(card.targetAt()).isEqualTo(OffsetDateTime.parse("2026-11-20T10:30:00+09:00"));
        assertThat(card.targetBasis().ja()).contains("「直ちに」").contains("1時間以内");
        // a legal deadline is not replaced by a target
        Item preliminary = item(a, "PPC_PRELIMINARY_REPORT");
        assertThat(preliminary.dueAt()).isEqualTo(OffsetDateTime.parse("2026-11-25T23:59:59+09:00"));
        assertThat(preliminary.targetAt()).isNull();
        assertThat(preliminary.targetBasis()).isNull();
        // advice is ordered by its timing but given no target
        assertThat(item(a, "ISOLATE_FROM_NETWORK").targetAt()).isNull();
    }

    @Test
    void configuredTargetsMoveTheTimesAndTheOrder() {
        IncidentFacts facts = Cases.facts(Cases.RANSOMWARE_MANUFACTURER);
        // with promptly at 96 hours, the 72-hour GDPR deadline comes before what is due promptly
        WorkingTargets slow = new WorkingTargets(Duration.ofMinutes(30), Duration.ofHours(96));
        Assessment a = assess(facts, facts.awareAt(), slow);

        assertThat(item(a, "ISOLATE_CARD_DATA").targetAt()).isEqualTo(facts.awareAt().plusMinutes(30));
        assertThat(item(a, "ISOLATE_CARD_DATA").targetBasis().ja()).contains("30分以内");
        assertThat(item(a, "DATA_SUBJECT_NOTICE").targetBasis().en()).contains("within 96 hours");
        assertThat(item(a, "GDPR_AUTHORITY_NOTICE").priority()).isLessThan(item(a, "INSURER_NOTICE").priority());
        assertThat(theCase().notifications()).extracting(Item::code)
                .containsSubsequence("INSURER_NOTICE", "GDPR_AUTHORITY_NOTICE");
        // and the notice to the persons is no longer due within the first day
        assertThat(a.firstSteps()).extracting(FirstStep::code).doesNotContain("DATA_SUBJECT_NOTICE");
    }

    @Test
    void targetsThatMakeNoSenseAreRefused() {
        assertThatThrownBy(() -> new WorkingTargets(Duration.ofHours(2), Duration.ofHours(1)))
                .hasMessageContaining("incident.targets.immediately");
        assertThatThrownBy(() -> new WorkingTargets(Duration.ZERO, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WorkingTargets(Duration.ofSeconds(90), Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void periodsAreWrittenInWords() {
        assertThat(WorkingTargets.ja(Duration.ofMinutes(90))).isEqualTo("1時間30分");
        assertThat(WorkingTargets.ja(Duration.ofMinutes(45))).isEqualTo("45分");
        assertThat(WorkingTargets.en(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(WorkingTargets.en(Duration.ofMinutes(90))).isEqualTo("1 hour 30 minutes");
    }

    @Test
    void anAssessmentLongAfterAwarenessPutsOverdueDutiesInTheFirstSteps() {
        IncidentFacts facts = Cases.facts(Cases.RANSOMWARE_MANUFACTURER);
        // a week later: the preliminary report (end of day 5) is past, so it is among the things to do now
        Assessment a = assess(facts, facts.awareAt().plusDays(7), WorkingTargets.DEFAULT);

        assertThat(a.firstSteps()).extracting(FirstStep::code).contains("PPC_PRELIMINARY_REPORT")
                .doesNotContain("PPC_FINAL_REPORT");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenarioIsInTheOrderOfUrgencyWithATimeOnEveryDuty(ScenarioSuite.Entry entry) {
        Assessment a = assess(entry);
        List<Item> byPriority = a.items().stream().sorted(Comparator.comparing(Item::priority)).toList();

        assertThat(byPriority).extracting(Item::priority)
                .containsExactlyElementsOf(Stream.iterate(1, n -> n + 1).limit(a.items().size()).toList());
        for (List<Item> list : List.of(a.actions(), a.notifications(), a.escalations())) {
            assertThat(list).isSortedAccordingTo(Comparator.comparing(Item::priority));
        }
        // REQUIRED, then CONDITIONAL, then advice; within each, by the time it is due (advice: by its timing)
        assertThat(byPriority).isSortedAccordingTo(Comparator.comparingInt((Item i) -> switch (i.status()) {
            case REQUIRED -> 0;
            case CONDITIONAL -> 1;
            case RECOMMENDED -> 2;
        }));
        for (int k = 1; k < byPriority.size(); k++) {
            Item before = byPriority.get(k - 1);
            Item after = byPriority.get(k);
            if (before.status() == after.status()) {
                assertThat(when(before, a)).as("%s before %s", before.code(), after.code()).isBeforeOrEqualTo(when(after, a));
            }
        }
        for (Item i : a.items()) {
            if (i.status() == ItemStatus.RECOMMENDED) {
                assertThat(i.targetAt()).as(i.code()).isNull();
            } else {
                assertThat(i.dueAt() == null).as("%s has exactly one of dueAt and targetAt", i.code()).isEqualTo(i.targetAt() != null);
            }
            assertThat(i.targetBasis() == null).as(i.code()).isEqualTo(i.targetAt() == null);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void everyScenarioHasFewFirstStepsWithEveryDutyOfTheFirstDay(ScenarioSuite.Entry entry) {
        Assessment a = assess(entry);
        OffsetDateTime horizon = a.evaluatedAt().plusHours(24);
        List<String> dueSoon = new ArrayList<>();
        for (Item i : a.items()) {
            if (i.status() == ItemStatus.REQUIRED && !i.dueOrTargetAt().isAfter(horizon)) {
                dueSoon.add(i.code());
            }
        }

        assertThat(a.firstSteps()).extracting(FirstStep::code).containsAll(dueSoon).doesNotHaveDuplicates();
        assertThat(a.firstSteps().size()).as("at most %d, unless the duties of the first day alone are more", FirstSteps.MAX)
                .isLessThanOrEqualTo(Math.max(FirstSteps.MAX, dueSoon.size()));
        for (FirstStep step : a.firstSteps()) {
            Item item = item(a, step.code());
            assertThat(item.status()).isNotEqualTo(ItemStatus.CONDITIONAL);
            assertThat(step.title()).isEqualTo(item.title());
        }
    }

    /** The time an item is ordered by: its deadline, or the working target of its timing (advice too). */
    private static Instant when(Item i, Assessment a) {
        OffsetDateTime t = i.dueAt() != null ? i.dueAt() : WorkingTargets.DEFAULT.targetAt(a.awareAt(), i.timing());
        return t == null ? Instant.MAX : t.toInstant();
    }
}
