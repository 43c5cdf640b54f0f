// pnpm db:migrate — applies pending migrations to the configured database
// (PGlite under .data/ by default, PostgreSQL when DATABASE_URL is set).
import { openDatabase } from "../client.js";
import { applyMigrations } from "../migrations.js";
import { env } from "./env.js";

try {
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.LODESTONE_DATA_DIR,
    holder: "pnpm db:migrate",
  });
  try {
    const applied = await applyMigrations(db.adapterFactory);
    console.log(
      applied.length
        ? `Applied ${applied.length} migration(s): ${applied.join(", ")}`
        : "The database is up to date.",
    );
  } finally {
    await db.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
}
