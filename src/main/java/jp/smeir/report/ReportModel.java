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
        /** The reasons for the severity, in words ({@link Because}). */
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
        /** Every item that rests on an unconfirmed point, for the drafts' legend. */
        List<Caution> cautions,
        /** What a reader must see first (the management draft's summary). */
        Summary summary,
        /**
         * The items not done, in the order to do them: those of the answer's first steps (containment and evidence,
         * then the duties of the first day), then the other REQUIRED ones, then the rest, each in the order of urgency.
         */
        List<Row> openFirstSteps,
        List<Row> openRequired,
        List<Row> openOther,
        /** The decisions the items put before management ({@code groups.decisions}), in the order of urgency. */
        List<Decision> decisions) {

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
                      /** The service's working target, for a duty without a legal deadline (not law). */
                      String target,
                      Integer priority,
                      boolean conditional,
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
                      Row inquiryDesk, Row prevention, Row myNumber, List<Row> otherReports,
                      /** The reportable situations (Rules Art. 7) the rules derived, with why. */
                      List<Category> categories,
                      /** The names of the situations that hang on an unknown fact. */
                      List<String> pendingCategories) {
    }

    /**
     * A reportable situation: its name, why it applies (in words), and whether it is presumed: ③ taken from the
     * incident type while the facts do not say so ({@code input}: what they say).
     */
        public record Category(int number, String name, String reason, boolean presumed, String input) {
    }

    /** What happened, what is due when, in a few lines. */
        public record Summary(boolean personalData, List<String> dataKinds, List<String> impacts,
                          /** Every deadline or target of an open duty up to {@code until} (72 hours from now), overdue ones included. */
                          List<DueGroup> dueSoon, String until,
                          /** The legal deadlines after that. */
                          List<DueGroup> dueLater) {
    }

    /** The open duties due at one time. */
        public record DueGroup(String when, boolean target, boolean overdue, List<Row> rows) {
    }

    /** A decision for management, the words to weigh it (or null) and the item it comes from. */
        public record Decision(String topic, String note, Row row) {
    }
}
