// Hostile input against every procedure of appRouter (the list comes from the router itself):
// wrong types, missing and extra fields, huge strings, unicode edge cases, deep nesting, extreme
// numbers, invalid dates, SQL and HTML payloads. The answer is a value or a clear client error
// (BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT) — never INTERNAL_SERVER_ERROR — and
// whatever was stored reads back through the API afterwards.
import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { TRPCError } from "@trpc/server";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInnerContext } from "./context.js";
import { appRouter, createCaller } from "./root.js";
import {
  callerFor,
  createFixture,
  draftOf,
  inDeliveryOf,
  proposalFields,
  roundOf,
  type Fixture,
} from "./test/fixtures.js";

const RUNS_PER_PROCEDURE = Number(process.env.FUZZ_RUNS ?? 25);
const CLIENT_ERRORS = new Set(["BAD_REQUEST", "UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"]);

let db: TestDatabase;
let fx: Fixture;
let ids: string[] = [];
let calls = 0;
let target: {
  projectId: string;
  roundId: string;
  commentId: string;
  milestoneId: string;
  draftId: string;
};

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
  // Real rows to aim at, so hostile input reaches past "not found".
  const { project, round } = await roundOf(db, fx);
  const deliveryProjectId = await inDeliveryOf(db, fx);
  const milestone = await callerFor(db, fx.users.coordinator).delivery.createMilestone({
    projectId: deliveryProjectId,
    titleEn: "Permits",
    titleJa: "許認可",
    dueDate: "2027-03-31",
    assigneeOrganisationId: fx.organisations.a,
  });
  const comment = await callerFor(db, fx.users.usDelegate).comment.post({
    projectId: project.id,
    body: "A first comment.",
    stance: "SUPPORT",
  });
  const draft = await draftOf(db, fx.users.partnerA);
  target = {
    projectId: project.id,
    roundId: round.id,
    commentId: comment.id,
    milestoneId: milestone.id,
    draftId: draft.id,
  };
  ids = [
    draft.id,
    project.id,
    round.id,
    comment.id,
    deliveryProjectId,
    milestone.id,
    ...Object.values(fx.users).map((u) => u.id),
    fx.organisations.a,
    fx.delegations.US,
  ];
}, 60_000);
afterAll(() => db.close());

const hostileString = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "a\u0000b",
    "e\u0301\u0301\u0301",
    "\u202Eevil\u202C",
    "مرحبا",
    "👩🏽‍🔬🧲",
    "\uD800",
    '\'; DROP TABLE "Project"; --',
    "' OR '1'='1",
    "%_\\",
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "javascript:alert(1)",
    "../../etc/passwd",
    "0000-00-00",
    "2026-02-30T25:61:00Z",
    "NaN",
    "-1",
    "US",
    "DRAFT",
    "APPROVE",
    "SUPPORT",
  ),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.integer({ min: 1, max: 4 }).map((n) => "x".repeat(n * 50_000)),
);

const hostileNumber = fc.oneof(
  fc.constantFrom(-1, 0, 1, 2 ** 31, 2 ** 53, -(2 ** 63), Number.MAX_VALUE, Number.NaN, Infinity, -Infinity),
  fc.double(),
  fc.integer(),
);

const leaf = fc.oneof(
  hostileString,
  hostileNumber,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: false }),
  fc.bigInt().map((n) => n.toString()),
);

// Deep nesting: arrays and objects inside each other, up to 60 levels.
const deep = fc.integer({ min: 10, max: 60 }).map((depth) => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { nested: value };
  return value;
});

const FIELD_NAMES = [
  "id",
  "projectId",
  "roundId",
  "commentId",
  "milestoneId",
  "parentId",
  "userId",
  "decisionId",
  "organisationId",
  "cursor",
  "direction",
  "limit",
  "version",
  "status",
  "stance",
  "choice",
  "reason",
  "rationale",
  "body",
  "titleEn",
  "titleJa",
  "summaryEn",
  "summaryJa",
  "bodyEn",
  "bodyJa",
  "bindingLanguage",
  "translationEn",
  "translationJa",
  "commodity",
  "stage",
  "site",
  "capacityTpy",
  "capexUsd",
  "sponsors",
  "closesAt",
  "rule",
  "dueDate",
  "weight",
  "percent",
  "evidence",
  "email",
  "name",
  "role",
  "locale",
  "timeZone",
  "code",
  "nameEn",
  "nameJa",
  "kind",
  "q",
  "sort",
  "from",
  "to",
  "assignee",
  "sessionToken",
  "token",
  "identifier",
  "expires",
  "url",
  "provider",
  "providerAccountId",
  "emailVerified",
  "type",
  "delegationId",
  "hide",
  "fromRevision",
  "toRevision",
];

const fieldValue = fc.oneof(
  { weight: 3, arbitrary: leaf },
  { weight: 2, arbitrary: fc.constantFrom(...(ids.length ? ids : ["00000000-0000-0000-0000-000000000000"])) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...FIELD_NAMES), leaf, { maxKeys: 4 }) },
);

function hostileInput() {
  // Built lazily so the real ids gathered in beforeAll are in the pool.
  const withIds = fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 2, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: deep },
  );
  const value = fc.oneof(fieldValue, withIds);
  return fc.oneof(
    { weight: 1, arbitrary: leaf },
    { weight: 1, arbitrary: deep },
    { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...FIELD_NAMES), value, { maxKeys: 12 }) },
  );
}

const PROCEDURES = Object.keys(appRouter._def.procedures).sort();

type Callable = (input: unknown) => Promise<unknown>;
function procedureOf(caller: unknown, path: string): Callable {
  return path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as Callable;
}

async function expectClientAnswer(call: Callable, input: unknown): Promise<void> {
  calls++;
  try {
    await call(input);
  } catch (error) {
    expect(error).toBeInstanceOf(TRPCError);
    const code = (error as TRPCError).code;
    if (!CLIENT_ERRORS.has(code)) {
      throw new Error(
        `${code}: ${(error as Error).message} for input ${JSON.stringify(input)?.slice(0, 300)}`,
        { cause: error },
      );
    }
  }
}

describe("hostile input on every procedure", () => {
  it.each(PROCEDURES)(
    "%s never answers with a server error",
    async (path) => {
      const callers = {
        coordinator: callerFor(db, fx.users.coordinator),
        partner: callerFor(db, fx.users.partnerA),
        delegate: callerFor(db, fx.users.usDelegate),
        admin: callerFor(db, fx.users.admin),
        internal: createCaller(createInnerContext({ db, internal: true })),
      };
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...Object.values(callers)),
          hostileInput(),
          async (caller, input) => {
            await expectClientAnswer(procedureOf(caller, path), input);
          },
        ),
        { numRuns: RUNS_PER_PROCEDURE, endOnFailure: true },
      );
    },
    120_000,
  );

  // Valid input with one field (or nested field) made hostile, so the values reach the use-case
  // and the database rather than stopping at the first check.
  const versionOf = async (id: string) =>
    (await db.prisma.project.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
  const milestoneVersion = async () =>
    (
      await db.prisma.milestone.findUniqueOrThrow({
        where: { id: target.milestoneId },
        select: { version: true },
      })
    ).version;
  const TEMPLATES: Record<string, { as: () => unknown; base: () => Promise<Record<string, unknown>> }> = {
    "project.create": { as: () => callerFor(db, fx.users.partnerA), base: async () => proposalFields() },
    "project.update": {
      as: () => callerFor(db, fx.users.partnerA),
      base: async () => ({
        ...proposalFields(),
        projectId: target.draftId,
        version: await versionOf(target.draftId),
      }),
    },
    "project.list": {
      as: () => callerFor(db, fx.users.usDelegate),
      base: async () => ({ q: "pilot", limit: 5, sort: "capex", status: ["SUBMITTED"], siteCountry: "AU" }),
    },
    "comment.post": {
      as: () => callerFor(db, fx.users.usDelegate),
      base: async () => ({ projectId: target.projectId, stance: "QUESTION", body: "Why here?" }),
    },
    "comment.edit": {
      as: () => callerFor(db, fx.users.usDelegate),
      base: async () => ({ commentId: target.commentId, body: "Edited." }),
    },
    "comment.hide": {
      as: () => callerFor(db, fx.users.coordinator),
      base: async () => ({ commentId: target.commentId, reason: "Off topic" }),
    },
    "review.castVote": {
      as: () => callerFor(db, fx.users.usDelegate),
      base: async () => ({ roundId: target.roundId, choice: "REJECT", reason: "Too costly." }),
    },
    "delivery.report": {
      as: () => callerFor(db, fx.users.partnerA),
      base: async () => ({
        milestoneId: target.milestoneId,
        version: await milestoneVersion(),
        status: "IN_PROGRESS",
        progress: 30,
        evidence: "Site visit report",
      }),
    },
    "delivery.replan": {
      as: () => callerFor(db, fx.users.coordinator),
      base: async () => ({
        milestoneId: target.milestoneId,
        version: await milestoneVersion(),
        dueDate: "2027-06-30",
        reason: "Supplier delay",
      }),
    },
    "user.updateProfile": {
      as: () => callerFor(db, fx.users.admin),
      base: async () => ({ name: "Admin", locale: "ja", timeZone: "Asia/Tokyo" }),
    },
    "user.invite": {
      as: () => callerFor(db, fx.users.admin),
      base: async () => ({ name: "New person", email: `new-${calls}@test.example`, role: "DELEGATE" }),
    },
    "delegation.create": {
      as: () => callerFor(db, fx.users.admin),
      base: async () => ({ code: "ZZ", nameEn: "Zed", nameJa: "ゼッド", kind: "PARTNER" }),
    },
    "auth.sendSignInLink": {
      as: () => createCaller(createInnerContext({ db, internal: true })),
      base: async () => ({ email: "someone@test.example", url: "http://localhost/x", locale: "en" }),
    },
  };

  function fieldPaths(value: Record<string, unknown>, prefix = ""): string[] {
    return Object.entries(value).flatMap(([key, v]) =>
      v && typeof v === "object" && !Array.isArray(v)
        ? [`${prefix}${key}`, ...fieldPaths(v as Record<string, unknown>, `${prefix}${key}.`)]
        : [`${prefix}${key}`],
    );
  }
  function withValue(base: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
    const copy = structuredClone(base);
    const keys = path.split(".");
    let node: Record<string, unknown> = copy;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = keys.at(-1)!;
    if (value === undefined) delete node[last];
    else node[last] = value;
    return copy;
  }

  it.each(Object.keys(TEMPLATES))(
    "%s with one hostile field never answers with a server error",
    async (path) => {
      const template = TEMPLATES[path]!;
      const paths = fieldPaths(await template.base());
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...paths), fc.oneof(leaf, deep), async (field, value) => {
          const input = withValue(await template.base(), field, value);
          await expectClientAnswer(procedureOf(template.as(), path), input);
        }),
        { numRuns: RUNS_PER_PROCEDURE * 4, endOnFailure: true },
      );
    },
    120_000,
  );

  it("left only rows that read back through the API", async () => {
    const coordinator = callerFor(db, fx.users.coordinator);
    let cursor: string | null = null;
    let seen = 0;
    do {
      const page: Awaited<ReturnType<typeof coordinator.project.list>> = await coordinator.project.list({
        limit: 100,
        ...(cursor ? { cursor } : {}),
      });
      for (const item of page.items) {
        await coordinator.project.get({ projectId: item.id });
        await coordinator.comment.list({ projectId: item.id, limit: 100 });
        seen++;
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toBeGreaterThan(0);
    const users = await db.prisma.user.findMany({ select: { email: true, name: true } });
    for (const u of users) {
      expect(u.email).not.toContain("\u0000");
      expect(u.name).not.toContain("\u0000");
    }
    console.info(`fuzz: ${calls} hostile calls over ${PROCEDURES.length} procedures`);
  });
});
