// pnpm db:seed — loads the demo data (fictional organisations) into the configured database
// (PGlite under .data/ by default, PostgreSQL when DATABASE_URL is set), its decisions sealed with
// this deployment's key (the API's environment, as the server reads it). Pending migrations are
// applied first, so a fresh database works. Idempotent: running it twice changes nothing.
import { openDatabase } from "@lodestone/db/client";
import { createDecisionSigner } from "@lodestone/db/decision-seal";
import { applyMigrations } from "@lodestone/db/migrations";
import { defaultDataDir } from "@lodestone/db/paths";
import { seed } from "@lodestone/db/seed";
import { loadEnv } from "../env.js";

try {
  const env = loadEnv();
  const signer = createDecisionSigner(env.decisionSigningKey);
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.LODESTONE_DATA_DIR ?? defaultDataDir,
    holder: "pnpm db:seed",
  });
  try {
    const applied = await applyMigrations(db.adapterFactory);
    if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
    const started = Date.now();
    const summary = await seed(db.prisma, signer);
    const counts = Object.entries(summary)
      .map(([table, n]) => `${n} ${table}`)
      .join(", ");
    console.log(`Demo data in place (${((Date.now() - started) / 1000).toFixed(1)} s): ${counts}.`);
  } finally {
    await db.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
