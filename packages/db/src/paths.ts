import { fileURLToPath } from "node:url";
import path from "node:path";

// This file compiles to packages/db/dist/paths.js; the workspace root is three levels up.
const here = path.dirname(fileURLToPath(import.meta.url));
export const packageRoot = path.resolve(here, "..");
export const workspaceRoot = path.resolve(packageRoot, "../..");
export const schemaPath = path.join(packageRoot, "prisma", "schema.prisma");
export const migrationsDir = path.join(packageRoot, "prisma", "migrations");
/** Default home of the embedded database: `.data/pglite` at the workspace root (git-ignored). */
export const defaultDataDir = path.join(workspaceRoot, ".data", "pglite");
