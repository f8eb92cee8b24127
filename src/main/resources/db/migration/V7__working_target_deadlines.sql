-- Working targets (the service's times for 直ちに / 速やかに, not law) are watched and found overdue as legal
-- deadlines are: the incident keeps the earliest open one beside next_due_at, and a watched time says whether
-- it is a target and from when its reminders count (a target's lead times never reach back before awareAt).
alter table incident add column next_target_at timestamp(6) with time zone;
create index incident_next_target_idx on incident (next_target_at);
alter table obligation_deadline add column target boolean default false not null;
alter table obligation_deadline add column remind_after timestamp(6) with time zone;
