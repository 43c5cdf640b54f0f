import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { projectSearchText } from "@lodestone/domain/project-content";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPglite } from "./client.js";

// The migration that keeps reviewers on the submitted content moves edits that earlier code wrote
// over a submitted project into its working copy. Checked on a database at the migration before.
const MIGRATION = "20261206031924_submitted_content_working_copy";
const dir = path.join(import.meta.dirname, "../prisma/migrations");
const pglite = createPglite();

const ids = {
  us: "00000000-0000-4000-8000-000000000001",
  jp: "00000000-0000-4000-8000-000000000002",
  au: "00000000-0000-4000-8000-000000000003",
  org: "00000000-0000-4000-8000-000000000010",
  user: "00000000-0000-4000-8000-000000000020",
  edited: "00000000-0000-4000-8000-000000000030",
  untouched: "00000000-0000-4000-8000-000000000031",
  editedRevision: "00000000-0000-4000-8000-000000000040",
  untouchedRevision: "00000000-0000-4000-8000-000000000041",
};

const submitted = {
  titleEn: "Submitted title",
  titleJa: "提出したタイトル",
  summaryEn: "Submitted summary",
  summaryJa: "提出した概要",
  bodyEn: "Submitted body",
  bodyJa: "提出した本文",
  bindingLanguage: "en",
  translationEn: "ORIGINAL",
  translationJa: "HUMAN_CHECKED",
  commodity: "DY",
  stage: "SEPARATION",
  site: { country: "AU", region: "Western Australia", latitude: -31.95, longitude: 115.86 },
  capacityTpy: 1200,
  capexUsd: "340000000",
  sponsors: ["JP", "US"],
};

async function insertProject(
  id: string,
  revisionId: string,
  reference: string,
  number: number,
  edited: boolean,
) {
  const title = edited ? "Edited, never resubmitted" : submitted.titleEn;
  await pglite.query(
    `INSERT INTO "Project" (id, reference, number, "titleEn", "titleJa", "summaryEn", "summaryJa", "bodyEn", "bodyJa",
       "bindingLanguage", "translationEn", "translationJa", commodity, stage, "siteCountry", "siteRegion",
       "siteLatitude", "siteLongitude", "capacityTpy", "capexUsd", "organisationId", status, "searchText",
       "createdById", "submittedAt", "updatedAt")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'en', 'ORIGINAL', 'HUMAN_CHECKED', $10, 'SEPARATION', 'AU',
       'Western Australia', -31.95, 115.86, $11, $12, $13, 'CHANGES_REQUESTED', $14, $15, now(), now())`,
    [
      id,
      reference,
      number,
      title,
      submitted.titleJa,
      submitted.summaryEn,
      submitted.summaryJa,
      submitted.bodyEn,
      submitted.bodyJa,
      edited ? "TB" : "DY",
      edited ? 2400 : 1200,
      edited ? 999_000_000 : 340_000_000,
      ids.org,
      projectSearchText(reference, { ...submitted, titleEn: title }),
      ids.user,
    ],
  );
  await pglite.query(
    `INSERT INTO "Revision" (id, "projectId", number, content, "contentHash", "createdById")
     VALUES ($1, $2, 1, $3, $4, $5)`,
    [revisionId, id, JSON.stringify(submitted), "0".repeat(64), ids.user],
  );
  await pglite.query(`UPDATE "Project" SET "currentRevisionId" = $1 WHERE id = $2`, [revisionId, id]);
  for (const delegation of edited ? [ids.au] : [ids.jp, ids.us]) {
    await pglite.query(`INSERT INTO "ProjectSponsor" ("projectId", "delegationId") VALUES ($1, $2)`, [
      id,
      delegation,
    ]);
  }
}

beforeAll(async () => {
  const folders = (await readdir(dir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  for (const folder of folders.slice(0, folders.indexOf(MIGRATION))) {
    await pglite.exec(await readFile(path.join(dir, folder, "migration.sql"), "utf8"));
  }
  for (const [id, code] of [
    [ids.us, "US"],
    [ids.jp, "JP"],
    [ids.au, "AU"],
  ] as const) {
    await pglite.query(
      `INSERT INTO "Delegation" (id, code, "nameEn", "nameJa", kind, "updatedAt")
       VALUES ($1, $2, $3, $4, 'FOUNDING', now())`,
      [id, code, code, code],
    );
  }
  await pglite.query(
    `INSERT INTO "Organisation" (id, name, kind, "countryCode", "updatedAt")
     VALUES ($1, 'Alpha Minerals (fictional)', 'COMPANY', 'AU', now())`,
    [ids.org],
  );
  await pglite.query(
    `INSERT INTO "User" (id, name, email, role, "organisationId", "updatedAt")
     VALUES ($1, 'Partner', 'partner@test.example', 'PARTNER', $2, now())`,
    [ids.user, ids.org],
  );
  await insertProject(ids.edited, ids.editedRevision, "LD-0001", 1, true);
  await insertProject(ids.untouched, ids.untouchedRevision, "LD-0002", 2, false);
  await pglite.exec(await readFile(path.join(dir, MIGRATION, "migration.sql"), "utf8"));
});
afterAll(() => pglite.close());

const projectRow = async (id: string) =>
  (
    await pglite.query<Record<string, unknown>>(
      `SELECT "titleEn", commodity::text, "capacityTpy", "capexUsd"::text, "searchText", "workingCopy",
              ARRAY(SELECT d.code FROM "ProjectSponsor" ps JOIN "Delegation" d ON d.id = ps."delegationId"
                    WHERE ps."projectId" = p.id ORDER BY d.code) AS sponsors
       FROM "Project" p WHERE id = $1`,
      [id],
    )
  ).rows[0];

describe(`migration ${MIGRATION}`, () => {
  it("returns a project edited since its submission to what was submitted, keeping the edits as its working copy", async () => {
    const row = await projectRow(ids.edited);
    expect(row).toMatchObject({
      titleEn: submitted.titleEn,
      commodity: "DY",
      capacityTpy: 1200,
      capexUsd: "340000000",
      sponsors: ["JP", "US"],
      searchText: projectSearchText("LD-0001", submitted),
    });
    expect(row?.workingCopy).toEqual({
      ...submitted,
      titleEn: "Edited, never resubmitted",
      commodity: "TB",
      capacityTpy: 2400,
      capexUsd: 999_000_000,
      sponsors: ["AU"],
    });
  });

  it("leaves a project whose content is what was submitted as it is", async () => {
    const row = await projectRow(ids.untouched);
    expect(row).toMatchObject({ titleEn: submitted.titleEn, sponsors: ["JP", "US"], workingCopy: null });
  });
});
