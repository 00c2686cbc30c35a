import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { type BriefingProblem, parseBriefing } from '../core/briefing/parse-briefing.js';
import type { LibraryEntry } from '../ports/library.js';

export interface LoadedDir {
  entries: LibraryEntry[];
  problems: BriefingProblem[];
}

const BRIEFING_FILE = /\.md$/i;
/** A file far larger than any briefing is refused before it is read into memory. */
const READ_LIMIT_FACTOR = 4;
const READ_BATCH = 64;

/**
 * Reads every `*.md` briefing in a folder. A bad file yields problems naming it and never stops
 * the others from loading; two files claiming one slug both stay out, with a problem each.
 */
export async function loadBriefingDir(dir: string, maxBodyBytes: number): Promise<LoadedDir> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => BRIEFING_FILE.test(n)).sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { entries: [], problems: [] };
    return { entries: [], problems: [{ file: dir, field: 'file', message: `cannot read the folder (${code ?? 'error'})` }] };
  }
  const problems: BriefingProblem[] = [];
  const bySlug = new Map<string, { entry: LibraryEntry; file: string }[]>();
  // Files are read a batch at a time (one at a time took seconds for 10,000), then parsed in name order.
  const read = async (name: string) => {
    const path = join(dir, name);
    try {
      const info = await stat(path);
      if (!info.isFile()) return { name, skip: true as const };
      if (info.size > maxBodyBytes * READ_LIMIT_FACTOR + 64 * 1024) return { name, info };
      return { name, info, bytes: await readFile(path) };
    } catch (error) {
      return { name, error };
    }
  };
  const files: Awaited<ReturnType<typeof read>>[] = [];
  for (let i = 0; i < names.length; i += READ_BATCH) files.push(...(await Promise.all(names.slice(i, i + READ_BATCH).map(read))));
  for (const file of files) {
    const name = file.name;
    try {
      if ('skip' in file) continue;
      if ('error' in file) throw file.error;
      const info = file.info;
      if (!file.bytes) {
        problems.push({ file: name, field: 'file', message: `the file is ${Math.round(info.size / 1024)} KB, far over the ${Math.round(maxBodyBytes / 1024)} KB limit` });
        continue;
      }
      const result = parseBriefing(file.bytes, { fileName: name, maxBodyBytes });
      if (!result.ok) {
        problems.push(...result.problems);
        continue;
      }
      const published = result.briefing.published ? new Date(result.briefing.published) : undefined;
      const entry: LibraryEntry = {
        briefing: result.briefing,
        origin: 'file',
        revision: 0,
        createdAt: published ?? info.mtime,
        updatedAt: info.mtime,
      };
      const list = bySlug.get(result.briefing.slug) ?? [];
      list.push({ entry, file: name });
      bySlug.set(result.briefing.slug, list);
    } catch (e) {
      problems.push({ file: name, field: 'file', message: `cannot read the file (${(e as NodeJS.ErrnoException).code ?? String(e)})` });
    }
  }
  const entries: LibraryEntry[] = [];
  for (const [slug, list] of bySlug) {
    if (list.length === 1) entries.push((list[0] as { entry: LibraryEntry }).entry);
    else {
      const files = list.map((l) => l.file).join(', ');
      for (const l of list) problems.push({ file: l.file, field: 'slug', message: `the slug "${slug}" is used by several files (${files})` });
    }
  }
  return { entries, problems };
}

/** A token that changes when any briefing file is added, removed or modified. */
export async function briefingDirVersion(dir: string): Promise<string> {
  try {
    const names = (await readdir(dir)).filter((n) => BRIEFING_FILE.test(n)).sort();
    const parts = await Promise.all(
      names.map(async (n) => {
        try {
          const s = await stat(join(dir, n));
          return `${n}:${s.size}:${s.mtimeMs}`;
        } catch {
          return `${n}:gone`;
        }
      }),
    );
    return parts.join('|');
  } catch {
    return 'missing';
  }
}
