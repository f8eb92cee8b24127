package jp.smeir.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import jp.smeir.client.ApiClient;
import jp.smeir.client.ApiException;
import jp.smeir.client.ApiResponse;
import jp.smeir.client.api.IncidentsApi;
import jp.smeir.client.model.Attack;
import jp.smeir.client.model.BreachStatus;
import jp.smeir.client.model.CompletionRequest;
import jp.smeir.client.model.ExternalTicket;
import jp.smeir.client.model.HistoryEntry;
import jp.smeir.client.model.HistoryEventType;
import jp.smeir.client.model.Impact;
import jp.smeir.client.model.IncidentFacts;
import jp.smeir.client.model.IncidentOpening;
import jp.smeir.client.model.IncidentStatus;
import jp.smeir.client.model.IncidentType;
import jp.smeir.client.model.IncidentView;
import jp.smeir.client.model.ItemProgress;
import jp.smeir.client.model.ItemState;
import jp.smeir.client.model.ItemStatus;
import jp.smeir.client.model.Organization;
import jp.smeir.client.model.PersonalData;
import jp.smeir.client.model.Problem;
import jp.smeir.client.model.Sector;
import jp.smeir.client.model.StatusChange;

/**
 * An integrator's ticketing connector, written against the Java client the build generates from the checked-in
 * docs/openapi.json (openapi-generator, java/native): it opens a ransomware incident for its ticket, reads it,
 * corrects the facts with If-Match, moves it to another ticket, records the duties done and closes it, then
 * reads the history. Nothing here but the generated classes speaks to the service.
 */
@QuarkusTest
class OpenApiClientTest {

    @TestHTTPResource("/")
    URI service;

    /** The generated client pointed at the test port, authenticating as the reporter with HTTP Basic. */
    IncidentsApi incidents() {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.toString().replaceAll("/$", ""));
        String basic = Base64.getEncoder().encodeToString("reporter:reporter-pass".getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
        return new IncidentsApi(client);
    }

    /** The facts of rules/scenarios/appi/01-ransomware-1200-persons.json, as a connector would fill them in. */
    static IncidentOpening ransomware(String ticketSystem) {
        return new IncidentOpening()
                .title("Ransomware on file server")
                .awareAt(OffsetDateTime.parse("2026-11-20T09:30:00+09:00"))
                .incidentTypes(List.of(IncidentType.RANSOMWARE))
                .organization(new Organization().sector(Sector.GENERAL).dataProcessor(false).cyberInsurance(true)
                        .otasukeTaiSubscriber(false).inHouseCapability(false).privacyMarkOrAccreditedBodyMember(false))
                .personalData(new PersonalData().breach(BreachStatus.SUSPECTED).affectedPersons(1200).sensitive(false)
                        .financialHarmRisk(false).cardData(false).myNumber(false).encrypted(false).euResidents(false)
                        .exposedOnline(false).subjectsReachable(true).recoveredUnviewed(false))
                .impact(new Impact().systemDown(true).businessStopped(true).customersAffected(true).partnersAffected(false)
                        .publicImpact(false).damageSpreading(true).externallyAccessible(true).medicalCareDisrupted(false))
                .attack(new Attack().ransomDemanded(true).moneyTransferred(false).crimeSuspected(true)
                        .stateSponsoredSuspected(false).attackerInfrastructureKnown(false))
                .externalTicket(new ExternalTicket().system(ticketSystem).id("SEC-123"));
    }

    /** The opening's facts without the ticket: what PUT …/facts takes. */
    static IncidentFacts facts(IncidentOpening opening) {
        return new IncidentFacts().title(opening.getTitle()).awareAt(opening.getAwareAt()).incidentTypes(opening.getIncidentTypes())
                .organization(opening.getOrganization()).personalData(opening.getPersonalData()).impact(opening.getImpact())
                .attack(opening.getAttack());
    }

    static String etag(ApiResponse<?> answer) {
        return answer.getHeaders().get("etag").get(0);
    }

    @Test
    void aConnectorFollowsAnIncidentFromOpeningToClosureThroughTheGeneratedClient() throws Exception {
        IncidentsApi api = incidents();
        String system = "Jira-" + UUID.randomUUID();
        IncidentOpening opening = ransomware(system);

        // open: 201, Location and ETag; the ticket is stored
        ApiResponse<IncidentView> opened = api.openIncidentWithHttpInfo(opening, null, null, null, UUID.randomUUID().toString());
        assertThat(opened.getStatusCode()).isEqualTo(201);
        IncidentView incident = opened.getData();
        UUID id = incident.getId();
        assertThat(opened.getHeaders().get("location").get(0)).endsWith("/api/v1/incidents/" + id);
        assertThat(incident.getStatus()).isEqualTo(IncidentStatus.OPEN);
        assertThat(incident.getExternalTicket().getSystem()).isEqualTo(system);
        assertThat(incident.getProgress()).extracting(ItemProgress::getCode).contains("PPC_PRELIMINARY_REPORT", "INSURER_NOTICE");

        // a second incident for the same ticket is refused, naming the first (409 problem+json)
        ApiException duplicate = catchThrowableOfType(ApiException.class,
                () -> api.openIncident(ransomware(system), null, null, null, null));
        assertThat(duplicate.getCode()).isEqualTo(409);
        Problem conflict = problem(duplicate);
        assertThat(conflict.getType()).isEqualTo("/problems/ticket-has-incident");
        assertThat(conflict.getExistingIncident()).isEqualTo(id);

        // read: the same version, as ETag
        ApiResponse<IncidentView> read = api.getIncidentWithHttpInfo(id, null, null);
        assertThat(read.getData().getVersion()).isEqualTo(incident.getVersion());
        String etag = etag(read);
        assertThat(etag).isEqualTo("\"" + incident.getVersion() + "\"");

        // change the facts with If-Match: the incident is re-assessed and says what changed
        IncidentFacts corrected = facts(opening);
        corrected.getPersonalData().setAffectedPersons(800);
        ApiResponse<IncidentView> changed = api.replaceFactsWithHttpInfo(id, etag, corrected, null, null);
        assertThat(changed.getData().getFacts().getPersonalData().getAffectedPersons()).isEqualTo(800);
        assertThat(changed.getData().getDifference()).isNotNull();
        assertThat(changed.getData().getVersion()).isGreaterThan(incident.getVersion());
        // the old ETag is stale now: 412
        ApiException stale = catchThrowableOfType(ApiException.class, () -> api.replaceFacts(id, etag, corrected, null, null));
        assertThat(stale.getCode()).isEqualTo(412);
        assertThat(problem(stale).getType()).isEqualTo("/problems/stale-version");

        // set the ticket (the connector's issue moved)
        ApiResponse<IncidentView> ticketed = api.changeTicketWithHttpInfo(id, etag(changed),
                new ExternalTicket().system(system).id("SEC-124"), null);
        assertThat(ticketed.getData().getExternalTicket().getId()).isEqualTo("SEC-124");

        // complete one item
        ItemProgress done = api.completeItem("INSURER_NOTICE", id,
                new CompletionRequest().by("総務部 山田").reference("保険会社 受付 A-1").note("電話で第一報"));
        assertThat(done.getState()).isEqualTo(ItemState.DONE);
        assertThat(done.getCompletion().getBy()).isEqualTo("総務部 山田");

        // closing while REQUIRED duties are open: 409 naming them
        ApiException early = catchThrowableOfType(ApiException.class,
                () -> api.changeStatus(id, new StatusChange().status(IncidentStatus.CLOSED).reason("対応完了"), null, null, null));
        assertThat(early.getCode()).isEqualTo(409);
        List<String> open = problem(early).getOpenCodes();
        assertThat(open).isNotEmpty().doesNotContain("INSURER_NOTICE");

        // the connector records the rest of the REQUIRED duties, then closes
        IncidentView current = api.getIncident(id, null, null);
        List<String> required = current.getProgress().stream()
                .filter(item -> item.getStatus() == ItemStatus.REQUIRED && item.getState() != ItemState.DONE)
                .map(ItemProgress::getCode).toList();
        assertThat(required).containsExactlyInAnyOrderElementsOf(open);
        for (String code : required) {
            api.completeItem(code, id, new CompletionRequest().by("総務部 山田"));
        }
        IncidentView closed = api.changeStatus(id, new StatusChange().status(IncidentStatus.CLOSED).reason("対応完了"), null, null, null);
        assertThat(closed.getStatus()).isEqualTo(IncidentStatus.CLOSED);

        // history: every step in order, each with its data as a plain object
        List<HistoryEntry> history = api.getHistory(id);
        assertThat(history).extracting(HistoryEntry::getType).containsSubsequence(HistoryEventType.OPENED,
                HistoryEventType.FACTS_CHANGED, HistoryEventType.TICKET_CHANGED, HistoryEventType.ITEM_COMPLETED,
                HistoryEventType.STATUS_CHANGED);
        assertThat(history).extracting(HistoryEntry::getActor).containsOnly("reporter");
        HistoryEntry completion = history.stream().filter(e -> e.getType() == HistoryEventType.ITEM_COMPLETED).findFirst().orElseThrow();
        assertThat(completion.getData()).containsEntry("code", "INSURER_NOTICE");
    }

    /** The problem+json body of an error answer, read with the client's own mapper and model. */
    Problem problem(ApiException e) throws Exception {
        assertThat(e.getResponseHeaders().firstValue("content-type")).hasValue("application/problem+json");
        return ApiClient.createDefaultObjectMapper().readValue(e.getResponseBody(), Problem.class);
    }
}
