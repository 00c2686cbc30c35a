import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buttonLineKey } from '../../src/core/render/button-line-key.js';
import { BUTTON_LINE_PRUNE_BATCH, BUTTON_LINE_RETENTION_MS, type ButtonLineStore } from '../../src/ports/button-lines.js';
import type { Clock } from '../../src/ports/clock.js';
import { FakeClock } from '../fakes/fake-clock.js';
import type { DatabaseOptions } from '../../src/store/database.js';
import { MemoryButtonLineStore } from '../../src/store/memory-button-lines.js';
import { SqlButtonLineStore } from '../../src/store/sql-button-lines.js';
import { postgresForTests, uniqueSchema } from '../support/postgres.js';
import { dropSchema, sqlReplicaPair } from './store-factories.js';

const pgUrl = await postgresForTests();

interface Pair {
  /** The store as one replica has it, and as another (its own connection); one object for memory. */
  a: ButtonLineStore;
  b: ButtonLineStore;
  /** The first replica's store after a restart (a new connection); undefined for memory. */
  restart?: () => Promise<ButtonLineStore>;
  done(): Promise<void>;
}

async function sqlPair(options: DatabaseOptions, clock: Clock, cleanup: () => Promise<void>): Promise<Pair> {
  return sqlReplicaPair(options, (db) => new SqlButtonLineStore(db.db, { clock }), cleanup);
}

const factories: { name: string; skip: boolean; make(clock: Clock): Promise<Pair> }[] = [
  {
    name: 'memory',
    skip: false,
    async make(clock) {
      const store = new MemoryButtonLineStore({ clock });
      return { a: store, b: store, done: async () => {} };
    },
  },
  {
    name: 'sqlite',
    skip: false,
    async make(clock) {
      const dir = mkdtempSync(join(tmpdir(), 'briefbot-button-lines-'));
      return sqlPair({ sqlitePath: join(dir, 'briefbot.db') }, clock, async () => rmSync(dir, { recursive: true, force: true }));
    },
  },
  {
    name: 'postgres',
    skip: !pgUrl,
    async make(clock) {
      const pgSchema = uniqueSchema('bb_button_lines');
      return sqlPair({ databaseUrl: pgUrl as string, pgSchema, sqlitePath: '' }, clock, () => dropSchema(pgUrl as string, pgSchema));
    },
  },
];

const DAY = 24 * 60 * 60 * 1000;
const long = (n: number) => `briefing search ${'korea japan fisheries talks '.repeat(4)}${n}`;

for (const factory of factories) {
  describe.skipIf(factory.skip)(`ButtonLineStore contract: ${factory.name}`, () => {
    let clock: FakeClock;
    let pair: Pair;
    beforeEach(async () => {
      clock = new FakeClock();
      pair = await factory.make(clock);
    });
    afterEach(async () => pair.done());

    it('GIVEN lines kept in one batch THEN their keys are their content hashes, in order, and each reads back byte for byte', async () => {
      const lines = [long(1), `briefing ${'Kōno — “quoted” 한국 '.repeat(6)}`, long(2)];
      const keys = await pair.a.putMany(lines);
      expect(keys).toEqual(lines.map(buttonLineKey));
      for (const [n, key] of keys.entries()) expect(await pair.a.get(key)).toBe(lines[n]);
      expect(await pair.a.get(buttonLineKey('never kept'))).toBeUndefined();
      expect(await pair.a.putMany([])).toEqual([]);
    });

    it('GIVEN a line kept by one replica THEN the other reads it', async () => {
      const [key] = await pair.b.putMany([long(3)]);
      expect(await pair.a.get(key as string)).toBe(long(3));
    });

    it('GIVEN the same line kept twice, in one batch and by two replicas at once THEN it is kept once, without error', async () => {
      const twice = await pair.a.putMany([long(4), long(4)]);
      expect(twice[0]).toBe(twice[1]);
      const both = await Promise.all([pair.a.putMany([long(4), long(5)]), pair.b.putMany([long(5), long(4)])]);
      expect(both[0]).toEqual([...(both[1] as string[])].reverse());
      expect(await pair.b.get(twice[0] as string)).toBe(long(4));
      expect(await pair.a.get(buttonLineKey(long(5)))).toBe(long(5));
    });

    it('GIVEN lines unused for the retention THEN a later keep drops them, but not lines shown or pressed since', async () => {
      const [pressed, shown, idle] = await pair.a.putMany([long(10), long(11), long(12)]);
      clock.advance(20 * DAY);
      expect(await pair.b.get(pressed as string)).toBe(long(10));
      await pair.b.putMany([long(11)]);
      clock.advance(BUTTON_LINE_RETENTION_MS - 20 * DAY);
      await pair.a.putMany([long(13)]);
      expect(await pair.a.get(idle as string)).toBeUndefined();
      expect(await pair.a.get(pressed as string)).toBe(long(10));
      expect(await pair.a.get(shown as string)).toBe(long(11));
    });

    it('GIVEN more old lines than one batch drops THEN each keep drops at most a batch of them', async () => {
      const old = Array.from({ length: BUTTON_LINE_PRUNE_BATCH + 5 }, (_, n) => long(100 + n));
      const keys = await pair.a.putMany(old);
      clock.advance(BUTTON_LINE_RETENTION_MS + 1);
      await pair.a.putMany([long(1)]);
      // get counts as a use, so count the survivors without touching the dropped ones twice.
      const left = (await Promise.all(keys.map((k) => pair.b.get(k)))).filter((l) => l !== undefined);
      expect(left).toHaveLength(5);
      await pair.a.putMany([long(2)]);
      clock.advance(BUTTON_LINE_RETENTION_MS + 1);
      await pair.a.putMany([long(3)]);
      expect((await Promise.all(keys.map((k) => pair.b.get(k)))).filter((l) => l !== undefined)).toHaveLength(0);
    });

    it.skipIf(factory.name === 'memory')('GIVEN a restart THEN the lines are still there', async () => {
      const [key] = await pair.a.putMany([long(20)]);
      const restarted = await (pair.restart as () => Promise<ButtonLineStore>)();
      expect(await restarted.get(key as string)).toBe(long(20));
    });
  });
}
