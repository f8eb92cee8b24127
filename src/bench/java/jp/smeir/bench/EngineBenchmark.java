package jp.smeir.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.fasterxml.jackson.databind.ObjectMapper;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Assessor;
import jp.smeir.common.JsonConfig;
import jp.smeir.engine.Evaluation;
import jp.smeir.engine.KeptJsonTest;
import jp.smeir.engine.RuleBase;
import jp.smeir.engine.RuleEngine;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.facts.IncidentType;
import jp.smeir.facts.Sector;

/**
 * One evaluation of typical incidents on one thread, with the shipped rules and with the shipped rules plus
 * generated ones (scale 10 and 100: 9× and 99× as many rules again). Run: see BENCHMARKS.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EngineBenchmark {

    /** A misdelivery to a few persons, everything known: the common small incident. */
    static final String SMALL = """
            {"awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["MISDELIVERY"],
             "organization": {"sector": "GENERAL", "dataProcessor": false, "cyberInsurance": false, "otasukeTaiSubscriber": false,
                              "inHouseCapability": true, "designatedOperator": false},
             "personalData": {"breach": "CONFIRMED", "affectedPersons": 12, "sensitive": false, "financialHarmRisk": false,
                              "cardData": false, "myNumber": false, "improperPurpose": false, "encrypted": false, "euResidents": false,
                              "exposedOnline": false, "subjectsReachable": true, "recoveredUnviewed": false},
             "impact": {"systemDown": false, "businessStopped": false, "customersAffected": true, "partnersAffected": false,
                        "publicImpact": false, "damageSpreading": false, "externallyAccessible": false},
             "attack": {"ransomDemanded": false, "moneyTransferred": false, "crimeSuspected": false}}
            """;

    /** Ransomware at a clinic with EU patients: most duties apply. */
    static final String LARGE = """
            {"awareAt": "2026-11-20T09:30:00+09:00", "incidentTypes": ["RANSOMWARE"],
             "organization": {"sector": "MEDICAL", "dataProcessor": false, "cyberInsurance": true, "otasukeTaiSubscriber": false,
                              "inHouseCapability": false, "designatedOperator": false},
             "personalData": {"breach": "SUSPECTED", "affectedPersons": 1200, "sensitive": true, "financialHarmRisk": false,
                              "cardData": false, "myNumber": true, "improperPurpose": null, "encrypted": false, "euResidents": true,
                              "exposedOnline": false, "subjectsReachable": false, "recoveredUnviewed": false},
             "impact": {"systemDown": true, "businessStopped": true, "customersAffected": true, "partnersAffected": true,
                        "publicImpact": true, "damageSpreading": true, "externallyAccessible": true, "medicalCareDisrupted": true},
             "attack": {"ransomDemanded": true, "moneyTransferred": false, "crimeSuspected": true}}
            """;

    /** Several types at once with much still unknown: many derived facts, conditions and questions. */
    static final String MANY = """
            {"awareAt": "2026-11-20T09:30:00+09:00",
             "incidentTypes": ["RANSOMWARE", "UNAUTHORIZED_ACCESS", "BUSINESS_EMAIL_COMPROMISE", "DEVICE_THEFT", "WEB_SKIMMING"],
             "personalData": {"breach": "SUSPECTED"}}
            """;

    @Param({"small", "large", "many"})
    public String incident;

    /** 1: the shipped rules; 10 and 100: that many times as many rules, the rest generated. */
    @Param({"1"})
    public int scale;

    /** How {@link #write} writes: with the encodings kept once ({@code kept}, as the service) or Jackson's own way. */
    @Param({"kept"})
    public String encoding;

    RuleEngine engine;
    IncidentFacts facts;
    OffsetDateTime now = OffsetDateTime.parse("2026-11-20T10:00:00+09:00");
    Evaluation evaluation;
    Assessment assessment;
    ObjectMapper json;

    static final Logger DROOLS = Logger.getLogger("org.drools");
    static final Logger KIE = Logger.getLogger("org.kie");

    @Setup
    public void setUp() throws IOException {
        // as in the service: Drools traces every match at TRACE level
        DROOLS.setLevel(Level.WARNING);
        KIE.setLevel(Level.WARNING);
        json = "jackson".equals(encoding) ? KeptJsonTest.plain() : JsonConfig.configure(new ObjectMapper().findAndRegisterModules());
        facts = json.readValue(switch (incident) {
            case "small" -> SMALL;
            case "large" -> LARGE;
            default -> MANY;
        }, IncidentFacts.class);
        engine = new RuleEngine(RuleBase.build(scale == 1 ? Path.of("rules") : scaled(scale)));
        evaluation = engine.evaluate(facts, now);
        assessment = Assessor.assess(evaluation);
    }

    /** The rules engine alone: facts in, findings out. */
    @Benchmark
    public Evaluation evaluate() {
        return engine.evaluate(facts, now);
    }

    /** Turning the findings into the contract's answer (texts, deadlines, merging, questions). */
    @Benchmark
    public Assessment assemble() {
        return Assessor.assess(evaluation);
    }

    /** Writing the answer as the HTTP layer does: UTF-8 JSON bytes, about half of them Japanese text. */
    @Benchmark
    public byte[] write() throws IOException {
        return json.writeValueAsBytes(assessment);
    }

    /**
     * What a request does after the evaluation: assembling the answer and writing it. Unlike {@link #write}, each
     * answer is a new one, as in the service, so its filled-in texts are new objects each time.
     */
    @Benchmark
    public byte[] answer() throws IOException {
        return json.writeValueAsBytes(Assessor.assess(evaluation));
    }

    /**
     * A copy of rules/ with (scale − 1) × as many generated rules in the style of the shipped ones: each matches
     * a sector, an incident type and an exact number of persons, so that only a few fire for a given incident.
     */
    static Path scaled(int scale) throws IOException {
        Path dir = Files.createTempDirectory("rules-x" + scale);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        long shipped = RuleBase.build(Path.of("rules")).rules().size();
        long generated = shipped * (scale - 1);
        StringBuilder drl = new StringBuilder("""
                package rules;
                import jp.smeir.engine.Severity;
                import jp.smeir.engine.SeverityReason;
                import jp.smeir.facts.IncidentType;
                import jp.smeir.facts.Organization;
                import jp.smeir.facts.PersonalData;
                import jp.smeir.facts.Sector;
                """);
        Sector[] sectors = Sector.values();
        IncidentType[] types = IncidentType.values();
        for (long i = 0; i < generated; i++) {
            Sector sector = sectors[(int) (i % sectors.length)];
            IncidentType type = types[(int) ((i / sectors.length) % types.length)];
            drl.append("rule \"Generated ").append(i).append(" – ").append(sector).append(", ").append(type).append(", ").append(i)
                    .append(" persons → a severity reason\"\n")
                    .append("    @inForce(\"2000-01-01\", \"service\")\n    @stage(\"SEVERITY\")\n")
                    .append("    @basis(\"synthetic rule for the scaling benchmark — legal-basis §16\")\nwhen\n")
                    .append("    Organization( sector == Sector.").append(sector).append(" )\n")
                    .append("    IncidentType( this == IncidentType.").append(type).append(" )\n")
                    .append("    PersonalData( affectedPersons == ").append(i).append(" )\nthen\n")
                    .append("    insert(SeverityReason.of(kcontext, Severity.LOW, \"generated ").append(i).append("\"));\nend\n\n");
        }
        Files.writeString(dir.resolve("generated.drl"), drl);
        return dir;
    }
}
