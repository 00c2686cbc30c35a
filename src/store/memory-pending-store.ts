import type { Clock } from '../ports/clock.js';
import { systemClock } from '../ports/clock.js';
import type { PendingSubmission, PendingSubmissionStore, PendingTake } from '../ports/pending-submissions.js';
import { newPendingId, PendingLimits, type PendingStoreOptions } from './pending-limits.js';

interface Kept {
  owner: string;
  payload: string;
  expiresAt: number;
}

/**
 * Pending submissions in this process's memory: right for one process (the shell, tests, a
 * single bot without a shared database); lost on restart and invisible to other replicas.
 * Same rules as the SQL store (it passes the same contract suite).
 */
export class MemoryPendingStore implements PendingSubmissionStore {
  /** In insertion order, so the first of an owner's is their oldest. */
  private readonly items = new Map<string, Kept>();
  private readonly clock: Clock;
  private readonly limits: PendingLimits;

  constructor(options: PendingStoreOptions & { clock?: Clock } = {}) {
    this.clock = options.clock ?? systemClock;
    this.limits = new PendingLimits(options);
  }

  async put(item: PendingSubmission): Promise<string> {
    this.limits.check(item);
    await this.sweep();
    const id = newPendingId();
    this.items.set(id, { owner: item.owner, payload: item.payload, expiresAt: item.expiresAt.getTime() });
    const mine = [...this.items].filter(([, kept]) => kept.owner === item.owner);
    for (const [old] of mine.slice(0, Math.max(0, mine.length - this.limits.perOwner))) this.items.delete(old);
    return id;
  }

  async take(id: string, owner: string): Promise<PendingTake> {
    const kept = this.items.get(id);
    if (!kept || kept.expiresAt <= this.clock.now().getTime()) return { status: 'missing' };
    if (kept.owner !== owner) return { status: 'not-owner' };
    this.items.delete(id);
    return { status: 'taken', payload: kept.payload };
  }

  async sweep(): Promise<number> {
    const now = this.clock.now().getTime();
    let swept = 0;
    for (const [id, kept] of this.items) {
      if (kept.expiresAt <= now) {
        this.items.delete(id);
        swept += 1;
      }
    }
    return swept;
  }
}
