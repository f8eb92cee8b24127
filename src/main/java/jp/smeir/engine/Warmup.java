package jp.smeir.engine;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.assessment.Assessor;
import jp.smeir.common.JsonConfig;
import jp.smeir.facts.IncidentFacts;

/**
 * One evaluation of a broad incident, read from JSON and answered as the API answers, on a fresh rule base:
 * it loads and prepares what the first real request would otherwise wait for (Drools' node memories and
 * constraints, the texts, the calendar, the JSON binding). Its answer is thrown away.
 */
final class Warmup {

    private static final String FACTS = """
            {"awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["RANSOMWARE", "UNAUTHORIZED_ACCESS", "MISDELIVERY"],
             "organization": {"sector": "MEDICAL", "cyberInsurance": true},
             "personalData": {"breach": "SUSPECTED", "affectedPersons": 1200, "sensitive": true, "euResidents": true, "myNumber": true},
             "impact": {"systemDown": true, "businessStopped": true}, "attack": {"ransomDemanded": true}}
            """;

    private Warmup() {
    }

    static void run(RuleBase base) throws java.io.IOException {
        IncidentFacts facts = JsonConfig.configure(new ObjectMapper().findAndRegisterModules()).readValue(FACTS, IncidentFacts.class);
        Assessor.assess(new RuleEngine(base).evaluate(facts, facts.awareAt().plusHours(1)));
    }
}
