import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SqlDigestStore } from '../../src/digest/sql-digest-store.js';
import { openDatabase } from '../../src/store/database.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { SqlBriefingStore } from '../../src/store/sql-store.js';
import { databaseTargets } from './database-targets.js';

const { targets } = await databaseTargets('0006');


const before0006 = migrations.filter((m) => m.name < '0006');

for (const target of targets) {
  describe.skipIf(target.skip)(`migration 0006-digest-audit on ${target.name}`, () => {
    it('GIVEN a database with audit entries and a subscription from before 0006 THEN both read back as they were, and new entries of both kinds follow them', async () => {
      const open = await openDatabase(target.options());
      try {
        await migrateToLatest(open, before0006);
        for (const [id, slug] of [
          [7, 'old-one'],
          [9, 'old-two'],
        ] as const) {
          await sql`insert into audit_log (id, at, platform, user_id, user_name, action, slug, revision)
                    values (${id}, ${`2026-01-0${id}T00:00:00.000Z`}, 'slack', 'U1', 'sam', 'add', ${slug}, 1)`.execute(open.db);
        }
        if (open.dialect === 'postgres') await sql`select setval(pg_get_serial_sequence('audit_log', 'id'), 9)`.execute(open.db);
        await sql`insert into digest_subscriptions (id, platform, channel_id, minute_of_day, time_zone, days, tags, style, note_when_empty, created_by, created_at, updated_at)
                  values ('s1', 'slack', 'C1', 480, 'UTC', '1,2,3,4,5', '[]', 'compact', 0, 'sam', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')`.execute(open.db);

        expect(await migrateToLatest(open)).toContain('0006-digest-audit');

        const briefings = new SqlBriefingStore(open);
        const digests = new SqlDigestStore(open.db);
        expect(await briefings.audit({})).toEqual([
          { id: 9, at: new Date('2026-01-09T00:00:00.000Z'), platform: 'slack', userId: 'U1', userName: 'sam', action: 'add', slug: 'old-two', revision: 1 },
          { id: 7, at: new Date('2026-01-07T00:00:00.000Z'), platform: 'slack', userId: 'U1', userName: 'sam', action: 'add', slug: 'old-one', revision: 1 },
        ]);
        const old = await digests.getSubscription('slack', 'C1');
        expect(old).toMatchObject({ createdBy: 'sam', minuteOfDay: 480 });
        expect(old?.createdById).toBeUndefined();

        await digests.removeSubscription({ platform: 'slack', scope: 'T0FAKE' }, 'C1', { platform: 'slack', userId: 'U2', userName: 'kim' }, new Date('2026-02-01T00:00:00.000Z'));
        await briefings.commit({
          slug: 'new-one',
          origin: 'store',
          basedOn: 0,
          action: 'add',
          state: 'active',
          briefing: null,
          bodyHash: null,
          author: { platform: 'slack', userId: 'U2', userName: 'kim' },
          at: new Date('2026-02-02T00:00:00.000Z'),
          change: 'created',
        });
        const entries = await briefings.audit({});
        expect(entries.map((e) => [e.id > 9, e.action, 'slug' in e ? e.slug : e.channelId])).toEqual([
          [true, 'add', 'new-one'],
          [true, 'digest-unsubscribe', 'C1'],
          [false, 'add', 'old-two'],
          [false, 'add', 'old-one'],
        ]);
        expect(await briefings.audit({ slug: 'old-one' })).toHaveLength(1);
      } finally {
        await open.close();
      }
    });
  });
}
