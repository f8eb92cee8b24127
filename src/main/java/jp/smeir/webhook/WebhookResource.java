package jp.smeir.webhook;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.smeir.problem.InvalidInputException;
import jp.smeir.webhook.WebhookService.DeliveryView;
import jp.smeir.webhook.WebhookService.NewSubscription;
import jp.smeir.webhook.WebhookService.SubscriptionView;

import jp.smeir.common.Paging;
import jp.smeir.common.Roles;

/** Subscribers to outbound events (contract §4). */
@Path("/api/v1/webhooks")
@Tag(name = "webhooks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN})
public class WebhookResource {

    @Inject
    WebhookService service;

    @POST
    @Operation(summary = "Subscribe a URL to event types",
            description = "Every delivery is a JSON body signed twice: X-Signature: sha256=<hex HMAC-SHA256 of the raw body under "
                    + "the secret>, with X-Event-Id for de-duplication; and as Standard Webhooks: webhook-id (the event id), "
                    + "webhook-timestamp (Unix seconds of the attempt) and webhook-signature: v1,<base64 HMAC-SHA256 of "
                    + "\"<webhook-id>.<webhook-timestamp>.<body>\">, keyed with the base64-decoded rest of a secret written "
                    + "whsec_<base64>, else with the secret's UTF-8 bytes (a Standard Webhooks library then takes whsec_ + "
                    + "base64 of the secret). Retried with back-off until a 2xx, in order per incident. Obligation events "
                    + "concern REQUIRED duties, and CONDITIONAL ones too with includeConditional. The secret is never returned.")
    public Response subscribe(NewSubscription request) {
        SubscriptionView view = service.subscribe(request);
        return Response.created(URI.create("/api/v1/webhooks/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "Active subscriptions")
    public List<SubscriptionView> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Unsubscribe; deliveries not yet made are cancelled")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Delivery attempts to this subscriber and their outcome, newest first")
    public List<DeliveryView> deliveries(@PathParam("id") UUID id, @QueryParam("status") String status,
                                         @Parameter(description = "page number, from 0", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "0"))
                                         @QueryParam("page") String page,
                                         @Parameter(description = "deliveries per page, 1 to 200", schema = @Schema(type = SchemaType.INTEGER, defaultValue = "50"))
                                         @QueryParam("size") String size) {
        WebhookDelivery.Status s = null;
        if (status != null && !status.isBlank()) {
            try {
                s = WebhookDelivery.Status.valueOf(status);
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("status", "must be one of " + List.of(WebhookDelivery.Status.values()));
            }
        }
        return service.deliveries(id, s, Paging.number("page", page, 0), Paging.number("size", size, 50));
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}/attempts")
    @Operation(summary = "Every attempt of one delivery: when, and the receiver's status code or why there was none")
    public List<WebhookService.AttemptView> attempts(@PathParam("id") UUID id, @PathParam("deliveryId") long deliveryId) {
        return service.attempts(id, deliveryId);
    }
}
