package jp.smeir.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import jp.smeir.engine.Text;

/**
 * The words reports use for codes and values ({@code labels.yaml} beside the templates): {@code words} holds
 * missing/yes/no/unknown, {@code groups} one map per vocabulary (incidentTypes, status, itemStatus, state,
 * timing, severity, sector, breach, historyType).
 */
record Labels(Map<String, Text> words, Map<String, Map<String, Text>> groups) {

    static Labels load(Path file) {
        try {
            return new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), Labels.class);
        } catch (IOException e) {
            throw new IllegalStateException("report labels cannot be read from " + file + ": " + e.getMessage(), e);
        }
    }

    String word(String key, String lang) {
        Text t = words.get(key);
        return t == null ? key : pick(t, lang);
    }

    /** The label of a value in a vocabulary, or the value itself when there is none. */
    String of(String group, Object value, String lang) {
        if (value == null) {
            return word("unknown", lang);
        }
        Map<String, Text> g = groups.get(group);
        Text t = g == null ? null : g.get(String.valueOf(value));
        return t == null ? String.valueOf(value) : pick(t, lang);
    }

    String yesNo(Boolean value, String lang) {
        return word(value == null ? "unknown" : value ? "yes" : "no", lang);
    }

    static String pick(Text t, String lang) {
        return "en".equals(lang) ? t.en() : t.ja();
    }
}
