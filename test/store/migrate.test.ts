import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import type { StoreMigration } from '../../src/store/migrations/migration.js';
import { databaseTargets } from './database-targets.js';

const { targets, dir } = await databaseTargets('migrate');

const extra: StoreMigration = {
  name: '9999-test-extra',
  async up(db) {
    await db.schema.createTable('extra_things').addColumn('id', 'integer', (c) => c.primaryKey()).execute();
  },
};


for (const target of targets) {
  describe.skipIf(target.skip)(`migrations on ${target.name}`, () => {
    it('GIVEN four replicas starting at once on one empty database THEN each migration is applied exactly once and all of them start', async () => {
      const options = target.options();
      const replicas = await Promise.all([1, 2, 3, 4].map(() => openDatabase(options)));
      try {
        const applied = await Promise.all(replicas.map((r) => migrateToLatest(r)));
        expect(applied.flat().sort()).toEqual(migrations.map((m) => m.name).sort());
        const first = replicas[0]!;
        const { rows } = await sql<{ n: number | string }>`select count(*) as n from briefing_revisions`.execute(first.db);
        expect(Number(rows[0]?.n)).toBe(0);
      } finally {
        await Promise.all(replicas.map((r) => r.close()));
      }
    });

    it('GIVEN a database already migrated THEN a later list with one more migration applies only that one, and again nothing', async () => {
      const options = target.options();
      const db = await openDatabase(options);
      try {
        expect(await migrateToLatest(db)).toHaveLength(migrations.length);
        expect(await migrateToLatest(db, [...migrations, extra])).toEqual(['9999-test-extra']);
        expect(await migrateToLatest(db, [...migrations, extra])).toEqual([]);
        await sql`insert into extra_things (id) values (1)`.execute(db.db);
      } finally {
        await db.close();
      }
    });

    it('GIVEN a database a newer release migrated (a migration this release does not know) THEN this release still starts and changes nothing: a replica of the previous release restarting during a rolling deploy, or a rollback', async () => {
      const db = await openDatabase(target.options());
      try {
        await migrateToLatest(db, [...migrations, extra]);
        const newer: string[][] = [];
        expect(await migrateToLatest(db, migrations, { onNewer: (names) => newer.push(names) })).toEqual([]);
        expect(newer).toEqual([['9999-test-extra']]);
        await sql`insert into extra_things (id) values (1)`.execute(db.db);
      } finally {
        await db.close();
      }
    });

    it('GIVEN a database with a migration this release does not know AND one of its own not applied THEN start-up fails saying so (the two releases diverged)', async () => {
      const db = await openDatabase(target.options());
      try {
        await migrateToLatest(db, [...migrations.slice(0, -1), extra]);
        await expect(migrateToLatest(db, migrations)).rejects.toThrow(/9999-test-extra/);
      } finally {
        await db.close();
      }
    });
  });
}

describe('SQLite file location', () => {
  it('GIVEN SQLITE_PATH in folders that do not exist yet THEN they are created and the database is in WAL mode', async () => {
    const path = join(dir, 'a', 'b', 'c', 'briefbot.db');
    const db = await openDatabase({ sqlitePath: path });
    try {
      const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db.db);
      expect(rows[0]?.journal_mode).toBe('wal');
    } finally {
      await db.close();
    }
  });
});
