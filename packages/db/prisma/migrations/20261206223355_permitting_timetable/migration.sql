-- CreateEnum
CREATE TYPE "Jurisdiction" AS ENUM ('US_FEDERAL', 'US_STATE', 'JP_NATIONAL', 'JP_PREFECTURE', 'OTHER');

-- CreateEnum
CREATE TYPE "PermitInstrument" AS ENUM ('NEPA_EIS', 'NEPA_EA', 'CWA_404', 'JP_EIA', 'JP_MINING_RIGHT', 'GENERIC');

-- CreateEnum
CREATE TYPE "PermitOutcome" AS ENUM ('DENIED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "DateChangeReason" AS ENUM ('APPLICANT_REQUEST', 'APPLICANT_INFORMATION', 'PROJECT_CHANGE', 'NEW_INFORMATION', 'CONSULTATION', 'PUBLIC_COMMENT', 'AGENCY_RESOURCES', 'LITIGATION', 'PROJECT_PAUSE', 'OTHER');

-- CreateEnum
CREATE TYPE "DateChangeState" AS ENUM ('APPLIED', 'PENDING', 'REJECTED');

-- CreateEnum
CREATE TYPE "PauseReason" AS ENUM ('APPLICANT_REQUEST', 'AWAITING_APPLICANT_INFORMATION', 'LITIGATION', 'FUNDING', 'FORCE_MAJEURE', 'OTHER');

-- AlterEnum
ALTER TYPE "NotificationReason" ADD VALUE 'PERMIT_ATTENTION';

-- CreateTable
CREATE TABLE "PermitAuthorization" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "jurisdiction" "Jurisdiction" NOT NULL,
    "authority" TEXT NOT NULL,
    "instrument" "PermitInstrument" NOT NULL,
    "titleEn" TEXT NOT NULL,
    "titleJa" TEXT NOT NULL,
    "region" TEXT,
    "startDate" DATE NOT NULL,
    "outcome" "PermitOutcome",
    "outcomeReason" TEXT,
    "ownerId" UUID,
    "addedById" UUID NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PermitAuthorization_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermitMilestone" (
    "id" UUID NOT NULL,
    "authorizationId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "baselineDate" DATE NOT NULL,
    "currentDate" DATE NOT NULL,
    "actualDate" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "PermitMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermitDateChange" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "authorizationId" UUID NOT NULL,
    "milestoneId" UUID NOT NULL,
    "fromDate" DATE NOT NULL,
    "toDate" DATE NOT NULL,
    "reason" "DateChangeReason" NOT NULL,
    "justification" TEXT NOT NULL,
    "state" "DateChangeState" NOT NULL,
    "changedById" UUID NOT NULL,
    "changedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "determination" TEXT,
    "decidedById" UUID,
    "decidedAt" TIMESTAMPTZ(3),
    "pauseId" UUID,

    CONSTRAINT "PermitDateChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermitPause" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "reason" "PauseReason" NOT NULL,
    "startedOn" DATE NOT NULL,
    "startedById" UUID NOT NULL,
    "endedOn" DATE,
    "endedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PermitPause_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermitPauseSummary" (
    "id" UUID NOT NULL,
    "pauseId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "writtenOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PermitPauseSummary_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PermitAuthorization_projectId_createdAt_idx" ON "PermitAuthorization"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "PermitAuthorization_jurisdiction_authority_idx" ON "PermitAuthorization"("jurisdiction", "authority");

-- CreateIndex
CREATE INDEX "PermitMilestone_currentDate_idx" ON "PermitMilestone"("currentDate");

-- CreateIndex
CREATE UNIQUE INDEX "PermitMilestone_authorizationId_position_key" ON "PermitMilestone"("authorizationId", "position");

-- CreateIndex
CREATE INDEX "PermitDateChange_projectId_changedAt_idx" ON "PermitDateChange"("projectId", "changedAt");

-- CreateIndex
CREATE INDEX "PermitDateChange_milestoneId_changedAt_idx" ON "PermitDateChange"("milestoneId", "changedAt");

-- CreateIndex
CREATE INDEX "PermitDateChange_state_projectId_idx" ON "PermitDateChange"("state", "projectId");

-- CreateIndex
CREATE INDEX "PermitPause_projectId_startedOn_idx" ON "PermitPause"("projectId", "startedOn");

-- CreateIndex
CREATE INDEX "PermitPauseSummary_pauseId_createdAt_idx" ON "PermitPauseSummary"("pauseId", "createdAt");

-- AddForeignKey
ALTER TABLE "PermitAuthorization" ADD CONSTRAINT "PermitAuthorization_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitAuthorization" ADD CONSTRAINT "PermitAuthorization_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitAuthorization" ADD CONSTRAINT "PermitAuthorization_addedById_fkey" FOREIGN KEY ("addedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitMilestone" ADD CONSTRAINT "PermitMilestone_authorizationId_fkey" FOREIGN KEY ("authorizationId") REFERENCES "PermitAuthorization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitDateChange" ADD CONSTRAINT "PermitDateChange_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitDateChange" ADD CONSTRAINT "PermitDateChange_authorizationId_fkey" FOREIGN KEY ("authorizationId") REFERENCES "PermitAuthorization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitDateChange" ADD CONSTRAINT "PermitDateChange_milestoneId_fkey" FOREIGN KEY ("milestoneId") REFERENCES "PermitMilestone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitDateChange" ADD CONSTRAINT "PermitDateChange_changedById_fkey" FOREIGN KEY ("changedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitDateChange" ADD CONSTRAINT "PermitDateChange_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitDateChange" ADD CONSTRAINT "PermitDateChange_pauseId_fkey" FOREIGN KEY ("pauseId") REFERENCES "PermitPause"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitPause" ADD CONSTRAINT "PermitPause_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitPause" ADD CONSTRAINT "PermitPause_startedById_fkey" FOREIGN KEY ("startedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitPause" ADD CONSTRAINT "PermitPause_endedById_fkey" FOREIGN KEY ("endedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitPauseSummary" ADD CONSTRAINT "PermitPauseSummary_pauseId_fkey" FOREIGN KEY ("pauseId") REFERENCES "PermitPause"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermitPauseSummary" ADD CONSTRAINT "PermitPauseSummary_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- No date moves silently: a recorded change is never rewritten, except that a pending one is decided once.
CREATE FUNCTION "permit_date_change_immutable"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF OLD."state" = ''PENDING'' AND NEW."state" <> ''PENDING'' AND NEW."fromDate" = OLD."fromDate" AND NEW."toDate" = OLD."toDate" AND NEW."reason" = OLD."reason" AND NEW."justification" = OLD."justification" AND NEW."changedById" = OLD."changedById" AND NEW."changedAt" = OLD."changedAt" THEN RETURN NEW\x3B END IF\x3B RAISE EXCEPTION ''A recorded date change is immutable: only a pending change may be decided, once.'' USING ERRCODE = ''insufficient_privilege''\x3B END';

CREATE TRIGGER "PermitDateChange_no_rewrite"
  BEFORE UPDATE ON "PermitDateChange"
  FOR EACH ROW EXECUTE FUNCTION "permit_date_change_immutable"();

-- The baseline is set once.
CREATE FUNCTION "permit_baseline_fixed"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF NEW."baselineDate" <> OLD."baselineDate" THEN RAISE EXCEPTION ''The baseline target of a milestone is set once.'' USING ERRCODE = ''insufficient_privilege''\x3B END IF\x3B RETURN NEW\x3B END';

CREATE TRIGGER "PermitMilestone_baseline_fixed"
  BEFORE UPDATE ON "PermitMilestone"
  FOR EACH ROW EXECUTE FUNCTION "permit_baseline_fixed"();
