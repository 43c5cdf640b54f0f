import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { createOtherHost, type OtherHost } from "./netns";

// The development outbox lists sign-in links. It must never reach anyone but this machine: the
// web listens on loopback unless WEB_HOST says otherwise, answers /dev/outbox only to a loopback
// TCP peer (whatever the headers say), and never in a deployment. The "anyone else" here is real:
// a second host in a network namespace, whose requests arrive from a non-loopback address.

const API_URL = `http://127.0.0.1:${process.env.E2E_API_PORT ?? 4100}`;
const WEB_DIR = join(import.meta.dirname, "..");
const secretsFile = join(process.env.LODESTONE_E2E_RUN_DIR!, "secrets.json");

interface Web {
  port: number;
  output: () => string;
  stop: () => Promise<void>;
}

async function startWeb(port: number, env: Record<string, string>): Promise<Web> {
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["server.mjs"], {
    cwd: WEB_DIR,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      API_URL,
      WEB_PORT: String(port),
      LODESTONE_SECRETS_FILE: secretsFile,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 60_000;
  while (!/Lodestone web ready/.test(output)) {
    if (child.exitCode !== null) throw new Error(`The web exited: ${output}`);
    if (Date.now() > deadline) throw new Error(`The web did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    port,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** A GET from the other host: the status, or "refused" when nothing answers there. */
function statusFromOtherHost(host: OtherHost, url: string): string {
  const output = host.node(
    `fetch(${JSON.stringify(url)}, { redirect: "manual", headers: { "x-forwarded-for": "127.0.0.1", "x-real-ip": "127.0.0.1" } })` +
      `.then((r) => console.log("status=" + r.status), (e) => console.log("status=" + (e.cause?.code === "ECONNREFUSED" ? "refused" : "error " + (e.cause?.code ?? e.message))))`,
  );
  return output.match(/status=(.*)/)?.[1]?.trim() ?? `no status in ${JSON.stringify(output)}`;
}

test.describe("the development outbox stays on this machine", () => {
  test.describe.configure({ timeout: 240_000 });
  let other: OtherHost;
  test.beforeAll(() => {
    other = createOtherHost();
  });
  test.afterAll(() => other?.remove());

  test("by default the web listens on loopback only and says so", async () => {
    const web = await startWeb(3111, {});
    try {
      expect(web.output()).toContain("loopback only");
      expect(web.output()).toContain("WEB_HOST");
      const here = await fetch(`http://127.0.0.1:${web.port}/dev/outbox`);
      expect(here.status).toBe(200);
      expect(statusFromOtherHost(other, `http://${other.hostAddress}:${web.port}/dev/outbox`)).toBe(
        "refused",
      );
    } finally {
      await web.stop();
    }
  });

  test("listening on every address (WEB_HOST=0.0.0.0), the outbox answers loopback only", async () => {
    const web = await startWeb(3112, { WEB_HOST: "0.0.0.0" });
    try {
      expect(web.output()).toContain("other machines can reach it");
      const here = await fetch(`http://127.0.0.1:${web.port}/dev/outbox`);
      expect(here.status).toBe(200);
      // The other host reaches the web (its sign-in page answers) but not the outbox, even when
      // it claims to be 127.0.0.1 in X-Forwarded-For and X-Real-IP.
      const base = `http://${other.hostAddress}:${web.port}`;
      expect(statusFromOtherHost(other, `${base}/sign-in`)).toBe("200");
      expect(statusFromOtherHost(other, `${base}/dev/outbox`)).toBe("404");
      // Nor through the public /trpc forwarding.
      const input = encodeURIComponent(JSON.stringify({ limit: 5 }));
      expect(statusFromOtherHost(other, `${base}/trpc/dev.outbox?input=${input}`)).toBe("404");
      // The check-email page does not point the other host at it either.
      const checkEmail = other.node(
        `fetch(${JSON.stringify(`${base}/sign-in/check-email`)}).then((r) => r.text()).then((t) => console.log(String(t.includes('href="/dev/outbox"'))))`,
      );
      expect(checkEmail.trim()).toBe("false");
    } finally {
      await web.stop();
    }
  });

  test("a web started for deployment never serves it, even on loopback", async () => {
    const web = await startWeb(3113, {
      WEB_HOST: "127.0.0.1",
      NEXTAUTH_URL: "https://lodestone.example.org",
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      LODESTONE_INTERNAL_SECRET: randomBytes(32).toString("base64"),
    });
    try {
      const here = await fetch(`http://127.0.0.1:${web.port}/dev/outbox`);
      expect(here.status).toBe(404);
    } finally {
      await web.stop();
    }
  });
});
