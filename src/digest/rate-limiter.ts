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
 * Within the second, sends are paced (a generic cell rate algorithm): one every 1000/limit ms,
 * with this much burst tolerance so a timer that fires late catches up instead of losing rate.
 */
const BURST_TOLERANCE_MS = 200;

interface Waiter {
  channelId: string;
  resolve: (at: number) => void;
}

/**
 * A sliding-window limiter for one platform: never more than `perSecond / share()` posts in any
 * second from this replica (so replicas together stay under the bot's global limit), spread over
 * the second rather than in one burst (a burst reaches the platform spread out by the network and
 * spills into its next window), at most one post per channel per interval, and nothing while the
 * platform said to wait (Retry-After). Waiters are served in order by one timer, so a late timer
 * (a busy process) lets the posts it held back go together instead of slowing every later one.
 */
export class RateLimiter {
  private readonly sent: number[] = [];
  private readonly channelNext = new Map<string, number>();
  private blockedUntil = 0;
  /** The pacing's theoretical time of the next send. */
  private tat = -Infinity;
  private readonly channelBlockedUntil = new Map<string, number>();
  private readonly waiters: Waiter[] = [];
  private timerArmed = false;

  constructor(
    private readonly policy: RateLimitPolicy,
    private readonly timer: Timer,
    /** How many replicas share the limit (1 when alone). */
    private readonly share: () => number = () => 1,
  ) {}

  /** Waits until a post to `channelId` is allowed, and counts it; resolves with the time it was counted at. */
  acquire(channelId: string): Promise<number> {
    return new Promise((resolve) => {
      this.waiters.push({ channelId, resolve });
      this.pump();
    });
  }

  /**
   * The platform refused the post counted at `at` (a 429): it did not count it, so neither do
   * we. Otherwise every 429 would also cost a send of this replica's share of the rate; the wait
   * the platform asked for is `block`'s business.
   */
  refund(at: number): void {
    const limit = this.limit();
    if (limit === undefined) return;
    const i = this.sent.lastIndexOf(at);
    if (i === -1) return;
    this.sent.splice(i, 1);
    this.tat -= 1000 / limit;
  }

  /** The platform asked to wait: everyone (global) or only this channel. */
  block(scope: 'global' | 'channel', channelId: string, ms: number): void {
    const until = this.timer.now() + ms;
    if (scope === 'global') this.blockedUntil = Math.max(this.blockedUntil, until);
    else this.channelBlockedUntil.set(channelId, Math.max(this.channelBlockedUntil.get(channelId) ?? 0, until));
  }

  private pump(): void {
    if (this.timerArmed) return;
    let soonest = Infinity;
    for (let i = 0; i < this.waiters.length; ) {
      const w = this.waiters[i] as Waiter;
      const now = this.timer.now();
      const wait = this.waitFor(w.channelId, now);
      if (wait <= 0) {
        this.take(w.channelId, now);
        this.waiters.splice(i, 1);
        w.resolve(now);
        continue;
      }
      soonest = Math.min(soonest, wait);
      // A global wait holds everyone behind it; only per-channel waits let later waiters pass.
      if (this.globalWait(now) > 0) break;
      i++;
    }
    if (this.waiters.length && soonest < Infinity) {
      this.timerArmed = true;
      void this.timer.sleep(Math.max(1, soonest)).then(() => {
        this.timerArmed = false;
        this.pump();
      });
    }
  }

  private limit(): number | undefined {
    if (!this.policy.perSecond) return undefined;
    return Math.max(1, Math.floor(this.policy.perSecond / Math.max(1, this.share())));
  }

  private globalWait(now: number): number {
    let wait = this.blockedUntil - now;
    const limit = this.limit();
    if (limit !== undefined) {
      while (this.sent.length && (this.sent[0] as number) <= now - 1000 - WINDOW_MARGIN_MS) this.sent.shift();
      if (this.sent.length >= limit) {
        wait = Math.max(wait, (this.sent[this.sent.length - limit] as number) + 1000 + WINDOW_MARGIN_MS - now + 1);
      }
      wait = Math.max(wait, this.tat - BURST_TOLERANCE_MS - now);
    }
    return wait;
  }

  private waitFor(channelId: string, now: number): number {
    let wait = Math.max(this.globalWait(now), (this.channelBlockedUntil.get(channelId) ?? 0) - now);
    if (this.policy.perChannelIntervalMs) wait = Math.max(wait, (this.channelNext.get(channelId) ?? 0) - now);
    return wait;
  }

  private take(channelId: string, now: number): void {
    const limit = this.limit();
    if (limit !== undefined) {
      this.sent.push(now);
      this.tat = Math.max(this.tat, now) + 1000 / limit;
    }
    if (this.policy.perChannelIntervalMs) {
      this.channelNext.set(channelId, now + this.policy.perChannelIntervalMs);
      // Forget channels whose interval has passed, so the map stays as small as the busy set.
      if (this.channelNext.size > 10_000) for (const [c, t] of this.channelNext) if (t <= now) this.channelNext.delete(c);
    }
  }
}
