import type { Analysis } from '../core/analysis/types.js';
import type { Briefing, BriefingFrontMatter } from '../core/briefing/briefing.js';

export interface LibraryEntry {
  briefing: Briefing;
  /** Where the current text comes from: a file in briefings/, or a moderator's revision in the store. */
  origin: 'file' | 'store';
  /** The current revision number (0 for a file briefing never edited in chat). */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface SearchResult {
  entry: LibraryEntry;
  score: number;
  snippet: string;
}

export type Resolution = { kind: 'found'; entry: LibraryEntry } | { kind: 'not-found'; suggestions: string[] };

/** What commands read: the visible library (archived briefings are hidden). */
export interface BriefingLibrary {
  /** Newest first (by published date, then last update). */
  list(): Promise<LibraryEntry[]>;
  get(slug: string): Promise<LibraryEntry | undefined>;
  search(query: string, limit: number): Promise<SearchResult[]>;
  /** Briefings ranked against what someone has typed so far (autocomplete, type-ahead menus), best first. */
  suggest(typed: string, limit: number): Promise<LibraryEntry[]>;
  /** The briefing a slug, a title's words or a near-miss names, or the closest ones for a "did you mean". */
  resolve(topic: string): Promise<Resolution>;
  /** The analysis of an entry, cached by content; null when the engine failed on it (logged once). */
  analysisOf(entry: LibraryEntry): Promise<Analysis | null>;
}

/** Where briefings come from: the files, the store, or the two merged. */
export interface BriefingSource {
  /** A cheap token that changes whenever `entries()` would change. */
  version(): Promise<string>;
  entries(): Promise<LibraryEntry[]>;
}

/**
 * One briefing file's parse, under a key that names the file's exact name and bytes. The body is
 * not kept: it is the rest of the file, which a restart reads anyway to compute the key.
 */
export interface ParsedFile {
  key: string;
  frontMatter: BriefingFrontMatter;
}

/**
 * Parsed briefing files kept across restarts (the store implements it), so that a restart with
 * thousands of files does not parse their front-matter again. A key is a hash of the parser's
 * version, the size limit, the file's name and its bytes: a changed file has a new key, so an
 * entry is never stale, and replicas with the same files share the same entries.
 */
export interface ParsedFileCache {
  /** The parses stored under any of these keys (few queries however many keys); missing keys are absent. */
  getParsedFiles(keys: readonly string[]): Promise<Map<string, BriefingFrontMatter>>;
  /** Stores parses; a key already there is left as it is (the same key always means the same parse). */
  putParsedFiles(files: readonly ParsedFile[]): Promise<void>;
  /** Deletes the parses stored before `storedBefore` whose key is not in `keep`; returns how many. */
  pruneParsedFiles(keep: ReadonlySet<string>, storedBefore: Date): Promise<number>;
}

/** Analyses kept across restarts, keyed by content hash (the store implements it). */
export interface AnalysisCache {
  get(key: string): Promise<Analysis | undefined>;
  put(key: string, analysis: Analysis): Promise<void>;
}
