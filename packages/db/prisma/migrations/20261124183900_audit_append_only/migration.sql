-- The audit log is append-only: no UPDATE, DELETE or TRUNCATE of "AuditEvent", whoever asks.
-- Prisma schemas cannot express triggers, so this migration carries them. The function body is an
-- escaped string with its one semicolon written as \x3B, because the PostgreSQL driver adapter
-- splits migration scripts at every semicolon.
CREATE FUNCTION "audit_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''The audit log is append-only: % on "AuditEvent" is not allowed.'', TG_OP USING ERRCODE = ''insufficient_privilege''\x3B END';

CREATE TRIGGER "AuditEvent_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_append_only"();
