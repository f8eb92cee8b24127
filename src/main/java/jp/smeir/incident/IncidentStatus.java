package jp.smeir.incident;

/** Where an incident stands, in the order it moves: open → contained → reported → recovered → closed. */
public enum IncidentStatus {
    OPEN, CONTAINED, REPORTED, RECOVERED, CLOSED;

    /** Moves go forward only, possibly skipping stages; nothing leaves CLOSED. */
    public boolean canMoveTo(IncidentStatus next) {
        return next.ordinal() > ordinal();
    }
}
