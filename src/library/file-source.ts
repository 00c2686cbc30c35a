import type { BriefingProblem } from '../core/briefing/parse-briefing.js';
import type { BriefingSource, LibraryEntry } from '../ports/library.js';
import type { Logger } from '../ports/logger.js';
import { briefingDirVersion, loadBriefingDir } from './load-briefing-dir.js';

const SLOW_CHECK_MS = 50;

/**
 * The briefings in a folder, reloaded when the files change (the version is the files' names,
 * sizes and modification times, so an edit is seen without a restart).
 */
export class FileBriefingSource implements BriefingSource {
  private loaded: { version: string; entries: LibraryEntry[] } | undefined;
  private reported = new Set<string>();

  constructor(
    private readonly dir: string,
    private readonly maxBodyBytes: number,
    private readonly logger: Logger,
  ) {}

  private lastVersion: { value: string; at: number; tookMs: number } | undefined;

  /**
   * Checking a folder stats every file: a millisecond for a few files, a second or more for
   * 10,000. A check that took longer than SLOW_CHECK_MS is reused for twenty times its duration,
   * so that looking for edits never takes more than about 5% of the process's time; small
   * folders are checked every time.
   */
  async version(): Promise<string> {
    const now = performance.now();
    const last = this.lastVersion;
    if (last && last.tookMs > SLOW_CHECK_MS && now - last.at < last.tookMs * 20) return last.value;
    const value = await briefingDirVersion(this.dir);
    const done = performance.now();
    this.lastVersion = { value, at: done, tookMs: done - now };
    return value;
  }

  async entries(): Promise<LibraryEntry[]> {
    const version = await this.version();
    if (this.loaded?.version === version) return this.loaded.entries;
    const { entries, problems } = await loadBriefingDir(this.dir, this.maxBodyBytes);
    this.reportOnce(problems);
    this.loaded = { version, entries };
    return entries;
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
