import { DEFAULT_MIGRATION_TABLE, Migrator, type Migration, type MigrationProvider, sql } from 'kysely';
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

/** The names of the migrations the database records as applied (none before the first start). */
async function appliedNames(open: OpenDatabase): Promise<string[]> {
  const table = open.schema ? sql.id(open.schema, DEFAULT_MIGRATION_TABLE) : sql.id(DEFAULT_MIGRATION_TABLE);
  try {
    const { rows } = await sql<{ name: string }>`select name from ${table}`.execute(open.db);
    return rows.map((r) => r.name);
  } catch {
    return [];
  }
}

export interface MigrateOptions {
  /**
   * Told the migrations a newer release applied that this one does not know. Migrations only add
   * (a shipped one is never edited), so this release works on such a database: a replica of the
   * previous release restarting during a rolling deploy, or a rollback.
   */
  onNewer?: (names: string[]) => void;
}

/**
 * Brings the schema up to date; safe when several replicas start at once. On PostgreSQL kysely's
 * Migrator holds a session advisory lock while it migrates and runs each migration in a
 * transaction, so the second replica waits and then finds nothing to do. On SQLite a second
 * process on the same file can meet SQLITE_BUSY or find the work done under it; it tries again.
 * Returns the names of the migrations this call applied.
 */
export async function migrateToLatest(open: OpenDatabase, list: readonly StoreMigration[] = allMigrations, options: MigrateOptions = {}): Promise<string[]> {
  // kysely refuses a database with an applied migration it is not given ("corrupted migrations"),
  // which kept an older release from starting on a database a newer one had migrated.
  const applied = await appliedNames(open);
  const known = new Set(list.map((m) => m.name));
  const newer = applied.filter((name) => !known.has(name));
  if (newer.length > 0) {
    const missing = list.filter((m) => !applied.includes(m.name)).map((m) => m.name);
    if (missing.length === 0) {
      options.onNewer?.(newer);
      return [];
    }
    throw new MigrationError(
      `the database has migrations this release does not know (${newer.join(', ')}) and lacks some it needs (${missing.join(', ')}): it was migrated by a release that is neither older nor newer than this one`,
    );
  }
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
