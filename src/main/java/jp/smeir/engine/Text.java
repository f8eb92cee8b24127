package jp.smeir.engine;

/** A text in Japanese and English. */
public record Text(String ja, String en) {

    public Text map(java.util.function.UnaryOperator<String> f) {
        return new Text(f.apply(ja), f.apply(en));
    }
}
