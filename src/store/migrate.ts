import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { OpenDatabase } from './database.js';
import { migrations as allMigrations } from './migrations/index.js';
import type { StoreMigration } from './migrations/migration.js';

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

/** A static provider (no folder scan, so it works the same from src/ under tsx and from dist/). */
function providerFor(open: OpenDatabase, list: readonly StoreMigration[]): MigrationProvider {
  return {
    async getMigrations() {
      const out: Record<string, Migration> = {};
      for (const m of list) {
        if (out[m.name]) throw new MigrationError(`two migrations are named ${m.name}`);
        out[m.name] = { up: (db) => m.up(db, open.dialect) };
      }
      return out;
    },
  };
}

const BUSY_RETRIES = 20;

/**
 * Brings the schema up to date; safe when several replicas start at once. On PostgreSQL kysely's
 * Migrator holds a session advisory lock while it migrates and runs each migration in a
 * transaction, so the second replica waits and then finds nothing to do. On SQLite a second
 * process on the same file can meet SQLITE_BUSY; it waits and tries again.
 * Returns the names of the migrations this call applied.
 */
export async function migrateToLatest(open: OpenDatabase, list: readonly StoreMigration[] = allMigrations): Promise<string[]> {
  const migrator = new Migrator({
    db: open.db,
    provider: providerFor(open, list),
    ...(open.schema && { migrationTableSchema: open.schema }),
  });
  for (let attempt = 0; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    const busy = open.dialect === 'sqlite' && /SQLITE_BUSY|database is locked/i.test(String((error as Error).message ?? error));
    if (!busy || attempt >= BUSY_RETRIES) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new MigrationError(`database migration ${failed ?? ''} failed: ${(error as Error).message ?? String(error)}`.replace('  ', ' '), { cause: error });
    }
    await new Promise((r) => setTimeout(r, 50 + Math.random() * 200));
  }
}
