-- AlterTable
ALTER TABLE "ReviewRound" DROP COLUMN "voteCount";
