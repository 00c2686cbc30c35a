/**
 * A per-key sliding-window limiter: at most `limit` events in any `windowMs`. Pure: the caller
 * passes the time. Keys that fall idle are forgotten so memory stays bounded.
 */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>();
  private lastSweep = 0;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an event for `key` at `now` if allowed; returns whether it was. A limit of 0 allows all. */
  tryTake(key: string, now: number): boolean {
    if (this.limit <= 0) return true;
    this.sweep(now);
    const since = now - this.windowMs;
    const list = (this.events.get(key) ?? []).filter((t) => t > since);
    if (list.length >= this.limit) {
      this.events.set(key, list);
      return false;
    }
    list.push(now);
    this.events.set(key, list);
    return true;
  }

  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, list] of this.events) if ((list[list.length - 1] ?? 0) <= now - this.windowMs) this.events.delete(key);
  }
}
