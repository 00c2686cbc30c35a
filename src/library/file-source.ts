import type { BriefingProblem } from '../core/briefing/parse-briefing.js';
import type { BriefingSource, LibraryEntry } from '../ports/library.js';
import type { Logger } from '../ports/logger.js';
import { briefingDirVersion, loadBriefingDir } from './load-briefing-dir.js';

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

  version(): Promise<string> {
    return briefingDirVersion(this.dir);
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
