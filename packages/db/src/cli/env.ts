import { z } from "zod";
import { defaultDataDir } from "../paths.js";

const Env = z.object({
  DATABASE_URL: z.url().optional(),
  LODESTONE_DATA_DIR: z.string().min(1).default(defaultDataDir),
});

/** The database commands' environment, validated once. */
export const env = Env.parse(process.env);
