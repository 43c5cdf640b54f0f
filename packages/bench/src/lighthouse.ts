// Lighthouse (performance category, its default mobile settings) on the signed-in project list and
// one seeded project's page, with the production build. It builds nothing: run
// `pnpm turbo run build --filter=@lodestone/web...` first. Then: node dist/lighthouse.js
//
// Starts the built API on a fresh embedded database in a temporary directory (it migrates and loads
// the demo data at start-up) and the web's server (server.mjs) pointed at it, as the browser tests do; signs a seeded
// delegate in for real (the sign-in form's request, the link from the development outbox, the
// callback that sets the session cookie); runs Lighthouse RUNS times (default 3) per page, each in a
// fresh headless Chromium, with the session cookie as an extra header and in the browser's cookie
// store; takes each figure's median over the runs; prints the table and writes it to
// results/lighthouse.md. Removes the directory and stops both servers at the end.
// LIGHTHOUSE_RUNS=5 for more runs; LIGHTHOUSE_REPORTS_DIR=dir keeps every run's full JSON report.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as chromeLauncher from "chrome-launcher";
import getPort from "get-port";
import lighthouse from "lighthouse";
import puppeteer from "puppeteer-core";
import {
  figuresOf,
  lighthouseTable,
  medianFigures,
  type PageResult,
  type ReportLike,
} from "./lighthouse-report.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../../..");
const webDir = path.join(repoRoot, "apps/web");
const resultsFile = path.resolve(here, "../results/lighthouse.md");

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
/** Where to keep every run's full report (JSON, for the Lighthouse viewer); unset: not kept. */
const REPORTS_DIR = process.env.LIGHTHOUSE_REPORTS_DIR;
const MIN_SCORE = 90;
const DELEGATE = "delegate.us@lodestone.example";
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const children: ChildProcess[] = [];
const runDir = mkdtempSync(path.join(tmpdir(), "lodestone-lighthouse-"));

function start(name: string, args: string[], cwd: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  child.once("exit", (code, signal) => {
    if (!stopping) console.error(`${name} exited (${signal ?? code})`);
  });
  children.push(child);
  return child;
}

async function waitFor(url: string, child: ChildProcess, name: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { redirect: "manual" });
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer at ${url} within ${timeoutMs / 1000} s`);
}

let stopping = false;
async function stopAll(): Promise<void> {
  stopping = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", () => resolve());
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
        }),
    ),
  );
  rmSync(runDir, { recursive: true, force: true });
}

/** `name=value` pairs of a response's Set-Cookie headers. */
function cookiesOf(res: Response): Map<string, string> {
  const jar = new Map<string, string>();
  for (const header of res.headers.getSetCookie()) {
    const [pair] = header.split(";");
    const eq = pair!.indexOf("=");
    if (eq > 0) jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
  }
  return jar;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

/** A tRPC query through the web's same-origin /trpc (no transformer: plain JSON). */
async function trpcQuery<T>(origin: string, procedure: string, input: unknown, cookie?: string): Promise<T> {
  const url = `${origin}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(url, { headers: cookie ? { cookie } : {} });
  const body = (await res.json()) as { result?: { data: T }; error?: unknown };
  if (!res.ok || !body.result) throw new Error(`${procedure}: ${res.status} ${JSON.stringify(body.error)}`);
  return body.result.data;
}

/**
 * Signs `email` in as the browser tests do: asks for a sign-in link (what the sign-in form's
 * next-auth call sends), reads the link from the development outbox, follows it. Returns the
 * signed-in session's cookies.
 */
async function signIn(web: string, api: string, email: string): Promise<Map<string, string>> {
  const jar = new Map<string, string>();
  const csrfRes = await fetch(`${web}/api/auth/csrf`);
  for (const [k, v] of cookiesOf(csrfRes)) jar.set(k, v);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };

  const asked = await fetch(`${web}/api/auth/signin/email`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookieHeader(jar) },
    body: new URLSearchParams({ email, csrfToken, callbackUrl: `${web}/projects`, json: "true" }),
  });
  const answer = (await asked.json()) as { url?: string };
  // next-auth answers with where the browser would go next: "check your email", or an error page.
  if (!asked.ok || !answer.url || /[?&]error=/.test(answer.url)) {
    throw new Error(`Asking for a sign-in link failed: ${asked.status} ${JSON.stringify(answer)}`);
  }

  // The outbox is the API's, read on loopback (the web's public /trpc never forwards it).
  const outbox = await trpcQuery<{ items: { to: string; text: string }[] }>(api, "dev.outbox", { limit: 20 });
  const mail = outbox.items.find((m) => m.to === email.toLowerCase());
  const link = mail?.text.match(/https?:\/\/\S+\/api\/auth\/callback\/email\S*/)?.[0];
  if (!link) throw new Error(`No sign-in link for ${email} in the development outbox`);

  const callback = await fetch(link, { redirect: "manual", headers: { cookie: cookieHeader(jar) } });
  for (const [k, v] of cookiesOf(callback)) jar.set(k, v);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
    throw new Error(`The sign-in link did not set a session cookie (${callback.status})`);
  }
  const cookie = cookieHeader(jar);
  const projects = await fetch(`${web}/projects`, { redirect: "manual", headers: { cookie } });
  if (projects.status !== 200) throw new Error(`Signed in, yet /projects answered ${projects.status}`);
  return jar;
}

/**
 * The session cookie goes to Lighthouse as an extra header (sent with every request Chrome makes
 * for the page itself), and into the fresh browser's cookie store too: Chrome does not add the extra
 * Cookie header to the page's own fetch() calls, so /trpc answered 401 and the page went to sign-in.
 * Lighthouse resets a page's storage before it loads, but not its cookies.
 */
async function storeCookies(port: number, origin: string, jar: Map<string, string>): Promise<void> {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  try {
    const { hostname } = new URL(origin);
    await browser.setCookie(
      ...[...jar].map(([name, value]) => ({ name, value, domain: hostname, path: "/", httpOnly: true })),
    );
  } finally {
    await browser.disconnect();
  }
}

async function runLighthouse(url: string, jar: Map<string, string>): Promise<ReportLike & { lhr: unknown }> {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    await storeCookies(chrome.port, url, jar);
    const result = await lighthouse(url, {
      port: chrome.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      extraHeaders: { Cookie: cookieHeader(jar) },
    });
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    if (new URL(lhr.finalDisplayedUrl).pathname !== new URL(url).pathname) {
      const requests = (
        lhr.audits["network-requests"]?.details as { items?: { url: string; statusCode: number }[] }
      )?.items
        ?.map((r) => `  ${r.statusCode} ${r.url}`)
        .join("\n");
      throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${url} (signed out?):\n${requests}`);
    }
    for (const warning of lhr.runWarnings) console.warn(`  warning: ${warning}`);
    if (REPORTS_DIR) {
      mkdirSync(REPORTS_DIR, { recursive: true });
      const name = `${new URL(url).pathname.replace(/\W+/g, "-").replace(/^-|-$/g, "") || "root"}-${Date.now()}.json`;
      writeFileSync(path.join(REPORTS_DIR, name), JSON.stringify(lhr));
    }
    return Object.assign(lhr as unknown as ReportLike, { lhr });
  } finally {
    chrome.kill();
  }
}

function settingsNote(settings: {
  formFactor: string;
  throttlingMethod: string;
  throttling: Record<string, unknown>;
  screenEmulation: { width: number; height: number; deviceScaleFactor: number; mobile: boolean };
}): string {
  const t = settings.throttling as {
    rttMs: number;
    throughputKbps: number;
    cpuSlowdownMultiplier: number;
  };
  const s = settings.screenEmulation;
  return [
    `Lighthouse's default (mobile) settings: form factor ${settings.formFactor}, screen ${s.width}×${s.height} at ${s.deviceScaleFactor}×,`,
    `throttling ${settings.throttlingMethod} (${t.rttMs} ms round trip, ${(t.throughputKbps / 1024).toFixed(1)} Mbit/s, CPU ${t.cpuSlowdownMultiplier}× slower).`,
  ].join(" ");
}

async function main(): Promise<void> {
  const apiPort = await getPort({ host: "127.0.0.1" });
  const webPort = await getPort({ host: "127.0.0.1" });
  const api = `http://127.0.0.1:${apiPort}`;
  const web = `http://127.0.0.1:${webPort}`;
  const secretsFile = path.join(runDir, "secrets.json");

  console.log("Starting the built API (embedded database, demo data) and web …");
  const apiChild = start(
    "the API",
    [path.join(repoRoot, "apps/api/dist/server.js")],
    path.join(repoRoot, "apps/api"),
    {
      PORT: String(apiPort),
      HOST: "127.0.0.1",
      LODESTONE_DATA_DIR: path.join(runDir, "pglite"),
      LODESTONE_SECRETS_FILE: secretsFile,
      LOG_LEVEL: "warn",
    },
  );
  await waitFor(`${api}/healthz`, apiChild, "the API", 180_000);
  const webChild = start("the web", [path.join(webDir, "server.mjs")], webDir, {
    NODE_ENV: "production",
    WEB_PORT: String(webPort),
    WEB_HOST: "127.0.0.1",
    API_URL: api,
    NEXTAUTH_URL: web,
    LODESTONE_SECRETS_FILE: secretsFile,
    NEXT_TELEMETRY_DISABLED: "1",
  });
  await waitFor(`${web}/sign-in`, webChild, "the web", 120_000);

  const jar = await signIn(web, api, DELEGATE);
  const cookie = cookieHeader(jar);
  const first = await trpcQuery<{ items: { id: string; reference: string }[] }>(
    web,
    "project.list",
    { limit: 1, sort: "reference" },
    cookie,
  );
  const project = first.items[0];
  if (!project) throw new Error("The demo data has no project the delegate can see");

  const pages = [
    { name: "project list", path: "/projects" },
    { name: `project page, ${project.reference}`, path: `/projects/${project.id}` },
  ];
  // Each page once before measuring, so that no run pays for the server's first compile of a route.
  for (const page of pages) await fetch(`${web}${page.path}`, { headers: { cookie } });

  const results: PageResult[] = [];
  let settings: Parameters<typeof settingsNote>[0] | undefined;
  for (const page of pages) {
    const runs: (ReportLike & { lhr: unknown })[] = [];
    for (let i = 1; i <= RUNS; i++) {
      const run = await runLighthouse(`${web}${page.path}`, jar);
      const f = figuresOf(run);
      console.log(
        `${page.name}, run ${i}/${RUNS}: score ${f.score}, LCP ${Math.round(f.lcpMs)} ms, TBT ${Math.round(f.tbtMs)} ms, CLS ${f.cls.toFixed(3)}`,
      );
      runs.push(run);
      settings ??= (run.lhr as { configSettings: Parameters<typeof settingsNote>[0] }).configSettings;
    }
    const figures = runs.map(figuresOf);
    results.push({
      name: page.name,
      path: page.path.replace(project.id, "[id]"),
      median: medianFigures(figures),
      runs: figures,
    });
  }

  const { version } = createRequire(import.meta.url)("lighthouse/package.json") as { version: string };
  const chromium = await new Promise<string>((resolve) => {
    const child = spawn(CHROMIUM, ["--version"], { stdio: ["ignore", "pipe", "ignore"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.once("close", () => resolve(out.trim() || "Chromium"));
  });
  const table = lighthouseTable(results, MIN_SCORE);
  const markdown = [
    `# Lighthouse — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    "",
    `Lighthouse ${version}, performance category only, on ${chromium} (headless). ${settingsNote(settings!)}`,
    `Production build (the web's \`server.mjs\`) and the built API on the embedded database with the demo data, all on this machine; signed in as the seeded delegate ${DELEGATE} (the session cookie sent as an extra header and put in the browser's cookie store). ${RUNS} runs per page, each in a fresh browser, after one request to each page to warm the server; the table shows each figure's median over the runs, and every run's score. Target: score ≥ ${MIN_SCORE}.`,
    "",
    table,
    "",
  ].join("\n");
  console.log(`\n${table}`);
  writeFileSync(resultsFile, markdown);
  console.log(`\nWritten to ${path.relative(repoRoot, resultsFile)}`);
}

// Ctrl-C or a kill: stop both servers and remove the directory all the same.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void stopAll().finally(() => process.exit(130));
  });
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await stopAll();
}
