-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "number" SERIAL NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Project_number_key" ON "Project"("number");
