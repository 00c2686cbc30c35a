import { randomUUID } from 'node:crypto';
import type { PlatformName } from '../core/commands/command-data.js';
import { describeSubscriptionChange, describeSubscriptionRemoval, SEND_NOW_CHANGE } from '../core/digest/describe-digest.js';
import { belongsTo, otherScopeError } from '../core/digest/digest-scope.js';
import type { AuditAuthor, DigestAuditEntry } from '../ports/audit.js';
import type { ClaimRequest, DeliveryRecord, DigestScope, DigestStore, DigestSubscription, FinishedDelivery, NewSubscription } from '../ports/digests.js';
import { MemoryAuditLog } from '../store/memory-audit-log.js';

interface Row extends DeliveryRecord {
  owner?: string;
  leaseUntil?: number;
}

/**
 * The digest store in one process's memory: for tests, and for running without a database
 * (digests then last until the process stops, and only one replica may run).
 */
export class MemoryDigestStore implements DigestStore {
  private readonly subs = new Map<string, DigestSubscription>();
  private readonly ledger = new Map<string, Row>();
  private readonly replicas = new Map<string, number>();
  private version = 0;

  /** `auditLog` is shared with a memory briefing store when both stand for one database. */
  constructor(readonly auditLog: MemoryAuditLog = new MemoryAuditLog()) {}

  private static key(subscriptionId: string, slotAt: Date): string {
    return `${subscriptionId}@${slotAt.toISOString()}`;
  }

  async upsertSubscription(input: NewSubscription, now: Date): Promise<{ subscription: DigestSubscription; created: boolean }> {
    const existing = await this.getSubscription(input.platform, input.channelId);
    if (existing && !belongsTo(existing, input.scope)) throw otherScopeError();
    const subscription: DigestSubscription = {
      ...input,
      days: [...input.days],
      tags: [...input.tags],
      id: existing?.id ?? randomUUID(),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    this.subs.set(subscription.id, subscription);
    this.auditLog.append({
      at: now,
      platform: input.platform,
      userId: input.createdById,
      userName: input.createdBy,
      action: 'digest-subscribe',
      channelId: input.channelId,
      change: describeSubscriptionChange(existing, subscription),
    });
    this.version++;
    return { subscription: { ...subscription }, created: !existing };
  }

  async removeSubscription(where: DigestScope, channelId: string, by: AuditAuthor, now: Date): Promise<boolean> {
    const existing = await this.getSubscription(where.platform, channelId);
    if (!existing) return false;
    if (!belongsTo(existing, where.scope)) throw otherScopeError();
    this.subs.delete(existing.id);
    this.version++;
    for (const [k, row] of this.ledger) if (row.subscriptionId === existing.id) this.ledger.delete(k);
    this.auditLog.append({ at: now, ...by, action: 'digest-unsubscribe', channelId, change: describeSubscriptionRemoval(existing) });
    return true;
  }

  async changes(platform: PlatformName, channelId: string, limit: number): Promise<DigestAuditEntry[]> {
    return this.auditLog.list({ platform, channelId, limit }).filter((e): e is DigestAuditEntry => 'channelId' in e);
  }

  async getSubscription(platform: PlatformName, channelId: string): Promise<DigestSubscription | undefined> {
    const found = [...this.subs.values()].find((s) => s.platform === platform && s.channelId === channelId);
    return found && { ...found };
  }

  async adoptSubscription(id: string, scope: string): Promise<DigestSubscription | undefined> {
    const found = this.subs.get(id);
    if (found && found.scope === undefined) found.scope = scope;
    return found && { ...found };
  }

  /** Puts a subscription as it was before scopes were recorded (tests of the adoption of old rows). */
  forgetScope(id: string): void {
    const found = this.subs.get(id);
    if (found) delete found.scope;
  }

  async listSubscriptions(platform?: PlatformName, scope?: string): Promise<DigestSubscription[]> {
    return [...this.subs.values()]
      .filter((s) => (!platform || s.platform === platform) && (scope === undefined || s.scope === scope))
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .map((s) => ({ ...s }));
  }

  async pauseSubscription(id: string, reason: string, now: Date): Promise<void> {
    const s = this.subs.get(id);
    if (s) this.subs.set(id, { ...s, pausedAt: now, pausedReason: reason });
    this.version++;
  }

  async subscriptionsVersion(): Promise<string> {
    return String(this.version);
  }

  private lapsed(row: Row, now: Date, replicaTtlMs?: number): boolean {
    if (row.status !== 'claimed') return false;
    if ((row.leaseUntil ?? 0) < now.getTime()) return true;
    if (replicaTtlMs === undefined || !row.owner) return false;
    const seen = this.replicas.get(row.owner);
    return seen === undefined || seen < now.getTime() - replicaTtlMs;
  }

  async lastSlots(now: Date, replicaTtlMs?: number): Promise<Map<string, Date>> {
    const out = new Map<string, Date>();
    for (const row of this.ledger.values()) {
      if (row.manual) continue;
      if (this.lapsed(row, now, replicaTtlMs)) continue;
      const seen = out.get(row.subscriptionId);
      if (!seen || seen < row.slotAt) out.set(row.subscriptionId, row.slotAt);
    }
    return out;
  }

  async claim(input: ClaimRequest): Promise<boolean> {
    const key = MemoryDigestStore.key(input.subscriptionId, input.slotAt);
    const row = this.ledger.get(key);
    const leaseUntil = input.now.getTime() + input.leaseMs;
    if (!row) {
      if (input.requestedBy) {
        const sub = this.subs.get(input.subscriptionId);
        if (!sub) return false;
        this.auditLog.append({ at: input.now, ...input.requestedBy, action: 'digest-send-now', channelId: sub.channelId, change: SEND_NOW_CHANGE });
      }
      this.ledger.set(key, {
        subscriptionId: input.subscriptionId,
        slotAt: input.slotAt,
        manual: input.manual,
        status: 'claimed',
        attempts: 0,
        claimedAt: input.now,
        owner: input.owner,
        leaseUntil,
      });
      return true;
    }
    if (this.lapsed(row, input.now, input.replicaTtlMs)) {
      this.ledger.set(key, { ...row, owner: input.owner, leaseUntil, claimedAt: input.now });
      return true;
    }
    return false;
  }

  async finish(subscriptionId: string, slotAt: Date, owner: string, outcome: FinishedDelivery, now: Date): Promise<boolean> {
    const key = MemoryDigestStore.key(subscriptionId, slotAt);
    const row = this.ledger.get(key);
    if (!row || row.status !== 'claimed' || row.owner !== owner) return false;
    const { owner: _o, leaseUntil: _l, ...rest } = row;
    this.ledger.set(key, { ...rest, ...outcome, finishedAt: now });
    return true;
  }

  async recordSkipped(subscriptionId: string, slotAt: Date, reason: string, now: Date): Promise<void> {
    const key = MemoryDigestStore.key(subscriptionId, slotAt);
    if (this.ledger.has(key)) return;
    this.ledger.set(key, { subscriptionId, slotAt, manual: false, status: 'skipped', attempts: 0, error: reason, claimedAt: now, finishedAt: now });
  }

  async releaseClaims(owner: string): Promise<number> {
    let n = 0;
    for (const [k, row] of this.ledger) {
      if (row.status === 'claimed' && row.owner === owner) {
        this.ledger.delete(k);
        n++;
      }
    }
    return n;
  }

  async recentDeliveries(subscriptionId: string, limit: number): Promise<DeliveryRecord[]> {
    return [...this.ledger.values()]
      .filter((r) => r.subscriptionId === subscriptionId)
      .sort((a, b) => b.slotAt.getTime() - a.slotAt.getTime())
      .slice(0, limit)
      .map(({ owner: _o, leaseUntil: _l, ...r }) => r);
  }

  async lastCoveredUntil(subscriptionId: string): Promise<Date | undefined> {
    let best: Date | undefined;
    for (const r of this.ledger.values()) {
      if (r.subscriptionId !== subscriptionId || !r.coveredUntil) continue;
      if (!best || r.coveredUntil > best) best = r.coveredUntil;
    }
    return best;
  }

  async heartbeat(owner: string, now: Date, ttlMs: number): Promise<number> {
    this.replicas.set(owner, now.getTime());
    let live = 0;
    for (const seen of this.replicas.values()) if (now.getTime() - seen <= ttlMs) live++;
    return live;
  }

  async leave(owner: string): Promise<void> {
    this.replicas.delete(owner);
  }
}
