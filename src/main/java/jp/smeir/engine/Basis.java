package jp.smeir.engine;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

/** A source a rule rests on; {@code confirmed} is false where the domain reference marks it unconfirmed ([U]). */
public record Basis(@JsonSerialize(using = KeptJson.Writer.class) String source, boolean confirmed) {
}
