import { describe, expect, it } from "vitest";
import { DEFAULT_SCALE, databaseLabel, resolveMode, targetPhases } from "./mode.js";

const url = "postgresql://postgres@127.0.0.1:5432/postgres";

describe("resolveMode", () => {
  it("runs on PostgreSQL when DATABASE_URL is set, at scale 1, into latest.md", () => {
    expect(resolveMode({ databaseUrl: url })).toEqual({
      kind: "postgres",
      scale: 1,
      serverUrl: url,
      resultsFile: "latest.md",
    });
  });
  it("runs on PGlite without DATABASE_URL (or with an empty one), at the smaller scale, into pglite.md", () => {
    for (const databaseUrl of [undefined, ""]) {
      expect(resolveMode({ databaseUrl })).toEqual({
        kind: "pglite",
        scale: DEFAULT_SCALE.pglite,
        resultsFile: "pglite.md",
      });
    }
    expect(DEFAULT_SCALE.pglite).toBeLessThan(DEFAULT_SCALE.postgres);
  });
  it("takes --db pglite over DATABASE_URL", () => {
    const mode = resolveMode({ db: "pglite", databaseUrl: url });
    expect(mode.kind).toBe("pglite");
    expect(mode.serverUrl).toBeUndefined();
  });
  it("takes --scale over the default in both modes", () => {
    expect(resolveMode({ scale: "0.05" }).scale).toBe(0.05);
    expect(resolveMode({ scale: "0.05", databaseUrl: url }).scale).toBe(0.05);
  });
  it("refuses --db postgres without DATABASE_URL, an unknown --db and a bad --scale", () => {
    expect(() => resolveMode({ db: "postgres" })).toThrow(/DATABASE_URL/);
    expect(() => resolveMode({ db: "sqlite" })).toThrow(/--db/);
    expect(() => resolveMode({ scale: "0" })).toThrow(/--scale/);
    expect(() => resolveMode({ scale: "lots" })).toThrow(/--scale/);
  });
});

describe("targetPhases", () => {
  it("runs both servers together on PostgreSQL", () => {
    expect(targetPhases("postgres")).toEqual([["api", "baseline"]]);
  });
  it("runs the API, then the baseline, on PGlite (one process at a time)", () => {
    const phases = targetPhases("pglite");
    expect(phases).toEqual([["api"], ["baseline"]]);
    expect(phases.every((p) => p.length === 1)).toBe(true);
  });
});

describe("databaseLabel", () => {
  const pg15 = "PostgreSQL 15.14 (Debian 15.14-0+deb12u1) on x86_64-pc-linux-gnu, compiled by gcc";
  it("names the PostgreSQL version", () => {
    expect(databaseLabel("postgres", pg15)).toBe("PostgreSQL 15.14");
  });
  it("names PGlite's version and the PostgreSQL inside it", () => {
    expect(
      databaseLabel("pglite", "PostgreSQL 18.6 on x86_64-pc-linux-gnu, compiled by emcc", "0.5.16"),
    ).toBe("PGlite 0.5.16 (PostgreSQL 18.6, WebAssembly)");
  });
  it("keeps an unexpected version text as it is", () => {
    expect(databaseLabel("postgres", "something else")).toBe("something else");
  });
});
