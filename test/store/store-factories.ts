import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { BriefingStore } from '../../src/ports/briefing-store.js';
import { type DatabaseOptions, type OpenDatabase, openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { openStore } from '../../src/store/open-store.js';
import { MemoryBriefingStore } from '../fakes/memory-briefing-store.js';
import { postgresForTests, uniqueSchema } from '../support/postgres.js';

export interface MadeStore {
  store: BriefingStore;
  /** Closes the store and opens the same database again (undefined for memory). */
  reopen?: () => Promise<BriefingStore>;
  done(): Promise<void>;
}

export interface StoreFactory {
  name: string;
  /** Why this adapter does not run here, or undefined when it does. */
  skip: string | undefined;
  make(): Promise<MadeStore>;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists "${schema}" cascade`);
  } finally {
    await client.end();
  }
}

/** Memory, SQLite (a temp file) and PostgreSQL (a fresh schema per store), for contract suites. */
export async function storeFactories(): Promise<StoreFactory[]> {
  const pgUrl = await postgresForTests();
  return [
    {
      name: 'memory',
      skip: undefined,
      async make() {
        return { store: new MemoryBriefingStore(), done: async () => {} };
      },
    },
    {
      name: 'sqlite',
      skip: undefined,
      async make() {
        const dir = mkdtempSync(join(tmpdir(), 'briefbot-store-'));
        const sqlitePath = join(dir, 'nested', 'briefbot.db');
        let current = (await openStore({ sqlitePath })).store;
        return {
          get store() {
            return current;
          },
          async reopen() {
            await current.close();
            current = (await openStore({ sqlitePath })).store;
            return current;
          },
          async done() {
            await current.close();
            rmSync(dir, { recursive: true, force: true });
          },
        };
      },
    },
    {
      name: 'postgres',
      skip: pgUrl ? undefined : 'TEST_DATABASE_URL unset or unreachable',
      async make() {
        const url = pgUrl as string;
        const pgSchema = uniqueSchema('bb_store');
        let current = (await openStore({ databaseUrl: url, pgSchema, sqlitePath: '' })).store;
        return {
          get store() {
            return current;
          },
          async reopen() {
            await current.close();
            current = (await openStore({ databaseUrl: url, pgSchema, sqlitePath: '' })).store;
            return current;
          },
          async done() {
            await current.close();
            await dropSchema(url, pgSchema);
          },
        };
      },
    },
  ];
}

/** One store as two replicas see it (each its own connection to one database), for contract suites. */
export interface ReplicaPair<S> {
  a: S;
  b: S;
  /** The first replica's store after a restart (a new connection). */
  restart: () => Promise<S>;
  done(): Promise<void>;
}

/** Opens and migrates the database twice and builds a store on each connection. */
export async function sqlReplicaPair<S>(options: DatabaseOptions, makeStore: (db: OpenDatabase) => S, cleanup: () => Promise<void>): Promise<ReplicaPair<S>> {
  const opened: OpenDatabase[] = [];
  const open = async () => {
    const db = await openDatabase(options);
    opened.push(db);
    await migrateToLatest(db);
    return makeStore(db);
  };
  const a = await open();
  const b = await open();
  return {
    a,
    b,
    restart: async () => {
      await opened[0]?.close();
      return open();
    },
    async done() {
      await Promise.all(opened.map((db) => db.close().catch(() => undefined)));
      await cleanup();
    },
  };
}
