// pnpm db:migrate:new <name> — authors the next migration from schema.prisma.
// The existing migrations are replayed on a throw-away in-memory database, so this needs no
// running server and touches no data.
import { createPglite, pgliteAdapterFactory } from "../client.js";
import { createMigration } from "../migrations.js";

const name = process.argv[2];
if (!name) {
  console.error("Usage: pnpm db:migrate:new <name>   (for example: add_comment_pins)");
  process.exit(2);
}
const pglite = createPglite();
try {
  const folder = await createMigration(pgliteAdapterFactory(pglite), name);
  console.log(folder ? `Created ${folder}` : "schema.prisma and the migrations agree: nothing to do.");
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await pglite.close();
}
