-- Tickets and webhook options of API v1.1. Self-contained (it needs only V1 and V2), so it can be renumbered.

-- The first incident of a ticket holds its claim: the ticket's system in lower case (null on an incident opened
-- for the ticket on purpose as a duplicate), unique with the ticket id, so that two requests at once cannot both
-- open the first incident of one ticket. Existing incidents: the first of each ticket gets the claim.
alter table incident add column ticket_claim varchar(100);
update incident i set ticket_claim = lower(ticket_system)
    where ticket_id is not null and not exists (
        select 1 from incident o
        where lower(o.ticket_system) = lower(i.ticket_system) and o.ticket_id = i.ticket_id
          and (o.opened_at < i.opened_at or (o.opened_at = i.opened_at and o.id < i.id)));
alter table incident add constraint incident_ticket_claim_uq unique (ticket_claim, ticket_id);
-- ticket look-ups compare the system without regard to case, so they find incidents by the ticket id
create index incident_ticket_id_idx on incident (ticket_id);

-- A subscription gets obligation events for REQUIRED duties only, unless it opts in to CONDITIONAL ones too.
alter table webhook_subscription add column include_conditional boolean default false not null;

-- A secret being rotated out still signs (beside the new one) until previous_secret_until.
alter table webhook_subscription add column previous_secret varchar(200);
alter table webhook_subscription add column previous_secret_until timestamp(6) with time zone;
-- Since when a delivery has been failing without a break: past incident.webhooks.give-up-after it is FAILED.
alter table webhook_delivery add column failing_since timestamp(6) with time zone;
-- A ping to one subscriber concerns no incident.
alter table outbox_event alter column incident_id drop not null;
alter table webhook_delivery alter column incident_id drop not null;
