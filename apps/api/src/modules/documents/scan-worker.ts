import { inTransaction, type Database } from "@lodestone/db/client";
import * as documents from "@lodestone/db/repositories/documents";
import { recordEvent } from "@lodestone/db/repositories/events";
import { release } from "./files.js";
import { ScannerUnavailable, type Scanner } from "./scanner.js";

// Every API instance scans versions waiting for it (DESIGN.md §11). A version is claimed for a
// while (so that no other instance scans it meanwhile), streamed to clamd from the database, then
// released (clean) or quarantined (a threat). When clamd cannot be reached the version stays
// pending (fail closed) with the error, retried with backoff; administrators see it.

/** How long a claimed scan may take before another instance may take the version over. */
const SCAN_LEASE_MS = 5 * 60_000;
const BATCH = 4;

/** Waits between attempts after a scanner outage: 5 s, 10 s, 20 s… at most 5 minutes. */
export function retryDelayMs(attempts: number): number {
  return Math.min(5 * 60_000, 5000 * 2 ** Math.max(0, attempts - 1));
}

export interface ScanWorker {
  /** Scans what is due now; resolves with how many versions were decided. */
  runOnce(): Promise<number>;
  start(): void;
  stop(): Promise<void>;
}

export function createScanWorker(opts: {
  db: Database;
  scanner: Scanner;
  intervalMs: number;
  now?: () => Date;
  onError?: (err: unknown) => void;
}): ScanWorker {
  const now = opts.now ?? (() => new Date());
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | null = null;

  async function scanOne(v: documents.VersionFacts): Promise<boolean> {
    let verdict;
    try {
      verdict = await opts.scanner.scan(documents.readChunks(opts.db, v.uploadId));
    } catch (error) {
      if (!(error instanceof ScannerUnavailable)) throw error;
      await documents.setScanFailure(
        opts.db,
        v.id,
        error.message,
        new Date(now().getTime() + retryDelayMs(v.scanAttempts)),
      );
      return false;
    }
    await inTransaction(opts.db, async (tx) => {
      const at = now();
      if (verdict.verdict === "clean") {
        if (await documents.setScanResult(tx, v.id, { status: "CLEAN", at })) {
          await release(tx, v.id, await documents.uploaderOf(tx, v.id), null);
        }
        return;
      }
      if (
        !(await documents.setScanResult(tx, v.id, {
          status: "QUARANTINED",
          signature: verdict.signature,
          at,
        }))
      )
        return;
      const facts = await documents.documentFacts(tx, v.documentId);
      if (!facts) return;
      await recordEvent(tx, {
        type: "document.quarantined",
        actorId: null,
        requestId: null,
        subject: { type: "Document", id: facts.id },
        projectId: facts.projectId,
        data: {
          documentId: facts.id,
          folderId: facts.folderId,
          versionId: v.id,
          access: documents.accessOf(facts),
        },
        audit: { after: { version: v.number, signature: verdict.signature } },
      });
    });
    return true;
  }

  async function runOnce(): Promise<number> {
    const due = await documents.claimScans(opts.db, now(), SCAN_LEASE_MS, BATCH);
    let decided = 0;
    for (const v of due) if (await scanOne(v)) decided++;
    return decided;
  }

  function tick() {
    if (running) return;
    running = runOnce().catch((err: unknown) => {
      opts.onError?.(err);
      return 0;
    });
    void running.finally(() => (running = null));
  }

  return {
    runOnce,
    start() {
      timer ??= setInterval(tick, opts.intervalMs);
      tick();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
