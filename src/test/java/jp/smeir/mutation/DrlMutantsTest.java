package jp.smeir.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** What the mutation tool breaks in a rule, on a rule written for the purpose. */
class DrlMutantsTest {

    static final String DRL = """
            package rules;

            rule "Sample – more than 1000 persons, not encrypted → report within 5 days"
                @stage("REPORT_AND_DISCLOSE")
            when
                PersonalData( affectedPersons > 1000, encrypted == false, why.certain )
                not Exempt( )
                IncidentType( this in (IncidentType.MALWARE) )
            then
                insert(Finding.duty(kcontext, "CODE", Due.days(5), Reasoning.fact("> 1000 persons")).variant(null));
                insert(Finding.advice(kcontext, "OTHER", Due.immediately(), Reasoning.fact("x")));
            end
            """;

    static List<String> changes() {
        return DrlMutants.of("sample.drl", DRL).stream().map(Mutant::change).toList();
    }

    @Test
    void eachKindOfBreakIsMade() {
        assertThat(changes()).containsExactlyInAnyOrder(
                "rule removed",
                "condition `PersonalData( affectedPersons > 1000, encrypted == false, why.certain )`: 1000 → 999",
                "condition `PersonalData( affectedPersons > 1000, encrypted == false, why.certain )`: 1000 → 1001",
                "condition `PersonalData( affectedPersons > 1000, encrypted == false, why.certain )`: > → <=",
                "condition `PersonalData( affectedPersons > 1000, encrypted == false, why.certain )`: == → !=",
                "condition `PersonalData( affectedPersons > 1000, encrypted == false, why.certain )`: why.certain → !why.certain",
                "condition `not Exempt( )`: not → exists",
                "condition `IncidentType( this in (IncidentType.MALWARE) )`: in → not in",
                "deadline Due.days(5) → (4)",
                "deadline Due.days(5) → (6)",
                "timing immediately → promptly",
                "status REQUIRED ↔ CONDITIONAL");
    }

    @Test
    void aMutantChangesOnlyItsPlaceAndNeverAString() {
        for (Mutant m : DrlMutants.of("sample.drl", DRL).stream().filter(m -> !m.change().equals("rule removed")).toList()) {
            assertThat(m.mutatedFile()).as(m.change()).contains("Reasoning.fact(\"> 1000 persons\")").isNotEqualTo(DRL);
        }
        Mutant flip = DrlMutants.of("sample.drl", DRL).stream().filter(m -> m.change().startsWith("status")).findFirst().orElseThrow();
        assertThat(flip.mutatedFile()).contains(
                "jp.smeir.mutation.Flip.status(Finding.duty(kcontext, \"CODE\", Due.days(5), Reasoning.fact(\"> 1000 persons\"))).variant(null)");
        Mutant removed = DrlMutants.of("sample.drl", DRL).get(0);
        assertThat(removed.mutatedFile()).doesNotContain("rule \"Sample").startsWith("package rules;");
    }
}
