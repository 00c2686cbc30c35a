import { randomUUID } from 'node:crypto';
import type { Expression, ExpressionBuilder, Kysely, SqlBool } from 'kysely';
import type { PlatformName } from '../core/commands/command-data.js';
import { describeSubscriptionChange, describeSubscriptionRemoval, SEND_NOW_CHANGE } from '../core/digest/describe-digest.js';
import { belongsTo, otherScopeError } from '../core/digest/digest-scope.js';
import type { AuditAuthor, DigestAuditEntry } from '../ports/audit.js';
import type { ClaimRequest, DeliveryRecord, DeliveryStatus, DigestScope, DigestStore, DigestStyle, DigestSubscription, FinishedDelivery, NewSubscription } from '../ports/digests.js';
import { type AuditLogTables, digestAuditRow, selectAudit } from '../store/audit-log.js';

/**
 * The digest tables as kysely sees them (created by migration 0003-digests, with created_by_id
 * from 0006 and scope from 0008), and the shared audit log, where digest changes are recorded in their own transaction.
 */
export type DigestTables = AuditLogTables & {
  digest_subscriptions: {
    id: string;
    platform: string;
    channel_id: string;
    /** The guild, team or 'shell' it belongs to; null for rows made before 0008 until adopted. */
    scope: string | null;
    minute_of_day: number;
    time_zone: string;
    /** Comma-separated weekday numbers. */
    days: string;
    /** JSON array of tags. */
    tags: string;
    style: string;
    note_when_empty: number;
    created_by: string;
    created_by_id: string | null;
    created_at: string;
    updated_at: string;
    paused_at: string | null;
    paused_reason: string | null;
  };
  digest_deliveries: {
    subscription_id: string;
    slot_at: string;
    manual: number;
    status: string;
    owner: string | null;
    lease_until: string | null;
    attempts: number;
    items: number | null;
    covered_until: string | null;
    error: string | null;
    claimed_at: string;
    finished_at: string | null;
  };
  digest_replicas: { id: string; seen_at: string };
};

type SubRow = DigestTables['digest_subscriptions'];
type DeliveryRow = DigestTables['digest_deliveries'];

const iso = (d: Date) => d.toISOString();
/** Error texts are kept short: they are for /digest status, the log has the rest. */
const MAX_ERROR = 500;

function toSubscription(r: SubRow): DigestSubscription {
  return {
    id: r.id,
    platform: r.platform as PlatformName,
    channelId: r.channel_id,
    ...(r.scope !== null && { scope: r.scope }),
    minuteOfDay: Number(r.minute_of_day),
    timeZone: r.time_zone,
    days: r.days ? r.days.split(',').map(Number) : [],
    tags: JSON.parse(r.tags) as string[],
    style: r.style as DigestStyle,
    noteWhenEmpty: Number(r.note_when_empty) === 1,
    createdBy: r.created_by,
    ...(r.created_by_id !== null && { createdById: r.created_by_id }),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    ...(r.paused_at && { pausedAt: new Date(r.paused_at) }),
    ...(r.paused_reason && { pausedReason: r.paused_reason }),
  };
}

function toRecord(r: DeliveryRow): DeliveryRecord {
  return {
    subscriptionId: r.subscription_id,
    slotAt: new Date(r.slot_at),
    manual: Number(r.manual) === 1,
    status: r.status as DeliveryStatus,
    attempts: Number(r.attempts),
    ...(r.items !== null && { items: Number(r.items) }),
    ...(r.covered_until && { coveredUntil: new Date(r.covered_until) }),
    ...(r.error && { error: r.error }),
    claimedAt: new Date(r.claimed_at),
    ...(r.finished_at && { finishedAt: new Date(r.finished_at) }),
  };
}

const leaseUntil = (input: ClaimRequest) => iso(new Date(input.now.getTime() + input.leaseMs));

/** Inserts the ledger row of a claim; false when the slot has a row already. */
async function insertClaim(db: Kysely<DigestTables>, input: ClaimRequest): Promise<boolean> {
  const inserted = await db
    .insertInto('digest_deliveries')
    .values({
      subscription_id: input.subscriptionId,
      slot_at: iso(input.slotAt),
      manual: input.manual ? 1 : 0,
      status: 'claimed',
      owner: input.owner,
      lease_until: leaseUntil(input),
      attempts: 0,
      items: null,
      covered_until: null,
      error: null,
      claimed_at: iso(input.now),
      finished_at: null,
    })
    .onConflict((oc) => oc.columns(['subscription_id', 'slot_at']).doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * The digest store on the shared kysely instance: SQLite or PostgreSQL, the same SQL. A claim is
 * an INSERT that does nothing on conflict, so of two replicas racing for a slot exactly one sees
 * its row inserted; taking over a dead replica's claim is one conditional UPDATE, which both
 * databases serialise on the row.
 */
export class SqlDigestStore implements DigestStore {
  private readonly db: Kysely<DigestTables>;

  /** Takes the process's shared kysely instance, whatever tables it is typed with; ours come from migration 0003. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any table set: ours are added here
  constructor(db: Kysely<any>) {
    this.db = db.withTables<DigestTables>();
  }

  async upsertSubscription(input: NewSubscription, now: Date): Promise<{ subscription: DigestSubscription; created: boolean }> {
    const values = {
      minute_of_day: input.minuteOfDay,
      time_zone: input.timeZone,
      days: [...input.days].sort((a, b) => a - b).join(','),
      tags: JSON.stringify(input.tags),
      style: input.style,
      note_when_empty: input.noteWhenEmpty ? 1 : 0,
      created_by: input.createdBy,
      created_by_id: input.createdById,
      updated_at: iso(now),
      paused_at: null,
      paused_reason: null,
    };
    return this.db.transaction().execute(async (trx) => {
      const find = () => trx.selectFrom('digest_subscriptions').selectAll().where('platform', '=', input.platform).where('channel_id', '=', input.channelId).executeTakeFirst();
      let before = await find();
      if (before && !belongsTo(toSubscription(before), input.scope)) throw otherScopeError();
      const inserted = await trx
        .insertInto('digest_subscriptions')
        .values({ id: randomUUID(), platform: input.platform, channel_id: input.channelId, scope: input.scope, created_at: iso(now), ...values })
        .onConflict((oc) => oc.columns(['platform', 'channel_id']).doNothing())
        .executeTakeFirst();
      const created = Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1;
      if (!created) {
        // PostgreSQL: another replica may have created it since our first read; it is committed now.
        before ??= await find();
        // The scope condition holds even against a row another scope created meanwhile.
        const updated = await trx
          .updateTable('digest_subscriptions')
          .set({ ...values, scope: input.scope })
          .where('platform', '=', input.platform)
          .where('channel_id', '=', input.channelId)
          .where((eb) => eb.or([eb('scope', 'is', null), eb('scope', '=', input.scope)]))
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw otherScopeError();
      }
      const after = await find();
      if (!after) throw new Error('digest subscription vanished while being saved');
      const subscription = toSubscription(after);
      const change = describeSubscriptionChange(created || !before ? undefined : toSubscription(before), subscription);
      await trx
        .insertInto('audit_log')
        .values(digestAuditRow({ at: now, platform: input.platform, userId: input.createdById, userName: input.createdBy, action: 'digest-subscribe', channelId: input.channelId, change }))
        .execute();
      return { subscription, created };
    });
  }

  async removeSubscription(where: DigestScope, channelId: string, by: AuditAuthor, now: Date): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('digest_subscriptions').selectAll().where('platform', '=', where.platform).where('channel_id', '=', channelId).executeTakeFirst();
      if (!row) return false;
      if (!belongsTo(toSubscription(row), where.scope)) throw otherScopeError();
      await trx.deleteFrom('digest_deliveries').where('subscription_id', '=', row.id).execute();
      const deleted = await trx
        .deleteFrom('digest_subscriptions')
        .where('id', '=', row.id)
        .where((eb) => eb.or([eb('scope', 'is', null), eb('scope', '=', where.scope)]))
        .executeTakeFirst();
      // Another replica removed it at the same moment: that one is the change to audit.
      if (Number(deleted.numDeletedRows) !== 1) return false;
      await trx
        .insertInto('audit_log')
        .values(digestAuditRow({ at: now, ...by, action: 'digest-unsubscribe', channelId, change: describeSubscriptionRemoval(toSubscription(row)) }))
        .execute();
      return true;
    });
  }

  async changes(platform: PlatformName, channelId: string, limit: number): Promise<DigestAuditEntry[]> {
    const entries = await selectAudit(this.db, { platform, channelId, limit });
    return entries.filter((e): e is DigestAuditEntry => 'channelId' in e);
  }

  async getSubscription(platform: PlatformName, channelId: string): Promise<DigestSubscription | undefined> {
    const row = await this.db.selectFrom('digest_subscriptions').selectAll().where('platform', '=', platform).where('channel_id', '=', channelId).executeTakeFirst();
    return row && toSubscription(row);
  }

  async adoptSubscription(id: string, scope: string): Promise<DigestSubscription | undefined> {
    await this.db.updateTable('digest_subscriptions').set({ scope }).where('id', '=', id).where('scope', 'is', null).execute();
    const row = await this.db.selectFrom('digest_subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSubscription(row);
  }

  async listSubscriptions(platform?: PlatformName, scope?: string): Promise<DigestSubscription[]> {
    let q = this.db.selectFrom('digest_subscriptions').selectAll();
    if (platform) q = q.where('platform', '=', platform);
    if (scope !== undefined) q = q.where('scope', '=', scope);
    const rows = await q.orderBy('created_at').orderBy('id').execute();
    return rows.map(toSubscription);
  }

  async subscriptionsVersion(): Promise<string> {
    const row = await this.db
      .selectFrom('digest_subscriptions')
      .select((eb) => [eb.fn.countAll().as('n'), eb.fn.max('updated_at').as('updated'), eb.fn.count('paused_at').as('paused'), eb.fn.max('paused_at').as('lastPaused')])
      .executeTakeFirst();
    return row ? `${String(row.n)}|${String(row.updated)}|${String(row.paused)}|${String(row.lastPaused)}` : '';
  }

  async pauseSubscription(id: string, reason: string, now: Date): Promise<void> {
    await this.db.updateTable('digest_subscriptions').set({ paused_at: iso(now), paused_reason: reason.slice(0, MAX_ERROR) }).where('id', '=', id).execute();
  }

  /** A claim whose owner is presumed dead: lease over, or (with a TTL) no heartbeat lately. */
  private lapsed(eb: ExpressionBuilder<DigestTables, 'digest_deliveries'>, now: Date, replicaTtlMs?: number): Expression<SqlBool> {
    const conditions = [eb('lease_until', '<', iso(now))];
    if (replicaTtlMs !== undefined) {
      const live = eb.selectFrom('digest_replicas').select('id').where('seen_at', '>=', iso(new Date(now.getTime() - replicaTtlMs)));
      conditions.push(eb('owner', 'not in', live));
    }
    return eb.and([eb('status', '=', 'claimed'), eb.or(conditions)]);
  }

  async lastSlots(now: Date, replicaTtlMs?: number): Promise<Map<string, Date>> {
    const rows = await this.db
      .selectFrom('digest_deliveries')
      .select(['subscription_id', (eb) => eb.fn.max('slot_at').as('last')])
      .where('manual', '=', 0)
      .where((eb) => eb.not(this.lapsed(eb, now, replicaTtlMs)))
      .groupBy('subscription_id')
      .execute();
    return new Map(rows.map((r) => [r.subscription_id, new Date(String(r.last))]));
  }

  async claim(input: ClaimRequest): Promise<boolean> {
    if (input.requestedBy) return this.claimAudited(input, input.requestedBy);
    // Replicas work through the same slots: most claims another replica got first are finished by
    // the time this one comes to them. Reading first spares those a write, which on one SQLite
    // file waits for the others' writes. The INSERT and UPDATE below still decide.
    const existing = await this.db
      .selectFrom('digest_deliveries')
      .select('status')
      .where('subscription_id', '=', input.subscriptionId)
      .where('slot_at', '=', iso(input.slotAt))
      .executeTakeFirst();
    if (existing && existing.status !== 'claimed') return false;
    if (!existing && (await insertClaim(this.db, input))) return true;
    const taken = await this.db
      .updateTable('digest_deliveries')
      .set({ owner: input.owner, lease_until: leaseUntil(input), claimed_at: iso(input.now) })
      .where('subscription_id', '=', input.subscriptionId)
      .where('slot_at', '=', iso(input.slotAt))
      .where((eb) => this.lapsed(eb, input.now, input.replicaTtlMs))
      .executeTakeFirst();
    return Number(taken.numUpdatedRows) === 1;
  }

  /**
   * A claim someone asked for (send-now): the ledger row and its audit entry in one transaction.
   * Its slot is the moment of asking, so there is no dead replica's claim to take over.
   */
  private claimAudited(input: ClaimRequest, by: AuditAuthor): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const sub = await trx.selectFrom('digest_subscriptions').select(['channel_id']).where('id', '=', input.subscriptionId).executeTakeFirst();
      if (!sub || !(await insertClaim(trx, input))) return false;
      await trx
        .insertInto('audit_log')
        .values(digestAuditRow({ at: input.now, ...by, action: 'digest-send-now', channelId: sub.channel_id, change: SEND_NOW_CHANGE }))
        .execute();
      return true;
    });
  }

  async finish(subscriptionId: string, slotAt: Date, owner: string, outcome: FinishedDelivery, now: Date): Promise<boolean> {
    const r = await this.db
      .updateTable('digest_deliveries')
      .set({
        status: outcome.status,
        attempts: outcome.attempts,
        items: outcome.items ?? null,
        covered_until: outcome.coveredUntil ? iso(outcome.coveredUntil) : null,
        error: outcome.error?.slice(0, MAX_ERROR) ?? null,
        finished_at: iso(now),
        owner: null,
        lease_until: null,
      })
      .where('subscription_id', '=', subscriptionId)
      .where('slot_at', '=', iso(slotAt))
      .where('status', '=', 'claimed')
      .where('owner', '=', owner)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async recordSkipped(subscriptionId: string, slotAt: Date, reason: string, now: Date): Promise<void> {
    await this.db
      .insertInto('digest_deliveries')
      .values({
        subscription_id: subscriptionId,
        slot_at: iso(slotAt),
        manual: 0,
        status: 'skipped',
        owner: null,
        lease_until: null,
        attempts: 0,
        items: null,
        covered_until: null,
        error: reason.slice(0, MAX_ERROR),
        claimed_at: iso(now),
        finished_at: iso(now),
      })
      .onConflict((oc) => oc.columns(['subscription_id', 'slot_at']).doNothing())
      .execute();
  }

  async releaseClaims(owner: string): Promise<number> {
    const r = await this.db.deleteFrom('digest_deliveries').where('owner', '=', owner).where('status', '=', 'claimed').executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async recentDeliveries(subscriptionId: string, limit: number): Promise<DeliveryRecord[]> {
    const rows = await this.db
      .selectFrom('digest_deliveries')
      .selectAll()
      .where('subscription_id', '=', subscriptionId)
      .orderBy('slot_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }

  async lastCoveredUntil(subscriptionId: string): Promise<Date | undefined> {
    const row = await this.db
      .selectFrom('digest_deliveries')
      .select((eb) => eb.fn.max('covered_until').as('last'))
      .where('subscription_id', '=', subscriptionId)
      .where('covered_until', 'is not', null)
      .executeTakeFirst();
    return row?.last ? new Date(String(row.last)) : undefined;
  }

  async heartbeat(owner: string, now: Date, ttlMs: number): Promise<number> {
    await this.db
      .insertInto('digest_replicas')
      .values({ id: owner, seen_at: iso(now) })
      .onConflict((oc) => oc.column('id').doUpdateSet({ seen_at: iso(now) }))
      .execute();
    const since = iso(new Date(now.getTime() - ttlMs));
    // Replicas that died long ago are forgotten, so the table stays small.
    await this.db.deleteFrom('digest_replicas').where('seen_at', '<', iso(new Date(now.getTime() - 100 * ttlMs))).execute();
    const row = await this.db.selectFrom('digest_replicas').select((eb) => eb.fn.countAll().as('n')).where('seen_at', '>=', since).executeTakeFirst();
    return Math.max(1, Number(row?.n ?? 1));
  }

  async leave(owner: string): Promise<void> {
    await this.db.deleteFrom('digest_replicas').where('id', '=', owner).execute();
  }
}
