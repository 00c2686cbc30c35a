/** How fast a platform lets a bot post. */
export interface RateLimitPolicy {
  /** Posts per second across the whole bot (Discord's global limit: 50). */
  perSecond?: number;
  /** Least time between two posts to one channel (Slack: about one message a second). */
  perChannelIntervalMs?: number;
}

/** Discord: 50 requests a second per bot; Slack chat.postMessage: about one a second per channel. */
export const PLATFORM_RATE_LIMITS = {
  discord: { perSecond: 50 },
  slack: { perChannelIntervalMs: 1000, perSecond: 20 },
  shell: {},
} as const satisfies Record<string, RateLimitPolicy>;

/** Time as the limiter sees it; tests pass a virtual one. */
export interface Timer {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realTimer: Timer = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** Arrival jitter between here and the platform: a window is counted as slightly longer than it is. */
const WINDOW_MARGIN_MS = 25;

/**
 * A sliding-window limiter for one platform: never more than `perSecond / share()` posts in any
 * second from this replica (so replicas together stay under the bot's global limit), spaced
 * evenly rather than in bursts (a burst reaches the platform spread out by the network and spills
 * into its next window), at most one post per channel per interval, and nothing while the
 * platform said to wait (Retry-After).
 */
export class RateLimiter {
  private readonly sent: number[] = [];
  private readonly channelNext = new Map<string, number>();
  private blockedUntil = 0;
  private lastSent = -Infinity;
  private readonly channelBlockedUntil = new Map<string, number>();

  constructor(
    private readonly policy: RateLimitPolicy,
    private readonly timer: Timer,
    /** How many replicas share the limit (1 when alone). */
    private readonly share: () => number = () => 1,
  ) {}

  /** Waits until a post to `channelId` is allowed, and counts it. */
  async acquire(channelId: string): Promise<void> {
    for (;;) {
      const wait = this.waitFor(channelId, this.timer.now());
      if (wait <= 0) {
        this.take(channelId, this.timer.now());
        return;
      }
      await this.timer.sleep(wait);
    }
  }

  /** The platform asked to wait: everyone (global) or only this channel. */
  block(scope: 'global' | 'channel', channelId: string, ms: number): void {
    const until = this.timer.now() + ms;
    if (scope === 'global') this.blockedUntil = Math.max(this.blockedUntil, until);
    else this.channelBlockedUntil.set(channelId, Math.max(this.channelBlockedUntil.get(channelId) ?? 0, until));
  }

  private limit(): number | undefined {
    if (!this.policy.perSecond) return undefined;
    return Math.max(1, Math.floor(this.policy.perSecond / Math.max(1, this.share())));
  }

  private waitFor(channelId: string, now: number): number {
    let wait = Math.max(this.blockedUntil - now, (this.channelBlockedUntil.get(channelId) ?? 0) - now);
    if (this.policy.perChannelIntervalMs) wait = Math.max(wait, (this.channelNext.get(channelId) ?? 0) - now);
    const limit = this.limit();
    if (limit !== undefined) {
      while (this.sent.length && (this.sent[0] as number) <= now - 1000 - WINDOW_MARGIN_MS) this.sent.shift();
      wait = Math.max(wait, this.lastSent + 1000 / limit - now);
      if (this.sent.length >= limit) {
        const oldest = this.sent[this.sent.length - limit] as number;
        wait = Math.max(wait, oldest + 1000 + WINDOW_MARGIN_MS - now + 1);
      }
    }
    return wait;
  }

  private take(channelId: string, now: number): void {
    if (this.policy.perSecond) {
      this.sent.push(now);
      this.lastSent = now;
    }
    if (this.policy.perChannelIntervalMs) {
      this.channelNext.set(channelId, now + this.policy.perChannelIntervalMs);
      // Forget channels whose interval has passed, so the map stays as small as the busy set.
      if (this.channelNext.size > 10_000) for (const [c, t] of this.channelNext) if (t <= now) this.channelNext.delete(c);
    }
  }
}
