import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { DatabaseOptions } from '../../src/store/database.js';
import { postgresForTests, uniqueSchema } from '../support/postgres.js';
import { dropSchema } from './store-factories.js';

export interface DatabaseTarget {
  name: 'sqlite' | 'postgres';
  /** PostgreSQL is skipped where none is reachable (postgresForTests says why). */
  skip: boolean;
  /** A fresh database each call: a new SQLite file, or a new PostgreSQL schema. */
  options: () => DatabaseOptions;
}

/**
 * The databases a store or migration test runs on, SQLite and (when reachable) PostgreSQL, each call of `options` a fresh
 * one; the SQLite files live under `dir`, and everything made is removed after the test file. `label` names the temporary
 * folder and the schemas ("0008" gives briefbot-0008-… and bb_0008_…).
 */
export async function databaseTargets(label: string): Promise<{ targets: DatabaseTarget[]; dir: string }> {
  const pgUrl = await postgresForTests();
  const dir = mkdtempSync(join(tmpdir(), `briefbot-${label}-`));
  const schemas: string[] = [];
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    for (const s of schemas) await dropSchema(pgUrl as string, s);
  });
  const targets: DatabaseTarget[] = [
    { name: 'sqlite', skip: false, options: () => ({ sqlitePath: join(dir, `${Math.random().toString(36).slice(2)}`, 'db.sqlite') }) },
    {
      name: 'postgres',
      skip: !pgUrl,
      options: () => {
        const pgSchema = uniqueSchema(`bb_${label}`);
        schemas.push(pgSchema);
        return { databaseUrl: pgUrl as string, pgSchema, sqlitePath: '' };
      },
    },
  ];
  return { targets, dir };
}
