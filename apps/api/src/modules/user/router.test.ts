import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CALLERS,
  callerFor,
  callerWithToken,
  createFixture,
  sessionFor,
  type Fixture,
} from "../../test/fixtures.js";

let db: TestDatabase;
let fx: Fixture;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
});
afterAll(() => db.close());

const codeOf = (e: unknown) => (e instanceof TRPCError ? e.code : `not a TRPCError: ${String(e)}`);
const attempt = (p: Promise<unknown>) => p.then(() => "OK", codeOf);

describe("admin procedures: only administrators", () => {
  it("refuse every other role with FORBIDDEN and signed-out callers with UNAUTHORIZED", async () => {
    for (const name of CALLERS.filter((c) => c !== "admin" && c !== "deactivated")) {
      const api = callerFor(db, fx.users[name]);
      const target = { userId: fx.users.usDelegate.id };
      const results = await Promise.all([
        attempt(api.user.list({})),
        attempt(api.user.get(target)),
        attempt(api.user.invite({ name: "X", email: `x-${name}@test.example`, role: "COORDINATOR" })),
        attempt(api.user.changeRole({ ...target, role: "COORDINATOR" })),
        attempt(api.user.deactivate(target)),
        attempt(api.user.reactivate(target)),
        attempt(api.delegation.create({ code: "KR", nameEn: "Korea", nameJa: "韓国", kind: "PARTNER" })),
      ]);
      expect(results, name).toEqual(Array(results.length).fill("FORBIDDEN"));
    }
    const anon = callerFor(db, null);
    expect(await attempt(anon.user.list({}))).toBe("UNAUTHORIZED");
    expect(await attempt(anon.delegation.list())).toBe("UNAUTHORIZED");
  });

  it("refuse a deactivated administrator even with a live session", async () => {
    const admin2 = await db.prisma.user.create({
      data: { name: "Admin Two", email: "admin2@test.example", role: "ADMIN" },
    });
    const token = await sessionFor(db, admin2.id);
    expect(await attempt((await callerWithToken(db, token)).user.list({}))).toBe("OK");
    await db.prisma.user.update({ where: { id: admin2.id }, data: { deactivatedAt: new Date() } });
    expect(await attempt((await callerWithToken(db, token)).user.list({}))).toBe("UNAUTHORIZED");
  });
});

describe("user administration", () => {
  it("invites a user and records who did it", async () => {
    const admin = callerFor(db, fx.users.admin);
    const created = await admin.user.invite({
      name: "Priya Raman",
      email: "Priya.Raman@Test.Example",
      role: "DELEGATE",
      delegation: "JP",
      locale: "en",
      timeZone: "Asia/Kolkata",
    });
    expect(created).toMatchObject({
      email: "priya.raman@test.example",
      role: "DELEGATE",
      delegation: "JP",
      active: true,
    });
    const audit = await db.prisma.auditEvent.findFirst({
      where: { action: "user.invited", entityId: created.id },
    });
    expect(audit?.actorId).toBe(fx.users.admin.id);
    expect(audit?.after).toMatchObject({ email: "priya.raman@test.example" });
  });

  it("refuses a duplicate address with CONFLICT and a bad affiliation with BAD_REQUEST, writing nothing", async () => {
    const admin = callerFor(db, fx.users.admin);
    const before = await db.prisma.auditEvent.count();
    expect(
      await attempt(admin.user.invite({ name: "Dup", email: fx.users.usDelegate.email, role: "ADMIN" })),
    ).toBe("CONFLICT");
    expect(
      await attempt(admin.user.invite({ name: "No delegation", email: "nd@test.example", role: "DELEGATE" })),
    ).toBe("BAD_REQUEST");
    expect(
      await attempt(
        admin.user.invite({ name: "Ghost", email: "g@test.example", role: "DELEGATE", delegation: "ZZ" }),
      ),
    ).toBe("BAD_REQUEST");
    expect(
      await db.prisma.user.count({ where: { email: { in: ["nd@test.example", "g@test.example"] } } }),
    ).toBe(0);
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });

  it("changes a role with before and after in the audit log", async () => {
    const admin = callerFor(db, fx.users.admin);
    const target = await admin.user.invite({
      name: "Role Change",
      email: "rc@test.example",
      role: "COORDINATOR",
    });
    const after = await admin.user.changeRole({
      userId: target.id,
      role: "PARTNER",
      organisationId: fx.organisations.a,
    });
    expect(after).toMatchObject({ role: "PARTNER", organisation: { id: fx.organisations.a } });
    const audit = await db.prisma.auditEvent.findFirst({
      where: { action: "user.role_changed", entityId: target.id },
    });
    expect(audit?.before).toMatchObject({ role: "COORDINATOR" });
    expect(audit?.after).toMatchObject({ role: "PARTNER" });
  });

  it("deactivation ends the user's sessions at once", async () => {
    const admin = callerFor(db, fx.users.admin);
    const target = await admin.user.invite({
      name: "Leaving",
      email: "leaving@test.example",
      role: "COORDINATOR",
    });
    const token = await sessionFor(db, target.id);
    expect(await attempt((await callerWithToken(db, token)).auth.me())).toBe("OK");
    const after = await admin.user.deactivate({ userId: target.id });
    expect(after.active).toBe(false);
    expect(await db.prisma.session.count({ where: { userId: target.id } })).toBe(0);
    expect(await attempt((await callerWithToken(db, token)).auth.me())).toBe("UNAUTHORIZED");
    expect(await attempt(admin.user.deactivate({ userId: target.id }))).toBe("CONFLICT");
    expect((await admin.user.reactivate({ userId: target.id })).active).toBe(true);
  });

  it("keeps an administrator from locking themselves out", async () => {
    const admin = callerFor(db, fx.users.admin);
    expect(await attempt(admin.user.deactivate({ userId: fx.users.admin.id }))).toBe("BAD_REQUEST");
    expect(await attempt(admin.user.changeRole({ userId: fx.users.admin.id, role: "COORDINATOR" }))).toBe(
      "BAD_REQUEST",
    );
  });

  it("lists and searches users one page at a time", async () => {
    const admin = callerFor(db, fx.users.admin);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.user.list({ limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((u) => u.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(new Set(seen).size).toBe(await db.prisma.user.count());
    const found = await admin.user.list({ q: "PARTNER" });
    expect(found.items.map((u) => u.name).sort()).toEqual(["partnerA", "partnerB"]);
    const active = await admin.user.list({ includeDeactivated: false, limit: 100 });
    expect(active.items.every((u) => u.active)).toBe(true);
  });

  it("searches for % and _ as the characters they are, not as wildcards", async () => {
    const admin = callerFor(db, fx.users.admin);
    await db.prisma.user.create({
      data: { name: "Quota 100% Desk", email: "quota_desk@test.example", role: "COORDINATOR" },
    });
    const names = async (q: string) =>
      (await admin.user.list({ q, includeDeactivated: true, limit: 100 })).items.map((u) => u.name);
    expect(await names("_")).toEqual(["Quota 100% Desk"]);
    expect(await names("%")).toEqual(["Quota 100% Desk"]);
    expect(await names("a_d")).toEqual(["Quota 100% Desk"]);
    expect(await names("0%")).toEqual(["Quota 100% Desk"]);
    // Without wildcards, "u_d" ("usdelegate") and "t%e" ("test.example") match nobody.
    expect(await names("u_d")).toEqual([]);
    expect(await names("t%e")).toEqual([]);
  });
});

describe("profile", () => {
  it("lets every signed-in user set language and time zone, and validates them", async () => {
    const api = callerFor(db, fx.users.partnerB);
    const after = await api.user.updateProfile({ locale: "ja", timeZone: "Asia/Tokyo" });
    expect(after).toMatchObject({ locale: "ja", timeZone: "Asia/Tokyo" });
    expect(await attempt(api.user.updateProfile({ timeZone: "Mars/Base" }))).toBe("BAD_REQUEST");
    expect(await attempt(callerFor(db, null).user.updateProfile({ locale: "en" }))).toBe("UNAUTHORIZED");
  });
});

describe("delegations", () => {
  it("are listed for signed-in users and managed by administrators", async () => {
    const admin = callerFor(db, fx.users.admin);
    const created = await admin.delegation.create({
      code: "AU",
      nameEn: "Australia",
      nameJa: "オーストラリア",
      kind: "PARTNER",
    });
    expect(
      await attempt(admin.delegation.create({ code: "AU", nameEn: "Again", nameJa: "再", kind: "PARTNER" })),
    ).toBe("CONFLICT");
    const updated = await admin.delegation.update({
      delegationId: created.id,
      code: created.code,
      nameEn: "Commonwealth of Australia",
      nameJa: created.nameJa,
      kind: created.kind,
    });
    expect(updated.nameEn).toBe("Commonwealth of Australia");
    const list = await callerFor(db, fx.users.partnerA).delegation.list();
    expect(list.map((d) => d.code)).toEqual(["JP", "US", "AU"]);
    expect(list.find((d) => d.code === "US")?.userCount).toBeGreaterThan(0);
  });
});
