// Fault injection against the built API (dist/server.js) on PostgreSQL: SIGKILL during a stream
// of writes, PostgreSQL stopped and started again under load, and two API instances on one
// database. Run with `pnpm test:faults` (DATABASE_URL must point at a PostgreSQL server this
// process may stop and start: it runs the command from the platform notes).
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import getPort from "get-port";
import { generateSigningKey } from "@lodestone/db/decision-seal";
import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createFixture,
  inDeliveryOf,
  roundOf,
  sessionFor,
  submittedOf,
  type Fixture,
} from "../test/fixtures.js";

if (!process.env.DATABASE_URL) {
  throw new Error("The fault tests need DATABASE_URL (a PostgreSQL server they may stop and restart).");
}

const SERVER = fileURLToPath(new URL("../../dist/server.js", import.meta.url));
const figures: string[] = [];

let db: TestDatabase;
let fx: Fixture;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await createFixture(db);
});
afterAll(async () => {
  console.info(`faults:\n  ${figures.join("\n  ")}`);
  await db.close();
});

interface Api {
  url: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Every instance of a deployment signs with the same key. */
const DECISION_KEY = generateSigningKey();

async function startApi(port?: number): Promise<Api> {
  const p = port ?? (await getPort({ host: "127.0.0.1" }));
  const child = spawn(process.execPath, [SERVER], {
    env: {
      ...process.env,
      DATABASE_URL: db.url!,
      HOST: "127.0.0.1",
      PORT: String(p),
      LODESTONE_AUTO_MIGRATE: "0",
      LODESTONE_SEED_DEMO: "0",
      LODESTONE_INTERNAL_SECRET: "fault-test-internal-secret-fault-test-secret",
      LODESTONE_DECISION_SIGNING_KEY: DECISION_KEY,
      // Hundreds of writes a second from a few users: the limits are not what is tested here.
      RATE_LIMIT_MUTATIONS_PER_USER: "0",
      RATE_LIMIT_MUTATIONS_PER_IP: "0",
      LOG_LEVEL: "fatal",
      NODE_ENV: "production",
      // Production requires the web's public address (links in notification mails).
      LODESTONE_WEB_URL: "https://lodestone.example.org",
    },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${p}`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`the API exited with ${child.exitCode}`);
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    stop: (signal = "SIGTERM") =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}

/** One tRPC mutation over HTTP: the HTTP status and the parsed body, or the network error. */
async function mutate(api: Api, token: string, path: string, input: unknown) {
  try {
    const res = await fetch(`${api.url}/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } catch (error) {
    return { status: 0, body: { network: String(error) } };
  }
}

function postgres(action: "stop" | "start") {
  const cluster = readdirSync("/etc/postgresql")[0]!;
  execFileSync("pg_ctlcluster", [
    "--skip-systemctl-redirect",
    cluster,
    "main",
    action,
    ...(action === "stop" ? ["-m", "fast"] : []),
  ]);
}

describe("faults", () => {
  it("SIGKILL during a stream of writes: every acknowledged write is there, none half-done", async () => {
    const project = await submittedOf(db, fx.users.partnerA);
    const token = await sessionFor(db, fx.users.usDelegate.id);
    const api = await startApi();
    const acknowledged: string[] = [];
    let sent = 0;
    let killed = false;
    const writer = async (lane: number) => {
      for (let i = 0; !killed; i++) {
        const body = `write ${lane}-${i}`;
        sent++;
        const res = await mutate(api, token, "comment.post", {
          projectId: project.id,
          stance: "NEUTRAL",
          body,
        });
        if (res.status === 200) acknowledged.push(body);
        if (res.status === 0) return;
      }
    };
    const lanes = Array.from({ length: 8 }, (_, lane) => writer(lane));
    await new Promise((r) => setTimeout(r, 3000));
    killed = true;
    await api.stop("SIGKILL");
    await Promise.all(lanes);

    const restarted = await startApi();
    try {
      const comments = await db.prisma.comment.findMany({
        where: { projectId: project.id },
        select: { id: true, body: true },
      });
      const stored = new Set(comments.map((c) => c.body));
      expect(acknowledged.length).toBeGreaterThan(20);
      expect(sent).toBeGreaterThan(acknowledged.length); // writes were in flight when it died
      expect(acknowledged.filter((b) => !stored.has(b))).toEqual([]);
      // Each stored comment has its audit event: written in the same transaction, or not at all.
      const audited = await db.prisma.auditEvent.findMany({
        where: { entityType: "Comment", entityId: { in: comments.map((c) => c.id) } },
        select: { entityId: true },
      });
      expect(new Set(audited.map((a) => a.entityId)).size).toBe(comments.length);
      // And the restarted API serves them.
      const res = await fetch(
        `${restarted.url}/trpc/comment.stats?input=${encodeURIComponent(JSON.stringify({ projectId: project.id }))}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(res.status).toBe(200);
      figures.push(
        `SIGKILL: ${sent} writes sent, ${acknowledged.length} acknowledged, ${comments.length} stored ` +
          `(${comments.length - acknowledged.length} committed as the process died, unacknowledged), 0 lost, 0 half-done`,
      );
    } finally {
      await restarted.stop();
    }
  });

  it("PostgreSQL stopped under load: 503 with a clear message, /healthz says so, recovery without a restart", async () => {
    const project = await submittedOf(db, fx.users.partnerA);
    const token = await sessionFor(db, fx.users.jpDelegate.id);
    const api = await startApi();
    const acknowledged: string[] = [];
    const statuses = new Map<number, number>();
    let running = true;
    let n = 0;
    const writer = async () => {
      while (running) {
        const body = `under load ${n++}`;
        const res = await mutate(api, token, "comment.post", {
          projectId: project.id,
          stance: "QUESTION",
          body,
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status === 200) acknowledged.push(body);
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const lanes = Array.from({ length: 4 }, () => writer());
    try {
      await new Promise((r) => setTimeout(r, 700));
      postgres("stop");
      await new Promise((r) => setTimeout(r, 1500));
      const health = await fetch(`${api.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ status: "unavailable", database: "down" });
      const down = await mutate(api, token, "comment.post", {
        projectId: project.id,
        stance: "QUESTION",
        body: "while down",
      });
      expect(down.status).toBe(503);
      expect(JSON.stringify(down.body)).toContain("The database is not reachable right now");
    } finally {
      postgres("start");
    }
    // Back without restarting the API.
    let healthy = false;
    for (let i = 0; i < 100 && !healthy; i++) {
      healthy = (await fetch(`${api.url}/healthz`)).status === 200;
      if (!healthy) await new Promise((r) => setTimeout(r, 200));
    }
    expect(healthy).toBe(true);
    let recovered = false;
    for (let i = 0; i < 50 && !recovered; i++) {
      const after = await mutate(api, token, "comment.post", {
        projectId: project.id,
        stance: "QUESTION",
        body: `after ${i}`,
      });
      recovered = after.status === 200;
      if (recovered) acknowledged.push(`after ${i}`);
      else await new Promise((r) => setTimeout(r, 200));
    }
    running = false;
    await Promise.all(lanes);
    await api.stop();
    expect(recovered).toBe(true);
    expect(statuses.get(500) ?? 0).toBe(0);

    const check = await createFreshReader();
    try {
      const stored = new Set(
        (
          await check.prisma.comment.findMany({ where: { projectId: project.id }, select: { body: true } })
        ).map((c) => c.body),
      );
      expect(acknowledged.filter((b) => !stored.has(b))).toEqual([]);
      figures.push(
        `PostgreSQL stopped: answers ${JSON.stringify(Object.fromEntries(statuses))} (no 500), ` +
          `${acknowledged.length} writes acknowledged, all ${acknowledged.length} found after recovery`,
      );
    } finally {
      await check.close();
    }
  });

  it("two API instances on one PostgreSQL: exact tallies, and stale edits get conflicts", async () => {
    // An approved project in delivery first (the 60 delegates below would change its quorum).
    const projectId = await inDeliveryOf(db, fx);
    const [a, b] = [await startApi(), await startApi()];
    try {
      // 60 delegates (30 per founding delegation), each voting through both instances at once;
      // they exist before the round opens, so its frozen electorate holds them.
      const voters = await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          const user = await db.prisma.user.create({
            data: {
              name: `Voter ${i}`,
              email: `voter-${i}@fault.example`,
              role: "DELEGATE",
              delegationId: i % 2 ? fx.delegations.US : fx.delegations.JP,
            },
          });
          return { id: user.id, token: await sessionFor(db, user.id), us: i % 2 === 1 };
        }),
      );
      const { round } = await roundOf(db, fx);
      const results = await Promise.all(
        voters.flatMap((v, i) => [
          mutate(a, v.token, "review.castVote", {
            roundId: round.id,
            choice: "REJECT",
            reason: "First thought",
          }),
          mutate(b, v.token, "review.castVote", {
            roundId: round.id,
            choice: i % 3 ? "APPROVE" : "ABSTAIN",
            reason: null,
          }),
        ]),
      );
      expect(results.filter((r) => r.status !== 200)).toEqual([]);
      const votes = await db.prisma.vote.findMany({
        where: { roundId: round.id },
        select: { voterId: true, choice: true },
      });
      const counted = votes.filter((v) => voters.some((x) => x.id === v.voterId));
      expect(counted).toHaveLength(60);
      // The tally the coordinator reads equals the stored last votes, per delegation.
      const coordinatorToken = await sessionFor(db, fx.users.coordinator.id);
      const view = (await (
        await fetch(
          `${a.url}/trpc/review.round?input=${encodeURIComponent(JSON.stringify({ roundId: round.id }))}`,
          {
            headers: { authorization: `Bearer ${coordinatorToken}` },
          },
        )
      ).json()) as {
        result: {
          data: {
            results: { delegations: Record<string, { approve: number; reject: number; abstain: number }> };
          };
        };
      };
      const tally = view.result.data.results.delegations;
      for (const code of ["US", "JP"] as const) {
        const mine = votes.filter((v) => {
          const voter = voters.find((x) => x.id === v.voterId);
          return voter ? voter.us === (code === "US") : false;
        });
        // The fixture's own delegates have not voted: every vote counted is one of these voters' last.
        expect(tally[code]!.approve + tally[code]!.reject + tally[code]!.abstain).toBe(mine.length);
        expect(tally[code]!.approve).toBe(mine.filter((v) => v.choice === "APPROVE").length);
        expect(tally[code]!.reject).toBe(mine.filter((v) => v.choice === "REJECT").length);
      }

      // Two edits of one milestone with the same version, through both instances at once.
      const coordinator = await sessionFor(db, fx.users.coordinator.id);
      const created = await mutate(a, coordinator, "delivery.createMilestone", {
        projectId,
        titleEn: "Plant",
        titleJa: "プラント",
        dueDate: "2028-01-31",
        assigneeOrganisationId: fx.organisations.a,
      });
      const milestone = (created.body as { result: { data: { id: string; version: number } } }).result.data;
      let conflicts = 0;
      let applied = 0;
      for (let round = 0; round < 10; round++) {
        const version = (await db.prisma.milestone.findUniqueOrThrow({ where: { id: milestone.id } }))
          .version;
        const pair = await Promise.all(
          [a, b].map((api, i) =>
            mutate(api, coordinator, "delivery.report", {
              milestoneId: milestone.id,
              version,
              status: "IN_PROGRESS",
              progress: round * 10 + i,
              evidence: `Report ${round}-${i}`,
            }),
          ),
        );
        expect(pair.map((r) => r.status).sort()).toEqual([200, 409]);
        applied += pair.filter((r) => r.status === 200).length;
        conflicts += pair.filter((r) => r.status === 409).length;
      }
      const reports = await db.prisma.milestoneReport.count({ where: { milestoneId: milestone.id } });
      expect(reports).toBe(applied);
      figures.push(
        `Two instances: 120 concurrent votes by 60 delegates -> 60 counted, tallies exact; ` +
          `20 concurrent stale-version edits -> ${applied} applied, ${conflicts} conflicts, 0 lost updates`,
      );
    } finally {
      await a.stop();
      await b.stop();
    }
  });
});

/** A new connection for checking after PostgreSQL came back (the old pool's connections died). */
async function createFreshReader() {
  const { openDatabase } = await import("@lodestone/db/client");
  return openDatabase({ databaseUrl: db.url!, dataDir: "unused" });
}
