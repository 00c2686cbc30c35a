import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DeliveryQueue } from '../../src/digest/delivery-queue.js';
import { DigestScheduler } from '../../src/digest/digest-scheduler.js';
import { DigestService } from '../../src/digest/digest-service.js';
import { SqlDigestStore } from '../../src/digest/sql-digest-store.js';
import { silentLogger } from '../../src/ports/logger.js';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { FakeClock, FakeLibrary, RecordingPlatform } from '../digest/fakes.js';
import { databaseTargets } from './database-targets.js';

const { targets } = await databaseTargets('0008');


const before0008 = migrations.filter((m) => m.name < '0008');

for (const target of targets) {
  describe.skipIf(target.skip)(`migration 0008-digest-scope on ${target.name}`, () => {
    it('GIVEN subscriptions and deliveries from before 0008 THEN none is lost or stops, the shell keeps its own, and a Discord one is shown only once its own server claims it', async () => {
      const open = await openDatabase(target.options());
      try {
        await migrateToLatest(open, before0008);
        for (const [id, platform, channel] of [
          ['s-discord', 'discord', '111'],
          ['s-slack', 'slack', 'C1'],
          ['s-shell', 'shell', 'shell'],
        ] as const) {
          await sql`insert into digest_subscriptions (id, platform, channel_id, minute_of_day, time_zone, days, tags, style, note_when_empty, created_by, created_by_id, created_at, updated_at)
                    values (${id}, ${platform}, ${channel}, 480, 'UTC', '0,1,2,3,4,5,6', '[]', 'compact', 0, 'sam', 'U1', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`.execute(open.db);
        }
        await sql`insert into digest_deliveries (subscription_id, slot_at, manual, status, attempts, items, covered_until, claimed_at, finished_at)
                  values ('s-discord', '2026-01-02T08:00:00.000Z', 0, 'delivered', 1, 2, '2026-01-02T08:00:00.000Z', '2026-01-02T08:00:00.000Z', '2026-01-02T08:00:01.000Z')`.execute(open.db);

        expect(await migrateToLatest(open)).toEqual(['0008-digest-scope']);

        const store = new SqlDigestStore(open.db);
        // The scheduler reads every subscription, scoped or not: all three are still delivered.
        expect((await store.listSubscriptions()).map((s) => [s.channelId, s.scope]).sort()).toEqual([
          ['111', undefined],
          ['C1', undefined],
          ['shell', 'shell'],
        ]);
        expect(await store.recentDeliveries('s-discord', 5)).toMatchObject([{ status: 'delivered', items: 2 }]);
        expect(await store.lastCoveredUntil('s-discord')).toEqual(new Date('2026-01-02T08:00:00.000Z'));

        const clock = new FakeClock(Date.parse('2026-01-03T10:00:00Z'));
        const library = new FakeLibrary([]);
        const queue = new DeliveryQueue({ platforms: [new RecordingPlatform('discord', clock)], logger: silentLogger });
        const scheduler = new DigestScheduler({ store, queue, library, clock, logger: silentLogger, catchupHours: 6 });
        const service = new DigestService({ store, scheduler, library, clock });
        const inServer = (scope: string, id: string) => ({ platform: 'discord' as const, id, scope });

        expect(await service.list(inServer('G-OTHER', '999'))).toEqual([]);
        expect(await service.list(inServer('G-HOME', '222'))).toEqual([]);
        // A command run in the old digest's channel: Discord says which server that channel is in.
        expect((await service.status(inServer('G-HOME', '111'))).map((s) => s.subscription.channelId)).toEqual(['111']);
        expect((await service.list(inServer('G-HOME', '222'))).map((s) => [s.id, s.createdBy, s.minuteOfDay])).toEqual([['s-discord', 'sam', 480]]);
        expect(await service.list(inServer('G-OTHER', '999'))).toEqual([]);
        expect(await service.status({ platform: 'shell', id: 'shell', scope: 'shell' })).toMatchObject([{ subscription: { id: 's-shell' } }]);
      } finally {
        await open.close();
      }
    });
  });
}
