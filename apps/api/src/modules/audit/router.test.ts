import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixture, draftOf, proposalFields, type Fixture } from "../../test/fixtures.js";

let db: TestDatabase;
let fx: Fixture;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
});
afterAll(() => db.close());

describe("audit.list", () => {
  it("shows coordinators every state change, newest first, filtered and one keyset page at a time", async () => {
    const partner = callerFor(db, fx.users.partnerA);
    const draft = await draftOf(db, fx.users.partnerA);
    const edited = await partner.project.update({
      ...proposalFields({ titleEn: "Edited" }),
      projectId: draft.id,
      version: draft.version,
    });
    await partner.project.submit({ projectId: draft.id, version: edited.version });

    const coordinator = callerFor(db, fx.users.coordinator);
    const events = await coordinator.audit.list({ entityType: "Project", entityId: draft.id });
    expect(events.items.map((e) => e.action)).toEqual([
      "project.submitted",
      "project.edited",
      "project.created",
    ]);
    expect(events.items[0]!.actor).toEqual({
      id: fx.users.partnerA.id,
      name: fx.users.partnerA.name,
      email: fx.users.partnerA.email,
    });
    expect(new Date(events.items[0]!.createdAt).getTime()).toBeGreaterThanOrEqual(
      new Date(events.items[2]!.createdAt).getTime(),
    );

    const prefix = await coordinator.audit.list({ action: "project.edit" });
    expect(prefix.items.every((e) => e.action.startsWith("project.edit"))).toBe(true);
    expect(prefix.items.some((e) => e.entityId === draft.id)).toBe(true);
    // A wildcard is a plain character, not a pattern.
    expect((await coordinator.audit.list({ action: "project_" })).items).toEqual([]);

    const all = await callerFor(db, fx.users.admin).audit.list({ limit: 100 });
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof coordinator.audit.list>> = await coordinator.audit.list({
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.items.map((e) => e.id));

    const later = new Date(Date.now() + 60_000).toISOString();
    expect((await coordinator.audit.list({ from: later })).items).toEqual([]);
    expect((await coordinator.audit.list({ to: later })).items.length).toBe(all.items.length);
  });

  it("refuses partners and delegates, and answers bad filters with BAD_REQUEST", async () => {
    for (const who of [fx.users.partnerA, fx.users.usDelegate]) {
      const error = await callerFor(db, who)
        .audit.list({})
        .catch((e: unknown) => e);
      expect((error as TRPCError).code).toBe("FORBIDDEN");
    }
    const coordinator = callerFor(db, fx.users.coordinator);
    for (const input of [
      { from: "2026-11-24T10:00:00Z", to: "2026-11-24T09:00:00Z" },
      { action: "DROP TABLE" },
      { limit: 101 },
      { entityType: "Session" },
    ]) {
      const error = await coordinator.audit.list(input as never).catch((e: unknown) => e);
      expect((error as TRPCError).code).toBe("BAD_REQUEST");
    }
  });
});

describe("the audit event and the change share one transaction", () => {
  it("a use-case whose audit write fails leaves neither the change nor an event", async () => {
    const partner = callerFor(db, fx.users.partnerA);
    const draft = await draftOf(db, fx.users.partnerA, { titleEn: "Before" });
    // Make the audit insert of this one action fail, after the use-case has updated the project.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_edit_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.action = 'project.edited' THEN RAISE EXCEPTION 'audit store failed'; END IF;
        RETURN NEW;
      END $$`);
    await db.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_edit_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION refuse_edit_audit()`,
    );
    try {
      const error = await partner.project
        .update({ ...proposalFields({ titleEn: "After" }), projectId: draft.id, version: draft.version })
        .catch((e: unknown) => e);
      expect((error as TRPCError).code).toBe("INTERNAL_SERVER_ERROR");
      const project = await partner.project.get({ projectId: draft.id });
      expect(project.fields.titleEn).toBe("Before");
      expect(project.version).toBe(draft.version);
      const events = await db.prisma.auditEvent.count({
        where: { entityId: draft.id, action: "project.edited" },
      });
      expect(events).toBe(0);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_edit_audit ON "AuditEvent"`);
      await db.prisma.$executeRawUnsafe(`DROP FUNCTION refuse_edit_audit()`);
    }
    // Without the fault the same edit goes through, with its event.
    const saved = await partner.project.update({
      ...proposalFields({ titleEn: "After" }),
      projectId: draft.id,
      version: draft.version,
    });
    expect(saved.fields.titleEn).toBe("After");
    expect(
      await db.prisma.auditEvent.count({ where: { entityId: draft.id, action: "project.edited" } }),
    ).toBe(1);
  });
});
