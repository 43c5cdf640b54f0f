-- CreateEnum
CREATE TYPE "GateKind" AS ENUM ('SCOPING', 'PRE_FEASIBILITY', 'BANKABLE_FEASIBILITY', 'PERMITS', 'OFFTAKE', 'FINAL_INVESTMENT_DECISION', 'CONSTRUCTION', 'COMMISSIONING', 'RAMP_UP');

-- CreateEnum
CREATE TYPE "GateState" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'SUBMITTED', 'PASSED', 'WAIVED', 'FAILED');

-- CreateEnum
CREATE TYPE "EvidenceKind" AS ENUM ('SCOPING_STUDY', 'RESOURCE_STATEMENT', 'PILOT_RESULTS', 'PRE_FEASIBILITY_STUDY', 'FEASIBILITY_STUDY', 'ESIA', 'PERMIT', 'OFFTAKE_AGREEMENT', 'FEEDSTOCK_AGREEMENT', 'QUALIFICATION_REPORT', 'FINANCING_AGREEMENT', 'BOARD_RESOLUTION', 'CONSTRUCTION_REPORT', 'COMMISSIONING_REPORT', 'PRODUCTION_REPORT');

-- CreateEnum
CREATE TYPE "FinancierKind" AS ENUM ('DEVELOPMENT_FINANCE', 'EXPORT_CREDIT', 'GOVERNMENT_AGENCY', 'COMMERCIAL_LENDER', 'EQUITY_SPONSOR', 'OFFTAKER');

-- CreateEnum
CREATE TYPE "Instrument" AS ENUM ('LOAN', 'EQUITY', 'GUARANTEE', 'GRANT', 'OFFTAKE_PREPAYMENT');

-- CreateEnum
CREATE TYPE "FundingBucket" AS ENUM ('PLEDGED', 'APPROVED', 'COMMITTED', 'DISBURSED', 'REPAID', 'CANCELLED');

-- CreateEnum
CREATE TYPE "LedgerEntryKind" AS ENUM ('PLEDGE', 'AMENDMENT', 'APPROVAL', 'COMMITMENT', 'DISBURSEMENT', 'REPAYMENT', 'CANCELLATION');

-- AlterTable
ALTER TABLE "Organisation" ADD COLUMN     "financierDelegationId" UUID,
ADD COLUMN     "financierKind" "FinancierKind";

-- CreateTable
CREATE TABLE "StageGate" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "GateKind" NOT NULL,
    "state" "GateState" NOT NULL DEFAULT 'NOT_STARTED',
    "ownerId" UUID,
    "targetDate" DATE,
    "checklist" JSONB NOT NULL,
    "reason" TEXT,
    "enteredAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StageGate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateEvidence" (
    "gateId" UUID NOT NULL,
    "kind" "EvidenceKind" NOT NULL,
    "position" INTEGER NOT NULL,
    "versionId" UUID,

    CONSTRAINT "GateEvidence_pkey" PRIMARY KEY ("gateId","kind")
);

-- CreateTable
CREATE TABLE "GateSignOff" (
    "id" UUID NOT NULL,
    "gateId" UUID NOT NULL,
    "party" VARCHAR(16) NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GateSignOff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GateSignatory" (
    "projectId" UUID NOT NULL,
    "delegationId" UUID NOT NULL,
    "userId" UUID NOT NULL,

    CONSTRAINT "GateSignatory_pkey" PRIMARY KEY ("projectId","delegationId")
);

-- CreateTable
CREATE TABLE "FundingProgramme" (
    "id" UUID NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "delegationId" UUID NOT NULL,
    "amountUsd" BIGINT NOT NULL,
    "deadline" DATE NOT NULL,
    "fundingDueDays" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FundingProgramme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundingFacility" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "financierId" UUID NOT NULL,
    "instrument" "Instrument" NOT NULL,
    "currency" CHAR(3) NOT NULL,
    "confidential" BOOLEAN NOT NULL DEFAULT false,
    "programmeId" UUID,
    "recordedById" UUID NOT NULL,
    "pledged" BIGINT NOT NULL DEFAULT 0,
    "approved" BIGINT NOT NULL DEFAULT 0,
    "committed" BIGINT NOT NULL DEFAULT 0,
    "disbursed" BIGINT NOT NULL DEFAULT 0,
    "repaid" BIGINT NOT NULL DEFAULT 0,
    "cancelled" BIGINT NOT NULL DEFAULT 0,
    "usdRate" DECIMAL(20,10) NOT NULL,
    "rateDate" DATE NOT NULL,
    "entryCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "FundingFacility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundingEntry" (
    "id" UUID NOT NULL,
    "facilityId" UUID NOT NULL,
    "sequence" INTEGER NOT NULL,
    "kind" "LedgerEntryKind" NOT NULL,
    "bucket" "FundingBucket",
    "amount" BIGINT NOT NULL,
    "usdRate" DECIMAL(20,10) NOT NULL,
    "rateDate" DATE NOT NULL,
    "usdAmount" BIGINT NOT NULL,
    "date" DATE NOT NULL,
    "documentVersionId" UUID,
    "reason" TEXT NOT NULL DEFAULT '',
    "recordedById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FundingEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StageGate_projectId_position_idx" ON "StageGate"("projectId", "position");

-- CreateIndex
CREATE INDEX "StageGate_state_projectId_idx" ON "StageGate"("state", "projectId");

-- CreateIndex
CREATE UNIQUE INDEX "StageGate_projectId_kind_key" ON "StageGate"("projectId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "GateSignOff_gateId_party_key" ON "GateSignOff"("gateId", "party");

-- CreateIndex
CREATE INDEX "FundingFacility_projectId_createdAt_idx" ON "FundingFacility"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "FundingFacility_financierId_idx" ON "FundingFacility"("financierId");

-- CreateIndex
CREATE INDEX "FundingFacility_programmeId_idx" ON "FundingFacility"("programmeId");

-- CreateIndex
CREATE UNIQUE INDEX "FundingEntry_facilityId_sequence_key" ON "FundingEntry"("facilityId", "sequence");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_financierDelegationId_fkey" FOREIGN KEY ("financierDelegationId") REFERENCES "Delegation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageGate" ADD CONSTRAINT "StageGate_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StageGate" ADD CONSTRAINT "StageGate_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateEvidence" ADD CONSTRAINT "GateEvidence_gateId_fkey" FOREIGN KEY ("gateId") REFERENCES "StageGate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateEvidence" ADD CONSTRAINT "GateEvidence_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DocumentVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateSignOff" ADD CONSTRAINT "GateSignOff_gateId_fkey" FOREIGN KEY ("gateId") REFERENCES "StageGate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateSignOff" ADD CONSTRAINT "GateSignOff_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateSignatory" ADD CONSTRAINT "GateSignatory_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateSignatory" ADD CONSTRAINT "GateSignatory_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GateSignatory" ADD CONSTRAINT "GateSignatory_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingProgramme" ADD CONSTRAINT "FundingProgramme_delegationId_fkey" FOREIGN KEY ("delegationId") REFERENCES "Delegation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingFacility" ADD CONSTRAINT "FundingFacility_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingFacility" ADD CONSTRAINT "FundingFacility_financierId_fkey" FOREIGN KEY ("financierId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingFacility" ADD CONSTRAINT "FundingFacility_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "FundingProgramme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingFacility" ADD CONSTRAINT "FundingFacility_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingEntry" ADD CONSTRAINT "FundingEntry_facilityId_fkey" FOREIGN KEY ("facilityId") REFERENCES "FundingFacility"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingEntry" ADD CONSTRAINT "FundingEntry_documentVersionId_fkey" FOREIGN KEY ("documentVersionId") REFERENCES "DocumentVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingEntry" ADD CONSTRAINT "FundingEntry_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A ledger entry is never changed: a correction is a further entry.
CREATE FUNCTION "funding_entry_immutable"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''A ledger entry is immutable: % on "FundingEntry" is not allowed.'', TG_OP USING ERRCODE = ''insufficient_privilege''\x3B END';

CREATE TRIGGER "FundingEntry_no_update"
  BEFORE UPDATE ON "FundingEntry"
  FOR EACH ROW EXECUTE FUNCTION "funding_entry_immutable"();

-- No bucket of a facility ever holds less than nothing.
ALTER TABLE "FundingFacility" ADD CONSTRAINT "FundingFacility_balances_not_negative"
  CHECK (pledged >= 0 AND approved >= 0 AND committed >= 0 AND disbursed >= 0 AND repaid >= 0 AND cancelled >= 0);
