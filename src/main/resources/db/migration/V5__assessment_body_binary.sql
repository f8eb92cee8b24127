-- Stored assessments as gzip-compressed UTF-8 JSON in a binary column (bytea is BINARY VARYING on H2), not as
-- base64 text: a quarter less to write, and no text encoding in the store (BENCHMARKS.md, opening incidents).
-- Rows written before keep their text in body (plain JSON, or 'gz:' and base64) and are read from there.
alter table assessment_record add column body_gzip bytea;
alter table assessment_record alter column body drop not null;
