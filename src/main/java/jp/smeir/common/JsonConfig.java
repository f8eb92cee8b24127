package jp.smeir.common;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Strict JSON: a wrong type is a 400, never silently coerced ("12" is not a number, 1.5 is not a count,
 * "yes" is not a boolean); offsets are kept as given; nesting (32 levels) and number length (Jackson's 1,000 digits) are bounded; nulls are left
 * out of answers (absent means unknown, as in the requests).
 */
@Singleton
public class JsonConfig implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        configure(mapper);
    }

    /** The same settings for mappers made outside CDI (tests, tools). */
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(1_000_000).build());
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("no-nul").addDeserializer(String.class, new NoNulStrings()));
        return mapper;
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
