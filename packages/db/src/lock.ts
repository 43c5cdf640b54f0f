import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

/** Raised when another live process holds the embedded database. */
export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: string,
    readonly pid: number,
  ) {
    super(
      `The embedded database at ${dataDir} is in use by ${holder} (process ${pid}). ` +
        `PGlite can be opened by one process only: stop that process first ` +
        `(for example the running API, with Ctrl-C), then run this command again.`,
    );
    this.name = "DataDirInUseError";
  }
}

export interface DataDirLock {
  release(): void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes `<dataDir>.lock` exclusively. A lock left by a process that no longer runs is taken over.
 */
export function acquireDataDirLock(dataDir: string, holder: string): DataDirLock {
  const file = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, holder }));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(file, { force: true });
        process.off("exit", release);
      };
      process.on("exit", release);
      return { release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      let owner: { pid?: number; holder?: string } = {};
      try {
        owner = JSON.parse(readFileSync(file, "utf8")) as typeof owner;
      } catch {
        // An unreadable lock is treated as stale.
      }
      if (owner.pid && owner.pid !== process.pid && isAlive(owner.pid)) {
        throw new DataDirInUseError(dataDir, owner.holder ?? "another process", owner.pid);
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database at ${dataDir}.`);
}
