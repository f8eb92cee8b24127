-- dueBefore, when it picks many incidents, is tested on each incident read in the list's order (IncidentListing), as
-- overdue is: the list's indexes hold next_due_at too, so that the test is made on the index entry and only the
-- incidents of the page are read (H2 reads an incident's row only for a column its index entry lacks).
drop index incident_listed_idx;
create index incident_listed_idx on incident (opened_at desc, id, overdue_from, next_due_at);
drop index incident_status_listed_idx;
create index incident_status_listed_idx on incident (status, opened_at desc, id, overdue_from, next_due_at);
