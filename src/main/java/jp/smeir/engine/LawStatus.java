package jp.smeir.engine;

/** What kind of source a law version of the catalogue is, so that an answer says what it rests on. */
public enum LawStatus {
    /** A statute, ordinance or regulation in force. */
    LAW,
    /** Official guidance, a notice or a desk's procedure: not binding as law. */
    GUIDANCE,
    /** A contract's terms (card acquirer, insurer, partners, service providers, certification schemes). */
    CONTRACT,
    /** This service's own reading of the facts and its practical advice (docs/legal-basis.md §16). */
    SERVICE,
    /** Enacted and promulgated but not in force: no rule may apply it; it is a watch note in the answer. */
    ENACTED
}
