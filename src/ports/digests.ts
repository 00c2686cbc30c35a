import type { PlatformName } from '../core/commands/command-data.js';
import type { ReplyDocument } from '../core/render/document.js';
import type { Actor, ChannelRef } from './actor.js';
import type { AuditAuthor, DigestAuditEntry } from './audit.js';

export type DigestStyle = 'compact' | 'full';

/** A channel's daily digest: when, in which zone, on which days, and what goes in it. */
export interface DigestSubscription {
  id: string;
  platform: PlatformName;
  channelId: string;
  /**
   * The server or workspace it belongs to (see `ChannelRef.scope`): only commands from there may
   * see or change it. Undefined for a subscription made before scopes were recorded (migration
   * 0008): it is still delivered, shown in no server's list, and adopted by the first digest
   * command about its channel from that channel's server.
   */
  scope?: string;
  /** Minutes after local midnight. */
  minuteOfDay: number;
  timeZone: string;
  /** Local weekdays, 0 = Sunday. */
  days: number[];
  /** Only briefings with one of these tags; all briefings when empty. */
  tags: string[];
  style: DigestStyle;
  /** Post a one-line note when nothing is new (default: post nothing). */
  noteWhenEmpty: boolean;
  /** Who set it up (the last moderator to subscribe the channel): their name, and their stable id. */
  createdBy: string;
  /** Undefined for subscriptions made before ids were recorded (migration 0006). */
  createdById?: string;
  createdAt: Date;
  /** When the schedule last changed: slots before it are not owed. */
  updatedAt: Date;
  /** Set when delivery stopped for good (the channel is gone); cleared by subscribing again. */
  pausedAt?: Date;
  pausedReason?: string;
}

/** A subscription to create or replace; `createdBy`/`createdById` are also the author of its audit entry. */
export type NewSubscription = Omit<DigestSubscription, 'id' | 'createdAt' | 'updatedAt' | 'pausedAt' | 'pausedReason' | 'createdById' | 'scope'> & {
  createdById: string;
  scope: string;
};

/** The digests one server or workspace may see and change. */
export interface DigestScope {
  platform: PlatformName;
  scope: string;
}

/** Where a slot ended: posted on time, posted late (catch-up), given up, or deliberately not posted. */
export type DeliveryOutcome = 'delivered' | 'late' | 'failed' | 'skipped';
export type DeliveryStatus = 'claimed' | DeliveryOutcome;

export interface DeliveryRecord {
  subscriptionId: string;
  /** The scheduled instant; for /digest send-now, the instant it was asked. */
  slotAt: Date;
  manual: boolean;
  status: DeliveryStatus;
  attempts: number;
  /** Briefings in the digest (0: nothing new). */
  items?: number;
  /** Briefings updated up to this instant were covered; the next digest starts here. */
  coveredUntil?: Date;
  error?: string;
  claimedAt: Date;
  finishedAt?: Date;
}

export interface ClaimRequest {
  subscriptionId: string;
  slotAt: Date;
  manual: boolean;
  owner: string;
  now: Date;
  leaseMs: number;
  /** When given, a claim whose owner's last heartbeat is older than this is taken over at once. */
  replicaTtlMs?: number;
  /** Who asked (/digest send-now): a claim this call inserts is audited under their name, in the same transaction. */
  requestedBy?: AuditAuthor;
}

export interface FinishedDelivery {
  status: DeliveryOutcome;
  attempts: number;
  items?: number;
  coveredUntil?: Date;
  error?: string;
}

/**
 * Subscriptions and the delivery ledger, shared by every replica. The ledger's unique row per
 * (subscription, slot) is what makes a digest go out once: whoever inserts it owns the slot.
 * One contract suite runs against every implementation (memory, SQLite, PostgreSQL).
 */
export interface DigestStore {
  /**
   * Creates or replaces the channel's subscription (one per channel); clears a pause. Writes a
   * `digest-subscribe` audit entry (by `createdBy`/`createdById`, saying what changed) with it.
   * A subscription of another scope is refused (`FORBIDDEN`, nothing written); one without a
   * scope (made before scopes were recorded) takes `input.scope`.
   */
  upsertSubscription(input: NewSubscription, now: Date): Promise<{ subscription: DigestSubscription; created: boolean }>;
  /**
   * Removes the channel's subscription and its ledger, with a `digest-unsubscribe` audit entry by
   * `by`; false (and nothing written) when there was none. A subscription of another scope is
   * refused (`FORBIDDEN`, nothing written); one without a scope may be removed from any.
   */
  removeSubscription(where: DigestScope, channelId: string, by: AuditAuthor, now: Date): Promise<boolean>;
  /**
   * Gives a subscription made before scopes were recorded its scope; a subscription that has one
   * keeps it. Returns the subscription as it now is (undefined when there is none).
   */
  adoptSubscription(id: string, scope: string): Promise<DigestSubscription | undefined>;
  /** The audit entries about one channel's digest, newest first. */
  changes(platform: PlatformName, channelId: string, limit: number): Promise<DigestAuditEntry[]>;
  getSubscription(platform: PlatformName, channelId: string): Promise<DigestSubscription | undefined>;
  /** Every subscription (the scheduler), or one platform's, or one scope's (what its users may see). */
  listSubscriptions(platform?: PlatformName, scope?: string): Promise<DigestSubscription[]>;
  /**
   * A value that changes when a subscription is added, changed, paused or removed, so the
   * scheduler can keep its list between scans instead of reading thousands of rows every tick.
   * The SQL stores derive it from counts and the newest timestamps: a change stamped earlier than
   * the newest one (a replica whose clock is behind) can go unseen, so the list is still re-read
   * once a minute.
   */
  subscriptionsVersion(): Promise<string>;
  pauseSubscription(id: string, reason: string, now: Date): Promise<void>;

  /**
   * The newest scheduled (not manual) slot with a ledger row, by subscription id, ignoring
   * claims whose lease expired before `now` (their owner died: the slot is still owed).
   */
  lastSlots(now: Date, replicaTtlMs?: number): Promise<Map<string, Date>>;
  /**
   * Takes a slot for `owner`: true when this call inserted the row, or took over a claim whose
   * owner died: its lease expired or, with `replicaTtlMs`, its owner has not sent a heartbeat
   * for that long. False when a live replica holds it or it is finished.
   */
  claim(input: ClaimRequest): Promise<boolean>;
  /** Records how an owned slot ended; false when the claim was no longer ours. */
  finish(subscriptionId: string, slotAt: Date, owner: string, outcome: FinishedDelivery, now: Date): Promise<boolean>;
  /** Records a slot that will not be posted (missed beyond catch-up), unless a row exists already. */
  recordSkipped(subscriptionId: string, slotAt: Date, reason: string, now: Date): Promise<void>;
  /** Deletes the owner's claims that did not finish (graceful shutdown), so another replica may take them. */
  releaseClaims(owner: string): Promise<number>;
  /** The newest ledger rows of a subscription, newest first. */
  recentDeliveries(subscriptionId: string, limit: number): Promise<DeliveryRecord[]>;
  /** Where the next digest starts: the newest `coveredUntil` (set by a posted digest, or one with nothing new). */
  lastCoveredUntil(subscriptionId: string): Promise<Date | undefined>;
  /** Says this replica is alive; returns how many replicas are (for sharing the platforms' rate limits). */
  heartbeat(owner: string, now: Date, ttlMs: number): Promise<number>;
  /** Forget a replica at shutdown. */
  leave(owner: string): Promise<void>;
}

export interface SubscribeRequest {
  channel: ChannelRef;
  minuteOfDay: number;
  timeZone: string;
  days: number[];
  tags: string[];
  style: DigestStyle;
  noteWhenEmpty: boolean;
}

export interface SubscriptionStatus {
  subscription: DigestSubscription;
  /** Undefined while paused. */
  nextRun?: Date;
  lastDelivery?: DeliveryRecord;
  lastError?: { at: Date; error: string };
  /** The newest audit entries about this channel's digest (who subscribed, changed it, sent it on request). */
  changes: DigestAuditEntry[];
}

export interface SendResult {
  status: DeliveryOutcome;
  items: number;
  error?: string;
}

/** What /digest commands use. */
export interface DigestPort {
  subscribe(request: SubscribeRequest, actor: Actor): Promise<{ subscription: DigestSubscription; created: boolean; nextRun?: Date }>;
  unsubscribe(channel: ChannelRef, actor: Actor): Promise<boolean>;
  /** The subscriptions of the caller's server or workspace (`channel.scope`), the only ones they may see. */
  list(channel: ChannelRef): Promise<DigestSubscription[]>;
  /** The digest the channel would get if it were posted now (nothing is recorded). */
  preview(channel: ChannelRef): Promise<ReplyDocument>;
  /** Posts the digest now, through the delivery queue, outside the schedule. */
  sendNow(channel: ChannelRef, actor: Actor): Promise<SendResult>;
  /** The status of each subscription of the caller's server or workspace (`channel.scope`). */
  status(channel: ChannelRef): Promise<SubscriptionStatus[]>;
}
