package jp.smeir.console;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import jp.smeir.assessment.Assessment;
import jp.smeir.assessment.AssessmentService;
import jp.smeir.common.Roles;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.incident.AssessmentDiff;
import jp.smeir.incident.IncidentOpening;
import jp.smeir.problem.ProblemException;

/**
 * The Assess page: the facts form beside the answer. Assessing, answering a question in place (which shows what
 * changed) and saving as an incident call the same services as POST /api/v1/assessments and /api/v1/incidents.
 */
@Path("/console/assess")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({Roles.REPORTER, Roles.ANALYST, Roles.ADMIN})
public class AssessPage {

    static final String ANSWER_FACT = "answer.fact";
    static final String ANSWER_VALUE = "answer.value";

    @Inject
    Page page;

    @Inject
    FactForm form;

    @Inject
    Titles titles;

    @Inject
    AssessmentService assessments;

    @Inject
    IncidentOpening opening;

    @GET
    public Response show() {
        return render(null, null, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response assess(MultivaluedMap<String, String> posted) {
        IncidentFacts facts;
        try {
            facts = form.read(posted);
            return render(facts, assessments.assess(facts), null, null);
        } catch (ProblemException e) {
            return refused(posted, e);
        }
    }

    /** One question answered in place: assessed before and after, so the page can say what the answer changed. */
    @POST
    @Path("/answer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(MultivaluedMap<String, String> posted) {
        MultivaluedMap<String, String> answered = FactForm.answered(posted, posted.getFirst(ANSWER_FACT), posted.getFirst(ANSWER_VALUE));
        answered.remove(FactForm.PASTED);
        try {
            Assessment before = assessments.assess(form.read(posted));
            IncidentFacts facts = form.read(answered);
            return render(facts, assessments.assess(facts), before, null);
        } catch (ProblemException e) {
            return refused(answered, e);
        }
    }

    @POST
    @Path("/save")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> posted) {
        try {
            var opened = opening.open(form.read(posted), null, null, false);
            URI to = URI.create("/console/incident?id=" + opened.view().id());
            return page.fragment() ? Response.ok().header("HX-Redirect", to.toString()).build() : Response.seeOther(to).build();
        } catch (ProblemException e) {
            return refused(posted, e);
        }
    }

    /** The form as it was posted, so nothing typed is lost, with the reasons for the refusal. */
    private Response refused(MultivaluedMap<String, String> posted, ProblemException e) {
        return render(null, null, null, new Refused(posted, Failure.of(e, page.texts())));
    }

    private record Refused(MultivaluedMap<String, String> posted, Failure failure) {
    }

    private Response render(IncidentFacts facts, Assessment assessment, Assessment before, Refused refused) {
        Texts t = page.texts();
        Map<String, Object> data = new HashMap<>();
        data.put("groups", refused == null ? form.groups(facts, t) : form.groups(refused.posted(), t));
        data.put("pasted", refused == null ? "" : java.util.Objects.requireNonNullElse(refused.posted().getFirst(FactForm.PASTED), ""));
        data.put("failure", refused == null ? null : refused.failure());
        data.put("answer", assessment == null ? null
                : Answer.of(assessment, facts, before == null ? null : AssessmentDiff.between(before, assessment), form, titles, t));
        data.put("answered", before != null);
        return page.render(page.fragment() ? "console/assess-workspace" : "console/assess", "assess", data);
    }
}
