import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockDataDir } from "./data-dir-lock.js";

const dir = mkdtempSync(path.join(os.tmpdir(), "lodestone-lock-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("lockDataDir", () => {
  it("writes <dataDir>.lock as @lodestone/db does, and removes it on release", () => {
    const dataDir = path.join(dir, "a");
    const lock = lockDataDir(dataDir, "the test");
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, "utf8"))).toEqual({
      pid: process.pid,
      holder: "the test",
    });
    lock.release();
    expect(existsSync(`${dataDir}.lock`)).toBe(false);
  });
  it("refuses a directory another live process holds", () => {
    const dataDir = path.join(dir, "b");
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: process.ppid, holder: "the Lodestone API" }));
    expect(() => lockDataDir(dataDir, "the test")).toThrow(/in use by the Lodestone API/);
  });
  it("takes over a lock left by a process that has gone", () => {
    const dataDir = path.join(dir, "c");
    const gone = spawnSync(process.execPath, ["-e", "0"]).pid;
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: gone, holder: "a stopped API" }));
    lockDataDir(dataDir, "the test").release();
  });
});
