import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../client.js";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../testing.js";
import { recordEvent } from "./events.js";
import { countRateLimitHits, pruneRateLimitHits } from "./rate-limit.js";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

describe(`the audit log and the event log are append-only (${testDatabaseKind()})`, () => {
  it("refuses UPDATE, DELETE and TRUNCATE of audit rows, through Prisma and through SQL", async () => {
    await inTransaction(db, (tx) =>
      recordEvent(tx, {
        type: "delegation.updated",
        actorId: null,
        requestId: null,
        subject: { type: "Delegation", id: "append-only-1" },
        projectId: null,
        data: {},
      }),
    );
    const [event] = await db.prisma.auditEvent.findMany({ where: { entityId: "append-only-1" } });
    expect(event).toBeDefined();

    await expect(
      db.prisma.auditEvent.update({ where: { id: event!.id }, data: { action: "delegation.created" } }),
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);

    const after = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: event!.id } });
    expect(after.action).toBe("delegation.updated");
    // Appending still works.
    await inTransaction(db, (tx) =>
      recordEvent(tx, {
        type: "delegation.updated",
        actorId: null,
        requestId: null,
        subject: { type: "Delegation", id: "append-only-2" },
        projectId: null,
        data: {},
      }),
    );
    expect(await db.prisma.auditEvent.count({ where: { entityId: { startsWith: "append-only-" } } })).toBe(2);
  });

  it("refuses UPDATE, DELETE and TRUNCATE of events", async () => {
    const events = await db.prisma.domainEvent.count({
      where: { subjectId: { startsWith: "append-only-" } },
    });
    expect(events).toBe(2);
    await expect(
      db.prisma.$executeRawUnsafe(`UPDATE "DomainEvent" SET type = 'delegation.created'`),
    ).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM "DomainEvent"`)).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`TRUNCATE "DomainEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.prisma.domainEvent.count({ where: { type: "delegation.updated" } })).toBe(events);
  });
});

describe(`rate-limit counters (${testDatabaseKind()})`, () => {
  it("give each of many concurrent requests its own count, per key and window", async () => {
    const window = new Date("2026-11-24T10:07:00Z");
    const counts = await Promise.all(
      Array.from({ length: 40 }, () =>
        countRateLimitHits(db.prisma, [{ key: "k:a", windowStart: window }]).then(([n]) => n!),
      ),
    );
    expect([...counts].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const next = new Date("2026-11-24T10:08:00Z");
    // Several keys in one statement, each with its own window; the answer follows the order asked.
    expect(
      await countRateLimitHits(db.prisma, [
        { key: "k:b", windowStart: window },
        { key: "k:a", windowStart: next },
        { key: "k:c", windowStart: window },
      ]),
    ).toEqual([1, 1, 1]);
    expect(
      await countRateLimitHits(db.prisma, [
        { key: "k:a", windowStart: window },
        { key: "k:b", windowStart: window },
      ]),
    ).toEqual([41, 2]);

    expect(await inTransaction(db, (tx) => pruneRateLimitHits(tx, next))).toBe(3);
    expect(await db.prisma.rateLimitHit.count()).toBe(1);
  });
});
