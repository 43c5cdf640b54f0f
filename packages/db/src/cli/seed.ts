// pnpm db:seed — loads the demo data (fictional organisations) into the configured database
// (PGlite under .data/ by default, PostgreSQL when DATABASE_URL is set). Pending migrations are
// applied first, so a fresh database works. Idempotent: running it twice changes nothing.
import { openDatabase } from "../client.js";
import { applyMigrations } from "../migrations.js";
import { seed } from "../seed/seed.js";
import { env } from "./env.js";

try {
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.LODESTONE_DATA_DIR,
    holder: "pnpm db:seed",
  });
  try {
    const applied = await applyMigrations(db.adapterFactory);
    if (applied.length) console.log(`Applied ${applied.length} migration(s): ${applied.join(", ")}`);
    const started = Date.now();
    const summary = await seed(db.prisma);
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
