package jp.smeir.common;

import java.time.OffsetDateTime;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Strict JSON: a wrong type is a 400, never silently coerced ("12" is not a number, 1.5 is not a count,
 * "yes" is not a boolean, a number is not a time); a field no record has is a 400 too, because a misspelt fact
 * that were ignored would be a wrong legal answer (stored documents are read leniently: {@link #lenient});
 * offsets are kept as given; nesting (32 levels) and number length (Jackson's 1,000 digits) are bounded; nulls are left
 * out of answers (absent means unknown, as in the requests).
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /** Last, after the customizer that registers the java.time module, so that {@link TextTimes} wins over it. */
    @Override
    public int priority() {
        return MINIMUM_PRIORITY;
    }

    /** The same settings for mappers made outside CDI (tests, tools). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(1_000_000).build());
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        // times are written as ISO-8601 text, as they are read (Quarkus's mapper does so already; others must too)
        mapper.configure(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("strict-scalars")
                .addDeserializer(String.class, new NoNulStrings())
                .addDeserializer(OffsetDateTime.class, new TextTimes()));
        return mapper;
    }

    /**
     * A reader for documents this service wrote itself (stored facts and assessments): a field that a later
     * version no longer has must not make an old incident unreadable.
     */
    public static ObjectReader lenient(ObjectMapper mapper, Class<?> type) {
        return mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /**
     * Times only as ISO-8601 text: Jackson would read a number as seconds since 1970, so an epoch sent for
     * awareAt (or a count sent by mistake) would silently become some instant.
     */
    private static final class TextTimes extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<OffsetDateTime> {
        TextTimes() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (OffsetDateTime) ctxt.handleUnexpectedToken(OffsetDateTime.class, p);
            }
            return InstantDeserializer.OFFSET_DATE_TIME.deserialize(p, ctxt);
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.DateTime;
        }
    }

    /** A string with the NUL character: no database column can store it (PostgreSQL refuses it outright). */
    public static final class NulCharacterException extends com.fasterxml.jackson.databind.JsonMappingException {
        NulCharacterException(com.fasterxml.jackson.core.JsonParser parser) {
            super(parser, "a string contains the NUL character");
        }
    }

    /**
     * A string with a lone UTF-16 surrogate (a {@code \ud800} escape without its pair): no valid Unicode, and a
     * UTF-8 database stores it as "?", so what was acknowledged would not be what is kept.
     */
    public static final class LoneSurrogateException extends com.fasterxml.jackson.databind.JsonMappingException {
        LoneSurrogateException(com.fasterxml.jackson.core.JsonParser parser) {
            super(parser, "a string contains a lone UTF-16 surrogate");
        }
    }

    /** Whether the text holds a surrogate that is not half of a pair. */
    public static boolean hasLoneSurrogate(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Every string of every body, as Jackson reads it: JSON text only, refused when it holds U+0000 or is no valid Unicode. */
    private static final class NoNulStrings extends com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer<String> {
        private static final com.fasterxml.jackson.databind.deser.std.StringDeserializer STRINGS =
                com.fasterxml.jackson.databind.deser.std.StringDeserializer.instance;

        NoNulStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(com.fasterxml.jackson.core.JsonParser p, com.fasterxml.jackson.databind.DeserializationContext ctxt)
                throws java.io.IOException {
            // a number, boolean, array or object is not text: a 400 naming the field, never coerced ("title": 12)
            if (!p.hasToken(com.fasterxml.jackson.core.JsonToken.VALUE_STRING)) {
                return (String) ctxt.handleUnexpectedToken(String.class, p);
            }
            String value = STRINGS.deserialize(p, ctxt);
            if (value.indexOf(0) >= 0) {
                throw new NulCharacterException(p);
            }
            if (hasLoneSurrogate(value)) {
                throw new LoneSurrogateException(p);
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }
}
