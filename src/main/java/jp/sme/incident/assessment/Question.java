package jp.sme.incident.assessment;

import java.util.List;

import jp.sme.incident.engine.Text;

/** An unknown fact worth asking about, and the codes whose presence, status or deadline hang on it. */
public record Question(String fact, Text question, List<String> affects) {
}
