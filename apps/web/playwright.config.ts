import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

// The built product, on ports of its own: the API on a fresh embedded database (it migrates and
// seeds itself at start-up) and `next start` pointed at it. Build first: `pnpm turbo run build
// --filter=@lodestone/web...`.
const API_PORT = Number(process.env.E2E_API_PORT ?? 4100);
const WEB_PORT = Number(process.env.E2E_WEB_PORT ?? 3100);

// The config is loaded by the runner and again by each worker: create the run's directory once and
// hand it down through the environment. The database (and its `.lock` beside it) live inside it;
// e2e/global-teardown.ts removes the whole directory.
process.env.LODESTONE_E2E_RUN_DIR ??= mkdtempSync(join(tmpdir(), "lodestone-e2e-"));
const dataDir = join(process.env.LODESTONE_E2E_RUN_DIR, "pglite");
// Both servers generate and share their secrets here (next-auth's and the internal one).
const secretsFile = join(process.env.LODESTONE_E2E_RUN_DIR, "secrets.json");
const WEB_URL = `http://127.0.0.1:${WEB_PORT}`;
// A real OpenID Provider for single sign-on (e2e/oidc-provider.mjs), with the web as its client.
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT ?? 4300);
const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
const OIDC_CLIENT_ID = "lodestone-e2e";
const OIDC_CLIENT_SECRET = "lodestone-e2e-client-secret-0123456789";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: Boolean(process.env.CI),
  // Generous waits: a loaded 2-core CI machine can take seconds to answer; a wait ends as soon as
  // the page is right.
  timeout: 45_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  globalTeardown: "./e2e/global-teardown.ts",
  use: {
    baseURL: WEB_URL,
    browserName: "chromium",
    locale: "en-US",
    timezoneId: "Asia/Tokyo",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: [
    {
      name: "oidc",
      command: "node e2e/oidc-provider.mjs",
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      env: {
        OIDC_PROVIDER_PORT: String(OIDC_PORT),
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
        OIDC_REDIRECT_URI: `${WEB_URL}/api/auth/callback/oidc`,
      },
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      name: "api",
      command: "node ../api/dist/server.js",
      url: `http://127.0.0.1:${API_PORT}/healthz`,
      env: {
        PORT: String(API_PORT),
        HOST: "127.0.0.1",
        LODESTONE_DATA_DIR: dataDir,
        LODESTONE_SECRETS_FILE: secretsFile,
        LOG_LEVEL: "warn",
        // The suites sign the same demo accounts in many times within minutes, all from this
        // machine; the limits on changes keep their defaults.
        RATE_LIMIT_SIGN_IN_PER_ADDRESS: "1000",
        RATE_LIMIT_SIGN_IN_PER_IP: "1000",
        // Notification mails go out at once (not after the usual few minutes), and their links
        // point at this web server.
        NOTIFY_IMMEDIATE_DELAY_MS: "0",
        NOTIFY_INTERVAL_MS: "500",
        LODESTONE_WEB_URL: WEB_URL,
      },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: "pipe",
      stderr: "pipe",
    },
    {
      name: "web",
      // The web's own server (server.mjs), as `pnpm start` runs it.
      command: "node server.mjs",
      url: `${WEB_URL}/sign-in`,
      env: {
        API_URL: `http://127.0.0.1:${API_PORT}`,
        NODE_ENV: "production",
        WEB_PORT: String(WEB_PORT),
        WEB_HOST: "127.0.0.1",
        // Sign-in links point here; a production build on a loopback address uses the secrets file.
        NEXTAUTH_URL: WEB_URL,
        LODESTONE_SECRETS_FILE: secretsFile,
        NEXT_TELEMETRY_DISABLED: "1",
        OIDC_ISSUER,
        OIDC_CLIENT_ID,
        OIDC_CLIENT_SECRET,
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      stderr: "pipe",
    },
  ],
});
