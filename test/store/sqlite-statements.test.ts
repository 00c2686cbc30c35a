import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/database.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbot-statements-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite prepared statements, reused by SQL text', () => {
  it('GIVEN one query run many times, more distinct queries than are kept, and a table changed between two runs of a kept one THEN every answer is right', async () => {
    const opened = await openDatabase({ sqlitePath: join(dir, 'db.sqlite') });
    try {
      await sql`create table things (id integer primary key, name text)`.execute(opened.db);
      for (let i = 0; i < 50; i++) await sql`insert into things (id, name) values (${i}, ${`n${i}`})`.execute(opened.db);
      for (let i = 0; i < 50; i += 7) {
        const { rows } = await sql<{ name: string }>`select name from things where id = ${i}`.execute(opened.db);
        expect(rows).toEqual([{ name: `n${i}` }]);
      }
      for (let i = 0; i < 300; i++) {
        const { rows } = await sql<{ n: number }>`select ${sql.lit(i)} as n`.execute(opened.db);
        expect(rows).toEqual([{ n: i }]);
      }
      const all = () => sql<Record<string, unknown>>`select * from things where id = 1`.execute(opened.db);
      expect((await all()).rows).toEqual([{ id: 1, name: 'n1' }]);
      await sql`alter table things add column tag text default 'x'`.execute(opened.db);
      expect((await all()).rows).toEqual([{ id: 1, name: 'n1', tag: 'x' }]);
      const { numUpdatedRows } = await opened.db.withTables<{ things: { id: number; name: string } }>().updateTable('things').set({ name: 'renamed' }).where('id', '<', 10).executeTakeFirst();
      expect(numUpdatedRows).toBe(10n);
    } finally {
      await opened.close();
    }
  });
});
