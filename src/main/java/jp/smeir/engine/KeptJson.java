package jp.smeir.engine;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import jp.smeir.common.BoundedMemo;

/**
 * The JSON encoding of strings that answer after answer repeats: the catalogue's texts (as they stand or with
 * a deadline filled in), rule names, sources, contacts. Each is encoded once and its encoding kept, since
 * encoding them anew, half of them Japanese, was the largest single cost of writing an answer (BENCHMARKS.md).
 * Only for strings that come from the rule base, never for what a client sends.
 */
public final class KeptJson {

    /**
     * A rule base gives about a thousand such strings, and each day of awareness adds a few dozen filled-in
     * texts; past the bound the memory starts afresh, so it never holds more than this many.
     */
    private static final BoundedMemo<String, SerializedString> KEPT = new BoundedMemo<>(4_096);

    private KeptJson() {
    }

    static SerializedString of(String s) {
        return KEPT.get(s, SerializedString::new);
    }

    /** For a string field ({@code @JsonSerialize(using = KeptJson.Writer.class)}) or list of them ({@code contentUsing}). */
    public static final class Writer extends StdSerializer<String> {
        public Writer() {
            super(String.class);
        }

        @Override
        public void serialize(String value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(of(value));
        }
    }
}
