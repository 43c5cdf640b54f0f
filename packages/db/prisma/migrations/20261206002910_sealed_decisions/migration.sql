-- AlterTable
ALTER TABLE "Decision" ADD COLUMN     "record" TEXT,
ADD COLUMN     "recordHash" CHAR(64),
ADD COLUMN     "signature" TEXT,
ADD COLUMN     "signingKeyFingerprint" CHAR(64);

-- CreateTable
CREATE TABLE "RoundElector" (
    "roundId" UUID NOT NULL,
    "voterId" UUID NOT NULL,
    "delegationId" UUID NOT NULL,

    CONSTRAINT "RoundElector_pkey" PRIMARY KEY ("roundId","voterId")
);

-- CreateIndex
CREATE INDEX "RoundElector_voterId_idx" ON "RoundElector"("voterId");

-- AddForeignKey
ALTER TABLE "RoundElector" ADD CONSTRAINT "RoundElector_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "ReviewRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundElector" ADD CONSTRAINT "RoundElector_voterId_fkey" FOREIGN KEY ("voterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RoundElector" ADD CONSTRAINT "RoundElector_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Rounds open when this migration runs get the electorate they would have had: the active
-- delegates now, and anyone who has already voted in them (under the delegation of their vote).
INSERT INTO "RoundElector" ("roundId", "voterId", "delegationId")
SELECT r.id, u.id, u."delegationId"
FROM "ReviewRound" r CROSS JOIN "User" u
WHERE r.status = 'OPEN' AND u.role = 'DELEGATE' AND u."deactivatedAt" IS NULL AND u."delegationId" IS NOT NULL
ON CONFLICT DO NOTHING;

INSERT INTO "RoundElector" ("roundId", "voterId", "delegationId")
SELECT v."roundId", v."voterId", v."delegationId"
FROM "Vote" v JOIN "ReviewRound" r ON r.id = v."roundId"
WHERE r.status = 'OPEN'
ON CONFLICT DO NOTHING;

-- What a decision rests on cannot change once its round has closed: the decision itself, the
-- round, its electorate, its votes and their history refuse UPDATE, DELETE and TRUNCATE, whoever
-- asks (Verify still names what a superuser changes with the triggers disabled). Function bodies are
-- escaped strings with each semicolon written as \x3B, because the PostgreSQL driver adapter splits
-- migration scripts at every semicolon.
CREATE FUNCTION "decision_immutable"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''A recorded decision is sealed: % on "Decision" is not allowed.'', TG_OP USING ERRCODE = ''insufficient_privilege''\x3B END';

CREATE TRIGGER "Decision_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "Decision"
  FOR EACH ROW EXECUTE FUNCTION "decision_immutable"();

CREATE TRIGGER "Decision_no_truncate"
  BEFORE TRUNCATE ON "Decision"
  FOR EACH STATEMENT EXECUTE FUNCTION "decision_immutable"();

CREATE FUNCTION "closed_round_immutable"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF OLD.status = ''CLOSED'' THEN RAISE EXCEPTION ''A closed review round is sealed: % on "ReviewRound" is not allowed.'', TG_OP USING ERRCODE = ''insufficient_privilege''\x3B END IF\x3B IF TG_OP = ''DELETE'' THEN RETURN OLD\x3B END IF\x3B RETURN NEW\x3B END';

CREATE TRIGGER "ReviewRound_closed_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "ReviewRound"
  FOR EACH ROW EXECUTE FUNCTION "closed_round_immutable"();

CREATE FUNCTION "closed_round_rows_immutable"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF TG_OP = ''UPDATE'' THEN IF EXISTS (SELECT 1 FROM "ReviewRound" r WHERE r.status = ''CLOSED'' AND r.id IN (OLD."roundId", NEW."roundId")) THEN RAISE EXCEPTION ''A closed review round is sealed: UPDATE on "%" is not allowed.'', TG_TABLE_NAME USING ERRCODE = ''insufficient_privilege''\x3B END IF\x3B RETURN NEW\x3B END IF\x3B IF EXISTS (SELECT 1 FROM "ReviewRound" r WHERE r.status = ''CLOSED'' AND r.id = OLD."roundId") THEN RAISE EXCEPTION ''A closed review round is sealed: DELETE on "%" is not allowed.'', TG_TABLE_NAME USING ERRCODE = ''insufficient_privilege''\x3B END IF\x3B RETURN OLD\x3B END';

CREATE TRIGGER "Vote_closed_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "Vote"
  FOR EACH ROW EXECUTE FUNCTION "closed_round_rows_immutable"();

CREATE TRIGGER "VoteHistory_closed_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "VoteHistory"
  FOR EACH ROW EXECUTE FUNCTION "closed_round_rows_immutable"();

CREATE TRIGGER "RoundElector_closed_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "RoundElector"
  FOR EACH ROW EXECUTE FUNCTION "closed_round_rows_immutable"();

CREATE FUNCTION "sealed_rows_no_truncate"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''Review rounds are sealed once closed: TRUNCATE of "%" is not allowed.'', TG_TABLE_NAME USING ERRCODE = ''insufficient_privilege''\x3B END';

CREATE TRIGGER "ReviewRound_no_truncate" BEFORE TRUNCATE ON "ReviewRound"
  FOR EACH STATEMENT EXECUTE FUNCTION "sealed_rows_no_truncate"();
CREATE TRIGGER "Vote_no_truncate" BEFORE TRUNCATE ON "Vote"
  FOR EACH STATEMENT EXECUTE FUNCTION "sealed_rows_no_truncate"();
CREATE TRIGGER "VoteHistory_no_truncate" BEFORE TRUNCATE ON "VoteHistory"
  FOR EACH STATEMENT EXECUTE FUNCTION "sealed_rows_no_truncate"();
CREATE TRIGGER "RoundElector_no_truncate" BEFORE TRUNCATE ON "RoundElector"
  FOR EACH STATEMENT EXECUTE FUNCTION "sealed_rows_no_truncate"();
