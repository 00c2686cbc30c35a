import type { ButtonLineStore } from '../../ports/button-lines.js';
import { type Clock, systemClock } from '../../ports/clock.js';
import { MemoryButtonLineStore } from '../../store/memory-button-lines.js';
import { type ComponentRef, lineCustomId, parseCustomId } from './custom-id.js';

/** A line this process kept or read within this long is not written or read again. */
const FRESH_MS = 24 * 60 * 60 * 1000;
const CACHE_MAX = 5000;

/**
 * Buttons whose command line is too long for a custom_id, for both Discord adapters: rendering
 * collects those lines and keeps them in the ButtonLineStore (one batched write) before the
 * message is sent, so a press on any replica finds them. A reply whose lines all fit, nearly
 * every one, never reaches the store. A small per-process cache sits in front: a line kept or
 * read within the last day is neither written nor read again (the store's 30-day retention
 * counts from the last write or read, so it cannot drop a line this cache still vouches for).
 */
export class ButtonLines {
  /** key → line and when the store last saw it; least recently used first. */
  private readonly known = new Map<string, { line: string; at: number }>();
  private readonly store: ButtonLineStore;
  private readonly clock: Clock;

  constructor(store?: ButtonLineStore, clock: Clock = systemClock) {
    this.store = store ?? new MemoryButtonLineStore({ clock });
    this.clock = clock;
  }

  /**
   * Draws a message with `customIdOf`, then keeps its long lines; resolve before sending what it
   * returns. Without long lines it costs nothing but the drawing.
   */
  async render<T>(draw: (customIdOf: (line: string) => string) => T): Promise<T> {
    let long: Map<string, string> | undefined;
    const value = draw((line) => lineCustomId(line, (long ??= new Map())));
    if (long && long.size > 0) await this.keep(long);
    return value;
  }

  /** What a component's custom_id stands for, a long line looked up ("expired" when unknown). */
  async parse(customId: string): Promise<ComponentRef> {
    const ref = parseCustomId(customId);
    if (ref.kind !== 'ref') return ref;
    const now = this.clock.now().getTime();
    const cached = this.known.get(ref.key);
    if (cached && now - cached.at < FRESH_MS) return { kind: 'line', line: `/${cached.line}` };
    const line = await this.store.get(ref.key);
    if (line === undefined) return { kind: 'expired' };
    this.remember(ref.key, line, now);
    return { kind: 'line', line: `/${line}` };
  }

  private async keep(long: Map<string, string>): Promise<void> {
    const now = this.clock.now().getTime();
    const unsaved = [...long].filter(([key]) => {
      const cached = this.known.get(key);
      return !cached || now - cached.at >= FRESH_MS;
    });
    if (unsaved.length === 0) return;
    await this.store.putMany(unsaved.map(([, line]) => line));
    for (const [key, line] of unsaved) this.remember(key, line, now);
  }

  private remember(key: string, line: string, at: number): void {
    this.known.delete(key);
    this.known.set(key, { line, at });
    if (this.known.size > CACHE_MAX) this.known.delete(this.known.keys().next().value as string);
  }
}
