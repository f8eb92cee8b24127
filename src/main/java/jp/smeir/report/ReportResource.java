package jp.smeir.report;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.smeir.common.Roles;

/** Report drafts of an incident: Markdown by default, HTML with Accept: text/html. */
@Path("/api/v1/incidents/{id}/report")
@Tag(name = "incidents")
@RolesAllowed({Roles.REPORTER, Roles.ANALYST, Roles.ADMIN})
public class ReportResource {

    static final String MARKDOWN = ActionSheets.MARKDOWN;
    static final String HTML = ActionSheets.HTML;

    @Inject
    ReportService service;

    @GET
    @Produces({MARKDOWN, HTML})
    @APIResponse(responseCode = "200", description = "The draft", content = {
            @Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "500", description = "report-template-missing or report-template-broken: a template in the reports "
            + "folder is absent or does not render (the operator's to fix)")
    @Operation(operationId = "getReport", summary = "A draft for management, the PPC (漏えい等報告, the nine items of Rules Art. 8(1)) or the public",
            description = "Japanese by default, English with lang=en. Unknowns are marked for completion. Templates are files in "
                    + "the reports folder that an operator can change.")
    public Response report(@PathParam("id") UUID id,
                           @Parameter(description = "management, ppc or public") @QueryParam("kind") String kind,
                           @Parameter(description = "ja (default) or en") @QueryParam("lang") String lang,
                           @jakarta.ws.rs.core.Context jakarta.ws.rs.core.HttpHeaders headers) {
        boolean html = ActionSheets.wantsHtml(headers.getAcceptableMediaTypes());
        return html ? Response.ok(service.html(id, kind, lang), HTML).build()
                : Response.ok(service.markdown(id, kind, lang), MARKDOWN).build();
    }
}
