import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@lodestone/db/testing";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixture, delegatesOf, roundOf, type Fixture } from "../../test/fixtures.js";
import * as review from "@lodestone/db/repositories/review";
import { sweepDueRounds } from "./service.js";

let db: TestDatabase;
let fx: Fixture;

beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
});
afterAll(() => db.close());

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? `${e.code}: ${e.message}` : String(e)),
  );

describe("a review round from opening to a verified decision", () => {
  it("binds the current revision, hides results until you vote, and records an approval", async () => {
    const { project, round } = await roundOf(db, fx);
    const coordinator = callerFor(db, fx.users.coordinator);
    expect(round.rule).toMatchObject({ requiredDelegations: ["US", "JP"], quorum: 0.5 });
    expect((await callerFor(db, fx.users.partnerA).project.get({ projectId: project.id })).status).toBe(
      "IN_REVIEW",
    );

    const us = callerFor(db, fx.users.usDelegate);
    const jp = callerFor(db, fx.users.jpDelegate);
    expect((await us.review.round({ roundId: round.id })).results).toBeNull();
    expect((await us.review.round({ roundId: round.id })).decisionId).toBeNull();
    await us.review.castVote({ roundId: round.id, choice: "REJECT", reason: "Water plan is thin." });
    await us.review.castVote({ roundId: round.id, choice: "APPROVE", reason: null });
    const mine = await us.review.round({ roundId: round.id });
    expect(mine.myVote?.choice).toBe("APPROVE");
    expect(mine.myVoteHistory.map((v) => v.choice)).toEqual(["REJECT", "APPROVE"]);
    expect(mine.results?.delegations.US).toMatchObject({ approve: 1, reject: 0 });
    expect(mine.voters).toBe(1);

    // Partners see nothing until the round closes; the Japanese delegate nothing until voting.
    expect((await callerFor(db, fx.users.partnerA).review.round({ roundId: round.id })).results).toBeNull();
    expect((await jp.review.round({ roundId: round.id })).results).toBeNull();
    await jp.review.castVote({ roundId: round.id, choice: "APPROVE", reason: null });

    const closed = await coordinator.review.close({
      roundId: round.id,
      rationale: "Both founding delegations approve; the water plan is a condition.",
      ifNotApproved: "CHANGES_REQUESTED",
    });
    expect(closed.outcome).toBe("APPROVED");
    // The round leads to its decision record, in the list and on its own.
    expect((await jp.review.rounds({ projectId: project.id })).map((r) => r.decisionId)).toEqual([
      closed.decisionId,
    ]);
    expect((await jp.review.round({ roundId: round.id })).decisionId).toBe(closed.decisionId);
    expect((await callerFor(db, fx.users.partnerA).project.get({ projectId: project.id })).status).toBe(
      "APPROVED",
    );
    expect(
      (await callerFor(db, fx.users.partnerA).review.round({ roundId: round.id })).results?.approved,
    ).toBe(true);

    const record = await callerFor(db, fx.users.jpDelegate).review.decision({
      decisionId: closed.decisionId,
    });
    expect(record).toMatchObject({
      outcome: "APPROVED",
      revision: { number: 1, contentHash: project.currentRevision!.contentHash },
      recordedBy: { id: fx.users.coordinator.id },
    });
    // The deactivated US delegate cannot vote, so the US electorate is one.
    expect(record.delegations.US).toMatchObject({ eligible: 1, approve: 1, didNotVote: 0, quorumMet: true });
    expect(await coordinator.review.verify({ decisionId: closed.decisionId })).toEqual({
      verified: true,
      problems: [],
    });

    expect(await codeOf(us.review.castVote({ roundId: round.id, choice: "REJECT", reason: "late" }))).toMatch(
      /^BAD_REQUEST|^CONFLICT: This review round is closed/,
    );
    expect(
      await codeOf(
        coordinator.review.close({
          roundId: round.id,
          rationale: "Once more, please.",
          ifNotApproved: "REJECTED",
        }),
      ),
    ).toMatch(/^CONFLICT: This round's decision is already recorded/);
  });

  it("sends a project back for changes when a required delegation misses quorum", async () => {
    const { project, round } = await roundOf(db, fx);
    await callerFor(db, fx.users.usDelegate).review.castVote({
      roundId: round.id,
      choice: "APPROVE",
      reason: null,
    });
    const { outcome, results } = await callerFor(db, fx.users.coordinator).review.close({
      roundId: round.id,
      rationale: "Japan did not reach quorum; please address the open questions.",
      ifNotApproved: "CHANGES_REQUESTED",
    });
    expect(outcome).toBe("CHANGES_REQUESTED");
    expect(results.delegations.JP).toMatchObject({ quorumMet: false, didNotVote: 1 });
    expect((await callerFor(db, fx.users.partnerA).project.get({ projectId: project.id })).status).toBe(
      "CHANGES_REQUESTED",
    );
  });
});

describe("votes", () => {
  it("require a reason to reject, a delegate, and a counted delegation", async () => {
    const { round } = await roundOf(db, fx);
    expect(
      await codeOf(
        callerFor(db, fx.users.usDelegate).review.castVote({
          roundId: round.id,
          choice: "REJECT",
          reason: null,
        }),
      ),
    ).toMatch(/^BAD_REQUEST/);
    for (const who of [fx.users.partnerA, fx.users.coordinator, fx.users.admin]) {
      expect(
        await codeOf(
          callerFor(db, who).review.castVote({ roundId: round.id, choice: "APPROVE", reason: null }),
        ),
      ).toMatch(/^FORBIDDEN/);
    }
    await callerFor(db, fx.users.coordinator).review.updateRule({
      roundId: round.id,
      rule: {
        countedDelegations: ["US"],
        requiredDelegations: ["US"],
        quorum: 0.5,
        approval: "MORE_APPROVE_THAN_REJECT",
      },
    });
    expect(
      await codeOf(
        callerFor(db, fx.users.jpDelegate).review.castVote({
          roundId: round.id,
          choice: "APPROVE",
          reason: null,
        }),
      ),
    ).toMatch(/^FORBIDDEN: Your delegation does not vote/);
  });

  it("freeze the rule once the first vote is in", async () => {
    const { round } = await roundOf(db, fx);
    await callerFor(db, fx.users.usDelegate).review.castVote({
      roundId: round.id,
      choice: "ABSTAIN",
      reason: null,
    });
    const rule = {
      countedDelegations: ["US"],
      requiredDelegations: ["US"],
      quorum: 1,
      approval: "MORE_APPROVE_THAN_REJECT" as const,
    };
    expect(
      await codeOf(callerFor(db, fx.users.coordinator).review.updateRule({ roundId: round.id, rule })),
    ).toMatch(/^CONFLICT: Votes have been cast/);
  });

  it("leave a history row and an audit event each (cast, then changed) with the request id", async () => {
    const { round } = await roundOf(db, fx);
    const us = callerFor(db, fx.users.usDelegate, { requestId: "req-vote-1" });
    expect(await us.review.castVote({ roundId: round.id, choice: "APPROVE", reason: null })).toEqual({
      choice: "APPROVE",
      changed: false,
    });
    const again = callerFor(db, fx.users.usDelegate, { requestId: "req-vote-2" });
    expect(
      await again.review.castVote({ roundId: round.id, choice: "REJECT", reason: "Costs unclear." }),
    ).toEqual({ choice: "REJECT", changed: true });
    const events = await db.prisma.auditEvent.findMany({
      where: { entityType: "ReviewRound", entityId: round.id, action: { startsWith: "vote." } },
      orderBy: { createdAt: "asc" },
      select: { action: true, actorId: true, after: true, requestId: true },
    });
    expect(events).toEqual([
      {
        action: "vote.cast",
        actorId: fx.users.usDelegate.id,
        after: { choice: "APPROVE", reason: null },
        requestId: "req-vote-1",
      },
      {
        action: "vote.changed",
        actorId: fx.users.usDelegate.id,
        after: { choice: "REJECT", reason: "Costs unclear." },
        requestId: "req-vote-2",
      },
    ]);
    const history = await db.prisma.voteHistory.findMany({
      where: { roundId: round.id },
      orderBy: { createdAt: "asc" },
      select: { choice: true, reason: true },
    });
    expect(history).toEqual([
      { choice: "APPROVE", reason: null },
      { choice: "REJECT", reason: "Costs unclear." },
    ]);
    const counted = await db.prisma.vote.findMany({ where: { roundId: round.id }, select: { choice: true } });
    expect(counted).toEqual([{ choice: "REJECT" }]);
  });

  it("that arrive from outside the electorate, after the round closed or stopped counting the delegation write nothing at all", async () => {
    // The use-case checks the round as read; the write checks again, in the same statement.
    const { round } = await roundOf(db, fx);
    const vote = (voterId: string) =>
      review.castVote(db.prisma, {
        roundId: round.id,
        voterId,
        choice: "APPROVE",
        reason: null,
        at: new Date(),
        requestId: "req-late",
      });
    const written = async () =>
      (await db.prisma.vote.count({ where: { roundId: round.id } })) +
      (await db.prisma.voteHistory.count({ where: { roundId: round.id } })) +
      (await db.prisma.auditEvent.count({ where: { requestId: "req-late" } }));
    // The deactivated delegate was not in the electorate when the round opened.
    expect(await vote(fx.users.deactivated.id)).toBeNull();
    expect(await written()).toBe(0);
    await db.prisma.reviewRound.update({
      where: { id: round.id },
      data: {
        rule: {
          countedDelegations: ["JP"],
          requiredDelegations: ["JP"],
          quorum: 0.5,
          approval: "MORE_APPROVE_THAN_REJECT",
        },
      },
    });
    expect(await vote(fx.users.usDelegate.id)).toBeNull();
    expect(await written()).toBe(0);
    await db.prisma.reviewRound.update({ where: { id: round.id }, data: { status: "CLOSED" } });
    expect(await vote(fx.users.jpDelegate.id)).toBeNull();
    expect(await written()).toBe(0);
  });

  it("are refused once the closing time has passed, and the sweep closes the round exactly once", async () => {
    const { round } = await roundOf(db, fx, new Date(Date.now() + 60_000));
    const later = () => new Date(Date.now() + 120_000);
    const lateCaller = callerFor(db, fx.users.usDelegate, { now: later });
    expect(
      await codeOf(lateCaller.review.castVote({ roundId: round.id, choice: "APPROVE", reason: null })),
    ).toMatch(/This review round is closed/);
    const sweeps = await Promise.all([1, 2, 3, 4].map(() => sweepDueRounds({ db, now: later })));
    expect(sweeps.flat().filter((id) => id === round.id)).toHaveLength(1);
    expect((await db.prisma.reviewRound.findUniqueOrThrow({ where: { id: round.id } })).status).toBe(
      "CLOSED",
    );
  });

  it(`200 delegates voting at once, and changing their votes, end with one counted vote each (${testDatabaseKind()})`, async () => {
    // Delegates join before the round opens: its electorate is frozen then.
    const us = await delegatesOf(db, fx.delegations.US, "US", 100);
    const jp = await delegatesOf(db, fx.delegations.JP, "JP", 100);
    const { round } = await roundOf(db, fx);
    const everyone = [...us, ...jp];
    const vote = (u: (typeof everyone)[number], choice: "APPROVE" | "REJECT" | "ABSTAIN") =>
      callerFor(db, u).review.castVote({
        roundId: round.id,
        choice,
        reason: choice === "REJECT" ? "No." : null,
      });
    await Promise.all(everyone.map((u, i) => vote(u, i % 3 === 0 ? "REJECT" : "APPROVE")));
    await Promise.all(everyone.map((u, i) => vote(u, i % 2 === 0 ? "APPROVE" : "ABSTAIN")));
    const votes = await db.prisma.vote.count({ where: { roundId: round.id } });
    expect(votes).toBe(200);
    expect(await db.prisma.voteHistory.count({ where: { roundId: round.id } })).toBe(400);
    const view = await callerFor(db, fx.users.coordinator).review.round({ roundId: round.id });
    expect(view.voters).toBe(200);
    expect(view.results?.delegations.US).toMatchObject({ approve: 50, abstain: 50, reject: 0 });
    expect(view.results?.delegations.JP).toMatchObject({ approve: 50, abstain: 50, reject: 0 });
  });
});
