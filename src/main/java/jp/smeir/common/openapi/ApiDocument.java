package jp.smeir.common.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;

import jp.smeir.problem.Problem;

/**
 * Completes the API description beyond what the annotations say: both security schemes (HTTP Basic and an OIDC
 * bearer token), the problem+json schema of every error, the error answers every operation can give by its
 * shape (credentials, roles, body, path, If-Match, rate limit), the body of an opening request (the facts and
 * externalTicket), and examples from the real scenarios ({@link ApiExamples}). An error an operation answers
 * for its own reasons (409, 412 without If-Match, 422, 428…) is declared on the resource method with its
 * meaning; this filter gives it the problem schema.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiDocument implements OASFilter {

    static final String API = "/api/v1/";
    static final String PROBLEM = "Problem";
    static final String OPENING = "IncidentOpening";
    static final String JSON_NODE = "#/components/schemas/JsonNode";

    /** Requests that store nothing: no write limit (RequestLimits.NOT_WRITES). */
    static final Set<String> NOT_WRITES = Set.of("/api/v1/assessments", "/api/v1/scenarios/run");

    /** What each status means when an operation answers it for the reasons every operation shares. */
    static final Map<String, String> GENERIC = Map.of(
            "400", "Invalid input: the body or a query parameter; errors names each field at fault (problem type /problems/invalid-input)",
            "401", "No credentials or wrong ones: authenticate with HTTP Basic or an OIDC bearer token (WWW-Authenticate: Basic)",
            "403", "The user's role does not allow this operation",
            "404", "No such resource (an unknown id, or one that is not a UUID)",
            "408", "The request body did not arrive within incident.http.body-timeout (the connection is closed)",
            "412", "If-Match names a version that is no longer the current one: read again, then retry",
            "413", "The request body is larger than incident.http.max-body-size (256 KB)",
            "415", "The body is not sent as application/json",
            "429", "Too many writes by this user (Retry-After says when to retry), or too many request bodies arriving at once");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        security(openAPI, components);
        components.addSchema(PROBLEM, problemSchema());
        components.addSchema("FieldError", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One field at fault, by its JSON path")
                .addProperty("field", string("JSON path of the field, e.g. personalData.affectedPersons; empty for the whole body"))
                .addProperty("message", string("What is wrong, e.g. \"is not a known field; did you mean incidentTypes?\"")));
        freeFormHistoryData(components);
        components.addSchema(OPENING, opening(components));
        ApiExamples.all().forEach(components::addExample);
        if (openAPI.getPaths() == null) {
            return;
        }
        // sorted, so that the document reads the same on every build
        Map<String, PathItem> paths = new TreeMap<>(openAPI.getPaths().getPathItems());
        paths.forEach((path, item) -> {
            if (path.startsWith(API)) {
                item.getOperations().forEach((method, operation) -> operation(path, method, operation));
            }
        });
    }

    private static void operation(String path, PathItem.HttpMethod method, Operation operation) {
        if ("openIncident".equals(operation.getOperationId())) {
            operation.getRequestBody().getContent().getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
                    .setSchema(OASFactory.createSchema().ref(OPENING));
        }
        for (String status : statuses(path, method, operation)) {
            if (!operation.getResponses().hasAPIResponse(status)) {
                APIResponse response = OASFactory.createAPIResponse().description(GENERIC.get(status));
                if (status.equals("401")) {
                    response.addHeader("WWW-Authenticate", OASFactory.createHeader().description("Basic realm=\"incident-decision\"")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
                }
                if (status.equals("429")) {
                    response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before retrying")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
                }
                operation.getResponses().addAPIResponse(status, response);
            }
        }
        // every error answers problem+json: the generic ones above and those the resource method declares
        operation.getResponses().getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                MediaType problem = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM));
                ApiExamples.problem(status, operation.getOperationId(), path).ifPresent(name ->
                        problem.addExample(name, OASFactory.createExample().ref(name)));
                response.setContent(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem));
            }
        });
        ApiExamples.request(operation.getOperationId()).forEach(name -> {
            Content body = operation.getRequestBody().getContent();
            body.getMediaTypes().values().forEach(type -> type.addExample(name, OASFactory.createExample().ref(name)));
        });
        ApiExamples.responses(operation.getOperationId()).forEach((status, name) -> {
            MediaType json = operation.getResponses().getAPIResponse(status).getContent()
                    .getMediaType(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
            json.addExample(name, OASFactory.createExample().ref(name));
        });
        // one If-Match line with one ETag is all a client sends; required where its absence is a 428
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> p.getIn() == Parameter.In.HEADER && p.getName().equals("If-Match"))
                    .forEach(p -> p.required(operation.getResponses().hasAPIResponse("428") ? Boolean.TRUE : null)
                            .description("The ETag of the incident's last answer (GET or a change), e.g. \"3\"; a stale one is 412")
                            .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        // a response map in status order, whatever order annotations and this filter added them in
        operation.getResponses().setAPIResponses(new TreeMap<>(operation.getResponses().getAPIResponses()));
    }

    /** The errors an operation answers by its shape: who may call it, its body, its path, its parameters. */
    static List<String> statuses(String path, PathItem.HttpMethod method, Operation operation) {
        List<String> statuses = new java.util.ArrayList<>(List.of("401", "403"));
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        if (body || parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY)) {
            statuses.add("400");
        }
        if (path.contains("{")) {
            statuses.add("404");
        }
        if (body) {
            statuses.addAll(List.of("408", "413", "415"));
        }
        if (parameters.stream().anyMatch(p -> p.getIn() == Parameter.In.HEADER && p.getName().equals("If-Match"))) {
            statuses.add("412");
        }
        boolean write = method != PathItem.HttpMethod.GET && !NOT_WRITES.contains(path);
        if (body || write) {
            statuses.add("429");
        }
        return statuses;
    }

    private static void security(OpenAPI openAPI, Components components) {
        components.addSecurityScheme("basicAuth", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("HTTP Basic against the service's own users; each user has one role: reporter, analyst or admin"));
        components.addSecurityScheme("bearerAuth", OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("An OIDC access token from the issuer configured in quarkus.oidc.auth-server-url (when "
                        + "QUARKUS_OIDC_TENANT_ENABLED=true); its groups claim carries the role: reporter, analyst or admin"));
        openAPI.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("basicAuth"),
                OASFactory.createSecurityRequirement().addScheme("bearerAuth")));
    }

    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", string("A URI reference naming the kind of problem, e.g. /problems/invalid-input"));
        properties.put("title", string("Short summary of the kind of problem"));
        properties.put("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                .description("The HTTP status code"));
        properties.put("detail", string("What went wrong with this request"));
        properties.put("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().ref("FieldError"))
                .description("Invalid input: every field at fault"));
        properties.put("openCodes", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .description("required-duties-open: the REQUIRED items neither done nor marked not applicable"));
        properties.put("existingIncident", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uuid")
                .description("ticket-has-incident: the incident that has the ticket (also in Location)"));
        properties.put("retryAfterSeconds", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int64")
                .description("rate-limited: seconds to wait (also in Retry-After)"));
        properties.put("ruleErrors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).additionalPropertiesBoolean(true))
                .description("rules-invalid: why the rule files do not build"));
        properties.put("scenarioFailures", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).additionalPropertiesBoolean(true))
                .description("scenarios-failed: each failing scenario's name and differences"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An error in RFC 9457 form (application/problem+json). Extension members appear with the problems that "
                        + "need them; a client should ignore members it does not know.")
                .required(List.of("type", "title", "status"))
                .properties(properties)
                .additionalPropertiesBoolean(true);
    }

    /** History data is what the event recorded (facts changed, the completion…): any JSON object. */
    private static void freeFormHistoryData(Components components) {
        Schema entry = components.getSchemas().get("HistoryEntry");
        if (entry != null) {
            entry.addProperty("data", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).additionalPropertiesBoolean(true)
                    .description("What the event recorded; its members depend on type (e.g. FACTS_CHANGED: the changed facts, "
                            + "ITEM_COMPLETED: code and the completion)"));
        }
        // any other JSON value the service passes through (a changed fact's old and new value): any JSON
        components.getSchemas().values().forEach(schema -> {
            if (schema.getProperties() != null) {
                Map.copyOf(schema.getProperties()).forEach((name, property) -> {
                    if (JSON_NODE.equals(property.getRef())) {
                        schema.addProperty(name, OASFactory.createSchema().description("Any JSON value"));
                    }
                });
            }
        });
        components.removeSchema("JsonNode");
        components.removeSchema("JsonNodeType");
    }

    /** The body of POST /incidents: the facts, and beside them the caller's ticket. */
    private static Schema opening(Components components) {
        Schema facts = components.getSchemas().get("IncidentFacts");
        Schema opening = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description(facts.getDescription() + " Beside the facts, externalTicket names the caller's ticket.")
                .required(facts.getRequired());
        facts.getProperties().forEach(opening::addProperty);
        return opening.addProperty("externalTicket", OASFactory.createSchema().ref("ExternalTicket"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
