-- CreateIndex
CREATE INDEX "Comment_top_level_idx" ON "Comment"("projectId", "createdAt", "id") WHERE ("parentId" IS NULL);
