package jp.smeir.engine;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/**
 * A source a rule rests on. {@code confirmed} is false where the source is unconfirmed (docs/legal-basis.md says
 * which); such an entry comes from a note of {@code catalogue.yaml} (its {@code unconfirmed} section), whose id
 * is {@code note}, so that a reader of a stored answer can find the note's words in each language again.
 */
public record Basis(@JsonSerialize(using = KeptJson.Writer.class) String source, boolean confirmed,
                    String note) {

    /** A cited source that is not a note. */
    public Basis(String source, boolean confirmed) {
        this(source, confirmed, null);
    }
}
