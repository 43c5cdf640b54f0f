// The embedded database's lock, taken by the bench and the baseline when they open a PGlite data
// directory, so that the API (which takes the same lock through @lodestone/db) refuses to open it
// at the same time and the other way round. Same file and contents as packages/db/src/lock.ts:
// `<dataDir>.lock` created exclusively, holding { pid, holder }; a lock whose process is gone is
// taken over. (That module is not in the db package's exports.)
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";

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

export function lockDataDir(dataDir: string, holder: string): DataDirLock {
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
        throw new Error(
          `The embedded database at ${dataDir} is in use by ${owner.holder ?? "another process"} ` +
            `(process ${owner.pid}); PGlite can be opened by one process only.`,
          { cause: error },
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not lock the embedded database at ${dataDir}.`);
}
