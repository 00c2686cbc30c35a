import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isBriefbotError } from '../../src/core/errors.js';
import type { Clock } from '../../src/ports/clock.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { PENDING_PER_OWNER, type PendingSubmissionStore } from '../../src/ports/pending-submissions.js';
import type { DatabaseOptions } from '../../src/store/database.js';
import { MemoryPendingStore } from '../../src/store/memory-pending-store.js';
import type { PendingStoreOptions } from '../../src/store/pending-limits.js';
import { SqlPendingStore } from '../../src/store/sql-pending-store.js';
import { postgresForTests, uniqueSchema } from '../support/postgres.js';
import { dropSchema, sqlReplicaPair } from './store-factories.js';

const pgUrl = await postgresForTests();

interface Pair {
  /** The store as one replica has it... */
  a: PendingSubmissionStore;
  /** ...and as another replica (its own connection) has it; the same object for memory. */
  b: PendingSubmissionStore;
  /** The first replica's store after a restart (a new connection); undefined for memory. */
  restart?: () => Promise<PendingSubmissionStore>;
  done(): Promise<void>;
}

interface Factory {
  name: string;
  skip: boolean;
  make(clock: Clock, options?: PendingStoreOptions): Promise<Pair>;
}

async function sqlPair(options: DatabaseOptions, clock: Clock, limits: PendingStoreOptions, cleanup: () => Promise<void>): Promise<Pair> {
  return sqlReplicaPair(options, (db) => new SqlPendingStore(db.db, { ...limits, clock }), cleanup);
}

const factories: Factory[] = [
  {
    name: 'memory',
    skip: false,
    async make(clock, options = {}) {
      const store = new MemoryPendingStore({ ...options, clock });
      return { a: store, b: store, done: async () => {} };
    },
  },
  {
    name: 'sqlite',
    skip: false,
    async make(clock, options = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'briefbot-pending-'));
      return sqlPair({ sqlitePath: join(dir, 'briefbot.db') }, clock, options, async () => rmSync(dir, { recursive: true, force: true }));
    },
  },
  {
    name: 'postgres',
    skip: !pgUrl,
    async make(clock, options = {}) {
      const pgSchema = uniqueSchema('bb_pending');
      return sqlPair({ databaseUrl: pgUrl as string, pgSchema, sqlitePath: '' }, clock, options, () => dropSchema(pgUrl as string, pgSchema));
    },
  },
];

const MINUTE = 60_000;

for (const factory of factories) {
  describe.skipIf(factory.skip)(`PendingSubmissionStore contract: ${factory.name}`, () => {
    let clock: FakeClock;
    let pair: Pair;
    let store: PendingSubmissionStore;
    const inMinutes = (n: number) => new Date(clock.ms + n * MINUTE);
    beforeEach(async () => {
      clock = new FakeClock();
      pair = await factory.make(clock);
      store = pair.a;
    });
    afterEach(async () => pair.done());

    it('GIVEN a kept submission THEN its owner takes it once, and a second take finds nothing', async () => {
      const id = await store.put({ owner: 'discord:1', payload: '{"step":"preview","text":"Kōno — “quoted”"}', expiresAt: inMinutes(15) });
      expect(await store.take(id, 'discord:1')).toEqual({ status: 'taken', payload: '{"step":"preview","text":"Kōno — “quoted”"}' });
      expect(await store.take(id, 'discord:1')).toEqual({ status: 'missing' });
      expect(await store.take('never-kept-0123456789a', 'discord:1')).toEqual({ status: 'missing' });
    });

    it("GIVEN someone else's take THEN it is refused, nothing is removed, and the owner can still take it", async () => {
      const id = await store.put({ owner: 'slack:U1', payload: 'p', expiresAt: inMinutes(30) });
      expect(await store.take(id, 'slack:U2')).toEqual({ status: 'not-owner' });
      expect(await pair.b.take(id, 'discord:U1')).toEqual({ status: 'not-owner' });
      expect(await store.take(id, 'slack:U1')).toEqual({ status: 'taken', payload: 'p' });
    });

    it('GIVEN many takes of one id at once, from two replicas THEN exactly one gets it', async () => {
      const id = await store.put({ owner: 'discord:1', payload: 'once', expiresAt: inMinutes(15) });
      const results = await Promise.all(Array.from({ length: 12 }, (_, n) => (n % 2 === 0 ? pair.a : pair.b).take(id, 'discord:1')));
      expect(results.filter((r) => r.status === 'taken')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'missing')).toHaveLength(11);
    });

    it('GIVEN a submission kept by one replica THEN the other replica takes it', async () => {
      const id = await pair.b.put({ owner: 'discord:7', payload: 'across', expiresAt: inMinutes(15) });
      expect(await pair.a.take(id, 'discord:7')).toEqual({ status: 'taken', payload: 'across' });
      expect(await pair.b.take(id, 'discord:7')).toEqual({ status: 'missing' });
    });

    it('GIVEN the clock passes the expiry THEN the submission is gone for everyone, and sweep deletes only expired ones', async () => {
      const short = await store.put({ owner: 'discord:1', payload: 'short', expiresAt: inMinutes(15) });
      const long = await store.put({ owner: 'discord:1', payload: 'long', expiresAt: inMinutes(30) });
      const other = await store.put({ owner: 'slack:U1', payload: 'other', expiresAt: inMinutes(15) });
      clock.advance(15 * MINUTE - 1);
      expect(await store.take(other, 'slack:U9')).toEqual({ status: 'not-owner' });
      clock.advance(1);
      // At the expiry instant it is over: not even "someone else's".
      expect(await store.take(short, 'discord:1')).toEqual({ status: 'missing' });
      expect(await store.take(other, 'slack:U9')).toEqual({ status: 'missing' });
      expect(await store.sweep()).toBe(2);
      expect(await store.sweep()).toBe(0);
      expect(await pair.b.take(long, 'discord:1')).toEqual({ status: 'taken', payload: 'long' });
    });

    it('GIVEN many submissions THEN ids are distinct, URL-safe, 22 characters (128 random bits), and fit a Discord custom_id', async () => {
      const ids = await Promise.all(Array.from({ length: 50 }, () => store.put({ owner: 'discord:1', payload: 'x', expiresAt: inMinutes(15) })));
      expect(new Set(ids).size).toBe(50);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    });

    it('GIVEN one owner keeps more than the per-owner limit THEN their oldest are dropped, and nobody else loses any', async () => {
      const others = await store.put({ owner: 'discord:2', payload: 'someone else', expiresAt: inMinutes(15) });
      const ids: string[] = [];
      for (let n = 0; n < PENDING_PER_OWNER + 2; n += 1) ids.push(await store.put({ owner: 'discord:1', payload: `n${n}`, expiresAt: inMinutes(15) }));
      expect(await store.take(ids[0] as string, 'discord:1')).toEqual({ status: 'missing' });
      expect(await store.take(ids[1] as string, 'discord:1')).toEqual({ status: 'missing' });
      expect(await store.take(ids[2] as string, 'discord:1')).toEqual({ status: 'taken', payload: 'n2' });
      expect(await store.take(ids.at(-1) as string, 'discord:1')).toEqual({ status: 'taken', payload: `n${PENDING_PER_OWNER + 1}` });
      expect(await store.take(others, 'discord:2')).toEqual({ status: 'taken', payload: 'someone else' });
    });

    it('GIVEN a payload as large as the limit THEN it is kept byte for byte; one byte more is refused with TOO_LARGE', async () => {
      await pair.done();
      pair = await factory.make(clock, { maxPayloadBytes: 300 * 1024 });
      const big = `${'é'.repeat(100 * 1024)}${'a'.repeat(100 * 1024)}`;
      expect(Buffer.byteLength(big)).toBe(300 * 1024);
      const id = await pair.a.put({ owner: 'discord:1', payload: big, expiresAt: inMinutes(15) });
      const taken = await pair.b.take(id, 'discord:1');
      expect(taken.status === 'taken' && taken.payload === big).toBe(true);
      const refused = await pair.a.put({ owner: 'discord:1', payload: `${big}a`, expiresAt: inMinutes(15) }).catch((e: unknown) => e);
      expect(isBriefbotError(refused) && refused.code).toBe('TOO_LARGE');
    });

    it.skipIf(factory.name === 'memory')('GIVEN a restart between the preview and Confirm THEN the submission is still there', async () => {
      const id = await store.put({ owner: 'slack:U1', payload: 'survives', expiresAt: inMinutes(30) });
      const restarted = await (pair.restart as () => Promise<PendingSubmissionStore>)();
      expect(await restarted.take(id, 'slack:U1')).toEqual({ status: 'taken', payload: 'survives' });
    });
  });
}
