import type { DigestStore, FinishedDelivery } from '../ports/digests.js';
import type { DigestOutcome } from './metrics.js';

/**
 * A DigestStore that reports how each digest slot ended, for /metrics. It counts at the ledger,
 * where every outcome is written exactly once per slot whichever replica wrote it, so summing the
 * replicas' counters never counts a digest twice.
 */
export class MeteredDigestStore implements DigestStore {
  constructor(
    private readonly inner: DigestStore,
    private readonly record: (outcome: DigestOutcome) => void,
  ) {}

  upsertSubscription: DigestStore['upsertSubscription'] = (input, now) => this.inner.upsertSubscription(input, now);
  removeSubscription: DigestStore['removeSubscription'] = (where, channelId, by, now) => this.inner.removeSubscription(where, channelId, by, now);
  adoptSubscription: DigestStore['adoptSubscription'] = (id, scope) => this.inner.adoptSubscription(id, scope);
  changes: DigestStore['changes'] = (platform, channelId, limit) => this.inner.changes(platform, channelId, limit);
  getSubscription: DigestStore['getSubscription'] = (platform, channelId) => this.inner.getSubscription(platform, channelId);
  listSubscriptions: DigestStore['listSubscriptions'] = (platform, scope) => this.inner.listSubscriptions(platform, scope);
  subscriptionsVersion: DigestStore['subscriptionsVersion'] = () => this.inner.subscriptionsVersion();
  pauseSubscription: DigestStore['pauseSubscription'] = (id, reason, now) => this.inner.pauseSubscription(id, reason, now);
  lastSlots: DigestStore['lastSlots'] = (...args) => this.inner.lastSlots(...args);
  claim: DigestStore['claim'] = (input) => this.inner.claim(input);
  releaseClaims: DigestStore['releaseClaims'] = (owner) => this.inner.releaseClaims(owner);
  recentDeliveries: DigestStore['recentDeliveries'] = (id, limit) => this.inner.recentDeliveries(id, limit);
  lastCoveredUntil: DigestStore['lastCoveredUntil'] = (id) => this.inner.lastCoveredUntil(id);
  heartbeat: DigestStore['heartbeat'] = (owner, now, ttlMs) => this.inner.heartbeat(owner, now, ttlMs);
  leave: DigestStore['leave'] = (owner) => this.inner.leave(owner);

  async finish(subscriptionId: string, slotAt: Date, owner: string, outcome: FinishedDelivery, now: Date): Promise<boolean> {
    const recorded = await this.inner.finish(subscriptionId, slotAt, owner, outcome, now);
    if (recorded) this.record(outcome.status);
    return recorded;
  }

  async recordSkipped(subscriptionId: string, slotAt: Date, reason: string, now: Date): Promise<void> {
    await this.inner.recordSkipped(subscriptionId, slotAt, reason, now);
    this.record('skipped');
  }
}
