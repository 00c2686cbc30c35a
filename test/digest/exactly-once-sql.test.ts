import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DeliveryQueue } from '../../src/digest/delivery-queue.js';
import { DigestScheduler } from '../../src/digest/digest-scheduler.js';
import { SqlDigestStore } from '../../src/digest/sql-digest-store.js';
import { silentLogger } from '../../src/ports/logger.js';
import { openDatabase, type OpenDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { postgresForTests, uniqueSchema } from '../support/postgres.js';
import { entry, FakeClock, FakeLibrary, RecordingPlatform } from './fakes.js';

const SUBSCRIPTIONS = 40;

/** Three replicas, each with its own connection, tick at the same instant over one database. */
async function race(a: OpenDatabase, b: OpenDatabase, c: OpenDatabase) {
  const clock = new FakeClock(Date.parse('2026-06-01T07:00:30Z'));
  const platform = new RecordingPlatform('slack', clock);
  const library = new FakeLibrary([entry('news', '2026-06-01T06:00:00Z')]);
  const seedStore = new SqlDigestStore(a.db);
  for (let i = 0; i < SUBSCRIPTIONS; i++) {
    await seedStore.upsertSubscription(
      { platform: 'slack', channelId: `C${i}`, minuteOfDay: 8 * 60, timeZone: 'Europe/London', days: [0, 1, 2, 3, 4, 5, 6], tags: [], style: 'compact', noteWhenEmpty: false, createdBy: 't', createdById: 't', scope: 'T0FAKE' },
      new Date('2026-05-31T00:00:00Z'),
    );
  }
  const replicas = [a, b, c].map(
    (db, i) =>
      new DigestScheduler({
        store: new SqlDigestStore(db.db),
        queue: new DeliveryQueue({ platforms: [platform], logger: silentLogger, policies: { slack: {} } }),
        library,
        clock,
        logger: silentLogger,
        catchupHours: 6,
        replicaId: `r${i}`,
        concurrency: 8,
        heartbeatEveryMs: 0,
      }),
  );
  await Promise.all(replicas.map((r) => r.tick()));
  await Promise.all(replicas.map((r) => r.idle()));
  // A second round of ticks, as after a minute: nothing is owed any more.
  clock.advance(60_000);
  await Promise.all(replicas.map((r) => r.tick()));
  await Promise.all(replicas.map((r) => r.idle()));
  return { posts: platform.posts.map((p) => p.channelId), store: seedStore };
}

describe('Exactly one digest per slot with replicas sharing SQLite', () => {
  it('GIVEN three replicas on one SQLite file THEN each of 40 channels gets exactly one digest, and the ledger says delivered once each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-once-'));
    const path = join(dir, 'once.db');
    const dbs = await Promise.all([0, 1, 2].map(() => openDatabase({ sqlitePath: path })));
    await migrateToLatest(dbs[0] as OpenDatabase);
    try {
      const { posts, store } = await race(dbs[0] as OpenDatabase, dbs[1] as OpenDatabase, dbs[2] as OpenDatabase);
      expect(posts.length).toBe(SUBSCRIPTIONS);
      expect(new Set(posts).size).toBe(SUBSCRIPTIONS);
      for (const s of await store.listSubscriptions()) {
        const rows = await store.recentDeliveries(s.id, 5);
        // The day before was missed beyond catch-up (the replicas were not running): skipped.
        expect(rows.map((r) => r.status)).toEqual(['delivered', 'skipped']);
      }
    } finally {
      await Promise.all(dbs.map((d) => d.close()));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const pgUrl = await postgresForTests();
describe.skipIf(!pgUrl)('Exactly one digest per slot with replicas sharing PostgreSQL (skipped without TEST_DATABASE_URL)', () => {
  it('GIVEN three replicas with their own pools THEN each of 40 channels gets exactly one digest', async () => {
    const schema = uniqueSchema('digest_once');
    const dbs = await Promise.all([0, 1, 2].map(() => openDatabase({ databaseUrl: pgUrl as string, sqlitePath: '', pgSchema: schema, poolSize: 4 })));
    await migrateToLatest(dbs[0] as OpenDatabase);
    try {
      const { posts } = await race(dbs[0] as OpenDatabase, dbs[1] as OpenDatabase, dbs[2] as OpenDatabase);
      expect(posts.length).toBe(SUBSCRIPTIONS);
      expect(new Set(posts).size).toBe(SUBSCRIPTIONS);
    } finally {
      await Promise.all(dbs.slice(1).map((d) => d.close()));
      await sql.raw(`drop schema "${schema}" cascade`).execute((dbs[0] as OpenDatabase).db);
      await (dbs[0] as OpenDatabase).close();
    }
  });
});
