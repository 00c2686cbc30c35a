import { buttonLineKey } from '../core/render/button-line-key.js';
import { BUTTON_LINE_PRUNE_BATCH, BUTTON_LINE_RETENTION_MS, type ButtonLineStore } from '../ports/button-lines.js';
import { type Clock, systemClock } from '../ports/clock.js';

/**
 * Long button lines in this process's memory: right for one process (the shell, tests, an adapter
 * built without a database); lost on restart and invisible to other replicas. Same rules as the
 * SQL store (it passes the same contract suite).
 */
export class MemoryButtonLineStore implements ButtonLineStore {
  /** Least recently used first: a use moves a line to the end. */
  private readonly lines = new Map<string, { line: string; lastUsed: number }>();
  private readonly clock: Clock;
  private readonly retentionMs: number;

  constructor(options: { clock?: Clock; retentionMs?: number } = {}) {
    this.clock = options.clock ?? systemClock;
    this.retentionMs = options.retentionMs ?? BUTTON_LINE_RETENTION_MS;
  }

  async putMany(lines: readonly string[]): Promise<string[]> {
    const now = this.clock.now().getTime();
    this.prune(now);
    return lines.map((line) => {
      const key = buttonLineKey(line);
      this.touch(key, line, now);
      return key;
    });
  }

  async get(key: string): Promise<string | undefined> {
    const kept = this.lines.get(key);
    if (!kept) return undefined;
    this.touch(key, kept.line, this.clock.now().getTime());
    return kept.line;
  }

  private touch(key: string, line: string, now: number): void {
    this.lines.delete(key);
    this.lines.set(key, { line, lastUsed: now });
  }

  private prune(now: number): void {
    let dropped = 0;
    for (const [key, kept] of this.lines) {
      if (dropped >= BUTTON_LINE_PRUNE_BATCH || now - kept.lastUsed < this.retentionMs) break;
      this.lines.delete(key);
      dropped += 1;
    }
  }
}
