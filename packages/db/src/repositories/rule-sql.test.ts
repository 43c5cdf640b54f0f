// Parity: each SQL fragment of rule-sql.ts decides exactly as the domain's pure rule, on the same
// generated rows, on this run's database (PGlite, or PostgreSQL when DATABASE_URL is set).
import { canSeeProject, projectVisibility, type Actor } from "@lodestone/domain/access";
import { dateIn, dueState, isDueThisMonth } from "@lodestone/domain/delivery";
import { MILESTONE_STATUSES, PROJECT_STATUSES, ROLES } from "@lodestone/domain/vocabulary";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../generated/prisma/client.js";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "../testing.js";
import { dueStateSql, dueThisMonthSql, todayInSql, visibleProjectSql } from "./rule-sql.js";

const RUNS = Number(process.env.PARITY_RUNS ?? 150);

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const ORGS = [
  "0190c9a0-0000-7000-8000-00000000000a",
  "0190c9a0-0000-7000-8000-00000000000b",
  "0190c9a0-0000-7000-8000-00000000000c",
] as const;

const actorArb: fc.Arbitrary<Actor> = fc.record({
  id: fc.constant("0190c9a0-0000-7000-8000-0000000000ff"),
  role: fc.constantFrom(...ROLES),
  delegation: fc.constantFrom(null, "US", "JP"),
  organisationId: fc.constantFrom(null, ...ORGS),
});

const projectRowArb = fc.record({
  organisationId: fc.constantFrom(...ORGS),
  status: fc.constantFrom(...PROJECT_STATUSES),
  submittedAt: fc.option(
    fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }),
  ),
});

const uuidOf = (i: number) => `0190c9a0-0000-7000-8000-${String(i).padStart(12, "0")}`;

describe(`the rules' SQL fragments agree with the pure rules (${testDatabaseKind()})`, () => {
  it("visibleProjectSql selects exactly the projects canSeeProject allows", async () => {
    await fc.assert(
      fc.asyncProperty(
        actorArb,
        fc.array(projectRowArb, { minLength: 1, maxLength: 12 }),
        async (actor, rows) => {
          const values = Prisma.join(
            rows.map(
              (r, i) =>
                Prisma.sql`(${uuidOf(i)}::uuid, ${r.organisationId}::uuid, ${r.status}::"ProjectStatus", ${r.submittedAt}::timestamptz)`,
            ),
          );
          const selected = await db.prisma.$queryRaw<{ id: string }[]>`
          SELECT p.id::text AS id FROM (VALUES ${values}) AS p(id, "organisationId", status, "submittedAt")
          WHERE ${visibleProjectSql(projectVisibility(actor))}`;
          const expected = rows.flatMap((r, i) => (canSeeProject(actor, r) ? [uuidOf(i)] : []));
          expect(selected.map((s) => s.id).sort()).toEqual(expected.sort());
        },
      ),
      { numRuns: RUNS },
    );
  });

  // Zones on both sides of the date line, with half- and quarter-hour offsets and daylight saving.
  const ZONES = [
    "UTC",
    "Asia/Tokyo",
    "America/New_York",
    "America/Los_Angeles",
    "Pacific/Kiritimati",
    "Pacific/Pago_Pago",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Australia/Adelaide",
    "America/St_Johns",
    "Europe/London",
  ] as const;

  const dayShift = (isoDay: string, days: number) =>
    new Date(Date.parse(`${isoDay}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

  const milestoneCaseArb = fc
    .record({
      now: fc.date({ min: new Date("1995-01-01"), max: new Date("2060-12-31"), noInvalidDate: true }),
      rows: fc.array(
        fc.record({
          // Due near today (where the two rules could part) or anywhere in the month around it.
          shift: fc.oneof(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -40, max: 40 })),
          status: fc.constantFrom(...MILESTONE_STATUSES),
          zone: fc.constantFrom(...ZONES),
        }),
        { minLength: 1, maxLength: 12 },
      ),
    })
    .map(({ now, rows }) => ({
      now,
      rows: rows.map((r) => ({ ...r, dueDate: dayShift(dateIn(now, r.zone), r.shift) })),
    }));

  it("dueStateSql and dueThisMonthSql classify each milestone as dueState and isDueThisMonth do", async () => {
    await fc.assert(
      fc.asyncProperty(milestoneCaseArb, async ({ now, rows }) => {
        const values = Prisma.join(
          rows.map(
            (r, i) =>
              Prisma.sql`(${i}::int, ${r.dueDate}::date, ${r.status}::"MilestoneStatus", ${r.zone}::text)`,
          ),
        );
        const today = todayInSql(now, Prisma.sql`m.zone`);
        const got = await db.prisma.$queryRaw<{ i: number; due: string | null; month: boolean }[]>`
          SELECT m.i, ${dueStateSql(today)} AS due, ${dueThisMonthSql(today)} AS month
          FROM (VALUES ${values}) AS m(i, "dueDate", status, zone) ORDER BY m.i`;
        const expected = rows.map((r, i) => ({
          i,
          due: dueState(r, now, r.zone),
          month: isDueThisMonth(r, now, r.zone),
        }));
        expect(got).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });
});
