package jp.smeir.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an analyst reads when the rules do not build: the first syntax error only, and stages that disagree. */
class RuleBuildErrorsTest {

    /** The preliminary-report rule's conditions, in appi.drl; the closing parenthesis is what a typo loses. */
    static final String CONDITION = "    OwnAppiDuty( $why : why )\nthen\n    insert(Finding.duty(kcontext, \"PPC_PRELIMINARY_REPORT\"";

    @Test
    void aSyntaxErrorIsTheFirstErrorWithFileLineColumnAndTextAndTheRestAreCounted(@TempDir Path dir) throws IOException {
        Path rules = RuleBaseTest.copyRules(dir);
        Path appi = rules.resolve("appi.drl");
        String text = Files.readString(appi);
        assertThat(text).contains(CONDITION);
        Files.writeString(appi, text.replace(CONDITION, CONDITION.replace("why )", "why ")));
        int thenLine = text.substring(0, text.indexOf(CONDITION)).split("\n", -1).length + 1;

        assertThatThrownBy(() -> RuleBase.build(rules)).isInstanceOfSatisfying(RuleBuildException.class, e -> {
            assertThat(e.errors()).hasSize(1);
            RuleError first = e.errors().get(0);
            assertThat(first.file()).isEqualTo("appi.drl");
            assertThat(first.line()).isEqualTo(thenLine);
            assertThat(first.column()).isEqualTo(1);
            assertThat(first.text()).isEqualTo("then");
            assertThat(first.message()).contains("'then'").doesNotContain("[ERR");
            // a file that does not parse leaves the types it uses unresolved in other files: counted, not listed
            assertThat(e.following()).isPositive();
            assertThat(e.getMessage().lines().count()).isLessThanOrEqualTo(3);
            assertThat(e.getMessage()).contains("appi.drl:" + thenLine + ":1: ").contains("and " + e.following() + " more errors");
        });
    }

    @Test
    void aRuleWhoseStageDisagreesWithItsCodesStageInTheCatalogueIsRefused(@TempDir Path dir) throws IOException {
        Path rules = RuleBaseTest.copyRules(dir);
        Files.writeString(rules.resolve("zz-stage.drl"), """
                package rules;

                import jp.smeir.engine.Due;
                import jp.smeir.engine.Finding;
                import jp.smeir.engine.Reasoning;
                import jp.smeir.facts.IncidentType;

                rule "Recover – ransomware → look for a decryptor"
                    @inForce("2000-01-01", "official-guidance")
                    @stage("RECOVER_AND_PREVENT")
                    @basis("test — legal-basis §12.6")
                when
                    IncidentType( this == IncidentType.RANSOMWARE )
                then
                    insert(Finding.advice(kcontext, "CHECK_DECRYPTOR_BEFORE_PAYING", Due.immediately(), Reasoning.fact("test")));
                end
                """);
        assertThatThrownBy(() -> RuleBase.build(rules)).isInstanceOfSatisfying(RuleBuildException.class, e -> {
            assertThat(e.errors()).hasSize(1);
            RuleError error = e.errors().get(0);
            assertThat(error.file()).isEqualTo("zz-stage.drl");
            assertThat(error.line()).isEqualTo(8);
            assertThat(error.message()).contains("\"Recover – ransomware → look for a decryptor\"")
                    .contains("RECOVER_AND_PREVENT").contains("CHECK_DECRYPTOR_BEFORE_PAYING").contains("DETECT_AND_RESPOND");
        });
    }

    @Test
    void theShippedRulesAgreeWithTheCatalogueOnStages(@TempDir Path dir) throws IOException {
        // the build checks it; every code concluded under each stage is in the catalogue under that stage
        RuleBase base = RuleBase.build(RuleBaseTest.copyRules(dir));
        assertThat(base.rules()).isNotEmpty();
    }
}
