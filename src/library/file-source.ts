import type { Briefing } from '../core/briefing/briefing.js';
import type { BriefingProblem } from '../core/briefing/parse-briefing.js';
import type { BriefingSource, LibraryEntry, ParsedFileCache } from '../ports/library.js';
import type { Logger } from '../ports/logger.js';
import { loadScannedDir } from './load-briefing-dir.js';
import { BriefingDirScanner, type DirScan } from './scan-briefing-dir.js';

const SLOW_CHECK_MS = 50;
/** A slow check is reused for this many times its duration. */
const CHECK_BACKOFF = 100;
/** Parses in the store that no file of this replica uses are deleted once they are this old. */
const KEEP_UNUSED_PARSES_MS = 7 * 24 * 3600_000;
const PRUNE_EVERY_MS = 24 * 3600_000;
/** The key that warns once about a missing folder, beside the problems reported once per file. */
const MISSING_FOLDER = '\u0000missing folder';

export interface FileBriefingSourceOptions {
  /**
   * Parses kept across restarts (the store): a restart reads the files and hashes them, but
   * parses only those whose bytes it has not seen before.
   */
  cache?: ParsedFileCache;
  /** Wall clock, for the racy-timestamp rule and pruning (tests). */
  now?: () => number;
}

/**
 * The briefings in a folder, reloaded when the files change (the version follows each file's
 * content and modification time, so an edit is seen without a restart).
 */
export class FileBriefingSource implements BriefingSource {
  private readonly scanner: BriefingDirScanner;
  private loaded: { token: string; entries: LibraryEntry[] } | undefined;
  private loading: { token: string; promise: Promise<LibraryEntry[]> } | undefined;
  /** The parse of each current file, by key: an unchanged file is not parsed again. */
  private parses = new Map<string, Briefing>();
  private reported = new Set<string>();
  private lastScan: { scan: DirScan; at: number; tookMs: number } | undefined;
  private scanning: Promise<DirScan> | undefined;
  private prunedAt = -Infinity;

  constructor(
    private readonly dir: string,
    private readonly maxBodyBytes: number,
    private readonly logger: Logger,
    private readonly options: FileBriefingSourceOptions = {},
  ) {
    this.scanner = new BriefingDirScanner(dir, maxBodyBytes, options.now);
  }

  /**
   * Checking a folder stats every file: a millisecond for a few files, about a hundred for
   * 10,000. A check that took longer than SLOW_CHECK_MS is reused for a hundred times its
   * duration, so that looking for edits never takes more than about 1% of the process's time
   * (at 5%, the stats of a 10,000-file folder every 1.6 s showed in the p99 latency of commands
   * under load); a folder that large notices an edited file within about ten seconds, and small
   * folders are checked every time.
   */
  private async freshScan(): Promise<DirScan> {
    const now = performance.now();
    const last = this.lastScan;
    if (last && last.tookMs > SLOW_CHECK_MS && now - last.at < last.tookMs * CHECK_BACKOFF) return last.scan;
    this.scanning ??= (async () => {
      try {
        const scan = await this.scanner.scan();
        const done = performance.now();
        this.lastScan = { scan, at: done, tookMs: done - now };
        return scan;
      } finally {
        this.scanning = undefined;
      }
    })();
    return this.scanning;
  }

  async version(): Promise<string> {
    return (await this.freshScan()).token;
  }

  async entries(): Promise<LibraryEntry[]> {
    const scan = await this.freshScan();
    if (this.loaded?.token === scan.token) return this.loaded.entries;
    if (this.loading?.token !== scan.token) {
      const promise = this.load(scan).finally(() => {
        if (this.loading?.promise === promise) this.loading = undefined;
      });
      this.loading = { token: scan.token, promise };
    }
    return this.loading.promise;
  }

  private async load(scan: DirScan): Promise<LibraryEntry[]> {
    const cache = this.options.cache;
    const { entries, problems, parses, parsedNow } = await loadScannedDir(this.dir, this.maxBodyBytes, scan, {
      known: this.parses,
      cached: async (keys) => {
        if (!cache) return new Map();
        try {
          return await cache.getParsedFiles(keys);
        } catch (err) {
          this.logger.warn({ err }, 'could not read parsed briefing files from the store; parsing the files');
          return new Map();
        }
      },
    });
    // The bytes were only needed for this load; the scan may be reused for a while.
    scan.bytes.clear();
    this.parses = parses;
    if (cache && parsedNow.length > 0) {
      await cache.putParsedFiles(parsedNow).catch((err: unknown) => this.logger.warn({ err }, 'could not keep parsed briefing files in the store'));
    }
    this.pruneCache(new Set(parses.keys()));
    // A mistyped BRIEFINGS_DIR would otherwise start a bot with an empty library and no word why.
    if (scan.token === 'missing' && !this.reported.has(MISSING_FOLDER)) {
      this.reported.add(MISSING_FOLDER);
      this.logger.warn({ dir: this.dir }, 'the briefings folder does not exist (BRIEFINGS_DIR): no briefings from files');
    }
    this.reportOnce(problems);
    this.loaded = { token: scan.token, entries };
    this.logger.debug({ files: scan.files.length, parsed: parsedNow.length, problems: problems.length }, 'briefing files loaded');
    return entries;
  }

  /** Forgets, in the background and at most once a day, parses that no file here has used for a week. */
  private pruneCache(keep: ReadonlySet<string>): void {
    const cache = this.options.cache;
    const now = (this.options.now ?? Date.now)();
    if (!cache || now - this.prunedAt < PRUNE_EVERY_MS) return;
    this.prunedAt = now;
    // A parse only another replica still uses (during a rolling deploy) may go: that replica
    // parses the file again at its next start and stores it again. Never wrong, at worst slower.
    cache.pruneParsedFiles(keep, new Date(now - KEEP_UNUSED_PARSES_MS)).then(
      (deleted) => deleted > 0 && this.logger.debug({ deleted }, 'old parsed briefing files forgotten'),
      (err: unknown) => this.logger.warn({ err }, 'could not prune parsed briefing files'),
    );
  }

  private reportOnce(problems: BriefingProblem[]): void {
    for (const p of problems) {
      const key = `${p.file}|${p.field}|${p.message}`;
      if (this.reported.has(key)) continue;
      this.reported.add(key);
      this.logger.warn({ file: p.file, field: p.field }, `briefing skipped: ${p.message}`);
    }
  }
}
