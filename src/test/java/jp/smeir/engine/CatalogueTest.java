package jp.smeir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import jp.smeir.support.TestRules;

/** The catalogue holds at least the contract's codes (docs/api.md, Codes), in the right lists. */
class CatalogueTest {

    static final List<String> NOTIFICATIONS = List.of("PPC_PRELIMINARY_REPORT", "PPC_FINAL_REPORT", "DATA_SUBJECT_NOTICE",
            "PUBLIC_NOTICE_IN_LIEU", "CONTROLLER_NOTICE", "MY_NUMBER_REPORT", "GDPR_AUTHORITY_NOTICE", "GDPR_DATA_SUBJECT_NOTICE",
            "CARD_ACQUIRER_NOTICE", "TELECOM_REGULATOR_REPORT", "FSA_REPORT", "MHLW_REPORT", "CRITICAL_INFRA_REPORT",
            "INSURER_NOTICE", "PARTNER_NOTICE");
    static final List<String> ESCALATIONS = List.of("IPA_CONSULTATION", "IPA_FILING", "IPA_JCRAT", "JPCERT_CC", "POLICE",
            "BANK_RECALL_REQUEST", "OTASUKETAI_PROVIDER", "EXTERNAL_EXPERTS", "SYSTEM_VENDOR");
    static final List<String> ACTIONS = List.of("REPORT_TO_SECURITY_OFFICER", "RECORD_REPORTER_CONTACT", "REPORT_TO_MANAGEMENT",
            "FORM_RESPONSE_TEAM", "ISOLATE_FROM_NETWORK", "DO_NOT_POWER_OFF", "STOP_SERVICE", "PRESERVE_EVIDENCE",
            "CHECK_DECRYPTOR_BEFORE_PAYING", "CHANGE_CREDENTIALS", "ISOLATE_CARD_DATA", "STOP_CARD_PROCESSING",
            "CONTACT_PARTNER_OUT_OF_BAND", "REQUEST_RECIPIENT_DELETION", "REMOVE_PUBLISHED_DATA", "REMOTE_LOCK_OR_WIPE",
            "PUBLIC_ANNOUNCEMENT", "OPEN_INQUIRY_DESK", "REPORT_TO_AFFECTED_PARTIES", "CONSIDER_COMPENSATION", "INVESTIGATE_5W1H",
            "FORENSIC_INVESTIGATION", "REMEDIATE", "RESTORE_SYSTEMS", "ACTIVATE_BCP", "REPORT_RESULTS_TO_MANAGEMENT",
            "ROOT_CAUSE_PREVENTION");

    final Catalogue catalogue = TestRules.engine().ruleBase().catalogue();

    @Test
    void everyContractCodeIsInTheCatalogueInItsList() {
        NOTIFICATIONS.forEach(c -> assertEquals(ItemKind.NOTIFICATION, catalogue.entry(c).kind(), c));
        ESCALATIONS.forEach(c -> assertEquals(ItemKind.ESCALATION, catalogue.entry(c).kind(), c));
        ACTIONS.forEach(c -> assertEquals(ItemKind.ACTION, catalogue.entry(c).kind(), c));
    }

    @Test
    void notificationsAndEscalationsHaveARecipientWithContact() {
        catalogue.items().forEach((code, e) -> {
            if (e.kind() != ItemKind.ACTION) {
                Catalogue.Recipient r = catalogue.recipients().get(e.recipient());
                assertNotNull(r, code);
                assertTrue(r.contact() != null && !r.contact().isBlank(), "contact for " + e.recipient());
            }
        });
    }

    /** Facts named in the rules as unknown or open (Reasoning.unknown, withOpenFact, Ask.of) need a question text. */
    @Test
    void everyFactThatRulesCanAskAboutHasAQuestion() throws IOException {
        Pattern named = Pattern.compile("(?:unknown|withOpenFact)\\(\"([A-Za-z.]+)\"\\)|Ask\\.of\\(kcontext, \"([A-Za-z.]+)\""
                + "|contradicted\\(\"([A-Za-z.]+#[A-Za-z.-]+)\"");
        Set<String> facts = new TreeSet<>();
        try (Stream<Path> files = Files.list(TestRules.RULES)) {
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = named.matcher(Files.readString(drl));
                while (m.find()) {
                    facts.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
                }
            }
        }
        assertTrue(facts.size() > 10, "found the facts named in the rules: " + facts);
        Set<String> missing = new TreeSet<>(facts);
        missing.removeAll(catalogue.questions().keySet());
        assertTrue(missing.isEmpty(), "facts without a question in catalogue.yaml: " + missing);
    }

    @Test
    void containmentNamesItemsInTheOrderToDoThemAndTargetsSayTheyAreNotLaw() {
        assertEquals(List.of("ISOLATE_FROM_NETWORK", "PRESERVE_EVIDENCE"), catalogue.containment().subList(0, 2));
        assertTrue(catalogue.targetNote(Timing.PROMPTLY).ja().contains("法令上の期限ではありません"));
        assertTrue(catalogue.targetNote(Timing.IMMEDIATELY).en().contains("not a legal deadline"));
    }

    @Test
    void aContainmentCodeThatIsNoItemOrATargetNoteWithoutItsPeriodIsRefused(@TempDir Path dir) throws IOException {
        String shipped = Files.readString(TestRules.RULES.resolve(Catalogue.FILE));
        Path file = dir.resolve(Catalogue.FILE);
        Files.writeString(file, shipped.replace("  - PRESERVE_EVIDENCE\n", "  - PRESERVE_EVIDENCES\n")
                .replace("発覚から{within}以内に設定した作業目標です。法令上の期限ではありません。\"\n    en: \"The service's working target for \\\"promptly\\\"",
                        "発覚後に設定した作業目標です。\"\n    en: \"The service's working target for \\\"promptly\\\""));
        RuleBuildException e = org.junit.jupiter.api.Assertions.assertThrows(RuleBuildException.class, () -> Catalogue.load(file));
        assertEquals(List.of("containment lists PRESERVE_EVIDENCES, which is not under items",
                        "notes.targetPromptly needs ja and en, each with the placeholder {within}"),
                e.errors().stream().map(RuleError::message).sorted().toList());
    }
}
