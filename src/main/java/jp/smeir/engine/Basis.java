package jp.smeir.engine;

/** A source a rule rests on; {@code confirmed} is false where the domain reference marks it unconfirmed ([U]). */
public record Basis(String source, boolean confirmed) {
}
