-- DropIndex
DROP INDEX "Project_dashboard_idx";

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "workingCopy" JSONB;

-- CreateIndex
CREATE INDEX "Project_dashboard_idx" ON "Project"("status", "commodity", "stage", "siteCountry", "referenceTimeZone", "organisationId", "capexUsd", "capacityTpy", "submittedAt", "id");

-- Reviewers read what was last submitted. A project edited since its last submission (changes were
-- requested, perhaps withdrawn since) had its edits in these columns: they become its working copy,
-- and the columns, search text and sponsors return to the submitted revision.
CREATE TEMP TABLE "_edited" AS
SELECT p.id, r.content AS submitted, e.fields AS edits
FROM "Project" p
JOIN "Revision" r ON r.id = p."currentRevisionId"
CROSS JOIN LATERAL (
  SELECT jsonb_build_object(
    'titleEn', p."titleEn", 'titleJa', p."titleJa", 'summaryEn', p."summaryEn", 'summaryJa', p."summaryJa",
    'bodyEn', p."bodyEn", 'bodyJa', p."bodyJa", 'bindingLanguage', p."bindingLanguage",
    'translationEn', p."translationEn", 'translationJa', p."translationJa",
    'commodity', p.commodity, 'stage', p.stage,
    'site', jsonb_build_object('country', p."siteCountry", 'region', p."siteRegion",
                               'latitude', p."siteLatitude"::float8, 'longitude', p."siteLongitude"::float8),
    'capacityTpy', p."capacityTpy", 'capexUsd', p."capexUsd",
    'sponsors', COALESCE((SELECT jsonb_agg(d.code ORDER BY d.code) FROM "ProjectSponsor" ps
                          JOIN "Delegation" d ON d.id = ps."delegationId" WHERE ps."projectId" = p.id), '[]'::jsonb)
  ) AS fields
) e
WHERE p.status IN ('CHANGES_REQUESTED', 'WITHDRAWN')
  AND p."workingCopy" IS NULL
  AND e.fields || jsonb_build_object('capexUsd', p."capexUsd"::text) <> r.content;

UPDATE "Project" p SET
  "workingCopy" = x.edits,
  "titleEn" = x.submitted->>'titleEn',
  "titleJa" = x.submitted->>'titleJa',
  "summaryEn" = x.submitted->>'summaryEn',
  "summaryJa" = x.submitted->>'summaryJa',
  "bodyEn" = x.submitted->>'bodyEn',
  "bodyJa" = x.submitted->>'bodyJa',
  "bindingLanguage" = (x.submitted->>'bindingLanguage')::"Locale",
  "translationEn" = (x.submitted->>'translationEn')::"TranslationStatus",
  "translationJa" = (x.submitted->>'translationJa')::"TranslationStatus",
  commodity = (x.submitted->>'commodity')::"Commodity",
  stage = (x.submitted->>'stage')::"SupplyChainStage",
  "siteCountry" = x.submitted->'site'->>'country',
  "siteRegion" = x.submitted->'site'->>'region',
  "siteLatitude" = (x.submitted->'site'->>'latitude')::numeric,
  "siteLongitude" = (x.submitted->'site'->>'longitude')::numeric,
  "capacityTpy" = (x.submitted->>'capacityTpy')::int,
  "capexUsd" = (x.submitted->>'capexUsd')::bigint,
  "searchText" = lower(concat_ws(E'\n', p.reference, x.submitted->>'titleEn', x.submitted->>'titleJa',
                                 x.submitted->>'summaryEn', x.submitted->>'summaryJa',
                                 x.submitted->>'bodyEn', x.submitted->>'bodyJa'))
FROM "_edited" x
WHERE p.id = x.id;

DELETE FROM "ProjectSponsor" ps USING "_edited" x WHERE ps."projectId" = x.id;
INSERT INTO "ProjectSponsor" ("projectId", "delegationId")
SELECT x.id, d.id
FROM "_edited" x
CROSS JOIN LATERAL jsonb_array_elements_text(x.submitted->'sponsors') AS s(code)
JOIN "Delegation" d ON d.code = s.code;

DROP TABLE "_edited";
