package jp.smeir.problem;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where errors become {@code application/problem+json}. Clients never see a stack trace, a
 * class name or SQL: unexpected errors are logged with an id that the answer quotes.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    /** Where the console's log-in form posts (quarkus.http.auth.form.post-location). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check")
    String consoleLogIn;

    static String type(String slug) {
        return "/problems/" + slug;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = Response.fromResponse(respond(e.toProblem()));
        Object retry = e.toProblem().getExtensions().get("retryAfterSeconds");
        if (retry != null) {
            response.header("Retry-After", retry);
        }
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        // a limit hit while Jackson reads a field (a body too large, counted as it is read) comes wrapped
        ProblemException wrapped = wrapped(e.getCause());
        return wrapped != null ? problem(wrapped) : respond(new InvalidInputException(List.of(fieldError(e))).toProblem());
    }

    /** Declared for the subtypes too, so that these win over Quarkus's built-in plain-text mappers. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response mapping(JsonMappingException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response parse(JsonParseException e) {
        return json(e);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        Response.StatusType info = Response.Status.fromStatusCode(status);
        String title = info == null ? "HTTP " + status : info.getReasonPhrase();
        return respond(new Problem("about:blank", title, status, detailFor(status), null, null));
    }

    @ServerExceptionMapper({io.quarkus.security.UnauthorizedException.class, io.quarkus.security.AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, io.vertx.core.http.HttpServerRequest request) {
        if (request.path().equals(consoleLogIn)) {
            // the console's log-in form with a wrong password: back to its page, which says so
            return Response.seeOther(java.net.URI.create("/console/login?error=true")).build();
        }
        return Response.fromResponse(respond(new Problem(type("unauthorized"), "Unauthorized", 401,
                        "Authenticate with HTTP Basic (or a bearer token where OIDC is configured).", null, null)))
                .header("WWW-Authenticate", "Basic realm=\"incident-decision\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return respond(new Problem(type("forbidden"), "Forbidden", 403, "Your role does not allow this request.", null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        ProblemException wrapped = wrapped(e);
        if (wrapped != null) {
            return problem(wrapped);
        }
        if (clientGone(e)) {
            // the client dropped the connection mid-body: nobody is left to answer, and nothing is wrong here
            LOG.debugf("request abandoned by the client: %s", e.getMessage());
            return respond(new Problem(type("bad-request"), "Bad Request", 400, "The request body was not sent whole.", null, null));
        }
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s", id);
        return respond(new Problem(type("internal-error"), "Internal error", 500,
                "An unexpected error occurred; it has been logged as " + id + ".", null, null));
    }

    /** Whether the client closed the connection while its body was being read. */
    private static boolean clientGone(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException || t instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    /** The first {@link ProblemException} in a chain of causes, from {@code e} on; null if none. */
    private static ProblemException wrapped(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
        }
        return null;
    }

    static Response respond(Problem problem) {
        return Response.status(problem.getStatus()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String detailFor(int status) {
        return switch (status) {
            case 404 -> "No such resource.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "The requested media type is not available.";
            case 413 -> "The request body is too large.";
            case 415 -> "Send the body as application/json.";
            default -> "The request could not be processed.";
        };
    }

    /** Names the JSON field at fault, e.g. {@code personalData.affectedPersons} or {@code incidentTypes[1]}. */
    public static FieldError fieldError(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return new FieldError("", "exceeds a limit: " + firstSentence(e.getOriginalMessage()));
        }
        if (e instanceof InputCoercionException coercion) {
            return new FieldError(streamPath(coercion), "must be a whole number within range");
        }
        if (e instanceof JsonParseException) {
            return new FieldError("", "is not well-formed JSON" + where(e));
        }
        if (!(e instanceof JsonMappingException mapping)) {
            return new FieldError(e instanceof StreamReadException read ? streamPath(read) : "", "cannot be read as JSON" + where(e));
        }
        String field = path(mapping);
        if (mapping instanceof jp.smeir.common.JsonConfig.NulCharacterException) {
            return new FieldError(field, "must not contain the NUL character (U+0000)");
        }
        if (mapping instanceof jp.smeir.common.JsonConfig.LoneSurrogateException) {
            return new FieldError(field, "must be valid Unicode: a UTF-16 surrogate escape (\\ud800–\\udfff) needs its pair");
        }
        if (mapping instanceof UnrecognizedPropertyException unknown) {
            return unknownField(field, unknown);
        }
        if (mapping instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            return new FieldError(field, "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants()));
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldError(field, "must be " + describe(mismatch.getTargetType()));
        }
        if (mapping.getCause() instanceof InputCoercionException) {
            return new FieldError(field, "must be a whole number within range");
        }
        if (mapping.getCause() instanceof StreamConstraintsException limit) {
            return new FieldError(field, "exceeds a limit: " + firstSentence(limit.getOriginalMessage()));
        }
        if (mapping.getCause() instanceof java.time.DateTimeException) {
            return new FieldError(field, "must be an ISO-8601 date-time with an offset, e.g. 2026-11-20T09:30:00+09:00");
        }
        return new FieldError(field, "is invalid");
    }

    /**
     * A field the request's record does not have, with the known one it most likely meant (by its full path,
     * so it can be copied), else the fields known at that place.
     */
    private static FieldError unknownField(String field, UnrecognizedPropertyException e) {
        java.util.List<String> known = e.getKnownPropertyIds() == null ? List.of()
                : e.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
        String parent = field.contains(".") ? field.substring(0, field.lastIndexOf('.') + 1) : "";
        String hint = NearestName.of(e.getPropertyName(), known).map(name -> "; did you mean " + parent + name + "?")
                .orElse(known.isEmpty() ? "" : " (known here: " + String.join(", ", known) + ")");
        return new FieldError(field, "is not a known field" + hint);
    }

    /** The field being read when a low-level read failed, from the parser's context. */
    private static String streamPath(StreamReadException e) {
        JsonParser parser = e.getProcessor();
        if (parser == null) {
            return "";
        }
        StringBuilder path = new StringBuilder();
        String pointer = parser.getParsingContext().pathAsPointer().toString();
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.chars().allMatch(Character::isDigit)) {
                path.append('[').append(part).append(']');
            } else {
                path.append(path.length() > 0 ? "." : "").append(part.replace("~1", "/").replace("~0", "~"));
            }
        }
        return path.toString();
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true, false or null";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number within range, or null";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "an ISO-8601 date-time with an offset, e.g. 2026-11-20T09:30:00+09:00";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a JSON object";
    }

    private static String where(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static String firstSentence(String s) {
        if (s == null) {
            return "";
        }
        int cut = s.indexOf(" (");
        return cut > 0 ? s.substring(0, cut) : s;
    }
}
