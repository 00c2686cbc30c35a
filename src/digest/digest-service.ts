import { otherScopeError, unclaimedError } from '../core/digest/digest-scope.js';
import { nextSlotAfter } from '../core/digest/slots.js';
import { BriefbotError } from '../core/errors.js';
import type { ReplyDocument } from '../core/render/document.js';
import type { Clock } from '../ports/clock.js';
import type { AuditAuthor } from '../ports/audit.js';
import type { Actor, ChannelRef } from '../ports/command.js';
import type { DigestPort, DigestStore, DigestSubscription, SendResult, SubscribeRequest, SubscriptionStatus } from '../ports/digests.js';
import type { BriefingLibrary } from '../ports/library.js';
import { buildDigest } from './build-digest.js';
import { type DigestScheduler, previousSlot, scheduleOf } from './digest-scheduler.js';

/** How many audit entries /digest status shows per subscription. */
const RECENT_CHANGES = 3;

const authorOf = (actor: Actor): AuditAuthor => ({ platform: actor.platform, userId: actor.userId, userName: actor.userName || actor.userId });

export interface DigestServiceDeps {
  store: DigestStore;
  scheduler: DigestScheduler;
  library: BriefingLibrary;
  clock: Clock;
}

/** What the /digest commands call: subscriptions in the store, deliveries through the scheduler. */
export class DigestService implements DigestPort {
  constructor(private readonly deps: DigestServiceDeps) {}

  async subscribe(request: SubscribeRequest, actor: Actor): Promise<{ subscription: DigestSubscription; created: boolean; nextRun?: Date }> {
    await this.mine(request.channel);
    const now = this.deps.clock.now();
    const { subscription, created } = await this.deps.store.upsertSubscription(
      {
        platform: request.channel.platform,
        channelId: request.channel.id,
        scope: request.channel.scope,
        minuteOfDay: request.minuteOfDay,
        timeZone: request.timeZone,
        days: request.days,
        tags: request.tags,
        style: request.style,
        noteWhenEmpty: request.noteWhenEmpty,
        createdBy: actor.userName || actor.userId,
        createdById: actor.userId,
      },
      now,
    );
    const next = nextSlotAfter(scheduleOf(subscription), now.getTime());
    return { subscription, created, ...(next !== undefined && { nextRun: new Date(next) }) };
  }

  async unsubscribe(channel: ChannelRef, actor: Actor): Promise<boolean> {
    await this.mine(channel);
    return this.deps.store.removeSubscription(channel, channel.id, authorOf(actor), this.deps.clock.now());
  }

  async list(channel: ChannelRef): Promise<DigestSubscription[]> {
    await this.adoptHere(channel);
    return this.deps.store.listSubscriptions(channel.platform, channel.scope);
  }

  /**
   * The channel's subscription, if the caller's server or workspace may see it (undefined when
   * there is none). One made before scopes were recorded is adopted by a command run in its own
   * channel, which the platform vouches for; named from another channel, it is refused until then
   * (on Slack nothing checks that a named channel is of the caller's workspace).
   */
  private async mine(channel: ChannelRef): Promise<DigestSubscription | undefined> {
    const sub = await this.deps.store.getSubscription(channel.platform, channel.id);
    if (!sub || sub.scope === channel.scope) return sub;
    if (sub.scope !== undefined) throw otherScopeError();
    if (channel.named) throw unclaimedError();
    const adopted = await this.deps.store.adoptSubscription(sub.id, channel.scope);
    if (adopted && adopted.scope !== channel.scope) throw otherScopeError();
    return adopted;
  }

  private async require(channel: ChannelRef): Promise<DigestSubscription> {
    const sub = await this.mine(channel);
    if (!sub) throw new BriefbotError('NOT_FOUND', `${channelLabel(channel)} has no digest. A moderator can start one with /digest subscribe at 08:00.`);
    return sub;
  }

  /**
   * A list or status run in a channel whose digest predates scopes shows it from now on: the
   * command came from that channel, so its server is the one it belongs to.
   */
  private async adoptHere(channel: ChannelRef): Promise<void> {
    const sub = await this.deps.store.getSubscription(channel.platform, channel.id);
    if (sub && sub.scope === undefined && !channel.named) await this.deps.store.adoptSubscription(sub.id, channel.scope);
  }

  async preview(channel: ChannelRef): Promise<ReplyDocument> {
    const sub = await this.require(channel);
    const now = this.deps.clock.now();
    const since = (await this.deps.store.lastCoveredUntil(sub.id)) ?? previousSlot(sub, now);
    const built = await buildDigest(this.deps.library, sub, { since, until: now, at: now, preview: true });
    if (!built.doc) throw new Error('a preview always has a document');
    return built.doc;
  }

  async sendNow(channel: ChannelRef, actor: Actor): Promise<SendResult> {
    return this.deps.scheduler.sendNow(await this.require(channel), authorOf(actor));
  }

  async status(channel: ChannelRef): Promise<SubscriptionStatus[]> {
    await this.adoptHere(channel);
    const now = this.deps.clock.now().getTime();
    const out: SubscriptionStatus[] = [];
    for (const subscription of await this.deps.store.listSubscriptions(channel.platform, channel.scope)) {
      const recent = await this.deps.store.recentDeliveries(subscription.id, 20);
      const lastDelivery = recent.find((r) => r.status !== 'claimed');
      const failed = recent.find((r) => r.status === 'failed' && r.error);
      const next = subscription.pausedAt ? undefined : nextSlotAfter(scheduleOf(subscription), now);
      const changes = await this.deps.store.changes(subscription.platform, subscription.channelId, RECENT_CHANGES);
      out.push({
        subscription,
        changes,
        ...(next !== undefined && { nextRun: new Date(next) }),
        ...(lastDelivery && { lastDelivery }),
        ...(failed && { lastError: { at: failed.finishedAt ?? failed.claimedAt, error: failed.error as string } }),
      });
    }
    return out;
  }
}

export function channelLabel(channel: ChannelRef): string {
  if (channel.platform === 'shell') return 'The shell';
  return channel.name ? `#${channel.name}` : `Channel ${channel.id}`;
}
