package jp.smeir.incident;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.Assessor;
import jp.smeir.assessment.WorkingTargets;
import jp.smeir.engine.RuleEngine;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.problem.ProblemException;
import jp.smeir.ruleversion.StoredRuleBases;

/**
 * Re-assesses a stored assessment for audit: the facts it was made from, evaluated at the moment it was made, under
 * the rule version that made it (built from the database when it is not the one in service). Nothing is written.
 */
@ApplicationScoped
public class AssessmentReplay {

    @Schema(description = "A stored assessment and the same facts assessed again at the same moment under the same rule version")
    public record Replay(UUID incidentId, int seq, String rulesetVersion, OffsetDateTime evaluatedAt,
                         @Schema(description = "Whether the replay answers exactly as stored") boolean same,
                         @Schema(description = "The assessment as stored at the time") Assessment stored,
                         @Schema(description = "The assessment the stored rule version gives now for the stored facts and moment") Assessment replayed) {
    }

    /** What is read in one transaction: the stored assessment and its facts. */
    private record Stored(Assessment assessment, String facts) {
    }

    @Inject
    ObjectMapper json;

    @Inject
    StoredRuleBases ruleBases;

    @Inject
    WorkingTargets targets;

    public Replay replay(UUID id, int seq) {
        Stored stored = QuarkusTransaction.requiringNew().call(() -> read(id, seq));
        Assessment at = stored.assessment();
        RuleEngine engine = ruleBases.engine(at.rulesetVersion()).orElseThrow(() -> new ProblemException(409, "rule-version-not-stored",
                "Rule version not stored", "Assessment " + seq + " was made by rule version " + at.rulesetVersion()
                + ", which was put into service before rule versions were stored; it cannot be replayed."));
        IncidentFacts facts = read(stored.facts(), IncidentFacts.class);
        Assessment replayed = Assessor.assess(engine.evaluate(facts, at.evaluatedAt()), targets);
        boolean same = json.valueToTree(at).equals(json.valueToTree(replayed));
        return new Replay(id, seq, at.rulesetVersion(), at.evaluatedAt(), same, at, replayed);
    }

    private Stored read(UUID id, int seq) {
        Incident incident = Incident.findById(id);
        if (incident == null) {
            throw new ProblemException(404, "incident-not-found", "Not Found", "No incident " + id + ".");
        }
        AssessmentRecord record = AssessmentRecord.of(id, seq);
        if (record == null) {
            throw new ProblemException(404, "assessment-not-found", "Not Found", "Incident " + id + " has no assessment " + seq + ".");
        }
        String facts = record.facts != null ? record.facts : seq == incident.assessmentSeq ? incident.facts : null;
        if (facts == null) {
            throw new ProblemException(409, "facts-not-stored", "Facts not stored", "Assessment " + seq
                    + " was stored before assessments kept their facts, and the incident's facts have changed since; it cannot be replayed.");
        }
        Assessment assessment = record.bodyGzip != null ? StoredJson.expand(json, record.bodyGzip, Assessment.class)
                : read(StoredJson.expandLegacy(record.legacyBody), Assessment.class);
        return new Stored(assessment, facts);
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON cannot be read", e);
        }
    }
}
