-- The dispatcher looks for the oldest pending delivery of each (subscriber, incident); this index serves it.
create index webhook_delivery_head_idx on webhook_delivery (subscription_id, incident_id, status, id);
