import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@lodestone/db/testing";
import type { SessionUser } from "@lodestone/auth/session";
import type { VerifyProblem } from "@lodestone/domain/decision-record";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixture, delegatesOf, roundOf, type Fixture } from "../../test/fixtures.js";
import { checkExport } from "./decision-export.js";

// Tests that add delegates mid-way (the electorate ones) come last: the decided rounds above
// assume the fixture's electorate.
// The sealed decision record (DESIGN.md §6) against an adversary with SQL access: each part of
// what a decision rests on is changed directly in the database — as a superuser, with the triggers
// that refuse it switched off for the statement — and Verify must name it.

let db: TestDatabase;
let fx: Fixture;
let us2: SessionUser;
let us3: SessionUser;
let us4: SessionUser;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
  [us2, us3, us4] = (await delegatesOf(db, fx.delegations.US, "US", 3)) as [
    SessionUser,
    SessionUser,
    SessionUser,
  ];
});
afterAll(() => db.close());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? `${e.code}: ${e.message}` : String(e)),
  );

/**
 * A decided round: US (four in the electorate) approves 2–1 with one who did not vote, Japan
 * approves after first rejecting; the third US delegate rejects with a reason.
 */
async function decided() {
  const { project, round } = await roundOf(db, fx);
  const vote = (u: SessionUser, choice: "APPROVE" | "REJECT", reason: string | null = null) =>
    callerFor(db, u).review.castVote({ roundId: round.id, choice, reason });
  await vote(fx.users.usDelegate, "APPROVE");
  await vote(us2!, "APPROVE");
  await vote(us3!, "REJECT", "The tailings plan is thin.");
  await vote(fx.users.jpDelegate, "REJECT", "Offtake unclear.");
  await vote(fx.users.jpDelegate, "APPROVE");
  const { decisionId, outcome } = await callerFor(db, fx.users.coordinator).review.close({
    roundId: round.id,
    rationale: "Both founding delegations approve; the tailings plan is a condition.",
    ifNotApproved: "REJECTED",
  });
  expect(outcome).toBe("APPROVED");
  return { project, round, decisionId };
}

/** Runs SQL as the superuser would, with the sealing triggers off for this transaction only. */
async function tamper(sql: string, ...values: unknown[]) {
  await db.prisma.$transaction(async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL session_replication_role = replica");
    await tx.$executeRawUnsafe(sql, ...values);
  });
}

const verify = (decisionId: string) => callerFor(db, fx.users.coordinator).review.verify({ decisionId });

describe(`a sealed decision record (${testDatabaseKind()})`, () => {
  it("verifies as recorded, and its export verifies offline with the deployment's key", async () => {
    const { decisionId } = await decided();
    expect(await verify(decisionId)).toEqual({ verified: true, problems: [] });
    const exported = await callerFor(db, fx.users.partnerA).review.decision({ decisionId });
    expect(exported.seal?.signingKey.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(exported.seal?.record).toMatchObject({
      decisionId,
      outcome: "APPROVED",
      electorate: expect.arrayContaining([{ voterId: us4!.id, delegation: "US" }]),
      votes: expect.arrayContaining([
        expect.objectContaining({ voterId: us3!.id, choice: "REJECT", reason: "The tailings plan is thin." }),
      ]),
      voteHistory: { entries: 5, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    const key = await callerFor(db, null).review.signingKey();
    expect(key.fingerprint).toBe(exported.seal?.signingKey.fingerprint);
    const roundTrip = JSON.parse(JSON.stringify(exported)) as unknown;
    expect(checkExport(roundTrip, key.fingerprint).problems).toEqual([]);
  });

  const cases: {
    what: string;
    sql: (ids: { decisionId: string; roundId: string; projectId: string }) => [string, ...unknown[]];
    names: (ids: { decisionId: string }) => VerifyProblem[];
  }[] = [
    {
      what: "the decision's rationale",
      sql: ({ decisionId }) => [
        `UPDATE "Decision" SET rationale = 'Approved.' WHERE id = $1::uuid`,
        decisionId,
      ],
      names: () => [{ kind: "field", field: "rationale" }],
    },
    {
      what: "the decision's outcome",
      sql: ({ decisionId }) => [`UPDATE "Decision" SET outcome = 'REJECTED' WHERE id = $1::uuid`, decisionId],
      names: () => [
        { kind: "field", field: "outcome" },
        { kind: "outcomeNotApproved", recorded: "REJECTED" },
      ],
    },
    {
      what: "the decision's rule",
      sql: ({ decisionId }) => [
        `UPDATE "Decision" SET rule = jsonb_set(rule, '{quorum}', '1') WHERE id = $1::uuid`,
        decisionId,
      ],
      names: () => [{ kind: "field", field: "decisionRule" }],
    },
    {
      what: "the decision's tallies",
      sql: ({ decisionId }) => [
        `UPDATE "Decision" SET tallies = jsonb_set(tallies, '{delegations,US,reject}', '0') WHERE id = $1::uuid`,
        decisionId,
      ],
      names: () => [
        { kind: "field", field: "tallies" },
        { kind: "figure", delegation: "US", figure: "reject", recorded: 0, recomputed: 1 },
      ],
    },
    {
      what: "who recorded the decision",
      sql: ({ decisionId }) => [
        `UPDATE "Decision" SET "recordedById" = $2::uuid WHERE id = $1::uuid`,
        decisionId,
        fx.users.admin.id,
      ],
      names: () => [{ kind: "field", field: "recordedBy" }],
    },
    {
      what: "a vote's choice",
      sql: ({ roundId }) => [
        `UPDATE "Vote" SET choice = 'REJECT' WHERE "roundId" = $1::uuid AND "voterId" = $2::uuid`,
        roundId,
        us2!.id,
      ],
      names: () => [
        { kind: "vote", voterId: us2!.id, what: "choice" },
        { kind: "figure", delegation: "US", figure: "approve", recorded: 2, recomputed: 1 },
      ],
    },
    {
      what: "a vote moved to another delegate, counts unchanged",
      sql: ({ roundId }) => [
        `UPDATE "Vote" SET "voterId" = $3::uuid WHERE "roundId" = $1::uuid AND "voterId" = $2::uuid`,
        roundId,
        us3!.id,
        us4!.id,
      ],
      names: () => [
        { kind: "vote", voterId: us4!.id, what: "extra" },
        { kind: "vote", voterId: us3!.id, what: "missing" },
      ],
    },
    {
      what: "a deleted vote-history row",
      sql: ({ roundId }) => [
        `DELETE FROM "VoteHistory" WHERE "roundId" = $1::uuid AND "voterId" = $2::uuid AND choice = 'REJECT'`,
        roundId,
        fx.users.jpDelegate.id,
      ],
      names: () => [{ kind: "field", field: "voteHistory" }],
    },
    {
      what: "the round's rule",
      sql: ({ roundId }) => [
        `UPDATE "ReviewRound" SET rule = jsonb_set(rule, '{requiredDelegations}', '["US"]') WHERE id = $1::uuid`,
        roundId,
      ],
      names: () => [{ kind: "field", field: "roundRule" }],
    },
    {
      what: "the revision's content",
      sql: ({ projectId }) => [
        `UPDATE "Revision" SET content = jsonb_set(content, '{capexUsd}', '1') WHERE "projectId" = $1::uuid`,
        projectId,
      ],
      names: () => [expect.objectContaining({ kind: "contentHash" }) as VerifyProblem],
    },
    {
      what: "the electorate",
      sql: ({ roundId }) => [
        `DELETE FROM "RoundElector" WHERE "roundId" = $1::uuid AND "voterId" = $2::uuid`,
        roundId,
        us4!.id,
      ],
      names: () => [
        { kind: "elector", voterId: us4!.id, what: "missing" },
        { kind: "figure", delegation: "US", figure: "didNotVote", recorded: 1, recomputed: 0 },
      ],
    },
    {
      what: "the sealed record itself, rewritten to match a changed rationale",
      sql: ({ decisionId }) => [
        `UPDATE "Decision" SET rationale = 'Approved.',
           record = replace(record, 'Both founding delegations approve; the tailings plan is a condition.', 'Approved.')
         WHERE id = $1::uuid`,
        decisionId,
      ],
      names: () => [expect.objectContaining({ kind: "recordHash" }) as VerifyProblem, { kind: "signature" }],
    },
    {
      what: "the sealed record and its hash, rewritten together",
      sql: ({ decisionId }) => [
        `UPDATE "Decision" SET rationale = 'Approved.',
           record = replace(record, 'Both founding delegations approve; the tailings plan is a condition.', 'Approved.'),
           "recordHash" = encode(sha256(convert_to(replace(record, 'Both founding delegations approve; the tailings plan is a condition.', 'Approved.'), 'UTF8')), 'hex')
         WHERE id = $1::uuid`,
        decisionId,
      ],
      names: () => [{ kind: "signature" }],
    },
  ];

  for (const c of cases) {
    it(`names ${c.what} changed by SQL`, async () => {
      const { decisionId, round, project } = await decided();
      const [sql, ...values] = c.sql({ decisionId, roundId: round.id, projectId: project.id });
      await tamper(sql, ...values);
      const result = await verify(decisionId);
      expect(result.verified).toBe(false);
      expect(result.problems).toEqual(expect.arrayContaining(c.names({ decisionId })));
    });
  }

  it("refuses UPDATE and DELETE of a closed round's decision, round, electorate, votes and history", async () => {
    const { decisionId, round } = await decided();
    const refused = async (sql: string, ...values: unknown[]) =>
      expect(db.prisma.$executeRawUnsafe(sql, ...values)).rejects.toThrow(/sealed/);
    await refused(`UPDATE "Decision" SET rationale = 'x' WHERE id = $1::uuid`, decisionId);
    await refused(`DELETE FROM "Decision" WHERE id = $1::uuid`, decisionId);
    await refused(`UPDATE "ReviewRound" SET rule = '{}' WHERE id = $1::uuid`, round.id);
    await refused(`UPDATE "Vote" SET choice = 'REJECT' WHERE "roundId" = $1::uuid`, round.id);
    await refused(`DELETE FROM "Vote" WHERE "roundId" = $1::uuid`, round.id);
    await refused(`DELETE FROM "VoteHistory" WHERE "roundId" = $1::uuid`, round.id);
    await refused(`UPDATE "RoundElector" SET "voterId" = "voterId" WHERE "roundId" = $1::uuid`, round.id);
    await refused(`TRUNCATE "Vote" CASCADE`);
    expect(await verify(decisionId)).toEqual({ verified: true, problems: [] });
  });
});

describe("pnpm verify:decision", () => {
  it("exits 0 on an exported record with no database, and 1 naming the problem when it was changed", async () => {
    const { decisionId } = await decided();
    const exported = await callerFor(db, fx.users.jpDelegate).review.decision({ decisionId });
    const dir = await mkdtemp(path.join(tmpdir(), "lodestone-verify-"));
    try {
      const good = path.join(dir, "good.json");
      await writeFile(good, JSON.stringify(exported, null, 2));
      // The command's own entry point, run by Node with nothing but the file (no database, no server).
      const cli = new URL("../../cli/verify-decision.ts", import.meta.url).pathname;
      const run = (file: string, ...extra: string[]) =>
        promisify(execFile)(process.execPath, ["--import", "tsx", cli, file, ...extra], {
          env: { PATH: process.env.PATH ?? "", NODE_ENV: "test" },
        }).then(
          (r) => ({ code: 0, out: r.stdout }),
          (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
        );
      const ok = await run(good, "--fingerprint", exported.seal!.signingKey.fingerprint);
      expect(ok).toMatchObject({ code: 0, out: expect.stringMatching(/^VERIFIED/) });

      const changed = JSON.parse(JSON.stringify(exported)) as typeof exported;
      changed.seal!.record.votes[0]!.choice =
        changed.seal!.record.votes[0]!.choice === "APPROVE" ? "REJECT" : "APPROVE";
      const bad = path.join(dir, "bad.json");
      await writeFile(bad, JSON.stringify(changed));
      const no = await run(bad);
      expect(no.code).toBe(1);
      expect(no.out).toMatch(/NOT VERIFIED/);
      expect(no.out).toMatch(/SHA-256/);
      expect(no.out).toMatch(/signature does not verify/);
      expect(no.out).toMatch(/US: (approve|reject) is recorded/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("the frozen electorate", () => {
  it("keeps a deactivated non-voter in quorum, and refuses a delegate added mid-round", async () => {
    const [leaving] = await delegatesOf(db, fx.delegations.JP, "JP", 1);
    const { round } = await roundOf(db, fx);
    const view = await callerFor(db, fx.users.coordinator).review.round({ roundId: round.id });
    const jpElectorate = view.electorate.byDelegation.JP!;
    // Mid-round: one Japanese delegate leaves, another joins.
    await db.prisma.user.update({ where: { id: leaving!.id }, data: { deactivatedAt: new Date() } });
    const [late] = await delegatesOf(db, fx.delegations.JP, "JP", 1);
    expect(
      await codeOf(
        callerFor(db, late!).review.castVote({ roundId: round.id, choice: "APPROVE", reason: null }),
      ),
    ).toMatch(/^FORBIDDEN: You are not in this round's electorate/);
    const after = await callerFor(db, fx.users.coordinator).review.round({ roundId: round.id });
    expect(after.electorate.byDelegation.JP).toBe(jpElectorate);
    expect(after.electorate.changedSince).toBe(1);
    expect((await callerFor(db, late!).review.round({ roundId: round.id })).electorate.includesMe).toBe(
      false,
    );

    await callerFor(db, fx.users.jpDelegate).review.castVote({
      roundId: round.id,
      choice: "APPROVE",
      reason: null,
    });
    const { results } = await callerFor(db, fx.users.coordinator).review.close({
      roundId: round.id,
      rationale: "Recorded to check the electorate.",
      ifNotApproved: "CHANGES_REQUESTED",
    });
    // Japan's quorum still counts the delegate who left: eligible is what it was at opening.
    expect(results.delegations.JP).toMatchObject({ eligible: jpElectorate, didNotVote: jpElectorate - 1 });
  });

  it("counts a vote under the delegation the electorate gives, even after the voter moved", async () => {
    const [mover] = await delegatesOf(db, fx.delegations.US, "US", 1);
    const { round } = await roundOf(db, fx);
    await db.prisma.user.update({ where: { id: mover!.id }, data: { delegationId: fx.delegations.JP } });
    await callerFor(db, { ...mover!, delegation: "JP" }).review.castVote({
      roundId: round.id,
      choice: "ABSTAIN",
      reason: null,
    });
    const view = await callerFor(db, fx.users.coordinator).review.round({ roundId: round.id });
    expect(view.results?.delegations.US?.abstain).toBe(1);
    expect(view.results?.delegations.JP?.abstain).toBe(0);
  });

  it("refuses a rule with no required delegation, and one whose required delegation has nobody to vote", async () => {
    const { round } = await roundOf(db, fx);
    const coordinator = callerFor(db, fx.users.coordinator);
    const rule = (required: string[], counted = ["US", "JP"]) => ({
      roundId: round.id,
      rule: {
        countedDelegations: counted,
        requiredDelegations: required,
        quorum: 0.5,
        approval: "MORE_APPROVE_THAN_REJECT" as const,
      },
    });
    expect(await codeOf(coordinator.review.updateRule(rule([])))).toMatch(
      /^BAD_REQUEST: [^]*Require at least one delegation/,
    );
    expect(await codeOf(coordinator.review.updateRule(rule(["AU"], ["US", "JP", "AU"])))).toMatch(
      /^BAD_REQUEST: AU is required but has no delegate/,
    );
  });
});

describe("reasons", () => {
  it("are read by coordinators during the round, by everyone who sees the project after it, and audited", async () => {
    const { round } = await roundOf(db, fx);
    await callerFor(db, us3!).review.castVote({
      roundId: round.id,
      choice: "REJECT",
      reason: "Water plan is thin.",
    });
    const during = await callerFor(db, fx.users.coordinator).review.votes({ roundId: round.id });
    expect(during.items).toEqual([
      expect.objectContaining({
        voterId: us3!.id,
        delegation: "US",
        choice: "REJECT",
        reason: "Water plan is thin.",
      }),
    ]);
    for (const who of [fx.users.usDelegate, fx.users.partnerA, fx.users.admin]) {
      expect(await codeOf(callerFor(db, who).review.votes({ roundId: round.id }))).toMatch(/^FORBIDDEN/);
    }
    expect(await codeOf(callerFor(db, fx.users.partnerB).review.votes({ roundId: round.id }))).toMatch(
      /^NOT_FOUND/,
    );
    const audit = await db.prisma.auditEvent.findFirst({
      where: { entityId: round.id, action: "vote.cast", actorId: us3!.id },
      select: { after: true },
    });
    expect(audit?.after).toEqual({ choice: "REJECT", reason: "Water plan is thin." });

    await callerFor(db, fx.users.coordinator).review.close({
      roundId: round.id,
      rationale: "Recorded to check the reasons.",
      ifNotApproved: "REJECTED",
    });
    for (const who of [fx.users.usDelegate, fx.users.partnerA, fx.users.admin]) {
      const after = await callerFor(db, who).review.votes({ roundId: round.id });
      expect(after.items[0]).toMatchObject({
        reason: "Water plan is thin.",
        history: [{ choice: "REJECT" }],
      });
    }
  });

  it("page by voter with a cursor", async () => {
    const { round } = await roundOf(db, fx);
    for (const u of [fx.users.usDelegate, us2!, us3!]) {
      await callerFor(db, u).review.castVote({ roundId: round.id, choice: "APPROVE", reason: null });
    }
    const coordinator = callerFor(db, fx.users.coordinator);
    const first = await coordinator.review.votes({ roundId: round.id, limit: 2 });
    expect(first.items).toHaveLength(2);
    const second = await coordinator.review.votes({ roundId: round.id, limit: 2, cursor: first.nextCursor });
    expect(second).toMatchObject({ nextCursor: null });
    expect(new Set([...first.items, ...second.items].map((v) => v.voterId)).size).toBe(3);
  });
});
