import type { Analysis } from '../../src/core/analysis/types.js';
import type { Briefing } from '../../src/core/briefing/briefing.js';
import type { BriefingSource, LibraryEntry } from '../../src/ports/library.js';

/** A briefing source held in memory: tests add and change entries and see the version move. */
export class MemorySource implements BriefingSource {
  private items: LibraryEntry[] = [];
  private counter = 0;

  add(briefing: Partial<Briefing> & { slug: string }, at = new Date('2024-01-01T00:00:00Z')): LibraryEntry {
    const entry: LibraryEntry = {
      briefing: { title: briefing.slug, tags: [], participants: [], body: `Text of ${briefing.slug}.`, ...briefing },
      origin: 'file',
      revision: 0,
      createdAt: at,
      updatedAt: at,
    };
    this.items = [...this.items.filter((e) => e.briefing.slug !== briefing.slug), entry];
    this.counter++;
    return entry;
  }

  remove(slug: string): void {
    this.items = this.items.filter((e) => e.briefing.slug !== slug);
    this.counter++;
  }

  async version(): Promise<string> {
    return String(this.counter);
  }

  async entries(): Promise<LibraryEntry[]> {
    return this.items;
  }
}

/** A minimal analysis for tests that are about rendering, not about the engine. */
export function fakeAnalysis(overrides: Partial<Analysis> = {}): Analysis {
  return {
    engineVersion: 0,
    cleanedText: 'First sentence. Second sentence.',
    sentences: [
      { index: 0, text: 'First sentence.', start: 0, end: 15, paragraph: 0 },
      { index: 1, text: 'Second sentence.', start: 16, end: 32, paragraph: 0 },
    ],
    tldr: 'First sentence.',
    summary: ['First sentence.'],
    summaryIndices: [0],
    quotes: [],
    issues: [],
    entities: { people: [], places: [], organizations: [] },
    keywords: [],
    ...overrides,
  };
}
