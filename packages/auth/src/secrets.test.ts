import { fork } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createPrivateKey } from "node:crypto";
import { loadOrCreateLocalSecrets, loadOrCreateLocalSigningKey } from "./secrets.js";

const dirs: string[] = [];
async function tempFile() {
  const dir = await mkdtemp(path.join(tmpdir(), "lodestone-secrets-"));
  dirs.push(dir);
  return path.join(dir, "nested", "secrets.json");
}
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe("loadOrCreateLocalSecrets", () => {
  it("generates strong secrets once, readable only by the owner, and returns the same ones after", async () => {
    const file = await tempFile();
    const first = loadOrCreateLocalSecrets(file);
    expect(first.nextAuthSecret.length).toBeGreaterThanOrEqual(43);
    expect(first.internalSecret).not.toBe(first.nextAuthSecret);
    expect(loadOrCreateLocalSecrets(file)).toEqual(first);
    expect((await stat(file)).mode & 0o077).toBe(0);
    expect(JSON.parse(await readFile(file, "utf8"))).toEqual(first);
  });

  it("gives two processes starting together the same secrets", async () => {
    const file = await tempFile();
    const script = path.join(path.dirname(path.dirname(file)), "child.mjs");
    const moduleUrl = new URL("../dist/secrets.js", import.meta.url).href;
    await writeFile(
      script,
      `const m = await import(${JSON.stringify(moduleUrl)});\nprocess.send(m.loadOrCreateLocalSecrets(process.argv[2]));\n`,
    );
    const run = () =>
      new Promise<unknown>((resolve, reject) => {
        const child = fork(script, [file]);
        child.on("message", resolve);
        child.on("error", reject);
      });
    const [a, b] = await Promise.all([run(), run()]);
    expect(a).toMatchObject({ nextAuthSecret: expect.any(String), internalSecret: expect.any(String) });
    expect(a).toEqual(b);
  });

  it("refuses a damaged file with a message that says what to do", async () => {
    const file = await tempFile();
    loadOrCreateLocalSecrets(file);
    await writeFile(file, '{"nextAuthSecret":"short"}');
    expect(() => loadOrCreateLocalSecrets(file)).toThrow(/delete it/);
  });

  it("keeps an Ed25519 decision signing key: generated with the file, added to an older file once", async () => {
    const file = await tempFile();
    const fresh = loadOrCreateLocalSigningKey(file);
    expect(createPrivateKey(fresh).asymmetricKeyType).toBe("ed25519");
    expect(loadOrCreateLocalSigningKey(file)).toBe(fresh);

    const older = await tempFile();
    const { nextAuthSecret, internalSecret } = loadOrCreateLocalSecrets(older);
    await writeFile(older, JSON.stringify({ nextAuthSecret, internalSecret }));
    const added = loadOrCreateLocalSigningKey(older);
    expect(createPrivateKey(added).asymmetricKeyType).toBe("ed25519");
    expect(loadOrCreateLocalSigningKey(older)).toBe(added);
    // The other secrets stay as they were.
    expect(loadOrCreateLocalSecrets(older)).toMatchObject({ nextAuthSecret, internalSecret });
  });
});
