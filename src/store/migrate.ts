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
const SETTLE_RETRIES = 3;

function isBusy(error: unknown): boolean {
  return /SQLITE_BUSY|database is locked/i.test(`${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`);
}

async function appliedCount(migrator: Migrator): Promise<number> {
  try {
    return (await migrator.getMigrations()).filter((m) => m.executedAt !== undefined).length;
  } catch {
    return 0;
  }
}

/**
 * Brings the schema up to date; safe when several replicas start at once. On PostgreSQL kysely's
 * Migrator holds a session advisory lock while it migrates and runs each migration in a
 * transaction, so the second replica waits and then finds nothing to do. On SQLite a second
 * process on the same file can meet SQLITE_BUSY or find the work done under it; it tries again.
 * Returns the names of the migrations this call applied.
 */
export async function migrateToLatest(open: OpenDatabase, list: readonly StoreMigration[] = allMigrations): Promise<string[]> {
  const migrator = new Migrator({
    db: open.db,
    provider: providerFor(open, list),
    ...(open.schema && { migrationTableSchema: open.schema }),
  });
  for (let attempt = 0; ; attempt++) {
    const before = open.dialect === 'sqlite' ? await appliedCount(migrator) : 0;
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
    // Another connection to the same SQLite file got the write lock first, or was applying the
    // same migration ("table already exists" before its commit is even visible here). The failed
    // attempt rolled back, so trying again is safe; a real error fails the same way each time.
    const progressed = (await appliedCount(migrator)) > before;
    const retry = open.dialect === 'sqlite' && attempt < BUSY_RETRIES && (isBusy(error) || progressed || attempt < SETTLE_RETRIES);
    if (!retry) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName;
      throw new MigrationError(`database migration${failed ? ` ${failed}` : ''} failed: ${(error as Error).message ?? String(error)}`, { cause: error });
    }
    await new Promise((r) => setTimeout(r, 20 + Math.random() * 100));
  }
}
