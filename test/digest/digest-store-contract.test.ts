import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryDigestStore } from '../../src/digest/memory-digest-store.js';
import { SqlDigestStore } from '../../src/digest/sql-digest-store.js';
import type { AuditEntry, AuditFilter } from '../../src/ports/audit.js';
import type { DigestStore, NewSubscription } from '../../src/ports/digests.js';
import { openDatabase, type OpenDatabase } from '../../src/store/database.js';
import { SqlBriefingStore } from '../../src/store/sql-store.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { migrations } from '../../src/store/migrations/index.js';
import { digestsMigration } from '../../src/store/migrations/0003-digests.js';
import { postgresForTests, uniqueSchema } from '../support/postgres.js';

const withDigests = migrations.some((m) => m.name === digestsMigration.name) ? migrations : [...migrations, digestsMigration];

const sub = (channelId: string, over: Partial<NewSubscription> = {}): NewSubscription => ({
  platform: 'shell',
  channelId,
  minuteOfDay: 480,
  timeZone: 'Europe/London',
  days: [1, 2, 3, 4, 5],
  tags: ['asia'],
  style: 'compact',
  noteWhenEmpty: false,
  createdBy: 'mod',
  createdById: 'U-MOD',
  scope: 'shell',
  ...over,
});

const t0 = new Date('2026-03-09T08:00:00.000Z');
const later = (ms: number) => new Date(t0.getTime() + ms);

const kim = { platform: 'shell', userId: 'U-KIM', userName: 'Kim' };

interface MadeDigestStore {
  store: DigestStore;
  other?: DigestStore;
  /** The whole audit log of the same database, as `briefbot audit` reads it. */
  audit: (filter: AuditFilter) => Promise<AuditEntry[]>;
  /** Makes the database refuse audit entries by this user id (a trigger), to show a change and its entry commit together. */
  refuseAuditBy?: (userId: string) => Promise<void>;
  /** Puts a subscription as it was before migration 0008 recorded scopes. */
  forgetScope: (id: string) => Promise<void>;
  done?: () => Promise<void>;
}

/** "action by user: change", for comparing digest audit entries. */
const described = (entries: readonly AuditEntry[]) => entries.map((e) => `${e.action} by ${e.platform}:${e.userId} (${e.userName}) on ${'channelId' in e ? e.channelId : e.slug}: ${'change' in e ? e.change : e.revision}`);

function contract(name: string, make: () => Promise<MadeDigestStore>) {
  describe(`DigestStore contract: ${name}`, () => {
    let store: DigestStore;
    let other: DigestStore;
    let made: MadeDigestStore;
    let done: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      made = await make();
      store = made.store;
      other = made.other ?? made.store;
      done = made.done;
    });
    afterAll(async () => done?.());

    it('GIVEN a channel subscribed twice THEN there is one subscription, updated, with the same id', async () => {
      const first = await store.upsertSubscription(sub('c-upsert'), t0);
      const second = await store.upsertSubscription(sub('c-upsert', { minuteOfDay: 600, tags: [] }), later(1000));
      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.subscription.id).toBe(first.subscription.id);
      expect(second.subscription.minuteOfDay).toBe(600);
      expect(second.subscription.tags).toEqual([]);
      expect(second.subscription.createdAt.toISOString()).toBe(t0.toISOString());
      expect(second.subscription.updatedAt.toISOString()).toBe(later(1000).toISOString());
      expect((await store.listSubscriptions('shell')).filter((s) => s.channelId === 'c-upsert')).toHaveLength(1);
    });

    it('GIVEN two replicas racing for the same slot THEN exactly one wins the claim', async () => {
      const { subscription } = await store.upsertSubscription(sub('c-race'), t0);
      const attempts = await Promise.all(
        Array.from({ length: 8 }, (_, i) =>
          (i % 2 ? other : store).claim({ subscriptionId: subscription.id, slotAt: t0, manual: false, owner: `r${i}`, now: t0, leaseMs: 60_000 }),
        ),
      );
      expect(attempts.filter(Boolean)).toHaveLength(1);
    });

    it('GIVEN a finished slot THEN nobody can claim it again, even after the lease would have expired', async () => {
      const { subscription } = await store.upsertSubscription(sub('c-finished'), t0);
      expect(await store.claim({ subscriptionId: subscription.id, slotAt: t0, manual: false, owner: 'a', now: t0, leaseMs: 1000 })).toBe(true);
      expect(await store.finish(subscription.id, t0, 'a', { status: 'delivered', attempts: 1, items: 2, coveredUntil: t0 }, later(10))).toBe(true);
      expect(await other.claim({ subscriptionId: subscription.id, slotAt: t0, manual: false, owner: 'b', now: later(3_600_000), leaseMs: 1000 })).toBe(false);
      const [last] = await store.recentDeliveries(subscription.id, 1);
      expect(last?.status).toBe('delivered');
      expect(last?.items).toBe(2);
      expect((await store.lastCoveredUntil(subscription.id))?.toISOString()).toBe(t0.toISOString());
    });

    it('GIVEN a claim whose owner died THEN another replica takes it over only after the lease, and the dead owner can no longer finish it', async () => {
      const { subscription } = await store.upsertSubscription(sub('c-lease'), t0);
      expect(await store.claim({ subscriptionId: subscription.id, slotAt: t0, manual: false, owner: 'dead', now: t0, leaseMs: 30_000 })).toBe(true);
      expect(await other.claim({ subscriptionId: subscription.id, slotAt: t0, manual: false, owner: 'b', now: later(10_000), leaseMs: 30_000 })).toBe(false);
      expect(await other.claim({ subscriptionId: subscription.id, slotAt: t0, manual: false, owner: 'b', now: later(31_000), leaseMs: 30_000 })).toBe(true);
      expect(await store.finish(subscription.id, t0, 'dead', { status: 'delivered', attempts: 1 }, later(32_000))).toBe(false);
      expect(await other.finish(subscription.id, t0, 'b', { status: 'late', attempts: 1 }, later(32_000))).toBe(true);
    });

    it('GIVEN a claim whose owner stopped sending heartbeats THEN a live replica takes it over before the lease ends, but not while the owner beats', async () => {
      const { subscription } = await store.upsertSubscription(sub('c-heartbeat'), t0);
      await store.heartbeat('beating', t0, 15_000);
      await other.heartbeat('taker', t0, 15_000);
      expect(await store.claim({ subscriptionId: subscription.id, slotAt: t0, manual: false, owner: 'beating', now: t0, leaseMs: 600_000, replicaTtlMs: 15_000 })).toBe(true);
      await store.heartbeat('beating', later(10_000), 15_000);
      expect(await other.claim({ subscriptionId: subscription.id, slotAt: t0, manual: false, owner: 'taker', now: later(20_000), leaseMs: 600_000, replicaTtlMs: 15_000 })).toBe(false);
      expect((await other.lastSlots(later(20_000), 15_000)).get(subscription.id)?.toISOString()).toBe(t0.toISOString());
      // 'beating' was last seen at +10 s: by +30 s it is presumed dead.
      expect((await other.lastSlots(later(30_000), 15_000)).has(subscription.id)).toBe(false);
      expect(await other.claim({ subscriptionId: subscription.id, slotAt: t0, manual: false, owner: 'taker', now: later(30_000), leaseMs: 600_000, replicaTtlMs: 15_000 })).toBe(true);
    });

    it('GIVEN a graceful shutdown THEN the undelivered claims are released and can be claimed at once', async () => {
      const { subscription } = await store.upsertSubscription(sub('c-release'), t0);
      await store.claim({ subscriptionId: subscription.id, slotAt: t0, manual: false, owner: 'leaving', now: t0, leaseMs: 600_000 });
      expect(await store.releaseClaims('leaving')).toBe(1);
      expect(await other.claim({ subscriptionId: subscription.id, slotAt: t0, manual: false, owner: 'b', now: later(1), leaseMs: 600_000 })).toBe(true);
    });

    it('GIVEN skipped and manual rows THEN lastSlots ignores manual sends and a skip never overwrites a claim', async () => {
      const { subscription } = await store.upsertSubscription(sub('c-last'), t0);
      await store.recordSkipped(subscription.id, t0, 'missed', t0);
      await store.claim({ subscriptionId: subscription.id, slotAt: later(86_400_000), manual: false, owner: 'a', now: t0, leaseMs: 1 });
      await store.recordSkipped(subscription.id, later(86_400_000), 'missed', t0);
      await store.claim({ subscriptionId: subscription.id, slotAt: later(2 * 86_400_000), manual: true, owner: 'a', now: t0, leaseMs: 1 });
      expect((await store.lastSlots(t0)).get(subscription.id)?.toISOString()).toBe(later(86_400_000).toISOString());
      // Once the claim's lease has passed, its slot is owed again.
      expect((await store.lastSlots(later(10))).get(subscription.id)?.toISOString()).toBe(t0.toISOString());
      const rows = await store.recentDeliveries(subscription.id, 10);
      expect(rows.map((r) => r.status)).toEqual(['claimed', 'claimed', 'skipped']);
    });

    it('GIVEN a paused subscription THEN subscribing again clears the pause, and unsubscribing removes it and its ledger', async () => {
      const { subscription } = await store.upsertSubscription(sub('c-pause'), t0);
      await store.pauseSubscription(subscription.id, 'Unknown Channel', later(1));
      expect((await store.getSubscription('shell', 'c-pause'))?.pausedReason).toBe('Unknown Channel');
      await store.upsertSubscription(sub('c-pause'), later(2));
      expect((await store.getSubscription('shell', 'c-pause'))?.pausedAt).toBeUndefined();
      await store.recordSkipped(subscription.id, t0, 'x', t0);
      expect(await store.removeSubscription({ platform: 'shell', scope: 'shell' }, 'c-pause', kim, later(3))).toBe(true);
      expect(await store.removeSubscription({ platform: 'shell', scope: 'shell' }, 'c-pause', kim, later(4))).toBe(false);
      expect(await store.recentDeliveries(subscription.id, 5)).toEqual([]);
    });

    it('GIVEN a subscribe, a change and an unsubscribe THEN each is one audit entry naming the user, the channel and what changed', async () => {
      const { subscription } = await store.upsertSubscription(sub('c-audit', { createdBy: 'Sam', createdById: 'U-SAM' }), t0);
      expect(subscription).toMatchObject({ createdBy: 'Sam', createdById: 'U-SAM' });
      await other.upsertSubscription(sub('c-audit', { createdBy: 'Kim', createdById: 'U-KIM', minuteOfDay: 600, timeZone: 'Asia/Seoul', tags: [], style: 'full' }), later(1000));
      expect(await store.getSubscription('shell', 'c-audit')).toMatchObject({ createdBy: 'Kim', createdById: 'U-KIM' });
      await store.upsertSubscription(sub('c-audit', { createdBy: 'Kim', createdById: 'U-KIM', minuteOfDay: 600, timeZone: 'Asia/Seoul', tags: [], style: 'full' }), later(1500));
      expect(await store.removeSubscription({ platform: 'shell', scope: 'shell' }, 'c-audit', kim, later(2000))).toBe(true);
      expect(await other.removeSubscription({ platform: 'shell', scope: 'shell' }, 'c-audit', kim, later(3000))).toBe(false);
      const expected = [
        'digest-unsubscribe by shell:U-KIM (Kim) on c-audit: stopped: 10:00 Asia/Seoul · weekdays · full',
        'digest-subscribe by shell:U-KIM (Kim) on c-audit: unchanged: 10:00 Asia/Seoul · weekdays · full',
        'digest-subscribe by shell:U-KIM (Kim) on c-audit: time 08:00 → 10:00; zone Europe/London → Asia/Seoul; tags #asia → none; style compact → full',
        'digest-subscribe by shell:U-SAM (Sam) on c-audit: new: 08:00 Europe/London · weekdays · #asia · compact',
      ];
      expect(described(await store.changes('shell', 'c-audit', 10))).toEqual(expected);
      expect(described(await made.audit({ channelId: 'c-audit' }))).toEqual(expected);
      expect((await made.audit({ channelId: 'c-audit' })).map((e) => e.at.toISOString())).toEqual([2000, 1500, 1000, 0].map((ms) => later(ms).toISOString()));
      expect(await store.changes('slack', 'c-audit', 10)).toEqual([]);
      expect(await store.changes('shell', 'c-audit', 1)).toHaveLength(1);
      expect(await made.audit({ slug: 'c-audit' })).toEqual([]);
    });

    it('GIVEN a paused subscription subscribed again THEN its audit entry says it resumed', async () => {
      const { subscription } = await store.upsertSubscription(sub('c-resume'), t0);
      await store.pauseSubscription(subscription.id, 'Unknown Channel', later(1));
      await store.upsertSubscription(sub('c-resume'), later(2));
      const [latest] = await store.changes('shell', 'c-resume', 1);
      expect(latest?.change).toBe('resumed (was paused: Unknown Channel)');
    });

    it('GIVEN a send-now claim with who asked THEN the claim and its audit entry are written together, once; scheduled claims write none', async () => {
      const { subscription } = await store.upsertSubscription(sub('c-send'), t0);
      const asked = { subscriptionId: subscription.id, slotAt: later(60_000), manual: true, owner: 'a', now: later(60_000), leaseMs: 60_000, requestedBy: kim };
      // One after the other: two SQLite connections in one thread cannot wait for each other's transaction.
      expect(await store.claim(asked)).toBe(true);
      expect(await other.claim({ ...asked, owner: 'b' })).toBe(false);
      expect(await store.claim({ subscriptionId: subscription.id, slotAt: later(120_000), manual: false, owner: 'a', now: later(120_000), leaseMs: 60_000 })).toBe(true);
      expect(described(await store.changes('shell', 'c-send', 10))).toEqual([
        'digest-send-now by shell:U-KIM (Kim) on c-send: asked to post the digest now, outside the schedule',
        'digest-subscribe by shell:U-MOD (mod) on c-send: new: 08:00 Europe/London · weekdays · #asia · compact',
      ]);
      expect((await store.recentDeliveries(subscription.id, 5)).map((d) => d.manual)).toEqual([false, true]);
    });

    it('GIVEN the audit entry cannot be written THEN the subscription change, the removal and the send-now claim are not written either', async (ctx) => {
      if (!made.refuseAuditBy) return ctx.skip();
      const { subscription } = await store.upsertSubscription(sub('c-atomic'), t0);
      await made.refuseAuditBy('U-REFUSED');
      const refused = { platform: 'shell', userId: 'U-REFUSED', userName: 'Refused' };
      await expect(store.upsertSubscription(sub('c-atomic', { minuteOfDay: 900, createdById: 'U-REFUSED' }), later(1))).rejects.toThrow(/audit refused/);
      await expect(store.upsertSubscription(sub('c-atomic-new', { createdById: 'U-REFUSED' }), later(1))).rejects.toThrow(/audit refused/);
      await expect(store.removeSubscription({ platform: 'shell', scope: 'shell' }, 'c-atomic', refused, later(2))).rejects.toThrow(/audit refused/);
      await expect(store.claim({ subscriptionId: subscription.id, slotAt: later(3), manual: true, owner: 'a', now: later(3), leaseMs: 1000, requestedBy: refused })).rejects.toThrow(/audit refused/);
      expect((await store.getSubscription('shell', 'c-atomic'))?.minuteOfDay).toBe(480);
      expect(await store.getSubscription('shell', 'c-atomic-new')).toBeUndefined();
      expect(await store.recentDeliveries(subscription.id, 5)).toEqual([]);
      expect(await store.changes('shell', 'c-atomic', 10)).toHaveLength(1);
    });

    it('GIVEN subscriptions added, changed, paused and removed THEN the version changes each time, and only then', async () => {
      const v0 = await store.subscriptionsVersion();
      expect(await other.subscriptionsVersion()).toBe(v0);
      const { subscription } = await store.upsertSubscription(sub('c-version'), later(5000));
      const v1 = await other.subscriptionsVersion();
      expect(v1).not.toBe(v0);
      expect(await store.subscriptionsVersion()).toBe(v1);
      await store.upsertSubscription(sub('c-version', { minuteOfDay: 540 }), later(6000));
      const v2 = await other.subscriptionsVersion();
      expect(v2).not.toBe(v1);
      await store.pauseSubscription(subscription.id, 'Unknown Channel', later(7000));
      const v3 = await other.subscriptionsVersion();
      expect(v3).not.toBe(v2);
      await store.recordSkipped(subscription.id, t0, 'missed', later(7000));
      expect(await other.subscriptionsVersion()).toBe(v3);
      await store.removeSubscription({ platform: 'shell', scope: 'shell' }, 'c-version', kim, later(8000));
      expect(await other.subscriptionsVersion()).not.toBe(v3);
    });

    it('GIVEN two replicas beating THEN both count as live until one stops beating or leaves', async () => {
      // A day after the other tests' heartbeats, so only these two are live.
      const day = 86_400_000;
      expect(await store.heartbeat('h1', later(day), 15_000)).toBe(1);
      expect(await other.heartbeat('h2', later(day + 1000), 15_000)).toBe(2);
      expect(await store.heartbeat('h1', later(day + 20_000), 15_000)).toBe(1);
      await other.heartbeat('h2', later(day + 21_000), 15_000);
      await other.leave('h2');
      expect(await store.heartbeat('h1', later(day + 22_000), 15_000)).toBe(1);
    });

    it("GIVEN digests of two servers THEN a server's list holds only its own, and the scheduler's holds both", async () => {
      await store.upsertSubscription(sub('scope-a1', { platform: 'discord', scope: 'G-A' }), t0);
      await other.upsertSubscription(sub('scope-a2', { platform: 'discord', scope: 'G-A' }), later(1));
      await store.upsertSubscription(sub('scope-b1', { platform: 'discord', scope: 'G-B' }), later(2));
      const ids = (subs: readonly { channelId: string }[]) => subs.map((s) => s.channelId).filter((c) => c.startsWith('scope-')).sort();
      expect(ids(await other.listSubscriptions('discord', 'G-A'))).toEqual(['scope-a1', 'scope-a2']);
      expect(ids(await store.listSubscriptions('discord', 'G-B'))).toEqual(['scope-b1']);
      expect(ids(await store.listSubscriptions('slack', 'G-A'))).toEqual([]);
      expect(ids(await store.listSubscriptions())).toEqual(['scope-a1', 'scope-a2', 'scope-b1']);
      expect((await store.getSubscription('discord', 'scope-b1'))?.scope).toBe('G-B');
    });

    it("GIVEN a channel's digest of one server THEN another server can neither replace nor stop it, and nothing is audited", async () => {
      await store.upsertSubscription(sub('scope-owned', { platform: 'discord', scope: 'G-A' }), t0);
      const before = (await made.audit({ channelId: 'scope-owned' })).length;
      await expect(other.upsertSubscription(sub('scope-owned', { platform: 'discord', scope: 'G-B', minuteOfDay: 60 }), later(1))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(other.removeSubscription({ platform: 'discord', scope: 'G-B' }, 'scope-owned', kim, later(2))).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await store.getSubscription('discord', 'scope-owned')).toMatchObject({ scope: 'G-A', minuteOfDay: 480 });
      expect(await made.audit({ channelId: 'scope-owned' })).toHaveLength(before);
      expect(await store.removeSubscription({ platform: 'discord', scope: 'G-A' }, 'scope-owned', kim, later(3))).toBe(true);
    });

    it('GIVEN a digest made before scopes were recorded THEN no server lists it, the first to adopt it keeps it, and another cannot take it', async () => {
      const { subscription } = await store.upsertSubscription(sub('scope-old', { platform: 'slack', scope: 'T-ONE' }), t0);
      await made.forgetScope(subscription.id);
      expect((await store.getSubscription('slack', 'scope-old'))?.scope).toBeUndefined();
      expect((await store.listSubscriptions('slack', 'T-ONE')).map((s) => s.channelId)).not.toContain('scope-old');
      expect((await store.listSubscriptions()).map((s) => s.channelId)).toContain('scope-old');
      expect((await other.adoptSubscription(subscription.id, 'T-ONE'))?.scope).toBe('T-ONE');
      expect((await store.adoptSubscription(subscription.id, 'T-TWO'))?.scope).toBe('T-ONE');
      expect((await store.listSubscriptions('slack', 'T-ONE')).map((s) => s.channelId)).toContain('scope-old');
      expect(await store.adoptSubscription('no-such-id', 'T-ONE')).toBeUndefined();
    });

    it('GIVEN a digest made before scopes were recorded THEN subscribing it again gives it the scope, keeping its id and history', async () => {
      const { subscription } = await store.upsertSubscription(sub('scope-resub', { platform: 'slack', scope: 'T-ONE' }), t0);
      await store.recordSkipped(subscription.id, t0, 'kept', t0);
      await made.forgetScope(subscription.id);
      const again = await other.upsertSubscription(sub('scope-resub', { platform: 'slack', scope: 'T-ONE', minuteOfDay: 540 }), later(1));
      expect(again).toMatchObject({ created: false, subscription: { id: subscription.id, scope: 'T-ONE', minuteOfDay: 540 } });
      expect(await store.recentDeliveries(subscription.id, 5)).toHaveLength(1);
    });
  });
}

contract('memory', async () => {
  const store = new MemoryDigestStore();
  return { store, audit: async (filter) => store.auditLog.list(filter), forgetScope: async (id) => store.forgetScope(id) };
});

/** The whole audit log through the briefing store, as `briefbot audit` reads it (not closed: the test closes the database). */
const auditThrough = (open: OpenDatabase) => (filter: AuditFilter) => new SqlBriefingStore(open).audit(filter);

const forgetScopeIn = (open: OpenDatabase) => async (id: string) => {
  await sql`update digest_subscriptions set scope = null where id = ${id}`.execute(open.db);
};

contract('SQLite (two connections to one file)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-digest-'));
  const path = join(dir, 'digests.db');
  const a = await openDatabase({ sqlitePath: path });
  await migrateToLatest(a, withDigests);
  const b = await openDatabase({ sqlitePath: path });
  return {
    store: new SqlDigestStore(a.db),
    other: new SqlDigestStore(b.db),
    audit: auditThrough(a),
    forgetScope: forgetScopeIn(a),
    async refuseAuditBy(userId) {
      await sql
        .raw(`create trigger refuse_audit before insert on audit_log when new.user_id = '${userId}' begin select raise(abort, 'audit refused'); end`)
        .execute(a.db);
    },
    done: async () => {
      await a.close();
      await b.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const pgUrl = await postgresForTests();
if (pgUrl) {
  contract('PostgreSQL (two pools)', async () => {
    const schema = uniqueSchema('digest_contract');
    const a: OpenDatabase = await openDatabase({ databaseUrl: pgUrl, sqlitePath: '', pgSchema: schema });
    await migrateToLatest(a, withDigests);
    const b = await openDatabase({ databaseUrl: pgUrl, sqlitePath: '', pgSchema: schema });
    return {
      store: new SqlDigestStore(a.db),
      other: new SqlDigestStore(b.db),
      audit: auditThrough(a),
      forgetScope: forgetScopeIn(a),
      async refuseAuditBy(userId) {
        await sql
          .raw(
            `create function refuse_audit() returns trigger language plpgsql as $$ begin if new.user_id = '${userId}' then raise exception 'audit refused'; end if; return new; end $$;
             create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit();`,
          )
          .execute(a.db);
      },
      done: async () => {
        await b.close();
        await sql.raw(`drop schema "${schema}" cascade`).execute(a.db);
        await a.close();
      },
    };
  });
} else {
  describe.skip('DigestStore contract: PostgreSQL (TEST_DATABASE_URL unset or unreachable)', () => {
    it('is skipped', () => {});
  });
}
