import { randomUUID } from 'node:crypto';
import { type DigestSchedule, latestSlotAtOrBefore, nextSlotAfter, slotsBetween } from '../core/digest/slots.js';
import type { AuditAuthor } from '../ports/audit.js';
import type { Clock } from '../ports/clock.js';
import type { DeliveryOutcome, DigestStore, DigestSubscription, SendResult } from '../ports/digests.js';
import type { BriefingLibrary } from '../ports/library.js';
import type { Logger } from '../ports/logger.js';
import { type BuiltDigest, buildDigest } from './build-digest.js';
import type { DeliveryQueue } from './delivery-queue.js';

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
  private lastFullScan = -Infinity;
  private readonly inFlight = new Set<Promise<void>>();
  private workers = 0;
  private liveReplicas = 1;
  private stopping = false;
  private ticking: Promise<void> | undefined;
  private tickAgain = false;
  private beat: NodeJS.Timeout | undefined;
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

  /** How many replicas share the platforms' rate limits, as of the last heartbeat. */
  replicas(): number {
    return this.liveReplicas;
  }

  start(): void {
    this.options.ticker?.start(() => void this.tick());
    const every = this.options.heartbeatEveryMs ?? 5000;
    if (every > 0) {
      this.beat = setInterval(() => void this.heartbeat().catch((err: unknown) => this.options.logger.warn({ err }, 'digest heartbeat failed')), every);
      this.beat.unref();
    }
    void this.tick();
  }

  private get ttl(): number {
    return this.options.heartbeatTtlMs ?? 15_000;
  }

  private async heartbeat(): Promise<void> {
    this.liveReplicas = await this.options.store.heartbeat(this.replicaId, this.options.clock.now(), this.ttl);
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
    const { store, clock, catchupHours } = this.options;
    const now = clock.now();
    // While a backlog is being delivered, reading 10,000 subscriptions every 15 s only slows it
    // down; once a minute still finds new slots and the claims of replicas that died.
    if (this.pending.length > (this.options.concurrency ?? 32) && now.getTime() - this.lastFullScan < 60_000) {
      await this.heartbeat();
      return;
    }
    this.lastFullScan = now.getTime();
    this.built = new Map();
    await this.heartbeat();
    const [subscriptions, lastSlots] = await Promise.all([store.listSubscriptions(), store.lastSlots(now, this.ttl)]);
    const catchupMs = catchupHours * HOUR;
    if (this.nextDue.size > subscriptions.length) {
      const ids = new Set(subscriptions.map((s) => s.id));
      for (const id of this.nextDue.keys()) if (!ids.has(id)) this.nextDue.delete(id);
    }
    const lateAfter = this.options.lateAfterMs ?? 10 * 60_000;
    for (const sub of subscriptions) {
      if (sub.pausedAt || !this.options.queue.has(sub.platform) || this.busy.has(sub.id)) continue;
      const last = lastSlots.get(sub.id)?.getTime() ?? -Infinity;
      const basis = `${last}|${sub.updatedAt.getTime()}`;
      const cached = this.nextDue.get(sub.id);
      if (cached && cached.basis === basis && cached.at > now.getTime()) continue;
      // Slots before the schedule was set are not owed.
      const from = Math.max(last, sub.updatedAt.getTime());
      const due = slotsBetween(scheduleOf(sub), from, now.getTime());
      const newest = due.pop();
      if (newest === undefined) {
        this.nextDue.set(sub.id, { basis, at: nextSlotAfter(scheduleOf(sub), now.getTime()) ?? Infinity });
        continue;
      }
      for (const old of due) await store.recordSkipped(sub.id, new Date(old), 'missed: a later digest replaced it', now);
      const age = now.getTime() - newest;
      if (age > catchupMs) {
        await store.recordSkipped(sub.id, new Date(newest), `missed by more than ${catchupHours} h (DIGEST_CATCHUP_HOURS)`, now);
        continue;
      }
      this.enqueue({ subscription: sub, slot: new Date(newest), late: age > lateAfter });
    }
  }

  private enqueue(job: Job): void {
    const key = `${job.subscription.id}@${job.slot.toISOString()}`;
    if (this.known.has(key)) return;
    this.known.add(key);
    this.busy.add(job.subscription.id);
    this.pending.push(job);
    this.pump();
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
          this.pump();
        });
      this.inFlight.add(run);
    }
  }

  private async run(job: Job): Promise<void> {
    const { store, clock } = this.options;
    const { subscription: sub, slot } = job;
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
      await store.finish(sub.id, slot, this.replicaId, { status: 'failed', attempts: 0, error: `could not build the digest: ${(error as Error).message}` }, clock.now());
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

/** Where the first digest of a subscription starts: the schedule's slot before this one. */
export function previousSlot(sub: DigestSubscription, slot: Date): Date {
  const prev = latestSlotAtOrBefore(scheduleOf(sub), slot.getTime() - 1);
  return new Date(prev ?? slot.getTime() - 24 * HOUR);
}
