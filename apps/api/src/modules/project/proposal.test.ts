import { createHash } from "node:crypto";
import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  callerFor,
  createFixture,
  draftOf,
  proposalFields,
  submittedOf,
  type Fixture,
} from "../../test/fixtures.js";

let db: TestDatabase;
let fx: Fixture;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
});
afterAll(() => db.close());

const failure = (p: Promise<unknown>) =>
  p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e: unknown) => e as TRPCError,
  );

describe("a partner's proposal from draft to submitted", () => {
  it("saves a draft, edits it, submits it as revision 1 with its content hash, and records every step", async () => {
    const partner = callerFor(db, fx.users.partnerA);
    const draft = await partner.project.create(proposalFields({ titleEn: "First title" }));
    expect(draft).toMatchObject({ status: "DRAFT", version: 1, canManage: true, currentRevision: null });
    expect(draft.reference).toMatch(/^LD-\d{4}$/);

    const edited = await partner.project.update({
      ...proposalFields({ titleEn: "Better title" }),
      projectId: draft.id,
      version: draft.version,
    });
    expect(edited).toMatchObject({ version: 2, fields: { titleEn: "Better title" } });

    const submitted = await partner.project.submit({ projectId: draft.id, version: edited.version });
    expect(submitted).toMatchObject({ status: "SUBMITTED", version: 3, canManage: false });
    expect(submitted.currentRevision?.number).toBe(1);

    const revision = await partner.project.revision({ projectId: draft.id, number: 1 });
    // The hash is SHA-256 of the content's canonical JSON (RFC 8785: keys sorted by code unit, no
    // whitespace, capex as a string, sponsors sorted), written out here by hand for this proposal.
    const canonical =
      '{"bindingLanguage":"en","bodyEn":"## Plan\\n\\nBuild and run the pilot line.",' +
      '"bodyJa":"## 計画\\n\\nパイロットラインを建設し、運転する。","capacityTpy":1200,"capexUsd":"340000000",' +
      '"commodity":"DY","site":{"country":"AU","latitude":-31.95,"longitude":115.86,"region":"Western Australia"},' +
      '"sponsors":["JP","US"],"stage":"SEPARATION","summaryEn":"A pilot line separating heavy rare earths.",' +
      '"summaryJa":"重希土類を分離するパイロットライン。","titleEn":"Better title","titleJa":"ジスプロシウム分離パイロット",' +
      '"translationEn":"ORIGINAL","translationJa":"HUMAN_CHECKED"}';
    expect(revision.content).toEqual(JSON.parse(canonical));
    expect(revision.contentHash).toBe(createHash("sha256").update(canonical, "utf8").digest("hex"));
    expect(revision.content).toMatchObject({
      titleEn: "Better title",
      capexUsd: "340000000",
      sponsors: ["JP", "US"],
    });

    const timeline = await partner.project.timeline({ projectId: draft.id });
    expect(timeline.items.map((e) => e.type)).toEqual(["project_created", "status_changed"]);
    const actions = await db.prisma.auditEvent.findMany({
      where: { entityId: draft.id },
      orderBy: { createdAt: "asc" },
      select: { action: true },
    });
    expect(actions.map((a) => a.action)).toEqual(["project.created", "project.edited", "project.submitted"]);

    // Delegates see it now that it is submitted; the new revision is there for them too.
    const seen = await callerFor(db, fx.users.jpDelegate).project.get({ projectId: draft.id });
    expect(seen).toMatchObject({ status: "SUBMITTED", canManage: false });
    expect(await callerFor(db, fx.users.jpDelegate).project.revisions({ projectId: draft.id })).toHaveLength(
      1,
    );
  });

  it("refuses a stale save with CONFLICT and keeps the first writer's text", async () => {
    const draft = await draftOf(db, fx.users.partnerA);
    const alice = callerFor(db, fx.users.partnerA);
    await alice.project.update({
      ...proposalFields({ titleEn: "Alice's title" }),
      projectId: draft.id,
      version: 1,
    });
    const error = await failure(
      alice.project.update({
        ...proposalFields({ titleEn: "Bob's title" }),
        projectId: draft.id,
        version: 1,
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/Someone else saved this proposal/);
    expect((await alice.project.get({ projectId: draft.id })).fields.titleEn).toBe("Alice's title");
  });

  it("refuses an incomplete submission naming what is missing, and writes nothing", async () => {
    const draft = await draftOf(db, fx.users.partnerA, { sponsors: [], site: { country: "AU", region: "" } });
    const before = await db.prisma.auditEvent.count();
    const error = await failure(
      callerFor(db, fx.users.partnerA).project.submit({ projectId: draft.id, version: 1 }),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/region/);
    expect(error.message).toMatch(/sponsoring delegation/);
    expect(await db.prisma.revision.count({ where: { projectId: draft.id } })).toBe(0);
    expect(await db.prisma.auditEvent.count()).toBe(before);
    expect((await db.prisma.project.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("DRAFT");
  });

  it("answers invalid fields with BAD_REQUEST and field errors", async () => {
    const error = await failure(
      callerFor(db, fx.users.partnerA).project.create(
        proposalFields({ capexUsd: -5, sponsors: ["US", "US"] }),
      ),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.cause).toBeDefined();
  });

  it("refuses an unknown sponsoring delegation", async () => {
    const error = await failure(draftOf(db, fx.users.partnerA, { sponsors: ["ZZ"] }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(/ZZ/);
  });

  it("locks a submitted proposal against edits, and withdraws drafts", async () => {
    const partner = callerFor(db, fx.users.partnerA);
    const submitted = await submittedOf(db, fx.users.partnerA);
    const error = await failure(
      partner.project.update({ ...proposalFields(), projectId: submitted.id, version: submitted.version }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/SUBMITTED can no longer be edited/);

    const withdrawn = await partner.project.withdraw({ projectId: submitted.id, version: submitted.version });
    expect(withdrawn.status).toBe("WITHDRAWN");
    const again = await failure(
      partner.project.withdraw({ projectId: submitted.id, version: withdrawn.version }),
    );
    expect(again.code).toBe("CONFLICT");
  });

  it("resubmits after changes were requested as a new revision", async () => {
    const partner = callerFor(db, fx.users.partnerA);
    const submitted = await submittedOf(db, fx.users.partnerA);
    // Review rounds arrive with the deliberation work; here the coordinator's outcome is set directly.
    await db.prisma.project.update({
      where: { id: submitted.id },
      data: { status: "CHANGES_REQUESTED", version: { increment: 1 } },
    });
    const current = await partner.project.get({ projectId: submitted.id });
    expect(current.canManage).toBe(true);
    const edited = await partner.project.update({
      ...proposalFields({ capacityTpy: 2400 }),
      projectId: submitted.id,
      version: current.version,
    });
    const resubmitted = await partner.project.submit({ projectId: submitted.id, version: edited.version });
    expect(resubmitted).toMatchObject({ status: "SUBMITTED", currentRevision: { number: 2 } });
    const revisions = await partner.project.revisions({ projectId: submitted.id });
    expect(revisions.map((r) => r.number)).toEqual([2, 1]);
    expect(revisions[0]?.contentHash).not.toBe(revisions[1]?.contentHash);
  });
});

describe("who sees and changes what", () => {
  it("hides another organisation's draft entirely, and refuses edits to it", async () => {
    const draft = await draftOf(db, fx.users.partnerA);
    const other = callerFor(db, fx.users.partnerB);
    expect((await failure(other.project.get({ projectId: draft.id }))).code).toBe("NOT_FOUND");
    expect(
      (await failure(other.project.update({ ...proposalFields(), projectId: draft.id, version: 1 }))).code,
    ).toBe("NOT_FOUND");
    for (const who of [fx.users.usDelegate, fx.users.coordinator, fx.users.admin]) {
      expect((await failure(callerFor(db, who).project.get({ projectId: draft.id }))).code).toBe("NOT_FOUND");
    }
  });

  it("keeps a draft withdrawn before it was ever submitted with its organisation", async () => {
    const partner = callerFor(db, fx.users.partnerA);
    const draft = await draftOf(db, fx.users.partnerA, { titleEn: "Withdrawn unsubmitted draft" });
    const withdrawn = await partner.project.withdraw({ projectId: draft.id, version: draft.version });
    expect(withdrawn).toMatchObject({ status: "WITHDRAWN", submittedAt: null });
    for (const who of [fx.users.usDelegate, fx.users.coordinator, fx.users.admin, fx.users.partnerB]) {
      const caller = callerFor(db, who);
      expect((await failure(caller.project.get({ projectId: draft.id }))).code).toBe("NOT_FOUND");
      const listed = await caller.project.list({ q: "Withdrawn unsubmitted draft", limit: 100 });
      expect(listed.items).toEqual([]);
      const exported = await caller.dashboard.projectsCsv();
      expect(exported.content).not.toContain(draft.reference);
    }
    expect((await partner.project.get({ projectId: draft.id })).status).toBe("WITHDRAWN");

    // Withdrawn after a submission, it stays on the record for reviewers.
    const submitted = await submittedOf(db, fx.users.partnerA);
    await partner.project.withdraw({ projectId: submitted.id, version: submitted.version });
    expect((await callerFor(db, fx.users.usDelegate).project.get({ projectId: submitted.id })).status).toBe(
      "WITHDRAWN",
    );
  });

  it("shows reviewers the last submitted revision while the organisation edits after changes were requested", async () => {
    const partner = callerFor(db, fx.users.partnerA);
    const submitted = await submittedOf(db, fx.users.partnerA);
    await db.prisma.project.update({
      where: { id: submitted.id },
      data: { status: "CHANGES_REQUESTED", version: { increment: 1 } },
    });
    const opened = await partner.project.get({ projectId: submitted.id });
    const edits = proposalFields({
      titleEn: "Unsubmitted rewrite of the pilot",
      capexUsd: 999_000_000,
      sponsors: ["US"],
    });
    const edited = await partner.project.update({
      ...edits,
      projectId: submitted.id,
      version: opened.version,
    });
    // The organisation works on its edits…
    expect(edited.fields).toMatchObject({ titleEn: edits.titleEn, capexUsd: 999_000_000, sponsors: ["US"] });
    expect((await partner.project.get({ projectId: submitted.id })).fields.titleEn).toBe(edits.titleEn);

    // …while everyone else reads revision 1, field for field, wherever the project appears.
    const revision = await partner.project.revision({ projectId: submitted.id, number: 1 });
    const asSubmitted = proposalFields();
    for (const who of [fx.users.usDelegate, fx.users.coordinator, fx.users.admin]) {
      const caller = callerFor(db, who);
      const seen = await caller.project.get({ projectId: submitted.id });
      // Exactly what the organisation had when the changes were requested, i.e. what it submitted.
      expect(seen.fields).toEqual(opened.fields);
      expect(seen.fields).toMatchObject({ titleEn: asSubmitted.titleEn, sponsors: ["JP", "US"] });
      expect(seen.currentRevision?.number).toBe(1);
      expect(revision.content).toMatchObject({ titleEn: seen.fields.titleEn, capexUsd: "340000000" });
      const listed = await caller.project.list({ q: submitted.reference, limit: 5 });
      expect(listed.items.map((i) => [i.title.en, i.capexUsd, i.sponsors])).toEqual([
        [asSubmitted.titleEn, asSubmitted.capexUsd, ["JP", "US"]],
      ]);
      expect((await caller.project.list({ q: "Unsubmitted rewrite", limit: 5 })).items).toEqual([]);
      const exported = await caller.dashboard.projectsCsv();
      expect(exported.content).not.toContain(edits.titleEn);
    }

    // Resubmitted, the edits are revision 2 and everyone reads them.
    const resubmitted = await partner.project.submit({ projectId: submitted.id, version: edited.version });
    expect(resubmitted).toMatchObject({ currentRevision: { number: 2 }, fields: { titleEn: edits.titleEn } });
    const seen = await callerFor(db, fx.users.usDelegate).project.get({ projectId: submitted.id });
    expect(seen.fields).toMatchObject({ titleEn: edits.titleEn, capexUsd: 999_000_000, sponsors: ["US"] });
    expect((await partner.project.revision({ projectId: submitted.id, number: 2 })).content).toMatchObject({
      titleEn: edits.titleEn,
      capexUsd: "999000000",
    });
  });

  it("keeps showing what was submitted when the organisation withdraws with edits unsent", async () => {
    const partner = callerFor(db, fx.users.partnerA);
    const submitted = await submittedOf(db, fx.users.partnerA);
    await db.prisma.project.update({
      where: { id: submitted.id },
      data: { status: "CHANGES_REQUESTED", version: { increment: 1 } },
    });
    const opened = await partner.project.get({ projectId: submitted.id });
    const edited = await partner.project.update({
      ...proposalFields({ titleEn: "Never sent" }),
      projectId: submitted.id,
      version: opened.version,
    });
    await partner.project.withdraw({ projectId: submitted.id, version: edited.version });
    for (const who of [fx.users.usDelegate, fx.users.partnerA]) {
      const seen = await callerFor(db, who).project.get({ projectId: submitted.id });
      expect(seen).toMatchObject({ status: "WITHDRAWN", fields: { titleEn: proposalFields().titleEn } });
    }
  });

  it("lets another organisation's partner read an approved project but not change it", async () => {
    const submitted = await submittedOf(db, fx.users.partnerA);
    await db.prisma.project.update({ where: { id: submitted.id }, data: { status: "APPROVED" } });
    const other = callerFor(db, fx.users.partnerB);
    const seen = await other.project.get({ projectId: submitted.id });
    expect(seen).toMatchObject({ status: "APPROVED", canManage: false });
    const error = await failure(other.project.withdraw({ projectId: submitted.id, version: seen.version }));
    expect(error.code).toBe("FORBIDDEN");
  });
});
