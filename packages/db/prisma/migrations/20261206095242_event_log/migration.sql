-- CreateTable
CREATE TABLE "DomainEvent" (
    "position" BIGSERIAL NOT NULL,
    "txid" xid8 NOT NULL DEFAULT pg_current_xact_id(),
    "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "actorId" UUID,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "projectId" UUID,
    "projectStatus" "ProjectStatus",
    "projectOrganisationId" UUID,
    "projectSubmittedAt" TIMESTAMPTZ(3),
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DomainEvent_pkey" PRIMARY KEY ("position")
);

-- CreateIndex
CREATE INDEX "DomainEvent_txid_position_idx" ON "DomainEvent"("txid", "position");

-- CreateIndex
CREATE INDEX "DomainEvent_projectId_position_idx" ON "DomainEvent"("projectId", "position");

-- The log is append-only, as the audit log is (see 20261124183900_audit_append_only for why the
-- function bodies are escaped strings with \x3B for their semicolons).
CREATE FUNCTION "domain_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''The event log is append-only: % on "DomainEvent" is not allowed.'', TG_OP USING ERRCODE = ''insufficient_privilege''\x3B END';

CREATE TRIGGER "DomainEvent_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "DomainEvent"
  FOR EACH ROW EXECUTE FUNCTION "domain_event_append_only"();

CREATE TRIGGER "DomainEvent_no_truncate"
  BEFORE TRUNCATE ON "DomainEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "domain_event_append_only"();

-- Every API instance listens on "lodestone_events". PostgreSQL delivers the notification when the
-- writing transaction commits (never for one that rolls back). The payload is the position only:
-- the log is the truth, and a lost notification delays nothing beyond the next poll.
CREATE FUNCTION "domain_event_notify"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN PERFORM pg_notify(''lodestone_events'', NEW."position"::text)\x3B RETURN NULL\x3B END';

CREATE TRIGGER "DomainEvent_notify"
  AFTER INSERT ON "DomainEvent"
  FOR EACH ROW EXECUTE FUNCTION "domain_event_notify"();
