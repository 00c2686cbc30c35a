import type { Kysely } from 'kysely';
import type { SqlDialectName } from '../database.js';

/**
 * One versioned change to the schema. `name` orders migrations and is recorded once applied;
 * never rename or edit a migration that has shipped: add a new one.
 */
export interface StoreMigration {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a migration sees the schema as it was, not today's types
  up(db: Kysely<any>, dialect: SqlDialectName): Promise<void>;
}

/** An auto-incrementing integer primary key, spelt for each dialect. */
export function idColumnType(dialect: SqlDialectName): 'serial' | 'integer' {
  return dialect === 'postgres' ? 'serial' : 'integer';
}
