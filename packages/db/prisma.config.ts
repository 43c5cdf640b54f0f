import { defineConfig } from "prisma/config";

// Only `prisma generate` is used from the CLI: migrations are authored and applied by
// src/migrations.ts through the WASM schema engine (no downloadable engine needed).
export default defineConfig({
  schema: "prisma/schema.prisma",
});
