import { DEFAULT_DOCUMENT_MAX_BYTES } from "@lodestone/domain/documents";
import { loadOrCreateLocalSecrets, loadOrCreateLocalSigningKey } from "@lodestone/auth/secrets";
import { DEFAULT_RATE_LIMITS, type RateLimitPolicy } from "@lodestone/domain/rate-limit";
import { z } from "zod";

const limit = z.coerce.number().int().min(0, "Use 0 (off) or a positive number.");

const Env = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** PostgreSQL; when unset the embedded PGlite database under LODESTONE_DATA_DIR is used. */
  DATABASE_URL: z.url().optional(),
  LODESTONE_DATA_DIR: z.string().min(1).optional(),
  /** Apply pending migrations at start-up. Defaults to on for the embedded database. */
  LODESTONE_AUTO_MIGRATE: z.enum(["0", "1"]).optional(),
  /** Load the demo data into an empty database at start-up. Defaults to on for the embedded database. */
  LODESTONE_SEED_DEMO: z.enum(["0", "1"]).optional(),
  /** Shared with the web: guards the internal procedures next-auth's adapter calls. */
  LODESTONE_INTERNAL_SECRET: z.string().min(32, "Use at least 32 characters.").optional(),
  /**
   * The Ed25519 private key (PEM, PKCS #8; "\n" may stand for line breaks) that signs decision
   * records. Required in production; otherwise generated into the secrets file.
   */
  LODESTONE_DECISION_SIGNING_KEY: z.string().min(1).optional(),
  /** Where the embedded default keeps generated secrets (shared with the web). */
  LODESTONE_SECRETS_FILE: z.string().min(1).optional(),
  /** smtp://user:pass@host:port — unset: mails go to the outbox (/dev/outbox) and the log. */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default("Lodestone <no-reply@lodestone.example>"),
  /** The web's public address, for links in notification mails. */
  LODESTONE_WEB_URL: z.url().optional(),
  /** How long an "immediately" notification mail waits for more on the same item, and to be read first (ms). */
  NOTIFY_IMMEDIATE_DELAY_MS: z.coerce.number().int().min(0).max(3_600_000).default(180_000),
  /** How often each instance looks for notification work (reminders, digests, mail) when no event woke it (ms). */
  NOTIFY_INTERVAL_MS: z.coerce.number().int().min(200).max(300_000).default(5000),
  /** Run the notifier in this instance (0: off — for tools; every API instance normally runs it). */
  NOTIFY_ENABLED: z.enum(["0", "1"]).default("1"),
  /** The largest file the data room takes (bytes; default 50 MB). */
  DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(5 * 1024 * 1024 * 1024)
    .default(DEFAULT_DOCUMENT_MAX_BYTES),
  /** A clamd to scan every version with (tcp://host:3310): versions stay pending until it finds them clean. Unset: no scanning. */
  CLAMAV_URL: z.string().min(3).optional(),
  /** How often each instance looks for versions waiting for a scan (ms). */
  SCAN_INTERVAL_MS: z.coerce.number().int().min(100).max(300_000).default(2000),
  /** How often each instance closes review rounds whose time has come. */
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(1000).default(15_000),
  /** Live updates: how often each instance reads the event log when no notification woke it (ms). */
  LIVE_POLL_MS: z.coerce.number().int().min(100).max(60_000).default(1000),
  /**
   * Which proxies' X-Forwarded-For to believe for the client address: a comma-separated list of
   * addresses or CIDR ranges. Default: loopback only (the web server on the same machine).
   */
  TRUST_PROXY: z.string().min(1).default("127.0.0.1,::1"),
  /** Mutations per user per minute (0: off). */
  RATE_LIMIT_MUTATIONS_PER_USER: limit.default(DEFAULT_RATE_LIMITS.mutationsPerUser.limit),
  /** Mutations per client address per minute (0: off). */
  RATE_LIMIT_MUTATIONS_PER_IP: limit.default(DEFAULT_RATE_LIMITS.mutationsPerIp.limit),
  /** Heavy queries (dashboards, exports, searches) per user per minute (0: off). */
  RATE_LIMIT_HEAVY_QUERIES_PER_USER: limit.default(DEFAULT_RATE_LIMITS.heavyQueriesPerUser.limit),
  /** Sign-in mails per e-mail address per 15 minutes (0: off). */
  RATE_LIMIT_SIGN_IN_PER_ADDRESS: limit.default(DEFAULT_RATE_LIMITS.signInMailsPerAddress.limit),
  /** Beyond that, one more sign-in mail per address per this many seconds (0: none more). */
  RATE_LIMIT_SIGN_IN_TRICKLE_SECONDS: limit.default(DEFAULT_RATE_LIMITS.signInMailTrickle.windowSeconds),
  /** Sign-in mails per client address per 15 minutes (0: off). */
  RATE_LIMIT_SIGN_IN_PER_IP: limit.default(DEFAULT_RATE_LIMITS.signInMailsPerIp.limit),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

type Parsed = z.infer<typeof Env>;
export type ApiEnv = Parsed & {
  autoMigrate: boolean;
  seedDemo: boolean;
  internalSecret: string;
  /** The decision signing key, PEM. */
  decisionSigningKey: string;
  /** Mails go to the database outbox and the log (no SMTP, not production). */
  devOutbox: boolean;
  /** Where links in mails point. */
  webUrl: string;
  production: boolean;
  rateLimits: RateLimitPolicy;
  trustProxy: string[];
};

/** Validates the API's environment once; nothing else reads process.env. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): ApiEnv {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`The API's environment is invalid:\n${problems}`);
  }
  const env = parsed.data;
  const production = env.NODE_ENV === "production";
  for (const name of [
    "LODESTONE_INTERNAL_SECRET",
    "LODESTONE_DECISION_SIGNING_KEY",
    "LODESTONE_WEB_URL",
  ] as const) {
    if (production && !env[name]) {
      throw new Error(`The API's environment is invalid:\n  ${name} is required in production.`);
    }
  }
  const embedded = !env.DATABASE_URL;
  return {
    ...env,
    production,
    autoMigrate: env.LODESTONE_AUTO_MIGRATE ? env.LODESTONE_AUTO_MIGRATE === "1" : embedded,
    seedDemo: env.LODESTONE_SEED_DEMO ? env.LODESTONE_SEED_DEMO === "1" : embedded,
    internalSecret:
      env.LODESTONE_INTERNAL_SECRET ?? loadOrCreateLocalSecrets(env.LODESTONE_SECRETS_FILE).internalSecret,
    decisionSigningKey: env.LODESTONE_DECISION_SIGNING_KEY
      ? env.LODESTONE_DECISION_SIGNING_KEY.replaceAll("\\n", "\n")
      : loadOrCreateLocalSigningKey(env.LODESTONE_SECRETS_FILE),
    devOutbox: !env.SMTP_URL && !production,
    webUrl: env.LODESTONE_WEB_URL ?? "http://localhost:3000",
    trustProxy: env.TRUST_PROXY.split(",")
      .map((s) => s.trim())
      .filter(Boolean),
    rateLimits: {
      mutationsPerUser: { ...DEFAULT_RATE_LIMITS.mutationsPerUser, limit: env.RATE_LIMIT_MUTATIONS_PER_USER },
      mutationsPerIp: { ...DEFAULT_RATE_LIMITS.mutationsPerIp, limit: env.RATE_LIMIT_MUTATIONS_PER_IP },
      heavyQueriesPerUser: {
        ...DEFAULT_RATE_LIMITS.heavyQueriesPerUser,
        limit: env.RATE_LIMIT_HEAVY_QUERIES_PER_USER,
      },
      signInMailsPerAddress: {
        ...DEFAULT_RATE_LIMITS.signInMailsPerAddress,
        limit: env.RATE_LIMIT_SIGN_IN_PER_ADDRESS,
      },
      signInMailTrickle: {
        limit: env.RATE_LIMIT_SIGN_IN_TRICKLE_SECONDS > 0 ? 1 : 0,
        windowSeconds: Math.max(1, env.RATE_LIMIT_SIGN_IN_TRICKLE_SECONDS),
      },
      signInMailsPerIp: { ...DEFAULT_RATE_LIMITS.signInMailsPerIp, limit: env.RATE_LIMIT_SIGN_IN_PER_IP },
    },
  };
}
