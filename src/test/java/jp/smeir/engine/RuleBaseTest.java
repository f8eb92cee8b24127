package jp.smeir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.smeir.support.TestRules;

class RuleBaseTest {

    @Test
    void everyShippedRuleHasABasisAndAStage() {
        RuleBase base = TestRules.engine().ruleBase();
        assertTrue(base.rules().size() > 100, "the shipped rule base has its rules");
        for (RuleInfo rule : base.rules().values()) {
            assertFalse(rule.basis().isEmpty(), rule.name());
            assertFalse(rule.basis().get(0).source().isBlank(), rule.name());
            assertTrue(rule.basis().get(0).confirmed(), "the first basis is the rule's cited source: " + rule.name());
            assertTrue(rule.basis().get(0).source().matches(".* — legal-basis §\\d.*"), "cites docs/legal-basis.md: " + rule.name());
            assertTrue(base.catalogue().laws().containsKey(rule.inForce().law()), "in force under a listed law version: " + rule.name());
            assertTrue(rule.stage() != null, rule.name());
            assertFalse(rule.file().isBlank(), rule.name());
        }
    }

    @Test
    void versionIsTheDigestOfNamesAndContents(@TempDir Path dir) throws IOException {
        Path a = copyRules(dir.resolve("a"));
        String v1 = RuleBase.build(a).version();
        assertTrue(v1.matches("sha256:[0-9a-f]{64}"), v1);
        assertEquals(v1, RuleBase.build(a).version(), "same files, same version");
        assertEquals(TestRules.engine().ruleBase().version(), v1, "a copy of the folder has the same version");

        Files.writeString(a.resolve("severity.drl"), Files.readString(a.resolve("severity.drl")) + "\n// a comment\n");
        assertNotEquals(v1, RuleBase.build(a).version(), "any change of content changes the version");
    }

    @Test
    void aRuleThatDoesNotCompileIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Files.writeString(rules.resolve("broken.drl"), """
                package rules;

                rule "Broken – refers to a type that does not exist"
                    @stage("DETECT_AND_RESPOND")
                    @basis("test — legal-basis §16")
                when
                    NoSuchFact( x == 1 )
                then
                end
                """);
        RuleBuildException e = assertThrows(RuleBuildException.class, () -> RuleBase.build(rules));
        RuleError error = e.errors().get(0);
        assertEquals("broken.drl", error.file());
        assertEquals(7, error.line());
        assertTrue(error.message().contains("NoSuchFact"), error.message());
        assertTrue(e.getMessage().contains("broken.drl:7"), e.getMessage());
    }

    @Test
    void aRuleWithoutBasisIsRefused(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Files.writeString(rules.resolve("uncited.drl"), """
                package rules;
                import jp.smeir.facts.IncidentFacts;

                rule "Uncited – fires on anything"
                    @stage("DETECT_AND_RESPOND")
                when
                    IncidentFacts()
                then
                end
                """);
        RuleBuildException e = assertThrows(RuleBuildException.class, () -> RuleBase.build(rules));
        assertEquals(List.of(new RuleError("uncited.drl", 0,
                "rule \"Uncited – fires on anything\" has no @basis: every rule must cite its source")), e.errors());
    }

    @Test
    void aRuleNamingSeveralNotesRestsOnEachAsAnUnconfirmedBasis() {
        RuleBase base = TestRules.engine().ruleBase();
        RuleInfo rule = base.rule("APPI – reportable leak with improper purpose → final report to the PPC within 60 days");
        assertEquals(List.of("aware-start", "closed-days"), rule.unconfirmedNotes());
        assertEquals(List.of(new Basis(base.catalogue().note("aware-start").basis(), false, "aware-start"),
                new Basis(base.catalogue().note("closed-days").basis(), false, "closed-days")), rule.basis().subList(1, 3));
    }

    @Test
    void aRuleNamingANoteTheCatalogueDoesNotHaveIsRefused(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Files.writeString(rules.resolve("noted.drl"), """
                package rules;
                import jp.smeir.facts.IncidentFacts;

                rule "Noted – rests on a note nobody wrote"
                    @inForce("2000-01-01", "service")
                    @stage("DETECT_AND_RESPOND")
                    @basis("test — legal-basis §16.6")
                    @unconfirmed("aware-start, no-such-note")
                when
                    IncidentFacts()
                then
                end
                """);
        RuleBuildException e = assertThrows(RuleBuildException.class, () -> RuleBase.build(rules));
        assertEquals(List.of(new RuleError("noted.drl", 0, "rule \"Noted – rests on a note nobody wrote\" names unconfirmed notes that "
                + "catalogue.yaml does not have under unconfirmed: no-such-note")), e.errors());
    }

    @Test
    void aNoteWrittenOutInTheRuleInsteadOfNamedIsRefused(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Files.writeString(rules.resolve("noted.drl"), """
                package rules;
                import jp.smeir.facts.IncidentFacts;

                rule "Noted – says its note in English"
                    @inForce("2000-01-01", "service")
                    @stage("DETECT_AND_RESPOND")
                    @basis("test — legal-basis §16.6")
                    @unconfirmed("The deadline is not confirmed [U]")
                when
                    IncidentFacts()
                then
                end
                """);
        RuleBuildException e = assertThrows(RuleBuildException.class, () -> RuleBase.build(rules));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertTrue(e.errors().get(0).message().contains("@unconfirmed names notes of catalogue.yaml by id"), e.getMessage());
        assertTrue(e.errors().get(0).message().contains("\"The deadline is not confirmed [U]\" is not a note id"), e.getMessage());
    }

    @Test
    void aNoteWithoutItsWordsInBothLanguagesOrItsSourceIsRefused(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Path catalogue = rules.resolve(Catalogue.FILE);
        Files.writeString(catalogue, Files.readString(catalogue) + """

                  no-english:
                    ja: "英語の文がありません。"
                    basis: "test — legal-basis §16.6"
                """);
        RuleBuildException e = assertThrows(RuleBuildException.class, () -> RuleBase.build(rules));
        assertEquals(List.of(new RuleError(Catalogue.FILE, 0, "unconfirmed.no-english: needs ja, en and basis")), e.errors());
    }

    @Test
    void aRuleWithoutAPeriodOfForceIsRefused(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Files.writeString(rules.resolve("timeless.drl"), """
                package rules;
                import jp.smeir.facts.IncidentFacts;

                rule "Timeless – fires on anything"
                    @stage("DETECT_AND_RESPOND")
                    @basis("test — legal-basis §16")
                when
                    IncidentFacts()
                then
                end
                """);
        RuleBuildException e = assertThrows(RuleBuildException.class, () -> RuleBase.build(rules));
        assertEquals(1, e.errors().size(), e.getMessage());
        assertEquals("timeless.drl", e.errors().get(0).file());
        assertTrue(e.errors().get(0).message().startsWith("rule \"Timeless – fires on anything\" has no @inForce"), e.getMessage());
    }

    @Test
    void aPeriodMustBeWellFormedAndLieWithinALawVersionInForce(@TempDir Path dir) throws IOException {
        Map<String, String> wrong = new java.util.LinkedHashMap<>();
        wrong.put("@inForce(\"2022-04-01\")", "write it as @inForce(\"YYYY-MM-DD\", \"law-id\")");
        wrong.put("@inForce(from = \"2022-04-01\", law = \"appi-reporting\")", "writes @inForce with names");
        wrong.put("@inForce(\"1 April 2022\", \"appi-reporting\")", "\"1 April 2022\", which is no date");
        wrong.put("@inForce(\"2024-04-01\", \"2024-03-31\", \"appi-reporting\")", "ending on 2024-03-31, before it starts on 2024-04-01");
        wrong.put("@inForce(\"2022-04-01\", \"no-such-law\")", "\"no-such-law\", which catalogue.yaml does not list under laws");
        wrong.put("@inForce(\"2021-04-01\", \"appi-reporting\")", "starts on 2021-04-01, before its law version \"appi-reporting\" (from 2022-04-01)");
        wrong.put("@inForce(\"2022-04-01\", \"APPI\")", "the last value is a law id");
        wrong.put("@inForce(\"2026-07-17\", \"appi-2026-amendment\")", "enacted but not in force");
        int n = 0;
        for (Map.Entry<String, String> w : wrong.entrySet()) {
            Path rules = copyRules(dir.resolve("r" + n++));
            Files.writeString(rules.resolve("dated.drl"), """
                    package rules;
                    import jp.smeir.facts.IncidentFacts;

                    rule "Dated – fires on anything"
                        %s
                        @stage("DETECT_AND_RESPOND")
                        @basis("test — legal-basis §16")
                    when
                        IncidentFacts()
                    then
                    end
                    """.formatted(w.getKey()));
            RuleBuildException e = assertThrows(RuleBuildException.class, () -> RuleBase.build(rules), w.getKey());
            assertEquals(1, e.errors().size(), e.getMessage());
            assertTrue(e.errors().get(0).message().contains(w.getValue()), w.getKey() + " → " + e.getMessage());
        }
    }

    @Test
    void aRuleInForceForAPeriodIsListedWithIt(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Files.writeString(rules.resolve("dated.drl"), """
                package rules;
                import jp.smeir.facts.IncidentFacts;

                rule "Dated – fires on anything"
                    @inForce("2022-04-01", "2024-03-31", "appi-reporting")
                    @stage("DETECT_AND_RESPOND")
                    @basis("test — legal-basis §16")
                when
                    IncidentFacts()
                then
                end
                """);
        RuleBase base = RuleBase.build(rules);
        InForce period = base.rule("Dated – fires on anything").inForce();
        assertEquals(new InForce(java.time.LocalDate.of(2022, 4, 1), java.time.LocalDate.of(2024, 3, 31), "appi-reporting"), period);
        assertFalse(base.inForce("Dated – fires on anything", java.time.LocalDate.of(2022, 3, 31)));
        assertTrue(base.inForce("Dated – fires on anything", java.time.LocalDate.of(2022, 4, 1)));
        assertTrue(base.inForce("Dated – fires on anything", java.time.LocalDate.of(2024, 3, 31)));
        assertFalse(base.inForce("Dated – fires on anything", java.time.LocalDate.of(2024, 4, 1)));
    }

    @Test
    void aLawVersionMustBeComplete(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        String catalogue = Files.readString(rules.resolve(Catalogue.FILE));
        Files.writeString(rules.resolve(Catalogue.FILE), catalogue.replace("""
                  gdpr:
                    name: {ja: "EU一般データ保護規則（GDPR）第33条・第34条", en: "EU General Data Protection Regulation (GDPR) Art. 33 and 34"}
                    from: "2018-05-25"
                """, """
                  gdpr:
                    name: {ja: "EU一般データ保護規則（GDPR）第33条・第34条", en: "EU General Data Protection Regulation (GDPR) Art. 33 and 34"}
                """).replace("    amends: appi-reporting\n", ""));
        RuleBuildException e = assertThrows(RuleBuildException.class, () -> RuleBase.build(rules));
        assertEquals(List.of(new RuleError(Catalogue.FILE, 0, "law appi-2026-amendment: amends must name a version in force listed under laws"),
                new RuleError(Catalogue.FILE, 0, "law gdpr: from is required (YYYY-MM-DD)")), e.errors());
    }

    @Test
    void aVariantMustNameAListedRecipient(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        String catalogue = Files.readString(rules.resolve(Catalogue.FILE));
        Files.writeString(rules.resolve(Catalogue.FILE), catalogue.replaceFirst("(?m)^(      FSA:\n        recipient:) FSA$", "$1 NO_SUCH_BODY"));
        RuleBuildException e = assertThrows(RuleBuildException.class, () -> RuleBase.build(rules));
        assertEquals(List.of(new RuleError(Catalogue.FILE, 0,
                "item PPC_PRELIMINARY_REPORT, variant FSA: recipient must be listed under recipients (not on an ACTION)")), e.errors());
    }

    @Test
    void anExemptionNoteNeedsAFactThatIsAskedAbout(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        String catalogue = Files.readString(rules.resolve(Catalogue.FILE));
        Files.writeString(rules.resolve(Catalogue.FILE), catalogue.replace("\n  personalData.encrypted:\n    ja: \"データが推奨される方式で",
                "\n  personalData.encryptedd:\n    ja: \"データが推奨される方式で"));
        RuleBuildException e = assertThrows(RuleBuildException.class, () -> RuleBase.build(rules));
        assertEquals(List.of(new RuleError(Catalogue.FILE, 0, "exemption personalData.encryptedd: a fact without a question under questions")),
                e.errors());
    }

    @Test
    void aMissingFolderOrCatalogueIsAClearError(@TempDir Path dir) throws IOException {
        RuleBuildException missing = assertThrows(RuleBuildException.class, () -> RuleBase.build(dir.resolve("nope")));
        assertTrue(missing.getMessage().contains("rules folder not found"), missing.getMessage());

        Path rules = copyRules(dir.resolve("r"));
        Files.delete(rules.resolve(Catalogue.FILE));
        RuleBuildException noCatalogue = assertThrows(RuleBuildException.class, () -> RuleBase.build(rules));
        assertEquals(Catalogue.FILE, noCatalogue.errors().get(0).file());
    }

    @Test
    void aQueryAnAnalystAddsIsNotListedAsARule(@TempDir Path dir) throws IOException {
        Path rules = copyRules(dir);
        Files.writeString(rules.resolve("queries.drl"), """
                package rules;

                import jp.smeir.engine.Finding;

                query "findings"
                    $finding : Finding()
                end
                """);
        RuleBase base = RuleBase.build(rules);
        assertEquals(TestRules.engine().ruleBase().rules().keySet(), base.rules().keySet());
    }

    static Path copyRules(Path target) throws IOException {
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(TestRules.RULES)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.copy(p, target.resolve(p.getFileName()));
            }
        }
        return target;
    }
}
