package jp.smeir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Assessor;
import jp.smeir.assessment.Item;
import jp.smeir.common.JsonConfig;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.support.TestRules;

/** Kept encodings change how answers are written, never what is written. */
public class KeptJsonTest {

    /** Jackson's own way of writing a record and a string, for comparison. */
    @JsonSerialize(using = JsonSerializer.None.class)
    interface Plain {
    }

    static final ObjectMapper KEPT = JsonConfig.configure(new ObjectMapper().findAndRegisterModules());

    /** A mapper that writes answers with Jackson's own serializers, as before kept encodings (also for the benchmark). */
    public static ObjectMapper plain() {
        ObjectMapper plain = JsonConfig.configure(new ObjectMapper().findAndRegisterModules());
        plain.addMixIn(Text.class, Plain.class);
        plain.addMixIn(Basis.class, PlainBasis.class);
        plain.addMixIn(Item.class, PlainItem.class);
        plain.addMixIn(Item.Recipient.class, PlainRecipient.class);
        plain.addMixIn(Assessment.class, PlainAssessment.class);
        return plain;
    }

    abstract static class PlainBasis {
        @JsonSerialize(using = JsonSerializer.None.class)
        abstract String source();
    }

    abstract static class PlainItem {
        @JsonSerialize(using = JsonSerializer.None.class)
        abstract String rule();

        @JsonSerialize(contentUsing = JsonSerializer.None.class)
        abstract List<String> alsoFrom();
    }

    abstract static class PlainRecipient {
        @JsonSerialize(using = JsonSerializer.None.class)
        abstract String contact();
    }

    abstract static class PlainAssessment {
        @JsonSerialize(contentUsing = JsonSerializer.None.class)
        abstract List<String> firedRules();
    }

    @Test
    void anAnswerIsWrittenByteForByteAsJacksonWritesIt() throws Exception {
        IncidentFacts facts = KEPT.readValue("""
                {"awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["RANSOMWARE", "WEB_SKIMMING"],
                 "organization": {"sector": "MEDICAL", "cyberInsurance": true},
                 "personalData": {"breach": "SUSPECTED", "affectedPersons": 1200, "myNumber": true, "euResidents": true},
                 "impact": {"systemDown": true}}
                """, IncidentFacts.class);
        Assessment assessment = Assessor.assess(TestRules.engine().evaluate(facts, OffsetDateTime.parse("2026-11-20T10:00:00+09:00")));
        ObjectMapper plain = plain();
        String expected = plain.writeValueAsString(assessment);
        assertTrue(expected.contains("個人情報保護委員会") && expected.contains("\\n"), "the answer has Japanese texts and escapes");
        for (int i = 0; i < 2; i++) { // the first write encodes, the second writes what was kept
            assertEquals(expected, new String(KEPT.writeValueAsBytes(assessment), java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(expected, KEPT.writeValueAsString(assessment));
        }
        assertEquals(plain.readTree(expected), KEPT.readTree(KEPT.writeValueAsString(assessment)));
    }

    @Test
    void aTextWithoutOneLanguageLeavesItOut() throws Exception {
        assertEquals("{\"ja\":\"速やかに\"}", KEPT.writeValueAsString(new Text("速やかに", null)));
        assertEquals("{\"ja\":\"\\\"引用\\\"\\t\",\"en\":\"a \\\"quote\\\"\\u0001\"}",
                KEPT.writeValueAsString(new Text("\"引用\"\t", "a \"quote\"\u0001")));
    }
}
