import { describe, expect, it } from 'vitest';
import { documentText } from '../../src/core/render/document.js';
import { DeliveryQueue } from '../../src/digest/delivery-queue.js';
import { DigestScheduler } from '../../src/digest/digest-scheduler.js';
import { MemoryDigestStore } from '../../src/digest/memory-digest-store.js';
import { silentLogger } from '../../src/ports/logger.js';
import { ChannelGoneError } from '../../src/ports/delivery-errors.js';
import type { DigestStore, NewSubscription } from '../../src/ports/digests.js';
import { entry, FakeClock, FakeLibrary, RecordingPlatform } from './fakes.js';

const noWait = { now: () => Date.now(), sleep: async () => {} };

function setup(options: { clock: FakeClock; store?: DigestStore; library?: FakeLibrary; platform?: RecordingPlatform; catchupHours?: number; replicaId?: string }) {
  const store = options.store ?? new MemoryDigestStore();
  const platform = options.platform ?? new RecordingPlatform('shell', options.clock);
  const library = options.library ?? new FakeLibrary([entry('always-new', '2000-01-01T00:00:00Z')]);
  const queue = new DeliveryQueue({ platforms: [platform], logger: silentLogger, timer: noWait });
  const scheduler = new DigestScheduler({
    store,
    queue,
    library,
    clock: options.clock,
    logger: silentLogger,
    catchupHours: options.catchupHours ?? 6,
    ...(options.replicaId && { replicaId: options.replicaId }),
  });
  return { store, platform, library, scheduler };
}

const sub = (over: Partial<NewSubscription> = {}): NewSubscription => ({
  platform: 'shell',
  channelId: 'shell',
  minuteOfDay: 8 * 60,
  timeZone: 'Europe/London',
  days: [0, 1, 2, 3, 4, 5, 6],
  tags: [],
  style: 'full',
  noteWhenEmpty: true,
  createdBy: 'mod',
  createdById: 'U-MOD',
  scope: 'shell',
  ...over,
});

async function tick(s: DigestScheduler) {
  await s.tick();
  await s.idle();
}

describe('DigestScheduler', () => {
  it('GIVEN a digest at 08:00 London THEN it posts once at 08:00, not before, and not again at later ticks', async () => {
    const clock = new FakeClock(Date.parse('2026-06-01T06:00:00Z'));
    const { store, platform, scheduler, library } = setup({ clock });
    library.entries = [entry('fresh', '2026-06-01T05:00:00Z')];
    await store.upsertSubscription(sub(), new Date('2026-05-31T12:00:00Z'));
    clock.set('2026-06-01T06:59:00Z');
    await tick(scheduler);
    expect(platform.posts).toHaveLength(0);
    for (let m = 0; m < 5; m++) {
      clock.set(Date.parse('2026-06-01T07:00:00Z') + m * 60_000);
      await tick(scheduler);
    }
    expect(platform.posts).toHaveLength(1);
    expect(documentText(platform.posts[0]!.doc)).toContain('Title of fresh');
    expect(documentText(platform.posts[0]!.doc)).toContain('Quote from fresh');
    const [last] = await store.recentDeliveries((await store.listSubscriptions())[0]!.id, 1);
    expect(last?.status).toBe('delivered');
  });

  it('GIVEN the bot was down at the slot AND starts 3 h later with 6 h catch-up THEN the digest goes out once, marked late, and older missed slots are recorded as skipped', async () => {
    const clock = new FakeClock(Date.parse('2026-06-03T10:00:00Z'));
    const { store, platform, scheduler } = setup({ clock });
    const { subscription } = await store.upsertSubscription(sub(), new Date('2026-05-31T12:00:00Z'));
    await tick(scheduler);
    await tick(scheduler);
    expect(platform.posts).toHaveLength(1);
    const rows = await store.recentDeliveries(subscription.id, 10);
    expect(rows.map((r) => [r.slotAt.toISOString(), r.status])).toEqual([
      ['2026-06-03T07:00:00.000Z', 'late'],
      ['2026-06-02T07:00:00.000Z', 'skipped'],
      ['2026-06-01T07:00:00.000Z', 'skipped'],
    ]);
  });

  it('GIVEN the bot starts 7 h after the slot with 6 h catch-up THEN nothing is posted and the slot is recorded as skipped', async () => {
    const clock = new FakeClock(Date.parse('2026-06-03T14:00:00Z'));
    const { store, platform, scheduler } = setup({ clock });
    const { subscription } = await store.upsertSubscription(sub(), new Date('2026-06-02T12:00:00Z'));
    await tick(scheduler);
    expect(platform.posts).toHaveLength(0);
    const [row] = await store.recentDeliveries(subscription.id, 1);
    expect(row?.status).toBe('skipped');
    expect(row?.error).toMatch(/6 h/);
  });

  it('GIVEN two replicas sharing one store ticking at the same minute THEN the channel gets one digest', async () => {
    const clock = new FakeClock(Date.parse('2026-06-01T07:00:00Z'));
    const store = new MemoryDigestStore();
    const platform = new RecordingPlatform('shell', clock);
    const a = setup({ clock, store, platform, replicaId: 'a' });
    const b = setup({ clock, store, platform, replicaId: 'b' });
    await store.upsertSubscription(sub(), new Date('2026-05-31T12:00:00Z'));
    await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    await Promise.all([a.scheduler.idle(), b.scheduler.idle()]);
    expect(platform.posts).toHaveLength(1);
  });

  it('GIVEN a subscription changed to a new time without a restart THEN the next tick uses the new time', async () => {
    const clock = new FakeClock(Date.parse('2026-06-01T06:00:00Z'));
    const { store, platform, scheduler } = setup({ clock });
    await store.upsertSubscription(sub({ minuteOfDay: 9 * 60 }), new Date('2026-05-31T12:00:00Z'));
    await store.upsertSubscription(sub({ minuteOfDay: 7 * 60 + 30 }), new Date('2026-06-01T06:00:00Z'));
    clock.set('2026-06-01T06:30:00Z');
    await tick(scheduler);
    expect(platform.posts).toHaveLength(1);
  });

  it('GIVEN nothing new since the last digest THEN nothing is posted unless the subscription asked for a note', async () => {
    const clock = new FakeClock(Date.parse('2026-06-01T07:00:00Z'));
    const library = new FakeLibrary([entry('old', '2026-01-01T00:00:00Z')]);
    const quiet = setup({ clock, library });
    await quiet.store.upsertSubscription(sub({ noteWhenEmpty: false }), new Date('2026-05-31T12:00:00Z'));
    await tick(quiet.scheduler);
    expect(quiet.platform.posts).toHaveLength(0);
    const noted = setup({ clock, library });
    await noted.store.upsertSubscription(sub({ noteWhenEmpty: true }), new Date('2026-05-31T12:00:00Z'));
    await tick(noted.scheduler);
    expect(noted.platform.posts).toHaveLength(1);
    expect(documentText(noted.platform.posts[0]!.doc)).toMatch(/No new briefings/);
  });

  it('GIVEN the second digest THEN it holds only briefings changed since the first one, filtered by tag', async () => {
    const clock = new FakeClock(Date.parse('2026-06-01T07:00:00Z'));
    const library = new FakeLibrary([entry('first', '2026-06-01T06:00:00Z', ['asia'])]);
    const { store, platform, scheduler } = setup({ clock, library });
    await store.upsertSubscription(sub({ tags: ['asia'] }), new Date('2026-05-31T12:00:00Z'));
    await tick(scheduler);
    library.entries = [
      ...library.entries,
      entry('second', '2026-06-01T12:00:00Z', ['asia']),
      entry('other-tag', '2026-06-01T12:00:00Z', ['sport']),
    ];
    clock.set('2026-06-02T07:00:00Z');
    await tick(scheduler);
    expect(platform.posts).toHaveLength(2);
    const text = documentText(platform.posts[1]!.doc);
    expect(text).toContain('Title of second');
    expect(text).not.toContain('Title of first');
    expect(text).not.toContain('other-tag');
  });

  it('GIVEN a channel that no longer exists THEN the subscription is paused, the failure recorded, and no further digest is attempted', async () => {
    const clock = new FakeClock(Date.parse('2026-06-01T07:00:00Z'));
    const platform = new RecordingPlatform('shell', clock);
    platform.fail = () => new ChannelGoneError('shell', 'Unknown Channel (10003)');
    const { store, scheduler } = setup({ clock, platform });
    const { subscription } = await store.upsertSubscription(sub(), new Date('2026-05-31T12:00:00Z'));
    await tick(scheduler);
    const paused = await store.getSubscription('shell', 'shell');
    expect(paused?.pausedReason).toMatch(/Unknown Channel/);
    const [row] = await store.recentDeliveries(subscription.id, 1);
    expect(row?.status).toBe('failed');
    platform.fail = undefined;
    clock.set('2026-06-02T07:00:00Z');
    await tick(scheduler);
    expect(platform.posts).toHaveLength(0);
  });

  it('GIVEN a replica that stops beating while this one has a backlog THEN it leaves the rate-limit share within seconds, its claim is taken over only after the heartbeat TTL, and that digest goes before the backlog', async () => {
    const t0 = Date.parse('2026-06-01T07:00:00Z');
    const clock = new FakeClock(t0);
    const store = new MemoryDigestStore();
    const platform = new RecordingPlatform('shell', clock);
    let open: () => void = () => {};
    platform.gate = new Promise((r) => (open = r));
    const scheduler = new DigestScheduler({
      store,
      queue: new DeliveryQueue({ platforms: [platform], logger: silentLogger, timer: noWait }),
      library: new FakeLibrary([entry('always-new', '2000-01-01T00:00:00Z')]),
      clock,
      logger: silentLogger,
      catchupHours: 6,
      replicaId: 'a',
      concurrency: 1,
      heartbeatEveryMs: 0,
    });
    const ids: string[] = [];
    for (const channelId of ['c0', 'c1', 'c2', 'c3']) ids.push((await store.upsertSubscription(sub({ channelId }), new Date('2026-05-31T12:00:00Z'))).subscription.id);
    // Replica b beats and claims c0's slot, then dies.
    await store.heartbeat('b', new Date(t0), 15_000);
    expect(await store.claim({ subscriptionId: ids[0]!, slotAt: new Date(t0), manual: false, owner: 'b', now: new Date(t0), leaseMs: 120_000, replicaTtlMs: 15_000 })).toBe(true);
    await scheduler.tick();
    expect(scheduler.replicas()).toBe(2);
    // a posts one digest (held by the gate) with the other two waiting behind it.
    clock.advance(5000);
    await scheduler.tick();
    expect(scheduler.replicas()).toBe(1);
    clock.advance(5000);
    await scheduler.tick();
    expect(await store.claim({ subscriptionId: ids[0]!, slotAt: new Date(t0), manual: false, owner: 'x', now: clock.now(), leaseMs: 120_000, replicaTtlMs: 15_000 })).toBe(false);
    clock.advance(11_000);
    await scheduler.tick();
    open();
    platform.gate = undefined;
    await scheduler.idle();
    // The one in flight when the gate opened first, then the taken-over c0, then the backlog.
    const order = platform.posts.map((p) => p.channelId);
    expect(order[1]).toBe('c0');
    expect([...order].sort()).toEqual(['c0', 'c1', 'c2', 'c3']);
  });

  it('GIVEN a post still in flight at shutdown THEN its claim is released so another replica delivers it', async () => {
    const clock = new FakeClock(Date.parse('2026-06-01T07:00:00Z'));
    const store = new MemoryDigestStore();
    const stuck = new RecordingPlatform('shell', clock);
    let unblock: () => void = () => {};
    stuck.gate = new Promise((r) => (unblock = r));
    const a = setup({ clock, store, platform: stuck, replicaId: 'a' });
    await store.upsertSubscription(sub(), new Date('2026-05-31T12:00:00Z'));
    await a.scheduler.tick();
    await new Promise((r) => setTimeout(r, 20));
    await a.scheduler.stop(20);
    const b = setup({ clock, store, replicaId: 'b' });
    await tick(b.scheduler);
    expect(b.platform.posts).toHaveLength(1);
    unblock();
  });
});

describe('DigestScheduler across daylight-saving changes (fake clock, a tick every minute)', () => {
  async function walk(zone: string, time: string, fromIso: string, hours: number) {
    const clock = new FakeClock(Date.parse(fromIso));
    const { store, platform, scheduler } = setup({ clock });
    const [h, m] = time.split(':').map(Number) as [number, number];
    await store.upsertSubscription(sub({ timeZone: zone, minuteOfDay: h * 60 + m }), new Date(Date.parse(fromIso) - 1));
    for (let i = 0; i < hours * 60; i++) {
      await tick(scheduler);
      clock.advance(60_000);
    }
    return platform.posts.map((p) => new Date(p.at).toISOString());
  }

  it.each([
    ['America/New_York', '02:30', '2026-03-07T00:00:00Z', ['2026-03-07T07:30:00.000Z', '2026-03-08T07:00:00.000Z', '2026-03-09T06:30:00.000Z']],
    ['America/New_York', '01:30', '2026-10-31T00:00:00Z', ['2026-10-31T05:30:00.000Z', '2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']],
    ['Europe/London', '01:30', '2026-03-28T00:00:00Z', ['2026-03-28T01:30:00.000Z', '2026-03-29T01:00:00.000Z', '2026-03-30T00:30:00.000Z']],
    ['Europe/London', '01:30', '2026-10-24T00:00:00Z', ['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z']],
    ['Australia/Sydney', '02:30', '2026-10-02T14:00:00Z', ['2026-10-02T16:30:00.000Z', '2026-10-03T16:00:00.000Z', '2026-10-04T15:30:00.000Z']],
    ['Australia/Sydney', '02:30', '2026-04-03T14:00:00Z', ['2026-04-03T15:30:00.000Z', '2026-04-04T15:30:00.000Z', '2026-04-05T16:30:00.000Z']],
    ['Asia/Seoul', '08:00', '2026-03-07T00:00:00Z', ['2026-03-07T23:00:00.000Z', '2026-03-08T23:00:00.000Z', '2026-03-09T23:00:00.000Z']],
  ])('GIVEN %s at %s over three days from %s THEN one digest a day at the expected instants', async (zone, time, from, expected) => {
    expect(await walk(zone, time, from, 72)).toEqual(expected);
  });
});
