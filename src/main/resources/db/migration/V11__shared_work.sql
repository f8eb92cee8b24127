-- Several instances on one database share the work. A delivery being sent is claimed by one instance until
-- claimed_until (a lease): no other instance sends it meanwhile, and once the lease has passed (the instance died
-- while sending) any instance takes it again. Portable SQL: runs on H2 (embedded default) and PostgreSQL.
alter table webhook_delivery add column claimed_by varchar(64);
alter table webhook_delivery add column claimed_until timestamp(6) with time zone;

-- A number that every change to the subscriptions moves on, in the change's transaction: each instance compares
-- it with the one its in-memory subscriber list was loaded at, before every event it stores.
create table change_counter (
    name                   varchar(40)   primary key,
    version                bigint        not null
);
insert into change_counter (name, version) values ('subscribers', 0);
