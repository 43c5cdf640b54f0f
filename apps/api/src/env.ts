import { z } from "zod";

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
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type ApiEnv = z.infer<typeof Env> & { autoMigrate: boolean; seedDemo: boolean };

/** Validates the API's environment once; nothing else reads process.env. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): ApiEnv {
  const parsed = Env.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`The API's environment is invalid:\n${problems}`);
  }
  const env = parsed.data;
  const embedded = !env.DATABASE_URL;
  return {
    ...env,
    autoMigrate: env.LODESTONE_AUTO_MIGRATE ? env.LODESTONE_AUTO_MIGRATE === "1" : embedded,
    seedDemo: env.LODESTONE_SEED_DEMO ? env.LODESTONE_SEED_DEMO === "1" : embedded,
  };
}
