import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "./generated/prisma/client.js";
import { acquireDataDirLock, type DataDirLock } from "./lock.js";
import { CUSTOM_PLANS, runDirectlyThrough } from "./statement.js";

export type { PrismaClient };

export interface DatabaseOptions {
  /** PostgreSQL connection string. When absent, the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** Directory of the embedded database; `memory://` for a throw-away in-memory one. */
  dataDir: string;
  /** Who holds the embedded database (shown to other processes that try to open it). */
  holder?: string;
}

export interface Database {
  readonly kind: "pglite" | "postgres";
  readonly prisma: PrismaClient;
  /** The driver adapter factory, shared with the migration engine. */
  readonly adapterFactory: SqlMigrationAwareDriverAdapterFactory;
  /** Resolves when the database answers a trivial query within `timeoutMs`. */
  ping(timeoutMs?: number): Promise<boolean>;
  /**
   * Calls `onNotify` with the payload of each notification on `channel` (PostgreSQL's
   * LISTEN/NOTIFY: sent by any process, delivered when the sender commits; on PGlite, in-process)
   * until the returned function is called. `onLost` is called when the listening connection ends;
   * listen again to resume (notifications in between are lost: the caller must not rely on them).
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onLost: () => void,
  ): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Creates an in-memory PGlite with the extensions the schema needs. */
export function createPglite(dataDir?: string): PGlite {
  return new PGlite({ ...(dataDir ? { dataDir } : {}), extensions: { pg_trgm } });
}

/** Wraps PGlite so the migration engine's shadow database has the same extensions. */
export function pgliteAdapterFactory(pglite: PGlite): SqlMigrationAwareDriverAdapterFactory {
  const main = new PrismaPGlite(pglite);
  return {
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => main.connect(),
    connectToShadowDb: () => new PrismaPGlite(createPglite()).connect(),
  };
}

/**
 * The one client factory: PGlite under `dataDir` by default, PostgreSQL when a URL is given.
 * Everything above this function is the same for both.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) {
    // The client's queries and its written-out hot statements (statement.ts) share one pool. The
    // migration engine gets a factory of its own, whose every connection (and advisory lock) ends
    // with it.
    const config = { connectionString: options.databaseUrl, max: 20 };
    const pool = new pg.Pool({ ...config, ...CUSTOM_PLANS });
    // A connection that dies while idle leaves the pool (a fresh one is opened when needed); pg
    // reports it as an event, which must not end the process.
    pool.on("error", () => {});
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
    runDirectlyThrough(prisma, pool);
    const adapterFactory = new PrismaPg(config);
    const listen: Listen = async (channel, onNotify, onLost) => {
      // A connection of its own: a pooled one would be handed to queries between notifications.
      const client = new pg.Client(config);
      let ended = false;
      const lost = () => {
        if (!ended) {
          ended = true;
          onLost();
        }
      };
      client.on("error", lost);
      client.on("end", lost);
      client.on("notification", (n) => {
        if (n.channel === channel) onNotify(n.payload ?? "");
      });
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        ended = true;
        await client.end().catch(() => {});
      };
    };
    return makeDatabase("postgres", prisma, adapterFactory, listen, async () => {
      await prisma.$disconnect();
      await pool.end();
    });
  }

  const inMemory = options.dataDir.startsWith("memory://");
  let lock: DataDirLock | undefined;
  if (!inMemory) {
    mkdirSync(path.dirname(options.dataDir), { recursive: true });
    lock = acquireDataDirLock(options.dataDir, options.holder ?? "a Lodestone process");
  }
  try {
    const pglite = createPglite(inMemory ? undefined : options.dataDir);
    await pglite.waitReady;
    const adapterFactory = pgliteAdapterFactory(pglite);
    const prisma = new PrismaClient({ adapter: adapterFactory });
    const listen: Listen = async (channel, onNotify) => {
      const unlisten = await pglite.listen(channel, onNotify);
      return () => unlisten();
    };
    return makeDatabase("pglite", prisma, adapterFactory, listen, async () => {
      await prisma.$disconnect();
      await pglite.close();
      lock?.release();
    });
  } catch (error) {
    lock?.release();
    throw error;
  }
}

type Listen = Database["listen"];

function makeDatabase(
  kind: Database["kind"],
  prisma: PrismaClient,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  listen: Listen,
  close: () => Promise<void>,
): Database {
  return {
    kind,
    prisma,
    adapterFactory,
    listen,
    async ping(timeoutMs = 2000) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<false>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
      });
      try {
        return await Promise.race([prisma.$queryRaw`SELECT 1`.then(() => true), timeout]);
      } catch {
        return false;
      } finally {
        clearTimeout(timer);
      }
    },
    close,
  };
}

/** What repositories accept: the client, or the client inside a transaction. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** Runs `work` in one transaction: all of it is written, or none of it. */
export function inTransaction<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.prisma.$transaction((tx) => work(tx), { timeout: 20_000, maxWait: 10_000 });
}
