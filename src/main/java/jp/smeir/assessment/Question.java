package jp.smeir.assessment;

import java.util.List;

import jp.smeir.engine.Text;

/** An unknown fact worth asking about, and the codes whose presence, status or deadline hang on it. */
public record Question(String fact, Text question, List<String> affects) {
}
