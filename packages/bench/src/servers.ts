// The servers under load, as child processes: the built API (as `pnpm start` runs it) and the
// raw-SQL baseline, each on a free port of 127.0.0.1, pointed at the bench's database.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateSigningKey } from "@lodestone/db/decision-seal";
import getPort from "get-port";
import type { SqlTarget } from "./sql-database.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");

/**
 * The API's start command (apps/api's `start` script, as `pnpm start` runs it): its Node flags
 * are given to the baseline too, so both run on the same runtime settings.
 */
const apiStart = (
  JSON.parse(readFileSync(path.join(repoRoot, "apps/api/package.json"), "utf8")) as {
    scripts: { start: string };
  }
).scripts.start
  .split(/\s+/)
  .slice(1);
export const nodeFlags = apiStart.filter((arg) => arg.startsWith("--"));

export interface Server {
  url: string;
  child: ChildProcess;
}

async function waitForHealth(url: string, child: ChildProcess, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not become healthy at ${url}`);
}

/** The child's environment for a database: DATABASE_URL, or LODESTONE_DATA_DIR and no DATABASE_URL. */
function databaseEnv(target: SqlTarget): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, LODESTONE_DATA_DIR: _dir, ...rest } = process.env;
  return target.kind === "postgres"
    ? { ...rest, DATABASE_URL: target.url }
    : { ...rest, LODESTONE_DATA_DIR: target.dataDir };
}

/** Every server the bench started, so that all are stopped at the end whatever happened. */
export class Servers {
  private readonly children: ChildProcess[] = [];
  private readonly stopping = new WeakSet<ChildProcess>();
  /** Servers that exited before the bench stopped them (named in the report). */
  readonly unexpectedExits: string[] = [];

  /** `env`: settings over the bench's defaults (the notifier's, SMTP, …). */
  async startApi(target: SqlTarget, env: NodeJS.ProcessEnv = {}): Promise<Server> {
    const port = await getPort({ host: "127.0.0.1" });
    const child = spawn(process.execPath, apiStart, {
      cwd: path.join(repoRoot, "apps/api"),
      env: {
        ...databaseEnv(target),
        NODE_ENV: "production",
        HOST: "127.0.0.1",
        PORT: String(port),
        // The embedded database starts as `pnpm start` starts it: pending migrations applied (none).
        ...(target.kind === "postgres" ? { LODESTONE_AUTO_MIGRATE: "0" } : {}),
        LODESTONE_SEED_DEMO: "0",
        LODESTONE_INTERNAL_SECRET: randomBytes(24).toString("hex"),
        LODESTONE_DECISION_SIGNING_KEY: generateSigningKey(),
        // Required in production: where links in notification mails point.
        LODESTONE_WEB_URL: "http://127.0.0.1:3000",
        // Counted as in production (one statement per mutation), but never refusing: the whole
        // load comes from one client address.
        RATE_LIMIT_MUTATIONS_PER_USER: "1000000",
        RATE_LIMIT_MUTATIONS_PER_IP: "1000000",
        // Every live subscription counts as a heavy read: 1,000 of them from a few hundred people.
        RATE_LIMIT_HEAVY_QUERIES_PER_USER: "1000000",
        LOG_LEVEL: "warn",
        ...env,
      },
      stdio: ["ignore", "inherit", "inherit"],
    });
    return this.started(child, port, "the API");
  }

  async startBaseline(target: SqlTarget): Promise<Server> {
    const port = await getPort({ host: "127.0.0.1" });
    const child = spawn(process.execPath, [...nodeFlags, path.join(here, "baseline.js")], {
      env: { ...databaseEnv(target), PORT: String(port) },
      stdio: ["ignore", "ignore", "inherit"],
    });
    return this.started(child, port, "the baseline");
  }

  /** Stops one server, letting the requests still in flight finish first. */
  async stop(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    this.stopping.add(child);
    // Let requests still in flight when the load generator stopped finish first.
    await new Promise((r) => setTimeout(r, 500));
    return new Promise((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
      setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
    });
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.children.map((child) => this.stop(child)));
  }

  private async started(child: ChildProcess, port: number, name: string): Promise<Server> {
    this.children.push(child);
    this.watchExit(child, name);
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, child, name);
    return { url, child };
  }

  private watchExit(child: ChildProcess, name: string): void {
    child.once("exit", (code, signal) => {
      if (this.stopping.has(child)) return;
      const what = `${name} (process ${child.pid}) exited on its own with ${signal ?? `code ${code}`}`;
      this.unexpectedExits.push(what);
      console.error(what);
    });
  }
}
