package jp.smeir.report;

import java.util.List;

/**
 * What the action sheet template sees, as {@code s}: an answer in words of one language, in the order of
 * urgency (docs/api.md, readable sheets). Caller-supplied text (the title) is escaped for Markdown.
 */
public record SheetModel(
        String lang,
        String title,
        String awareAt,
        String severity,
        /** Set for a stored incident, with its status; null for an assessment. */
        String incidentId,
        String status,
        /** The answer's firstSteps. */
        List<Line> firstSteps,
        /** Every REQUIRED or CONDITIONAL duty, by priority. */
        List<Line> duties,
        /**
         * The working targets the duties' times rest on, in words ("1時間" / "1 hour"), to say they are the
         * service's and not law; null for a timing no duty has.
         */
        String immediately,
        String promptly,
        List<QuestionLine> questions,
        /** The advice not among the first steps, by stage, each in the order of urgency. */
        List<AdviceGroup> advice,
        String generatedAt,
        /** The first characters of the ruleset digest, enough to tell versions apart. */
        String rulesetVersion,
        /** The mark of an item resting on an unconfirmed source ({@code words.unconfirmed}). */
        String unconfirmed) {

    /**
     * One item in a line: {@code when} is its deadline or target in words, {@code target} true when that is the
     * service's working target; {@code state} is set when it is done or late; {@code caution} when a source it
     * rests on is unconfirmed.
     */
    public record Line(String title, String when, boolean target, boolean conditional, String state, String caution) {
    }

    /** A question, and how many items of the answer its answer can add, remove or change. */
    public record QuestionLine(String question, int affects) {
    }

    /** The advice of one stage of the Guide. */
    public record AdviceGroup(String stage, List<Line> items) {
    }
}
