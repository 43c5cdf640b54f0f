-- CreateIndex
CREATE INDEX "Project_capexUsd_id_idx" ON "Project"("capexUsd" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Project_capacityTpy_id_idx" ON "Project"("capacityTpy" DESC, "id" DESC);
