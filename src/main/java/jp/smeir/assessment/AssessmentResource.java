package jp.smeir.assessment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.NonBlocking;

import jp.smeir.common.Roles;
import jp.smeir.facts.IncidentFacts;
import jp.smeir.report.ActionSheets;

/** Evaluates facts without storing anything: for helpdesk look-ups and analysts' what-if runs. */
@Path("/api/v1/assessments")
@Tag(name = "assessments")
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.REPORTER, Roles.ANALYST, Roles.ADMIN})
public class AssessmentResource {

    static final String LANG = "ja or en: every text in that language only (same shape, one key); absent: both";
    static final String VIEW = "compact: of each item only code, status, stage, priority, title and dueAt or targetAt, "
            + "of each question its fact, of each first step its code and priority; full (default): everything";

    static final String DESCRIPTION = "Answers the actions, notification duties and escalations, each with its basis and rule, in the "
            + "order of urgency (priority), with firstSteps. Unknown facts (absent or null) make dependent duties CONDITIONAL and "
            + "appear in questions. With Accept: text/markdown or text/html, a one-page action sheet to print instead: first "
            + "steps, duties with deadlines, questions; Japanese by default (lang=en for English), Markdown folded to 80 columns "
            + "or an HTML page with print styles.";

    @Inject
    AssessmentService service;

    @Inject
    ActionSheets sheets;

    @Inject
    ObjectMapper json;

    @POST
    // Evaluating is computation alone (no database, no file, no remote call) and takes well under a millisecond,
    // so it runs on the event loop that received the request rather than being handed to a worker thread:
    // under load a p99 about 15% lower and 4-5% more answers per second (BENCHMARKS.md).
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assess", summary = "Evaluate incident facts; nothing is stored", description = DESCRIPTION)
    @APIResponse(responseCode = "406", description = "Accept names neither application/json nor an action sheet's type")
    @APIResponse(responseCode = "200", description = "The assessment",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Assessment.class)))
    public Response assess(@Parameter(description = LANG) @QueryParam("lang") String lang,
                           @Parameter(description = VIEW) @QueryParam("view") String view,
                           @Context HttpHeaders headers, IncidentFacts facts) {
        AnswerView.requireJson(headers.getAcceptableMediaTypes());
        AnswerView answerView = AnswerView.of(lang, view);
        return Response.ok(answerView.render(json, service.assess(facts))).build();
    }

    @POST
    @Produces({ActionSheets.MARKDOWN, ActionSheets.HTML})
    // the same operation as assess in the API description (same path and method): the same words
    @Operation(operationId = "assess", summary = "Evaluate incident facts; nothing is stored", description = DESCRIPTION)
    @APIResponse(responseCode = "200", description = "The action sheet", content = {
            @Content(mediaType = ActionSheets.MARKDOWN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = ActionSheets.HTML, schema = @Schema(type = SchemaType.STRING))})
    public Response sheet(@Parameter(description = "ja (default) or en") @QueryParam("lang") String lang,
                          @Context HttpHeaders headers, IncidentFacts facts) {
        String language = AnswerView.of(lang, null).sheetLanguage();
        boolean html = ActionSheets.wantsHtml(headers.getAcceptableMediaTypes());
        String sheet = sheets.of(service.assess(facts), facts, language, html);
        return Response.ok(sheet, html ? ActionSheets.HTML : ActionSheets.MARKDOWN).build();
    }
}
