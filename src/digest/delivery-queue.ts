import type { PlatformName } from '../core/commands/command-data.js';
import type { ReplyDocument } from '../core/render/document.js';
import type { ChatPlatform } from '../ports/chat-platform.js';
import { ChannelGoneError, type IdempotentPost, isDeliveryError, POST_TIMEOUT_MS, RateLimitedError, TransientDeliveryError } from '../ports/delivery-errors.js';
import type { Logger } from '../ports/logger.js';
import { PLATFORM_RATE_LIMITS, RateLimiter, type RateLimitPolicy, realTimer, type Timer } from './rate-limiter.js';

/** What a failure no platform explained is shown as; the error itself is in the log. */
export const UNEXPECTED = 'an unexpected error (it has been logged)';

export type DeliveryResult =
  | { ok: true; attempts: number; rateLimited: number }
  | { ok: false; attempts: number; rateLimited: number; error: string; channelGone: boolean };

export interface DeliveryQueueOptions {
  /** More can be attached later, once the platforms exist. */
  platforms?: readonly ChatPlatform[];
  logger: Logger;
  timer?: Timer;
  /** Per platform; defaults to PLATFORM_RATE_LIMITS. */
  policies?: Partial<Record<PlatformName, RateLimitPolicy>>;
  /** How many replicas share each platform's global limit. */
  share?: () => number;
  /** Attempts for transient failures (5xx, timeouts), the first included. */
  maxAttempts?: number;
  /** First backoff; doubled at each retry, with jitter. */
  backoffMs?: number;
  /** A post that takes longer is abandoned and retried as a transient failure. */
  timeoutMs?: number;
  /** Rate-limit answers tolerated for one post before giving up. */
  maxRateLimited?: number;
}

class PostTimeout extends Error {
  override readonly name = 'PostTimeout';
}

function hasPostOnce(p: ChatPlatform): p is ChatPlatform & IdempotentPost {
  return typeof (p as Partial<IdempotentPost>).postOnce === 'function';
}

/**
 * Posts documents to channels within each platform's rate limits: waits for a permit, honours
 * Retry-After (for the platform or for one channel), retries 5xx and timeouts with exponential
 * backoff, and reports a channel that is gone instead of retrying it.
 */
export class DeliveryQueue {
  private readonly limiters = new Map<PlatformName, RateLimiter>();
  private readonly byName = new Map<PlatformName, ChatPlatform>();
  private readonly timer: Timer;

  constructor(private readonly options: DeliveryQueueOptions) {
    this.timer = options.timer ?? realTimer;
    for (const p of options.platforms ?? []) this.attach(p);
  }

  /** Delivers to this platform from now on, within its rate limits. */
  attach(platform: ChatPlatform): void {
    this.byName.set(platform.name, platform);
    const policy = this.options.policies?.[platform.name] ?? PLATFORM_RATE_LIMITS[platform.name];
    this.limiters.set(platform.name, new RateLimiter(policy, this.timer, this.options.share));
  }

  has(platform: PlatformName): boolean {
    return this.byName.has(platform);
  }

  /**
   * Posts `doc` to a channel. `idempotencyKey` identifies the digest (subscription and slot):
   * platforms that support it use it so that a retry after an unknown outcome posts once.
   */
  async deliver(platform: PlatformName, channelId: string, doc: ReplyDocument, idempotencyKey?: string): Promise<DeliveryResult> {
    const target = this.byName.get(platform);
    const limiter = this.limiters.get(platform);
    if (!target || !limiter) return { ok: false, attempts: 0, rateLimited: 0, error: `${platform} is not connected`, channelGone: false };
    const maxAttempts = this.options.maxAttempts ?? 4;
    const maxRateLimited = this.options.maxRateLimited ?? 20;
    let attempts = 0;
    let rateLimited = 0;
    for (;;) {
      const sentAt = await limiter.acquire(channelId);
      attempts++;
      try {
        await this.withTimeout(hasPostOnce(target) && idempotencyKey ? target.postOnce(channelId, doc, idempotencyKey) : target.post(channelId, doc));
        return { ok: true, attempts, rateLimited };
      } catch (error) {
        if (error instanceof RateLimitedError) {
          // A 429 is not the post's fault: it does not use up an attempt, but is bounded on its own.
          attempts--;
          rateLimited++;
          limiter.refund(sentAt);
          limiter.block(error.scope, channelId, error.retryAfterMs);
          if (rateLimited <= maxRateLimited) continue;
          return { ok: false, attempts, rateLimited, error: `still rate limited after ${rateLimited} tries`, channelGone: false };
        }
        if (error instanceof ChannelGoneError) {
          return { ok: false, attempts, rateLimited, error: error.reason, channelGone: true };
        }
        const transient = error instanceof TransientDeliveryError || error instanceof PostTimeout;
        // Shown in /digest status to the whole server: a typed error's message is written for it;
        // anything else (a bug, a database or network failure) may carry addresses or credentials.
        const message = isDeliveryError(error) || error instanceof PostTimeout ? error.message : UNEXPECTED;
        if (!transient || attempts >= maxAttempts) {
          this.options.logger.warn({ err: error, platform, channelId, attempts }, 'digest delivery failed');
          return { ok: false, attempts, rateLimited, error: message, channelGone: false };
        }
        const backoff = (this.options.backoffMs ?? 1000) * 2 ** (attempts - 1);
        await this.timer.sleep(backoff * (0.75 + Math.random() * 0.5));
      }
    }
  }

  private async withTimeout(work: Promise<void>): Promise<void> {
    const ms = this.options.timeoutMs ?? POST_TIMEOUT_MS;
    // A post abandoned for its timeout may still fail later; that late failure is not news.
    work.catch(() => {});
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PostTimeout(`no answer from the platform within ${ms} ms`)), ms);
    });
    try {
      await Promise.race([work, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
