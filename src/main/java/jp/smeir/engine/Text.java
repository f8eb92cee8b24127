package jp.smeir.engine;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/**
 * A text in Japanese and English, written as {@code {"ja": …, "en": …}}. Every text comes from the catalogue,
 * as it stands, with a deadline filled in or with a note on unconfirmed sources appended, so each is written
 * from its kept encoding ({@link KeptJson}).
 */
@JsonSerialize(using = Text.Writer.class)
public record Text(String ja, String en) {

    /**
     * A serialization attribute ({@code ObjectWriter.withAttribute}): "ja" or "en" writes only that key of every
     * text (an answer in one language, docs/api.md {@code lang}); absent, both.
     */
    public static final String LANGUAGE = "jp.smeir.text.language";

    public Text map(java.util.function.UnaryOperator<String> f) {
        return new Text(f.apply(ja), f.apply(en));
    }

    static final class Writer extends StdSerializer<Text> {
        private static final SerializableString JA = new SerializedString("ja");
        private static final SerializableString EN = new SerializedString("en");

        Writer() {
            super(Text.class);
        }

        @Override
        public void serialize(Text text, JsonGenerator out, SerializerProvider provider) throws IOException {
            Object language = provider.getAttribute(LANGUAGE);
            out.writeStartObject(text);
            if (!"en".equals(language)) {
                write(out, JA, text.ja);
            }
            if (!"ja".equals(language)) {
                write(out, EN, text.en);
            }
            out.writeEndObject();
        }

        /** Absent when null, as every other field (answers leave nulls out). */
        private static void write(JsonGenerator out, SerializableString name, String value) throws IOException {
            if (value == null) {
                return;
            }
            out.writeFieldName(name);
            out.writeString(KeptJson.of(value));
        }
    }
}
