-- CreateEnum
CREATE TYPE "Classification" AS ENUM ('PROJECT', 'GOVERNMENTS', 'NAMED_DELEGATIONS', 'ORGANISATION');

-- CreateEnum
CREATE TYPE "ScanStatus" AS ENUM ('PENDING', 'CLEAN', 'UNSCANNED', 'QUARANTINED');

-- CreateTable
CREATE TABLE "MilestoneEvidence" (
    "reportId" UUID NOT NULL,
    "versionId" UUID NOT NULL,

    CONSTRAINT "MilestoneEvidence_pkey" PRIMARY KEY ("reportId","versionId")
);

-- CreateTable
CREATE TABLE "DataRoomFolder" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "nameEn" TEXT NOT NULL,
    "nameJa" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataRoomFolder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "folderId" UUID NOT NULL,
    "titleEn" TEXT NOT NULL,
    "titleJa" TEXT NOT NULL DEFAULT '',
    "descriptionEn" TEXT NOT NULL DEFAULT '',
    "descriptionJa" TEXT NOT NULL DEFAULT '',
    "classification" "Classification" NOT NULL,
    "delegations" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "organisationId" UUID,
    "createdById" UUID NOT NULL,
    "currentVersionId" UUID,
    "searchText" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentVersion" (
    "id" UUID NOT NULL,
    "documentId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "fileName" TEXT NOT NULL,
    "mimeType" TEXT NOT NULL,
    "size" BIGINT NOT NULL,
    "sha256" CHAR(64) NOT NULL,
    "changeNote" TEXT NOT NULL DEFAULT '',
    "uploadedById" UUID NOT NULL,
    "uploadId" UUID NOT NULL,
    "scanStatus" "ScanStatus" NOT NULL,
    "scanSignature" TEXT,
    "scanError" TEXT,
    "scanAttempts" INTEGER NOT NULL DEFAULT 0,
    "scanAfter" TIMESTAMPTZ(3),
    "scannedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DocumentVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentUpload" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "length" BIGINT NOT NULL,
    "offset" BIGINT NOT NULL DEFAULT 0,
    "metadata" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "DocumentUpload_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DocumentChunk" (
    "uploadId" UUID NOT NULL,
    "offset" BIGINT NOT NULL,
    "data" BYTEA NOT NULL,

    CONSTRAINT "DocumentChunk_pkey" PRIMARY KEY ("uploadId","offset")
);

-- CreateIndex
CREATE INDEX "MilestoneEvidence_versionId_idx" ON "MilestoneEvidence"("versionId");

-- CreateIndex
CREATE UNIQUE INDEX "DataRoomFolder_projectId_position_key" ON "DataRoomFolder"("projectId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "DataRoomFolder_projectId_nameEn_key" ON "DataRoomFolder"("projectId", "nameEn");

-- CreateIndex
CREATE UNIQUE INDEX "Document_currentVersionId_key" ON "Document"("currentVersionId");

-- CreateIndex
CREATE INDEX "Document_projectId_folderId_updatedAt_id_idx" ON "Document"("projectId", "folderId", "updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Document_projectId_updatedAt_id_idx" ON "Document"("projectId", "updatedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Document_searchText_idx" ON "Document" USING GIN ("searchText" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVersion_uploadId_key" ON "DocumentVersion"("uploadId");

-- CreateIndex
CREATE INDEX "DocumentVersion_scanStatus_scanAfter_idx" ON "DocumentVersion"("scanStatus", "scanAfter");

-- CreateIndex
CREATE UNIQUE INDEX "DocumentVersion_documentId_number_key" ON "DocumentVersion"("documentId", "number");

-- CreateIndex
CREATE INDEX "DocumentUpload_completedAt_updatedAt_idx" ON "DocumentUpload"("completedAt", "updatedAt");

-- AddForeignKey
ALTER TABLE "MilestoneEvidence" ADD CONSTRAINT "MilestoneEvidence_reportId_fkey" FOREIGN KEY ("reportId") REFERENCES "MilestoneReport"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MilestoneEvidence" ADD CONSTRAINT "MilestoneEvidence_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "DocumentVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataRoomFolder" ADD CONSTRAINT "DataRoomFolder_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DataRoomFolder" ADD CONSTRAINT "DataRoomFolder_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_folderId_fkey" FOREIGN KEY ("folderId") REFERENCES "DataRoomFolder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_currentVersionId_fkey" FOREIGN KEY ("currentVersionId") REFERENCES "DocumentVersion"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentVersion" ADD CONSTRAINT "DocumentVersion_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "DocumentUpload"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentUpload" ADD CONSTRAINT "DocumentUpload_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentUpload" ADD CONSTRAINT "DocumentUpload_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DocumentChunk" ADD CONSTRAINT "DocumentChunk_uploadId_fkey" FOREIGN KEY ("uploadId") REFERENCES "DocumentUpload"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A version's bytes never change: a chunk is never rewritten.
CREATE FUNCTION "document_chunk_immutable"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN RAISE EXCEPTION ''A document version is immutable: % on "DocumentChunk" is not allowed.'', TG_OP USING ERRCODE = ''insufficient_privilege''\x3B END';

CREATE TRIGGER "DocumentChunk_no_update"
  BEFORE UPDATE ON "DocumentChunk"
  FOR EACH ROW EXECUTE FUNCTION "document_chunk_immutable"();

-- What identifies a version (its document, number, bytes and hash) never changes: only its scan state moves.
CREATE FUNCTION "document_version_immutable"() RETURNS trigger LANGUAGE plpgsql AS
  E'BEGIN IF NEW."documentId" <> OLD."documentId" OR NEW.number <> OLD.number OR NEW.sha256 <> OLD.sha256 OR NEW.size <> OLD.size OR NEW."uploadId" <> OLD."uploadId" OR NEW."mimeType" <> OLD."mimeType" OR NEW."fileName" <> OLD."fileName" OR NEW."uploadedById" <> OLD."uploadedById" OR NEW."createdAt" <> OLD."createdAt" THEN RAISE EXCEPTION ''A document version is immutable.'' USING ERRCODE = ''insufficient_privilege''\x3B END IF\x3B RETURN NEW\x3B END';

CREATE TRIGGER "DocumentVersion_immutable"
  BEFORE UPDATE ON "DocumentVersion"
  FOR EACH ROW EXECUTE FUNCTION "document_version_immutable"();

-- Every existing project gets the default data-room folders (new projects get them when created).
INSERT INTO "DataRoomFolder" (id, "projectId", position, "nameEn", "nameJa")
SELECT gen_random_uuid(), p.id, f.position, f.en, f.ja
FROM "Project" p CROSS JOIN (VALUES
  (1, '01 Technical', '01 技術'),
  (2, '02 Environmental & social', '02 環境・社会'),
  (3, '03 Supply & offtake', '03 供給・引取'),
  (4, '04 Finance', '04 財務'),
  (5, '05 Legal & permits', '05 法務・許認可')
) AS f(position, en, ja);
