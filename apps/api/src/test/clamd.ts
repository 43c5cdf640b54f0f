// A real clamd (Debian's clamav-daemon) for tests, with a signature database the test writes: the
// EICAR test file's MD5, so nothing is downloaded. Missing clamd fails the test (never a skip).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { createClamdScanner } from "../modules/documents/scanner.js";

const CLAMD = "/usr/sbin/clamd";

/** The EICAR test file (68 bytes), put together here so this source file is not itself the test file. */
export const EICAR = Buffer.from(
  ["X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-", "TEST-FILE!$H+H*"].join(""),
  "latin1",
);

/** A TCP port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function startClamd(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (!fs.existsSync(CLAMD)) {
    throw new Error(
      `${CLAMD} is missing: install Debian's clamav-daemon (.ci/run does). This test does not skip.`,
    );
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "clamd-test-"));
  fs.mkdirSync(path.join(dir, "db"));
  const md5 = createHash("md5").update(EICAR).digest("hex");
  fs.writeFileSync(path.join(dir, "db", "test.hdb"), `${md5}:${EICAR.byteLength}:Eicar-Test-Signature\n`);
  const port = await freePort();
  const conf = path.join(dir, "clamd.conf");
  fs.writeFileSync(
    conf,
    [
      "Foreground yes",
      `DatabaseDirectory ${path.join(dir, "db")}`,
      `TCPSocket ${port}`,
      "TCPAddr 127.0.0.1",
      `LogFile ${path.join(dir, "clamd.log")}`,
      `PidFile ${path.join(dir, "clamd.pid")}`,
      `TemporaryDirectory ${dir}`,
      "StreamMaxLength 100M",
      "MaxThreads 2",
      "",
    ].join("\n"),
  );
  let output = "";
  const child = spawn(CLAMD, [`--config-file=${conf}`], { stdio: ["ignore", "pipe", "pipe"] });
  child.stdout.on("data", (data: Buffer) => (output += data.toString()));
  child.stderr.on("data", (data: Buffer) => (output += data.toString()));
  let gone: string | undefined;
  const exited = new Promise<void>((resolve) =>
    child.on("exit", (code, signal) => {
      gone = `clamd exited (${signal ?? `code ${code}`})`;
      resolve();
    }),
  );
  child.on("error", (error) => (gone = `clamd could not be started: ${error.message}`));
  const url = `tcp://127.0.0.1:${port}`;
  const probe = createClamdScanner(url, { timeoutMs: 1000 });
  const deadline = Date.now() + 60_000;
  while (!(await probe.ping())) {
    if (gone) throw new Error(`${gone} before answering PING:\n${output.slice(-4000)}`);
    if (Date.now() > deadline)
      throw new Error(`clamd did not answer PING within 60 s:\n${output.slice(-4000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  let stopped: Promise<void> | null = null;
  return {
    url,
    /** Stops clamd (SIGTERM, then SIGKILL after 10 s) and removes its files; safe to call twice. */
    stop: () =>
      (stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill("SIGTERM");
          const killer = setTimeout(() => child.kill("SIGKILL"), 10_000);
          await exited;
          clearTimeout(killer);
        }
        fs.rmSync(dir, { recursive: true, force: true });
      })()),
  };
}
