import { type DatabaseOptions, type OpenDatabase, openDatabase } from './database.js';
import { migrateToLatest } from './migrate.js';
import type { StoreMigration } from './migrations/migration.js';
import { SqlBriefingStore } from './sql-store.js';

export interface OpenedStore {
  store: SqlBriefingStore;
  /** The shared kysely instance, for features that keep their own tables (digests). */
  database: OpenDatabase;
  /** Migrations applied by this start. */
  applied: string[];
}

/**
 * Opens the configured database, migrates it to the latest schema and returns the briefing store
 * on it. Closing the store closes the database.
 */
export async function openStore(options: DatabaseOptions & { migrations?: readonly StoreMigration[] }): Promise<OpenedStore> {
  const database = await openDatabase(options);
  try {
    const applied = await migrateToLatest(database, options.migrations);
    return { store: new SqlBriefingStore(database), database, applied };
  } catch (error) {
    await database.close();
    throw error;
  }
}
