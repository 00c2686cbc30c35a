import { describe, expect, it } from 'vitest';
import { Library } from '../../src/library/library.js';
import type { BriefingSource, LibraryEntry } from '../../src/ports/library.js';
import { silentLogger } from '../../src/ports/logger.js';
import { fakeAnalysis } from '../fakes/memory-library.js';

/** A source whose version check the test releases by hand, like a folder of 10,000 files. */
class SlowSource implements BriefingSource {
  titles = ['First'];
  version_ = 1;
  gate: Promise<void> = Promise.resolve();
  release: () => void = () => {};
  hold(): void {
    this.gate = new Promise((r) => (this.release = r));
  }
  async version(): Promise<string> {
    await this.gate;
    return String(this.version_);
  }
  async entries(): Promise<LibraryEntry[]> {
    const at = new Date('2024-01-01');
    return this.titles.map((title, i) => ({ briefing: { slug: `s${i}`, title, tags: [], participants: [], body: title }, origin: 'file', revision: 0, createdAt: at, updatedAt: at }));
  }
}

describe('Library with staleWhileRevalidate', () => {
  it('GIVEN a slow version check THEN reads are answered from the last snapshot meanwhile, and see the change once it completes', async () => {
    const source = new SlowSource();
    let now = 0;
    const library = new Library({ source, analyze: () => fakeAnalysis(), cacheKey: (i) => i.text, logger: silentLogger, recheckMs: 1000, now: () => now, staleWhileRevalidate: true });
    expect((await library.get('s0'))?.briefing.title).toBe('First');
    source.titles = ['Second'];
    source.version_ = 2;
    source.hold();
    now += 1500;
    // The check is stuck, yet the read answers at once with what it had.
    expect((await library.get('s0'))?.briefing.title).toBe('First');
    source.release();
    await new Promise((r) => setTimeout(r, 10));
    expect((await library.get('s0'))?.briefing.title).toBe('Second');
  });

  it('GIVEN a change made here (invalidate) THEN the next read waits for the new snapshot', async () => {
    const source = new SlowSource();
    const library = new Library({ source, analyze: () => fakeAnalysis(), cacheKey: (i) => i.text, logger: silentLogger, recheckMs: 1000, now: () => 0, staleWhileRevalidate: true });
    await library.list();
    source.titles = ['Edited'];
    source.version_ = 2;
    library.invalidate();
    expect((await library.get('s0'))?.briefing.title).toBe('Edited');
  });
});
