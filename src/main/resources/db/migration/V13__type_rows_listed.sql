-- The type rows repeat the incident's opening time and overdue time (IncidentTypeRow, kept on every write), so that
-- the type filter, with overdue or without, is served by the type rows alone: a page is read in the list's order from
-- incident_type_listed_idx, overdue tested on its entries, and type with overdue is counted as one range of
-- incident_type_overdue_idx. Before, type with overdue tested thousands of overdue incidents one by one against the
-- type rows (0.5 s at p99 on H2 with 100,000 incidents; BENCHMARKS.md, "Lists on big tables").
alter table incident_type add column opened_at timestamp(6) with time zone;
alter table incident_type add column overdue_from timestamp(6) with time zone;
update incident_type set
    opened_at = (select i.opened_at from incident i where i.id = incident_type.incident_id),
    overdue_from = (select i.overdue_from from incident i where i.id = incident_type.incident_id);
alter table incident_type alter column opened_at set not null;
alter table incident_type alter column overdue_from set not null;
drop index incident_type_type_idx;
create index incident_type_listed_idx on incident_type (type, opened_at desc, incident_id, overdue_from);
create index incident_type_overdue_idx on incident_type (type, overdue_from);
