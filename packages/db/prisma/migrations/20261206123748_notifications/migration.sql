-- CreateEnum
CREATE TYPE "NotificationReason" AS ENUM ('VOTE_DUE', 'ROUND_CLOSING', 'DECISION', 'MENTION', 'REPLY', 'CHANGES_REQUESTED', 'MILESTONE_ASSIGNED', 'MILESTONE_DUE', 'ACTIVITY');

-- CreateEnum
CREATE TYPE "EmailChannel" AS ENUM ('IMMEDIATE', 'DAILY', 'WEEKLY', 'NEVER');

-- CreateEnum
CREATE TYPE "FollowSubjectType" AS ENUM ('PROJECT', 'ROUND', 'MILESTONE');

-- CreateEnum
CREATE TYPE "FollowState" AS ENUM ('FOLLOWING', 'MUTED');

-- CreateEnum
CREATE TYPE "MailKind" AS ENUM ('IMMEDIATE', 'DAILY', 'WEEKLY');

-- CreateEnum
CREATE TYPE "MailStatus" AS ENUM ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED');

-- AlterTable
ALTER TABLE "OutboxMail" ADD COLUMN     "headers" JSONB;

-- CreateTable
CREATE TABLE "Follow" (
    "userId" UUID NOT NULL,
    "subjectType" "FollowSubjectType" NOT NULL,
    "subjectId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "state" "FollowState" NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Follow_pkey" PRIMARY KEY ("userId","subjectType","subjectId")
);

-- CreateTable
CREATE TABLE "EmailPreference" (
    "userId" UUID NOT NULL,
    "reason" "NotificationReason" NOT NULL,
    "channel" "EmailChannel" NOT NULL,

    CONSTRAINT "EmailPreference_pkey" PRIMARY KEY ("userId","reason")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "reason" "NotificationReason" NOT NULL,
    "eventPosition" BIGINT,
    "eventType" TEXT,
    "actorId" UUID,
    "projectId" UUID NOT NULL,
    "subjectType" "FollowSubjectType" NOT NULL,
    "subjectId" UUID NOT NULL,
    "data" JSONB NOT NULL,
    "emailChannel" "EmailChannel" NOT NULL,
    "mailId" UUID,
    "mailSkippedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "doneAt" TIMESTAMPTZ(3),
    "savedAt" TIMESTAMPTZ(3),
    "snoozedUntil" TIMESTAMPTZ(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationMail" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "MailKind" NOT NULL,
    "key" TEXT NOT NULL,
    "status" "MailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "NotificationMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationCursor" (
    "id" INTEGER NOT NULL,
    "txid" BIGINT NOT NULL,
    "position" BIGINT NOT NULL,

    CONSTRAINT "NotificationCursor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobLease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "leaseUntil" TIMESTAMPTZ(3) NOT NULL,
    "lastRunAt" TIMESTAMPTZ(3),

    CONSTRAINT "JobLease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Follow_projectId_subjectType_subjectId_idx" ON "Follow"("projectId", "subjectType", "subjectId");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_id_idx" ON "Notification"("userId", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Notification_userId_reason_createdAt_id_idx" ON "Notification"("userId", "reason", "createdAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Notification_unmailed_idx" ON "Notification"("emailChannel", "userId", "createdAt") WHERE ("mailId" IS NULL AND "mailSkippedAt" IS NULL);

-- CreateIndex
CREATE INDEX "Notification_unread_idx" ON "Notification"("userId") WHERE ("readAt" IS NULL AND "doneAt" IS NULL);

-- CreateIndex
CREATE INDEX "Notification_subjectType_subjectId_userId_idx" ON "Notification"("subjectType", "subjectId", "userId");

-- CreateIndex
CREATE INDEX "Notification_createdAt_idx" ON "Notification"("createdAt");

-- CreateIndex
CREATE INDEX "Notification_mailId_idx" ON "Notification"("mailId");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_userId_key_key" ON "Notification"("userId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "NotificationMail_key_key" ON "NotificationMail"("key");

-- CreateIndex
CREATE INDEX "NotificationMail_status_nextAttemptAt_idx" ON "NotificationMail"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "NotificationMail_userId_createdAt_idx" ON "NotificationMail"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Follow" ADD CONSTRAINT "Follow_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailPreference" ADD CONSTRAINT "EmailPreference_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_mailId_fkey" FOREIGN KEY ("mailId") REFERENCES "NotificationMail"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationMail" ADD CONSTRAINT "NotificationMail_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The notifier starts at the log's end: events written before notifications existed are history, not news.
INSERT INTO "NotificationCursor" ("id", "txid", "position")
SELECT 1, COALESCE(max(txid::text::bigint), 0), COALESCE(max(position), 0) FROM "DomainEvent";
