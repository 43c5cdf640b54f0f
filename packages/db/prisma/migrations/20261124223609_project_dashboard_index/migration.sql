-- CreateIndex
CREATE INDEX "Project_dashboard_idx" ON "Project"("status", "commodity", "stage", "siteCountry", "referenceTimeZone", "organisationId", "capexUsd", "capacityTpy", "id");
