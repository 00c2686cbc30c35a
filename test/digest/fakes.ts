import type { Analysis } from '../../src/core/analysis/types.js';
import type { PlatformName } from '../../src/core/commands/command-data.js';
import type { ReplyDocument } from '../../src/core/render/document.js';
import type { ChatPlatform } from '../../src/ports/chat-platform.js';
import type { Clock } from '../../src/ports/clock.js';
import { BriefingFinder } from '../../src/core/briefing/briefing-finder.js';
import type { BriefingLibrary, LibraryEntry, Resolution } from '../../src/ports/library.js';

export { FakeClock } from '../fakes/fake-clock.js';

/** A platform that records what it was asked to post, or fails as told. */
export class RecordingPlatform implements ChatPlatform {
  readonly posts: { channelId: string; doc: ReplyDocument; at: number }[] = [];
  fail: ((channelId: string) => Error | undefined) | undefined;
  /** When set, post() waits for this before answering. */
  gate: Promise<void> | undefined;
  constructor(
    readonly name: PlatformName = 'shell',
    private readonly clock?: Clock,
  ) {}
  async start(): Promise<void> {}
  async stop(): Promise<void> {}
  isReady(): boolean {
    return true;
  }
  async post(channelId: string, doc: ReplyDocument): Promise<void> {
    if (this.gate) await this.gate;
    const error = this.fail?.(channelId);
    if (error) throw error;
    this.posts.push({ channelId, doc, at: this.clock?.now().getTime() ?? Date.now() });
  }
}

export function entry(slug: string, updatedAt: string, tags: string[] = []): LibraryEntry {
  return {
    briefing: { slug, title: `Title of ${slug}`, tags, participants: [], body: `Body of ${slug}.` },
    origin: 'file',
    revision: 0,
    createdAt: new Date(updatedAt),
    updatedAt: new Date(updatedAt),
  };
}

/** A library over a fixed list, whose analyses carry a TL;DR and one key quote per briefing. */
export class FakeLibrary implements BriefingLibrary {
  constructor(public entries: LibraryEntry[] = []) {}
  async list(): Promise<LibraryEntry[]> {
    return this.entries;
  }
  async get(slug: string): Promise<LibraryEntry | undefined> {
    return this.entries.find((e) => e.briefing.slug === slug);
  }
  async search(): Promise<never[]> {
    return [];
  }
  async suggest(typed: string, limit: number): Promise<LibraryEntry[]> {
    return new BriefingFinder(this.entries, (e) => e.briefing).rank(typed, limit);
  }
  async resolve(topic: string): Promise<Resolution> {
    const found = new BriefingFinder(this.entries, (e) => e.briefing).resolve(topic);
    return found.kind === 'found' ? { kind: 'found', entry: this.entries.find((e) => e.briefing.slug === found.slug) as LibraryEntry } : found;
  }
  async analysisOf(e: LibraryEntry): Promise<Analysis | null> {
    return {
      engineVersion: 1,
      cleanedText: e.briefing.body,
      sentences: [],
      tldr: `TL;DR of ${e.briefing.slug}`,
      summary: [],
      summaryIndices: [],
      quotes: [{ text: `Quote from ${e.briefing.slug}`, speaker: 'A Minister', confidence: 1, cue: 'said-after', key: true, sentence: 0 }],
      issues: [],
      entities: { people: [], places: [], organizations: [] },
      keywords: [],
    };
  }
}
