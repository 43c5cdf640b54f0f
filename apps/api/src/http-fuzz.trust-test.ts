// Hostile HTTP against the running API and the running web (the built web's own server, pointed at
// this API): random header sets (cookies, forwarded addresses, request ids, languages, content
// types), procedure paths and batches, query strings and bodies, next-auth's sign-in and session
// endpoints with hostile addresses and callback URLs, and a few raw requests no well-behaved client
// would send. Every answer is below 500, and the data reads back afterwards. The web must be built
// first (the root `pnpm test:trust` builds it). FUZZ_RUNS sets the requests per property.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadOrCreateLocalSecrets } from "@lodestone/auth/secrets";
import { createTestDatabase, type TestDatabase } from "@lodestone/db/testing";
import fc from "fast-check";
import getPort from "get-port";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServices } from "./context.js";
import { buildHttpServer, createLogger } from "./http.js";
import { appRouter } from "./root.js";
import { createFixture, roundOf, sessionFor, type Fixture } from "./test/fixtures.js";

const RUNS = Number(process.env.FUZZ_RUNS ?? 25);
const WEB_DIR = path.resolve(import.meta.dirname, "../../web");

let db: TestDatabase;
let fx: Fixture;
let api: Awaited<ReturnType<typeof buildHttpServer>>;
let apiUrl: string;
let webUrl: string;
let web: ChildProcess;
let webOutput = "";
let runDir: string;
let tokens: string[];
let projectId: string;
let requests = 0;

beforeAll(async () => {
  if (!existsSync(path.join(WEB_DIR, ".next", "BUILD_ID"))) {
    throw new Error("The web is not built: run `pnpm build` before the trust suite's HTTP fuzzing.");
  }
  runDir = mkdtempSync(path.join(tmpdir(), "lodestone-http-fuzz-"));
  const secretsFile = path.join(runDir, "secrets.json");
  const secrets = loadOrCreateLocalSecrets(secretsFile);
  db = await createTestDatabase();
  fx = await createFixture(db);
  projectId = (await roundOf(db, fx)).project.id;
  tokens = await Promise.all(
    [fx.users.usDelegate, fx.users.coordinator, fx.users.partnerA, fx.users.admin].map((u) =>
      sessionFor(db, u.id),
    ),
  );
  api = await buildHttpServer({
    services: createServices(db, { internalSecret: secrets.internalSecret }),
    logger: createLogger(process.env.FUZZ_LOG_LEVEL ?? "silent"),
  });
  await api.listen({ host: "127.0.0.1", port: 0 });
  apiUrl = `http://127.0.0.1:${(api.server.address() as { port: number }).port}`;

  web = spawn(process.execPath, ["server.mjs"], {
    cwd: WEB_DIR,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      API_URL: apiUrl,
      WEB_HOST: "127.0.0.1",
      WEB_PORT: String(await getPort({ host: "127.0.0.1" })),
      LODESTONE_SECRETS_FILE: secretsFile,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  web.stdout!.on("data", (d: Buffer) => (webOutput += d.toString()));
  web.stderr!.on("data", (d: Buffer) => (webOutput += d.toString()));
  const deadline = Date.now() + 90_000;
  const readyAt = () => webOutput.match(/Lodestone web ready on (http:\/\/127\.0\.0\.1:\d+)/)?.[1];
  while (!readyAt()) {
    if (web.exitCode !== null) throw new Error(`The web exited: ${webOutput}`);
    if (Date.now() > deadline) throw new Error(`The web did not start: ${webOutput}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  webUrl = readyAt()!;
}, 180_000);

afterAll(async () => {
  if (web && web.exitCode === null) {
    await new Promise<void>((resolve) => {
      web.once("exit", () => resolve());
      web.kill("SIGTERM");
    });
  }
  await api?.close();
  await db?.close();
  if (runDir) rmSync(runDir, { recursive: true, force: true });
  console.info(`HTTP fuzzing: ${requests} requests to the API and the web.`);
});

// ── What a hostile client sends ────────────────────────────────────────────────────────────────

const PROCEDURES = Object.keys(appRouter._def.procedures as Record<string, unknown>);

/** Text a header value may carry (no CR/LF/NUL: the HTTP client refuses those; raw requests below do). */
const headerText = fc.oneof(
  fc.string({ maxLength: 40 }).map((s) => s.replace(/[\r\n\0]/g, "")),
  fc.constantFrom(
    "%",
    "%E0%A4%A",
    "%zz",
    "=",
    ";;",
    "a=b=c",
    "\u00ff\u00fe",
    "x".repeat(500),
    "9".repeat(400),
  ),
  fc.stringMatching(/^[\x20-\x7e]{0,300}$/),
);

const cookieHeader = fc.oneof(
  headerText,
  fc
    .constantFrom(
      "next-auth.session-token",
      "__Secure-next-auth.session-token",
      "next-auth.callback-url",
      "next-auth.csrf-token",
    )
    .chain((name) =>
      fc
        .oneof(
          headerText,
          fc.constantFrom("http://x:y", "javascript:alert(1)", "//evil.example", "%"),
          fc.constant(null),
        )
        .map((value) => (value === null ? name : `${name}=${value}`)),
    ),
  fc.constant(null).map(() => `next-auth.session-token=${tokens[0]}`),
);

const hostileHeaders = fc.record(
  {
    cookie: cookieHeader,
    "x-forwarded-for": fc.oneof(
      headerText,
      fc.ipV4(),
      fc.ipV6(),
      fc.array(fc.ipV4(), { minLength: 1, maxLength: 30 }).map((a) => a.join(", ")),
    ),
    "x-real-ip": headerText,
    "x-request-id": headerText,
    "x-client-request-id": headerText,
    "accept-language": fc.oneof(headerText, fc.constantFrom("ja", "en-US,en;q=0.9", "*", "xx-YY;q=abc")),
    "content-type": fc.constantFrom(
      "application/json",
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      "application/json; charset=utf-7",
      "",
    ),
    authorization: fc.oneof(
      headerText,
      fc.constant(null).map(() => `Bearer ${tokens[1]}`),
    ),
  },
  { requiredKeys: [] },
);

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const hostileInput = fc.oneof(
  jsonValue.map((v) => JSON.stringify(v)),
  fc.constantFrom(
    '{"limit":1e308}',
    '{"from":"0000-01-01T00:00:00Z"}',
    '{"dueDate":"0000-01-01"}',
    '{"q":"%_\\\\"}',
    '{"0":{"json":null}}',
    "{",
    "null",
    "%",
    '{"projectId":"00000000-0000-0000-0000-000000000000"}',
  ),
  fc.constant(null).map(() => JSON.stringify({ projectId, id: projectId, limit: 5 })),
);

const procedurePath = fc.oneof(
  fc.constantFrom(...PROCEDURES),
  fc.array(fc.constantFrom(...PROCEDURES), { minLength: 1, maxLength: 25 }).map((p) => p.join(",")),
  fc.constantFrom(
    "",
    ",",
    "a,,b",
    "%",
    "%2C",
    "dev.outbox",
    "auth.getUserByEmail",
    "..%2F..%2Fetc",
    "x".repeat(600),
  ),
);

const trpcRequest = fc.record({
  path: procedurePath,
  batch: fc.boolean(),
  input: fc.option(hostileInput, { nil: undefined }),
  method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"),
  body: fc.option(fc.oneof(hostileInput, fc.string({ maxLength: 200 })), { nil: undefined }),
  headers: hostileHeaders,
});

type TrpcRequest = typeof trpcRequest extends fc.Arbitrary<infer T> ? T : never;

async function send(base: string, r: TrpcRequest): Promise<number> {
  const query = new URLSearchParams();
  if (r.batch) query.set("batch", "1");
  if (r.input !== undefined) query.set("input", r.input);
  const url = `${base}/trpc/${r.path}${query.size ? `?${query}` : ""}`;
  const headers = Object.fromEntries(
    Object.entries(r.headers).filter(([, v]) => v !== undefined && v !== ""),
  );
  const hasBody = r.body !== undefined && !["GET", "HEAD"].includes(r.method);
  requests++;
  const res = await fetch(url, {
    method: r.method,
    headers,
    body: hasBody ? r.body : undefined,
    redirect: "manual",
  });
  // A subscription (live events, the inbox count) answers a valid request with an event stream
  // that never ends by itself: its status is the answer; the stream is closed, not read to its end.
  if (res.headers.get("content-type")?.startsWith("text/event-stream")) await res.body?.cancel();
  else await res.arrayBuffer();
  return res.status;
}

function expectNo5xx(where: string, status: number, detail: unknown): void {
  expect(status, `${where} answered ${status} to ${JSON.stringify(detail).slice(0, 2000)}`).toBeLessThan(500);
}

// ── The properties ─────────────────────────────────────────────────────────────────────────────

describe("hostile HTTP, over the network", () => {
  it("the API's /trpc never answers 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(trpcRequest, async (r) => {
        expectNo5xx("the API", await send(apiUrl, r), r);
      }),
      { numRuns: RUNS * 4 },
    );
  }, 300_000);

  it("the web's /trpc forwarding never answers 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(trpcRequest, async (r) => {
        expectNo5xx("the web's /trpc", await send(webUrl, r), r);
      }),
      { numRuns: RUNS * 2 },
    );
  }, 300_000);

  it("next-auth's sign-in and session endpoints never answer 5xx", async () => {
    const csrf = async () => {
      const res = await fetch(`${webUrl}/api/auth/csrf`);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      return { cookie, token: ((await res.json()) as { csrfToken: string }).csrfToken };
    };
    const hostileEmail = fc.oneof(
      fc.emailAddress(),
      fc.constantFrom(
        "a b@example.org",
        `${"a".repeat(250)}@example.org`,
        "",
        "@",
        "x@y",
        "\u3042@例え.jp",
        "a@b.c,d@e.f",
      ),
      fc.string({ maxLength: 300 }),
    );
    const hostileCallback = fc.oneof(
      fc.constantFrom(
        "http://x:y",
        "//evil.example",
        "/projects",
        "javascript:alert(1)",
        "http://[::1",
        "%",
        "",
      ),
      fc.webUrl(),
      fc.string({ maxLength: 100 }),
    );
    await fc.assert(
      fc.asyncProperty(hostileEmail, hostileCallback, headerText, async (email, callbackUrl, extraCookie) => {
        const { cookie, token } = await csrf();
        requests += 4;
        const signIn = await fetch(`${webUrl}/api/auth/signin/email`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie },
          body: new URLSearchParams({ email, csrfToken: token, callbackUrl, json: "true" }),
        });
        await signIn.arrayBuffer();
        expectNo5xx("next-auth's sign-in", signIn.status, { email, callbackUrl });
        const signInPage = await fetch(
          `${webUrl}/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`,
          { redirect: "manual" },
        );
        await signInPage.arrayBuffer();
        expectNo5xx("next-auth's sign-in page", signInPage.status, { callbackUrl });
        const session = await fetch(`${webUrl}/api/auth/session`, {
          headers: { cookie: `next-auth.callback-url=${encodeURIComponent(callbackUrl)}; ${extraCookie}` },
        });
        await session.arrayBuffer();
        expectNo5xx("next-auth's session", session.status, { callbackUrl, extraCookie });
        const page = await fetch(
          `${webUrl}/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}&error=${encodeURIComponent(extraCookie)}`,
          {
            redirect: "manual",
          },
        );
        await page.arrayBuffer();
        expectNo5xx("the sign-in page", page.status, { callbackUrl, extraCookie });
      }),
      { numRuns: RUNS },
    );
  }, 300_000);

  it("pages never answer 5xx to hostile query strings and cookies", async () => {
    const pages = [
      "/projects",
      `/projects/${projectId}`,
      "/dashboard",
      "/audit",
      "/milestones",
      "/admin/users",
      "/dev/outbox",
      "/sign-in/check-email",
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...pages),
        fc.dictionary(
          fc.constantFrom("q", "sort", "status", "cursor", "page", "from", "to", "entityType", "locale"),
          headerText,
          { maxKeys: 4 },
        ),
        fc.constantFrom(...tokens, "%", "forged"),
        headerText,
        async (page, params, token, lang) => {
          requests++;
          const res = await fetch(`${webUrl}${page}?${new URLSearchParams(params)}`, {
            redirect: "manual",
            headers: {
              cookie: `next-auth.session-token=${token}; NEXT_LOCALE=${encodeURIComponent(lang)}`,
              "accept-language": lang,
            },
          });
          await res.arrayBuffer();
          expectNo5xx("a page", res.status, { page, params, token, lang });
        },
      ),
      { numRuns: RUNS },
    );
  }, 300_000);

  it("raw requests no client library would send get a 4xx, and both servers go on answering", async () => {
    const raw = (base: string, request: string) =>
      new Promise<string>((resolve) => {
        const { hostname, port } = new URL(base);
        const socket = connect(Number(port), hostname, () => socket.end(request));
        let answer = "";
        socket.on("data", (d) => (answer += d.toString("latin1")));
        socket.on("close", () => resolve(answer));
        socket.on("error", () => resolve(answer));
        socket.setTimeout(10_000, () => socket.destroy());
      });
    const requestsToSend = [
      "GET /trpc/auth.me HTTP/1.1\r\nHost: x\r\nCookie: next-auth.session-token=%\u0000\r\nConnection: close\r\n\r\n",
      "GET /trpc/auth.me HTTP/1.1\r\nHost: x\r\nX-Forwarded-For: \u00ff\u00fe, 1.2.3.4.5\r\nConnection: close\r\n\r\n",
      `GET /trpc/${"project.list,".repeat(300)}project.list?batch=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      'POST /trpc/user.updateProfile HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5\r\nConnection: close\r\n\r\n{"a":',
      "POST /trpc/user.updateProfile HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close\r\n\r\nzz\r\n",
      "GET /%%%% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
    ];
    for (const base of [apiUrl, webUrl]) {
      for (const request of requestsToSend) {
        requests++;
        const answer = await raw(base, request);
        const status = Number(answer.match(/^HTTP\/1\.[01] (\d{3})/)?.[1] ?? 0);
        // No answer at all (the server closed a broken connection) is fine; a 5xx is not.
        if (status) expectNo5xx(base === apiUrl ? "the API (raw)" : "the web (raw)", status, request);
      }
    }
    expect((await fetch(`${apiUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${webUrl}/sign-in`)).status).toBe(200);
  }, 120_000);

  it("left the data readable through the API", async () => {
    const res = await fetch(
      `${apiUrl}/trpc/project.list?input=${encodeURIComponent(JSON.stringify({ limit: 100 }))}`,
      {
        headers: { authorization: `Bearer ${tokens[1]}` },
      },
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { result: { data: { items: { id: string }[] } } };
    expect(body.result.data.items.map((p) => p.id)).toContain(projectId);
  });
});
