import { randomUUID } from 'node:crypto';
import { type DigestSchedule, latestSlotAtOrBefore, nextSlotAfter, slotsBetween } from '../core/digest/slots.js';
import type { AuditAuthor } from '../ports/audit.js';
import type { Clock } from '../ports/clock.js';
import type { DeliveryOutcome, DigestStore, DigestSubscription, SendResult } from '../ports/digests.js';
import type { BriefingLibrary } from '../ports/library.js';
import type { Logger } from '../ports/logger.js';
import { type BuiltDigest, buildDigest } from './build-digest.js';
import { type DeliveryQueue, UNEXPECTED } from './delivery-queue.js';

/** What calls the scheduler once a minute: node-cron in production, the test itself in tests. */
export interface Ticker {
  start(onTick: () => void): void;
  stop(): void;
}

export interface DigestSchedulerOptions {
  store: DigestStore;
  queue: DeliveryQueue;
  library: BriefingLibrary;
  clock: Clock;
  logger: Logger;
  /** A slot missed by at most this long is delivered late; older ones are recorded as skipped. */
  catchupHours: number;
  ticker?: Ticker;
  /** This process's name in the ledger (default: a random id). */
  replicaId?: string;
  /** How long a claim is ours before another replica may take it over (it assumes we died). */
  leaseMs?: number;
  /** Digests being claimed, composed and posted at once. */
  concurrency?: number;
  /** A replica silent this long is presumed dead and its claims are taken over. */
  heartbeatTtlMs?: number;
  /**
   * A replica silent this long no longer counts in the share of the platforms' rate limits
   * (default 4 heartbeats, at least 2 s). Much shorter than heartbeatTtlMs: wrongly leaving out a
   * replica whose event loop stalled costs a few 429s, which are honoured; wrongly taking over its
   * claims would post a digest twice.
   */
  shareTtlMs?: number;
  /** How often this replica says it is alive, between ticks (0: only at ticks, for fake clocks). */
  heartbeatEveryMs?: number;
  /** A slot first seen this long after its time counts as late (the bot was down). */
  lateAfterMs?: number;
}

interface Job {
  subscription: DigestSubscription;
  slot: Date;
  late: boolean;
}

export const scheduleOf = (s: Pick<DigestSubscription, 'minuteOfDay' | 'timeZone' | 'days'>): DigestSchedule => ({
  minuteOfDay: s.minuteOfDay,
  timeZone: s.timeZone,
  days: s.days,
});

const HOUR = 3_600_000;
/**
 * Two slots of one schedule are about a day apart (at least 20 h across DST and date-line
 * changes), so a remembered next slot that came less than this long ago is the only one due.
 */
const ONLY_SLOT_WITHIN_MS = 12 * HOUR;
/** A scan gives the event loop back this often, so posts start while it is still going. */
const SCAN_SLICE_MS = 20;

/**
 * Finds the digest slots that are due, claims each in the store (one row per subscription and
 * slot, so one replica posts it), builds the digest and hands it to the delivery queue, then
 * records the outcome. Every tick re-reads the subscriptions, so changes need no restart; the
 * first tick at start-up catches up missed slots.
 */
export class DigestScheduler {
  readonly replicaId: string;
  private readonly pending: Job[] = [];
  private readonly known = new Set<string>();
  /** Subscriptions with a job queued or running here: a scan need not look at them again. */
  private readonly busy = new Set<string>();
  /**
   * Slots whose job ended here since the current scan read the ledger, by subscription: the scan
   * runs while digests are posted, and must not take a slot that ended meanwhile for one still owed.
   */
  private readonly endedSince = new Map<string, number>();
  private lastFullScan = -Infinity;
  /** A replica went silent: scan fully at this time, when its claims can be taken over. */
  private takeoverScanAt: number | undefined;
  private takeoverTimer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private workers = 0;
  private liveReplicas = 1;
  /**
   * Set once this replica has said it is alive. It starts beating when it first has a digest to
   * post or its first scan ends, not when it starts: a replica still starting up would otherwise
   * take a share of the others' rate before it posts anything.
   */
  private registering: Promise<void> | undefined;
  private stopping = false;
  private ticking: Promise<void> | undefined;
  private tickAgain = false;
  private beat: NodeJS.Timeout | undefined;
  /** The subscriptions as last read, and the store's version of them then. */
  private listed: { version: string; at: number; subscriptions: DigestSubscription[] } | undefined;
  /** Per subscription, the next slot as of the last scan, so a tick skips the ones not yet due. */
  private readonly nextDue = new Map<string, { basis: string; at: number }>();
  /**
   * Digests built since the last scan, by window and presentation: thousands of subscriptions due
   * at one instant with the same tags share a handful of distinct digests.
   */
  private built = new Map<string, Promise<BuiltDigest>>();

  constructor(private readonly options: DigestSchedulerOptions) {
    this.replicaId = options.replicaId ?? `replica-${randomUUID().slice(0, 8)}`;
  }

  /**
   * How many replicas share the platforms' rate limits, as of the last heartbeat: those that
   * beat within shareTtlMs, this one included. A replica that dies stops counting within
   * seconds, long before its claims may be taken over.
   */
  replicas(): number {
    return this.liveReplicas;
  }

  start(): void {
    this.options.ticker?.start(() => void this.tick());
    const every = this.beatEvery;
    if (every > 0) {
      this.beat = setInterval(() => void (this.registering ? this.heartbeat() : Promise.resolve()).catch((err: unknown) => this.options.logger.warn({ err }, 'digest heartbeat failed')), every);
      this.beat.unref();
    }
    void this.tick();
  }

  private get ttl(): number {
    return this.options.heartbeatTtlMs ?? 15_000;
  }

  private get beatEvery(): number {
    return this.options.heartbeatEveryMs ?? 500;
  }

  private get shareTtl(): number {
    return this.options.shareTtlMs ?? Math.max(4 * this.beatEvery, 2000);
  }

  /** Beats now if this replica has not yet, so that it counts before it posts or claims. */
  private register(): Promise<void> {
    this.registering ??= this.heartbeat().catch((error: unknown) => {
      this.registering = undefined;
      throw error;
    });
    return this.registering;
  }

  private async heartbeat(): Promise<void> {
    const now = this.options.clock.now().getTime();
    const live = await this.options.store.heartbeat(this.replicaId, new Date(now), this.shareTtl);
    if (live < this.liveReplicas) this.expectTakeover(now);
    this.liveReplicas = live;
  }

  /**
   * A replica stopped beating (or left): once it has been silent for heartbeatTtlMs its claims
   * may be taken over, so scan then, rather than at the next once-a-minute scan of a busy replica.
   */
  private expectTakeover(now: number): void {
    if (this.takeoverScanAt !== undefined) return;
    this.takeoverScanAt = now + this.ttl;
    if (this.beat) {
      this.takeoverTimer = setTimeout(() => void this.tick(), this.ttl + 500);
      this.takeoverTimer.unref();
    }
  }

  /** Runs one tick now (or once more after the current one): after a subscription changes. */
  async tick(): Promise<void> {
    if (this.stopping) return;
    if (this.ticking) {
      this.tickAgain = true;
      return this.ticking;
    }
    this.ticking = (async () => {
      try {
        do {
          this.tickAgain = false;
          await this.scan();
        } while (this.tickAgain && !this.stopping);
      } catch (error) {
        this.options.logger.error({ err: error }, 'digest tick failed; trying again next minute');
      } finally {
        this.ticking = undefined;
      }
    })();
    return this.ticking;
  }

  /** Resolves when every digest found so far has been delivered or recorded (tests, bench). */
  async idle(): Promise<void> {
    while (this.ticking || this.pending.length || this.inFlight.size) {
      await (this.ticking ?? Promise.race([...this.inFlight, new Promise((r) => setTimeout(r, 5))]));
    }
  }

  private async scan(): Promise<void> {
    const { store, clock, catchupHours, logger } = this.options;
    const now = clock.now();
    const nowMs = now.getTime();
    const takeover = this.takeoverScanAt !== undefined && nowMs >= this.takeoverScanAt;
    // While a backlog is being delivered, reading 10,000 subscriptions every 15 s only slows it
    // down; once a minute still finds new slots, and a replica that went silent is looked after
    // as soon as its claims may be taken over.
    if (this.pending.length > (this.options.concurrency ?? 32) && nowMs - this.lastFullScan < 60_000 && !takeover) {
      await this.heartbeat();
      return;
    }
    if (takeover) this.takeoverScanAt = undefined;
    this.lastFullScan = nowMs;
    this.built = new Map();
    if (this.registering) await this.heartbeat();
    const started = performance.now();
    // What a scan finds while a backlog is being delivered was claimed by a replica that died,
    // or released by one that stopped: already late, so it goes before the backlog.
    let front = this.pending.length > 0 || this.workers > 0 ? 0 : undefined;
    let found = 0;
    this.endedSince.clear();
    const [subscriptions, lastSlots] = await Promise.all([this.subscriptions(nowMs), store.lastSlots(now, this.ttl)]);
    const catchupMs = catchupHours * HOUR;
    if (this.nextDue.size > subscriptions.length) {
      const ids = new Set(subscriptions.map((s) => s.id));
      for (const id of this.nextDue.keys()) if (!ids.has(id)) this.nextDue.delete(id);
    }
    const lateAfter = this.options.lateAfterMs ?? 10 * 60_000;
    let slice = performance.now();
    for (const sub of subscriptions) {
      if (performance.now() - slice > SCAN_SLICE_MS) {
        // Let the digests found so far be claimed and posted while the scan goes on.
        await new Promise((resolve) => setImmediate(resolve));
        if (this.stopping) return;
        slice = performance.now();
      }
      if (sub.pausedAt || !this.options.queue.has(sub.platform) || this.busy.has(sub.id)) continue;
      const last = Math.max(lastSlots.get(sub.id)?.getTime() ?? -Infinity, this.endedSince.get(sub.id) ?? -Infinity);
      const basis = `${last}|${sub.updatedAt.getTime()}`;
      const cached = this.nextDue.get(sub.id);
      if (cached && cached.basis === basis && cached.at > nowMs) continue;
      // Slots before the schedule was set are not owed.
      const from = Math.max(last, sub.updatedAt.getTime());
      let due: number[];
      if (cached && cached.basis === basis && cached.at > from && nowMs - cached.at < ONLY_SLOT_WITHIN_MS) {
        // The remembered next slot has come, and no other can have since: no time-zone arithmetic
        // for thousands of subscriptions due at the same minute.
        due = [cached.at];
      } else {
        due = slotsBetween(scheduleOf(sub), from, nowMs);
      }
      const newest = due.pop();
      if (newest === undefined) {
        this.nextDue.set(sub.id, { basis, at: nextSlotAfter(scheduleOf(sub), nowMs) ?? Infinity });
        continue;
      }
      for (const old of due) await store.recordSkipped(sub.id, new Date(old), 'missed: a later digest replaced it', now);
      const age = nowMs - newest;
      if (age > catchupMs) {
        await store.recordSkipped(sub.id, new Date(newest), `missed by more than ${catchupHours} h (DIGEST_CATCHUP_HOURS)`, now);
        continue;
      }
      if (this.enqueue({ subscription: sub, slot: new Date(newest), late: age > lateAfter }, front)) {
        found++;
        if (front !== undefined) front++;
      }
    }
    await this.register();
    logger.debug({ subscriptions: subscriptions.length, found, ms: Math.round(performance.now() - started), takeover }, 'digest scan');
  }

  /**
   * The subscriptions, re-read only when the store's version of them changed (reading 10,000 rows
   * holds a replica for up to a second on a busy machine, and would at the minute thousands of
   * digests fall due), and at least once a minute, though not on the minute itself.
   */
  private async subscriptions(nowMs: number): Promise<DigestSubscription[]> {
    const { store } = this.options;
    const version = await store.subscriptionsVersion();
    const listed = this.listed;
    const reloadDue = listed !== undefined && nowMs - listed.at >= 60_000 && new Date(nowMs).getUTCSeconds() >= 5;
    if (listed && listed.version === version && !reloadDue) return listed.subscriptions;
    const subscriptions = this.inOurOrder(await store.listSubscriptions());
    this.listed = { version, at: nowMs, subscriptions };
    return subscriptions;
  }

  /**
   * Each replica works through due digests in its own order (shuffled by its id), so replicas
   * mostly claim different digests instead of racing for the same one, and find the ones the
   * others took already finished, which costs a read instead of a write.
   */
  private inOurOrder(subscriptions: DigestSubscription[]): DigestSubscription[] {
    const rank = new Map(subscriptions.map((s) => [s.id, hash32(`${this.replicaId}|${s.id}`)]));
    return [...subscriptions].sort((a, b) => (rank.get(a.id) as number) - (rank.get(b.id) as number));
  }

  /** Queues a digest (at index `at`, or last); false when it is queued or running already. */
  private enqueue(job: Job, at?: number): boolean {
    const key = `${job.subscription.id}@${job.slot.toISOString()}`;
    if (this.known.has(key)) return false;
    this.known.add(key);
    this.busy.add(job.subscription.id);
    if (at === undefined) this.pending.push(job);
    else this.pending.splice(Math.min(at, this.pending.length), 0, job);
    this.pump();
    return true;
  }

  private pump(): void {
    const max = this.options.concurrency ?? 32;
    while (!this.stopping && this.workers < max && this.pending.length) {
      const job = this.pending.shift() as Job;
      this.workers++;
      const run = this.run(job)
        .catch((error: unknown) => this.options.logger.error({ err: error, subscription: job.subscription.id }, 'digest job failed'))
        .finally(() => {
          this.workers--;
          this.inFlight.delete(run);
          this.known.delete(`${job.subscription.id}@${job.slot.toISOString()}`);
          this.busy.delete(job.subscription.id);
          if (this.ticking) this.endedSince.set(job.subscription.id, Math.max(job.slot.getTime(), this.endedSince.get(job.subscription.id) ?? -Infinity));
          this.pump();
        });
      this.inFlight.add(run);
    }
  }

  private async run(job: Job): Promise<void> {
    const { store, clock } = this.options;
    const { subscription: sub, slot } = job;
    await this.register();
    const owned = await store.claim({
      subscriptionId: sub.id,
      slotAt: slot,
      manual: false,
      owner: this.replicaId,
      now: clock.now(),
      leaseMs: this.options.leaseMs ?? 120_000,
      replicaTtlMs: this.ttl,
    });
    if (!owned) return;
    await this.deliverOwned(sub, slot, false, job.late ? 'late' : 'delivered');
  }

  /** Builds and posts a digest for a slot this replica owns, and records how it ended. */
  private async deliverOwned(sub: DigestSubscription, slot: Date, manual: boolean, success: 'delivered' | 'late'): Promise<SendResult> {
    const { store, clock, library, queue, logger } = this.options;
    const since = (await store.lastCoveredUntil(sub.id)) ?? previousSlot(sub, slot);
    // A scheduled digest covers up to its slot, whenever it is posted; what changes later goes
    // into the next one. A manual one covers up to now.
    const until = manual ? clock.now() : slot;
    let built: BuiltDigest;
    try {
      const key = [since.getTime(), until.getTime(), sub.tags.join(','), sub.style, sub.noteWhenEmpty, sub.timeZone].join('|');
      let pending = manual ? undefined : this.built.get(key);
      if (!pending) {
        pending = buildDigest(library, sub, { since, until, at: until });
        if (!manual) this.built.set(key, pending);
      }
      built = await pending;
    } catch (error) {
      // The error itself is logged where it is caught; /digest status shows the whole server only this.
      await store.finish(sub.id, slot, this.replicaId, { status: 'failed', attempts: 0, error: `could not build the digest: ${UNEXPECTED}` }, clock.now());
      throw error;
    }
    if (!built.doc) {
      await store.finish(sub.id, slot, this.replicaId, { status: 'skipped', attempts: 0, items: 0, coveredUntil: until, error: 'nothing new' }, clock.now());
      return { status: 'skipped', items: 0 };
    }
    const result = await queue.deliver(sub.platform, sub.channelId, built.doc, `${sub.id}@${slot.toISOString()}`);
    const status: DeliveryOutcome = result.ok ? success : 'failed';
    const recorded = await store.finish(
      sub.id,
      slot,
      this.replicaId,
      {
        status,
        attempts: result.attempts,
        items: built.items,
        ...(result.ok && { coveredUntil: until }),
        ...(!result.ok && { error: result.error }),
      },
      clock.now(),
    );
    if (!recorded) logger.warn({ subscription: sub.id, slot }, 'digest posted after our claim lapsed; another replica may post it too');
    if (!result.ok && result.channelGone) {
      await store.pauseSubscription(sub.id, `channel gone: ${result.error}`, clock.now());
      logger.warn({ subscription: sub.id, platform: sub.platform, channel: sub.channelId, reason: result.error }, 'digest paused: the channel is gone');
    }
    return result.ok ? { status, items: built.items } : { status, items: built.items, error: result.error };
  }

  /** /digest send-now: claims "now" as a manual slot and delivers it outside the schedule. */
  /** Posts a digest now, outside the schedule; `requestedBy` is audited with the claim. */
  async sendNow(sub: DigestSubscription, requestedBy?: AuditAuthor): Promise<SendResult> {
    const now = this.options.clock.now();
    const owned = await this.options.store.claim({
      subscriptionId: sub.id,
      slotAt: now,
      manual: true,
      owner: this.replicaId,
      now,
      leaseMs: this.options.leaseMs ?? 120_000,
      ...(requestedBy && { requestedBy }),
    });
    if (!owned) return { status: 'skipped', items: 0, error: 'a digest for this channel is being sent right now' };
    return this.deliverOwned(sub, now, true, 'delivered');
  }

  /**
   * Stops finding new work, lets the digests being posted finish (up to `graceMs`), then releases
   * the claims that did not finish so another replica (or the next start) delivers them.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    this.options.ticker?.stop();
    clearInterval(this.beat);
    clearTimeout(this.takeoverTimer);
    this.pending.length = 0;
    const settled = Promise.allSettled([...this.inFlight, this.ticking ?? Promise.resolve()]);
    await Promise.race([settled, new Promise((r) => setTimeout(r, graceMs).unref())]);
    const released = await this.options.store.releaseClaims(this.replicaId).catch((err: unknown) => {
      this.options.logger.warn({ err }, 'could not release digest claims; they lapse with their lease');
      return 0;
    });
    await this.options.store.leave(this.replicaId).catch(() => {});
    if (released) this.options.logger.info({ released }, 'released undelivered digest claims');
  }
}

/** FNV-1a: a cheap, stable 32-bit hash of a string. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** previousSlot's answers by schedule and slot: thousands of first digests share a few schedules. */
const previousSlots = new Map<string, number>();

/** Where the first digest of a subscription starts: the schedule's slot before this one. */
export function previousSlot(sub: DigestSubscription, slot: Date): Date {
  const key = `${sub.timeZone}|${sub.minuteOfDay}|${sub.days.join(',')}|${slot.getTime()}`;
  let prev = previousSlots.get(key);
  if (prev === undefined) {
    prev = latestSlotAtOrBefore(scheduleOf(sub), slot.getTime() - 1) ?? slot.getTime() - 24 * HOUR;
    if (previousSlots.size >= 10_000) previousSlots.clear();
    previousSlots.set(key, prev);
  }
  return new Date(prev);
}
