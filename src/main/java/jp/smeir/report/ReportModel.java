package jp.smeir.report;

import java.util.List;

/**
 * What a report template sees, as {@code r}: the incident in words of one language, ready to lay out. Every
 * text that came from a caller (title, notes, references, names) is already escaped for Markdown. A value the
 * facts do not give is {@link #missing} (「【要記入】」 / "[to be completed]"); a yes/no fact that is unknown is
 * the word {@code unknown} of labels.yaml, which carries the same mark.
 */
public record ReportModel(
        String lang,
        /** The placeholder for what the drafter must still fill in. */
        String missing,
        String generatedAt,
        String incidentId,
        String title,
        String status,
        String severity,
        List<String> severityBecause,
        String awareAt,
        String occurredAt,
        String openedAt,
        String rulesetVersion,
        List<String> incidentTypes,
        String externalTicket,
        Facts facts,
        List<Row> actions,
        List<Row> notifications,
        List<Row> escalations,
        /** REQUIRED or CONDITIONAL items neither done nor marked not applicable, earliest deadline first. */
        List<Row> openDuties,
        List<Row> overdue,
        List<QuestionRow> questions,
        List<HistoryRow> history,
        /** The nine items of Enforcement Rules Art. 8(1), for the ppc report. */
        Ppc ppc,
        /** The mark of a row that rests on an unconfirmed point ({@code words.unconfirmed}: 「（要確認）」 / "(unconfirmed)"). */
        String unconfirmed,
        /** Every item that rests on an unconfirmed point, with what is unconfirmed, for the drafts' legend. */
        List<Caution> cautions) {

    /** The facts in words: each tri-state fact as yes / no / unknown in the report's language. */
        public record Facts(String breach, String affectedPersons, String sensitive, String financialHarmRisk, String cardData,
                        String myNumber, String improperPurpose, String encrypted, String euResidents, String exposedOnline,
                        String subjectsReachable, String recoveredUnviewed, String externalReporter, String sector,
                        String dataProcessor, String systemDown, String businessStopped, String customersAffected,
                        String partnersAffected, String publicImpact, String damageSpreading, String crimeSuspected,
                        String moneyTransferred, String ransomDemanded) {
    }

    /** One item and its progress. */
        public record Row(String code, String title, String detail, String status, boolean mandatory, String timing,
                      String due, String state, String doneAt, String doneBy, String reference, String recipient,
                      String recipientContact, String rule, List<String> basis,
                      /** {@link ReportModel#unconfirmed} when a source of the item is unconfirmed, null when all are confirmed. */
                      String caution,
                      /** Who is to do it, when someone is. */
                      String assignee,
                      /** Why the item does not apply, when it was marked so; else null. */
                      String notApplicable) {
    }

    /** An item resting on unconfirmed points, and the points in the draft's language. */
        public record Caution(String title, List<String> points) {
    }

    /** A question still open, and the titles of the items its answer decides (their codes if an item is gone). */
        public record QuestionRow(String fact, String question, List<String> affects) {
    }

    /** One history entry. */
        public record HistoryRow(int seq, String at, String type, String actor, String summary) {
    }

    /**
     * What the ppc report (漏えい等報告, rule 8(1)(i)–(ix)) needs beyond the facts: the rows of the items whose
     * progress it reports. A row is null when the current assessment does not have that item.
     */
        public record Ppc(Row preliminary, Row finalReport, Row subjectNotice, Row publicNotice, Row announcement,
                      Row inquiryDesk, Row prevention, Row myNumber, List<Row> otherReports) {
    }
}
