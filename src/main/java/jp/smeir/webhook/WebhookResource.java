package jp.smeir.webhook;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jp.smeir.problem.InvalidInputException;
import jp.smeir.webhook.DeliveryService.DeliveryPage;
import jp.smeir.webhook.DeliveryService.DeliveryView;
import jp.smeir.webhook.WebhookService.NewSubscription;
import jp.smeir.webhook.WebhookService.SubscriptionChange;
import jp.smeir.webhook.WebhookService.SubscriptionView;

import jp.smeir.common.Paging;
import jp.smeir.common.Roles;

/** Subscribers to outbound events (docs/api.md §4). */
@Path("/api/v1/webhooks")
@Tag(name = "webhooks")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN})
public class WebhookResource {

    @Inject
    WebhookService service;

    @Inject
    DeliveryService deliveries;

    @POST
    @APIResponse(responseCode = "201", description = "The subscription (without its secret)",
            content = @Content(schema = @Schema(implementation = SubscriptionView.class)),
            headers = @Header(name = "Location", description = "/api/v1/webhooks/{id}", schema = @Schema(type = SchemaType.STRING)))
    @Operation(operationId = "subscribeWebhook", summary = "Subscribe a URL to event types",
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
    @Operation(operationId = "listWebhooks", summary = "Active subscriptions")
    public List<SubscriptionView> list() {
        return service.list();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "One subscription (without its secret)")
    public SubscriptionView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(operationId = "changeWebhook", summary = "Change a subscription: URL, event types, description, includeConditional, secret",
            description = "Fields absent or null stay. A new secret signs at once; the old one also signs, as a second "
                    + "v1 signature in webhook-signature, for incident.webhooks.secret-grace (24 h), so that receivers verifying "
                    + "Standard Webhooks switch without a gap (X-Signature uses the new secret at once).")
    public SubscriptionView change(@PathParam("id") UUID id, SubscriptionChange request) {
        return service.change(id, request);
    }

    @POST
    @Path("/{id}/ping")
    @Consumes(MediaType.WILDCARD)   // no body
    @APIResponse(responseCode = "202", description = "The ping's delivery, queued", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @Operation(operationId = "pingWebhook", summary = "Send a webhook.ping event to this subscriber now, whatever event types it has chosen",
            description = "Answers 202 with the delivery; its outcome shows in the deliveries listing and the delivery's attempts.")
    public Response ping(@PathParam("id") UUID id) {
        DeliveryView delivery = deliveries.ping(id);
        return Response.accepted(delivery)
                .location(URI.create("/api/v1/webhooks/" + id + "/deliveries/" + delivery.id() + "/attempts")).build();
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe; deliveries not yet made are cancelled")
    @APIResponse(responseCode = "204", description = "Unsubscribed")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @APIResponse(responseCode = "200", description = "One page of deliveries",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DeliveryView.class)),
            headers = {@Header(name = "X-Total-Count", description = "Deliveries in all", schema = @Schema(type = SchemaType.INTEGER)),
                    @Header(name = "Link", description = "rel=\"next\" and rel=\"prev\" pages, where there are",
                            schema = @Schema(type = SchemaType.STRING))})
    @Operation(operationId = "listDeliveries", summary = "Deliveries to this subscriber and their outcome, newest first",
            description = "A JSON array of one page; X-Total-Count gives how many there are in all, and Link the next and "
                    + "previous pages (rel=\"next\", rel=\"prev\"), with the same status filter.")
    public Response deliveries(@PathParam("id") UUID id,
                               @Parameter(description = "PENDING, DELIVERED, CANCELLED or FAILED")
                               @QueryParam("status") String status,
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
        DeliveryPage result = deliveries.deliveries(id, s, Paging.number("page", page, 0), Paging.number("size", size, 50));
        Response.ResponseBuilder response = Response.ok(result.items()).header("X-Total-Count", result.total());
        String base = "/api/v1/webhooks/" + id + "/deliveries?" + (s == null ? "" : "status=" + s + "&") + "size=" + result.size() + "&page=";
        if ((long) (result.page() + 1) * result.size() < result.total()) {
            response.link(base + (result.page() + 1), "next");
        }
        if (result.page() > 0) {
            response.link(base + (result.page() - 1), "prev");
        }
        return response.build();
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/redeliver")
    @Consumes(MediaType.WILDCARD)   // no body
    @APIResponse(responseCode = "202", description = "The delivery, pending again", content = @Content(schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "409", description = "delivery-cancelled: the delivery was cancelled (its subscription was deleted)")
    @Operation(operationId = "redeliver", summary = "Send a delivery again as soon as possible (a FAILED one, or one the receiver lost)",
            description = "It becomes PENDING with its attempts kept; it arrives with the same webhook-id and X-Event-Id. 202 with the delivery.")
    public Response redeliver(@PathParam("id") UUID id, @PathParam("deliveryId") long deliveryId) {
        return Response.accepted(deliveries.redeliver(id, deliveryId)).build();
    }

    @GET
    @Path("/{id}/deliveries/{deliveryId}/attempts")
    @Operation(operationId = "listAttempts", summary = "Every attempt of one delivery: when, and the receiver's status code or why there was none")
    public List<DeliveryService.AttemptView> attempts(@PathParam("id") UUID id, @PathParam("deliveryId") long deliveryId) {
        return deliveries.attempts(id, deliveryId);
    }
}
