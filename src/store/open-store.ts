import { type DatabaseOptions, type OpenDatabase, openDatabase } from './database.js';
import { type MigrateOptions, migrateToLatest } from './migrate.js';
import type { StoreMigration } from './migrations/migration.js';
import { SqlBriefingStore } from './sql-store.js';

export interface OpenedStore {
  store: SqlBriefingStore;
  /** The shared kysely instance, for features that keep their own tables (digests). */
  database: OpenDatabase;
  /** Migrations applied by this start. */
  applied: string[];
}

export interface OpenRetryOptions {
  /** Attempts to reach PostgreSQL before giving up (default 6). SQLite is a local file: tried once. */
  attempts?: number;
  /** The first wait between attempts, doubled each time up to 8 s (default 500 ms). */
  retryDelayMs?: number;
  /** Told about each failed attempt that will be retried, so start-up can say what it waits for. */
  onRetry?: (error: Error, attempt: number, delayMs: number) => void;
}

const MAX_RETRY_DELAY_MS = 8000;

/**
 * Opens the configured database, migrates it to the latest schema and returns the briefing store
 * on it. Closing the store closes the database. PostgreSQL that is not reachable yet (it often
 * starts after the bot in a compose file or a cluster) is retried with exponential backoff.
 */
export async function openStore(options: DatabaseOptions & OpenRetryOptions & MigrateOptions & { migrations?: readonly StoreMigration[] }): Promise<OpenedStore> {
  const database = await openWithRetry(options);
  try {
    const applied = await migrateToLatest(database, options.migrations, { ...(options.onNewer && { onNewer: options.onNewer }) });
    return { store: new SqlBriefingStore(database), database, applied };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function openWithRetry(options: DatabaseOptions & OpenRetryOptions): Promise<OpenDatabase> {
  const attempts = options.databaseUrl ? Math.max(1, options.attempts ?? 6) : 1;
  let delay = options.retryDelayMs ?? 500;
  for (let attempt = 1; ; attempt++) {
    try {
      return await openDatabase(options);
    } catch (error) {
      if (attempt >= attempts) throw error;
      options.onRetry?.(error as Error, attempt, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, MAX_RETRY_DELAY_MS);
    }
  }
}
