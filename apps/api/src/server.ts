// Start-up only: environment, database, HTTP host.
import { pruneUploads } from "@lodestone/db/repositories/documents";
import { openDatabase } from "@lodestone/db/client";
import { createDecisionSigner } from "@lodestone/db/decision-seal";
import { applyMigrations } from "@lodestone/db/migrations";
import { defaultDataDir } from "@lodestone/db/paths";
import { seedIfEmpty } from "@lodestone/db/seed";
import { loadEnv } from "./env.js";
import { buildHttpServer, createLogger } from "./http.js";
import { createEventFeed } from "./event-feed.js";
import { createInboxWatch } from "./inbox-watch.js";
import { createMailer } from "./mailer.js";
import { createClamdScanner } from "./modules/documents/scanner.js";
import { createScanWorker } from "./modules/documents/scan-worker.js";
import { createNotifier } from "./modules/notifications/notifier.js";
import { sweepDueRounds } from "./modules/review/service.js";
import { pruneRateLimits } from "./rate-limit.js";

const env = loadEnv();
const signer = createDecisionSigner(env.decisionSigningKey);
let sweeper: NodeJS.Timeout | undefined;
/** An upload nobody resumed for this long is abandoned. */
const UPLOAD_ABANDONED_MS = 24 * 60 * 60_000;
const db = await openDatabase({
  databaseUrl: env.DATABASE_URL,
  dataDir: env.LODESTONE_DATA_DIR ?? defaultDataDir,
  holder: "the Lodestone API",
});
const logger = createLogger(env.LOG_LEVEL);
const mailer = createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, db, log: logger });
const events = createEventFeed(db, {
  pollMs: env.LIVE_POLL_MS,
  onError: (err: unknown) => logger.warn({ err }, "reading the event log failed; will retry"),
});
const inbox = createInboxWatch(db, {
  onError: (err: unknown) =>
    logger.warn({ err }, "listening for inbox changes failed; counts refresh by polling"),
});
const notifier = createNotifier({
  db,
  mailer,
  internalSecret: env.internalSecret,
  webUrl: env.webUrl,
  immediateDelayMs: env.NOTIFY_IMMEDIATE_DELAY_MS,
  intervalMs: env.NOTIFY_INTERVAL_MS,
  onError: (err: unknown, job: string) => logger.warn({ err, job }, "notification work failed; will retry"),
});
const scanner = env.CLAMAV_URL ? createClamdScanner(env.CLAMAV_URL) : null;
const scanWorker = scanner
  ? createScanWorker({
      db,
      scanner,
      intervalMs: env.SCAN_INTERVAL_MS,
      onError: (err: unknown) => logger.warn({ err }, "malware scanning failed; will retry"),
    })
  : null;
const app = await buildHttpServer({
  services: {
    db,
    mailer,
    internalSecret: env.internalSecret,
    devOutbox: env.devOutbox,
    rateLimits: env.rateLimits,
    signer,
    events,
    inbox,
    webUrl: env.webUrl,
    documents: { maxBytes: env.DOCUMENT_MAX_BYTES, scanner },
    now: () => new Date(),
  },
  logger,
  trustProxy: env.trustProxy,
});

try {
  if (env.autoMigrate) {
    const applied = await applyMigrations(db.adapterFactory);
    if (applied.length) app.log.info({ applied }, "migrations applied");
  }
  if (env.seedDemo) {
    const summary = await seedIfEmpty(db.prisma, signer);
    if (summary) app.log.info({ summary }, "demo data loaded into the empty database");
  }
  await app.listen({ host: env.HOST, port: env.PORT });
  if (env.NOTIFY_ENABLED === "1") await notifier.start();
  scanWorker?.start();
  sweeper = setInterval(() => {
    sweepDueRounds({ db, now: () => new Date() }).then(
      (closed) => closed.length && logger.info({ closed }, "review rounds closed at their closing time"),
      (err: unknown) => logger.warn({ err }, "closing due review rounds failed; will retry"),
    );
    pruneRateLimits({ db, now: () => new Date() }, env.rateLimits).catch((err: unknown) =>
      logger.warn({ err }, "pruning old rate-limit counters failed; will retry"),
    );
    // An upload nobody resumed for a day is abandoned: its chunks go.
    pruneUploads(db, new Date(Date.now() - UPLOAD_ABANDONED_MS)).catch((err: unknown) =>
      logger.warn({ err }, "pruning abandoned uploads failed; will retry"),
    );
  }, env.SWEEP_INTERVAL_MS);
  app.log.info(
    `Lodestone API ready on http://${env.HOST}:${env.PORT} (database: ${db.kind}, mail: ${mailer.kind}, decision key ${signer.fingerprint.slice(0, 16)}…)`,
  );
} catch (error) {
  app.log.fatal({ err: error }, "the API could not start");
  await db.close();
  process.exit(1);
}

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  app.log.info({ signal }, "shutting down");
  const force = setTimeout(() => process.exit(1), 10_000).unref();
  try {
    clearInterval(sweeper);
    // Live streams are cut first (see http.ts), then the feed they read from stops.
    await notifier.stop();
    await scanWorker?.stop();
    await app.close();
    await inbox.close();
    await events.close();
    await db.close();
  } finally {
    clearTimeout(force);
    process.exit(0);
  }
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
