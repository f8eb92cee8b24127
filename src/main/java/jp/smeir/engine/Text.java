package jp.smeir.engine;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * A text in Japanese and English. Written as {@code {"ja": …, "en": …}}; the catalogue's fixed texts are
 * written from their JSON encoding made once ({@link #encodeOnce()}), since encoding the Japanese texts of
 * every answer anew was the largest single cost of answering (BENCHMARKS.md).
 */
@JsonSerialize(using = Text.Writer.class)
public record Text(String ja, String en) {

    /**
     * Strings whose quoted JSON form (UTF-8 and UTF-16) is kept. Bounded: a catalogue holds a few hundred
     * texts, and each reload of a changed catalogue adds its new ones; past the bound, texts are encoded per
     * answer as any other string.
     */
    private static final int ENCODED_MAX = 20_000;
    private static final Map<String, SerializedString> ENCODED = new ConcurrentHashMap<>();

    public Text map(java.util.function.UnaryOperator<String> f) {
        return new Text(f.apply(ja), f.apply(en));
    }

    /** Keeps this text's JSON encoding, for a text that many answers repeat (the catalogue's). */
    Text encodeOnce() {
        for (String s : new String[] {ja, en}) {
            if (s != null && ENCODED.size() < ENCODED_MAX) {
                ENCODED.computeIfAbsent(s, SerializedString::new);
            }
        }
        return this;
    }

    static final class Writer extends StdSerializer<Text> {
        private static final SerializableString JA = new SerializedString("ja");
        private static final SerializableString EN = new SerializedString("en");

        Writer() {
            super(Text.class);
        }

        @Override
        public void serialize(Text text, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject(text);
            write(out, JA, text.ja);
            write(out, EN, text.en);
            out.writeEndObject();
        }

        /** Absent when null, as every other field (answers leave nulls out). */
        private static void write(JsonGenerator out, SerializableString name, String value) throws IOException {
            if (value == null) {
                return;
            }
            out.writeFieldName(name);
            SerializedString encoded = ENCODED.get(value);
            if (encoded != null) {
                out.writeString(encoded);
            } else {
                out.writeString(value);
            }
        }
    }
}
