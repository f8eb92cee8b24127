-- The next moment a watched deadline has a reminder to send (the nearest lead time not yet reminded of, or the
-- deadline itself, past which it is overdue), set by the reminder sweep when it first finds the deadline within its
-- horizon (null until then). A sweep then visits only the deadlines whose moment has come, instead of every
-- deadline within the longest lead time, every minute, one transaction each.
alter table obligation_deadline add column next_remind_at timestamp(6) with time zone;
create index obligation_deadline_next_idx on obligation_deadline (next_remind_at);
-- the deadlines not planned yet are found by due_at: the index holds next_remind_at, so the planned ones are passed
-- over on the index entry
drop index obligation_deadline_due_idx;
create index obligation_deadline_due_idx on obligation_deadline (due_at, next_remind_at);
