import { BriefingFinder } from '../core/briefing/briefing-finder.js';
import { normaliseSlugInput } from '../core/briefing/find-briefing.js';
import { cleanText } from '../core/analysis/clean-text.js';
import { Bm25Builder, type Bm25Index } from '../core/search/bm25.js';
import type { Analysis, AnalysisInput } from '../core/analysis/types.js';
import type { Briefing } from '../core/briefing/briefing.js';
import type { AnalysisCache, BriefingLibrary, BriefingSource, LibraryEntry, Resolution, SearchResult } from '../ports/library.js';
import type { Logger } from '../ports/logger.js';

export interface LibraryDeps {
  source: BriefingSource;
  analyze: (input: AnalysisInput) => Analysis;
  cacheKey: (input: AnalysisInput) => string;
  /** Persistent cache (the store); the in-memory one is always used in front of it. */
  cache?: AnalysisCache;
  logger: Logger;
  /** How long a version check is trusted before the source is asked again. */
  recheckMs?: number;
  /**
   * Serve the last snapshot while the source is asked again in the background, instead of making
   * the read wait (the app turns it on: checking 10,000 files takes longer than a command).
   */
  staleWhileRevalidate?: boolean;
  /**
   * Build a large library's search index in the background as soon as a snapshot loads (the
   * default). The app turns it off until it is serving (`indexAhead()`), so that indexing does not
   * hold up start-up; a search before then builds the index itself.
   */
  indexAhead?: boolean;
  now?: () => number;
}

interface Snapshot {
  version: string;
  entries: LibraryEntry[];
  bySlug: Map<string, LibraryEntry>;
  /** Built in the background, a slice at a time, so a large library never blocks other commands. */
  index?: Promise<Bm25Index>;
  /** Slug and title lookup for autocomplete and "did you mean", built on first use (ahead for a large library). */
  finder?: BriefingFinder<LibraryEntry>;
}

/**
 * Indexing time between two pauses for other work. Short, because an HTTP request needs several
 * turns of the event loop and waits for a slice at each (250 documents a slice, 60 ms or more on
 * a busy machine, held the first requests after a start for a second).
 */
const INDEX_SLICE_MS = 10;
/** Libraries at least this large are indexed as soon as they load. */
const INDEX_AHEAD_THRESHOLD = 500;

/**
 * Indexes the entries a slice at a time, letting the event loop answer other requests in between.
 * With the index of the previous snapshot, only new and edited briefings are read again.
 */
async function buildIndex(entries: readonly LibraryEntry[], previous?: Promise<Bm25Index>): Promise<Bm25Index> {
  const docs = entries.map((e) => ({ id: e.briefing.slug, title: e.briefing.title, tags: e.briefing.tags, text: e.briefing.body }));
  const prior = await previous?.catch(() => undefined);
  // Indexed and quoted as the card shows the text, without the leftovers of a pasted web page.
  const builder = new Bm25Builder(docs, prior, { clean: cleanText });
  let sliceStart = performance.now();
  while (builder.step()) {
    if (performance.now() - sliceStart > INDEX_SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
  }
  return builder.build();
}

/**
 * Analyses kept in memory, least recently used out first. A news-length analysis takes about
 * 10 KB of heap, so a library of 10,000 briefings fits in about 100 MB; larger ones keep the
 * most read and fetch the others from the store.
 */
const MEMORY_CACHE_SIZE = 10_000;

function sortKey(e: LibraryEntry): number {
  const published = e.briefing.published ? Date.parse(e.briefing.published) : NaN;
  return Number.isNaN(published) ? e.updatedAt.getTime() : published;
}

const slugOrder = new Intl.Collator();

/** Newest first, then by slug. Each date is parsed once: parsing in the comparison cost 0.1 s for 10,000. */
function newestFirst(entries: readonly LibraryEntry[]): LibraryEntry[] {
  const keyed = entries.map((entry) => ({ entry, key: sortKey(entry) }));
  keyed.sort((a, b) => b.key - a.key || slugOrder.compare(a.entry.briefing.slug, b.entry.briefing.slug));
  return keyed.map((k) => k.entry);
}

export function inputOf(entry: LibraryEntry): AnalysisInput {
  return { text: entry.briefing.body, title: entry.briefing.title, participants: entry.briefing.participants };
}

/**
 * The library commands read: a snapshot of the source, rebuilt only when the source's version
 * changes, with a search index built on first search and analyses cached by content hash.
 */
export class Library implements BriefingLibrary {
  private snapshot: Snapshot | undefined;
  private checkedAt = -Infinity;
  private pending: Promise<Snapshot> | undefined;
  /** Bumped by invalidate(): a check started before a change may have missed it. */
  private generation = 0;
  /** After a change made here, the next read waits for the new snapshot (read-your-writes). */
  private waitForNext = false;
  private readonly memory = new Map<string, Analysis>();
  private readonly failed = new Set<string>();
  private readonly keys = new WeakMap<Briefing, string>();
  /** The last finder built, whose normalised titles the next one reuses. */
  private lastFinder: BriefingFinder<LibraryEntry> | undefined;
  private indexingAhead: boolean;

  constructor(private readonly deps: LibraryDeps) {
    this.indexingAhead = deps.indexAhead ?? true;
  }

  /** From now on, index large snapshots as soon as they load, starting with the current one. */
  indexAhead(): void {
    this.indexingAhead = true;
    const snap = this.snapshot;
    if (snap && snap.entries.length >= INDEX_AHEAD_THRESHOLD) snap.index ??= buildIndex(snap.entries);
  }

  /** Forget the snapshot: the next read asks the source again (after a change made here). */
  invalidate(): void {
    this.checkedAt = -Infinity;
    this.generation += 1;
    this.pending = undefined;
    this.waitForNext = true;
  }

  /**
   * The current snapshot. With staleWhileRevalidate, once one exists a stale one is served while
   * the source is asked again in the background, except right after a change made here.
   */
  private async current(): Promise<Snapshot> {
    const recheckMs = this.deps.recheckMs ?? 1000;
    const now = this.deps.now?.() ?? Date.now();
    if (this.snapshot && now - this.checkedAt < recheckMs) return this.snapshot;
    if (!this.pending) {
      const refreshing: Promise<Snapshot> = this.refresh().finally(() => {
        if (this.pending === refreshing) this.pending = undefined;
      });
      this.pending = refreshing;
    }
    if (this.snapshot && this.deps.staleWhileRevalidate && !this.waitForNext) {
      this.pending.catch((err: unknown) => this.deps.logger.warn({ err }, 'could not check the library for changes; serving the last snapshot'));
      return this.snapshot;
    }
    return this.pending;
  }

  private async refresh(): Promise<Snapshot> {
    const generation = this.generation;
    const version = await this.deps.source.version();
    let snapshot = this.snapshot;
    if (snapshot?.version !== version) {
      const entries = newestFirst(await this.deps.source.entries());
      const previousIndex = snapshot?.index;
      snapshot = { version, entries, bySlug: new Map(entries.map((e) => [e.briefing.slug, e])) };
      // Start indexing now, in slices, so the first search does not pay for all of it at once; an
      // index already built is updated rather than rebuilt.
      const ahead = this.indexingAhead && entries.length >= INDEX_AHEAD_THRESHOLD;
      if (ahead || previousIndex) snapshot.index = buildIndex(entries, previousIndex);
      if (ahead) {
        const next = snapshot;
        setImmediate(() => this.finderOf(next));
      }
    }
    if (generation === this.generation) {
      this.snapshot = snapshot;
      // From the end of the check: a slow source is not asked again at once.
      this.checkedAt = this.deps.now?.() ?? Date.now();
      this.waitForNext = false;
    }
    return snapshot;
  }

  async list(): Promise<LibraryEntry[]> {
    return (await this.current()).entries;
  }

  async get(slug: string): Promise<LibraryEntry | undefined> {
    return (await this.current()).bySlug.get(slug);
  }

  async search(query: string, limit: number): Promise<SearchResult[]> {
    const snap = await this.current();
    snap.index ??= buildIndex(snap.entries);
    const index = await snap.index;
    return index.search(query, limit).flatMap((hit) => {
      const entry = snap.bySlug.get(hit.id);
      return entry ? [{ entry, score: hit.score, snippet: hit.snippet }] : [];
    });
  }

  private finderOf(snap: Snapshot): BriefingFinder<LibraryEntry> {
    if (!snap.finder) {
      snap.finder = new BriefingFinder(snap.entries, (e) => e.briefing, this.lastFinder);
      this.lastFinder = snap.finder;
    }
    return snap.finder;
  }

  async suggest(typed: string, limit: number): Promise<LibraryEntry[]> {
    return this.finderOf(await this.current()).rank(typed, limit);
  }

  async resolve(topic: string): Promise<Resolution> {
    const snap = await this.current();
    const exact = snap.bySlug.get(normaliseSlugInput(topic));
    if (exact) return { kind: 'found', entry: exact };
    const found = this.finderOf(snap).resolve(topic);
    if (found.kind === 'not-found') return found;
    const entry = snap.bySlug.get(found.slug);
    return entry ? { kind: 'found', entry } : { kind: 'not-found', suggestions: [] };
  }

  /** The cache key of a briefing's text, hashed once per briefing object (a card read hashes kilobytes otherwise). */
  private keyOf(briefing: Briefing, input: AnalysisInput): string {
    let key = this.keys.get(briefing);
    if (key === undefined) {
      key = this.deps.cacheKey(input);
      this.keys.set(briefing, key);
    }
    return key;
  }

  async analysisOf(entry: LibraryEntry): Promise<Analysis | null> {
    const input = inputOf(entry);
    const key = this.keyOf(entry.briefing, input);
    const hit = this.memory.get(key);
    if (hit) {
      // Least recently used goes first: a briefing read often stays in memory.
      this.memory.delete(key);
      this.memory.set(key, hit);
      return hit;
    }
    if (this.failed.has(key)) return null;
    let analysis = await this.deps.cache?.get(key).catch(() => undefined);
    if (!analysis) {
      const started = performance.now();
      try {
        analysis = this.deps.analyze(input);
      } catch (error) {
        this.failed.add(key);
        this.deps.logger.error({ err: error, slug: entry.briefing.slug }, 'analysis failed; showing the text without it');
        return null;
      }
      this.deps.logger.debug({ slug: entry.briefing.slug, ms: Math.round(performance.now() - started) }, 'analysed');
      await this.deps.cache?.put(key, analysis).catch((err: unknown) => this.deps.logger.warn({ err }, 'could not store the analysis'));
    }
    if (this.memory.size >= MEMORY_CACHE_SIZE) this.memory.delete(this.memory.keys().next().value as string);
    this.memory.set(key, analysis);
    return analysis;
  }
}
