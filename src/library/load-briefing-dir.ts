import type { Briefing, BriefingFrontMatter } from '../core/briefing/briefing.js';
import { type BriefingProblem, briefingBody, parseBriefing } from '../core/briefing/parse-briefing.js';
import type { LibraryEntry, ParsedFile } from '../ports/library.js';
import { BriefingDirScanner, type DirScan, readBriefingFile } from './scan-briefing-dir.js';

export interface LoadedDir {
  entries: LibraryEntry[];
  problems: BriefingProblem[];
}

export interface LoadedScan extends LoadedDir {
  /** The briefing of every file that has one, by key (known, from a cached front-matter, or parsed now). */
  parses: Map<string, Briefing>;
  /** The files parsed by this load (not found by `lookup`): worth keeping. */
  parsedNow: ParsedFile[];
}

/** Parsing between two pauses for other work, when many files changed at once. */
const SLICE_MS = 8;

/**
 * Reads every `*.md` briefing in a folder. A bad file yields problems naming it and never stops
 * the others from loading; two files claiming one slug both stay out, with a problem each.
 */
export async function loadBriefingDir(dir: string, maxBodyBytes: number): Promise<LoadedDir> {
  const scan = await new BriefingDirScanner(dir, maxBodyBytes).scan();
  const { entries, problems } = await loadScannedDir(dir, maxBodyBytes, scan, { known: new Map(), cached: async () => new Map() });
  return { entries, problems };
}

export interface KnownParses {
  /** Briefings of files already loaded by this process, by key. */
  known: ReadonlyMap<string, Briefing>;
  /** Front-matter parsed before (the store), for the keys not known; the body comes from the scan's bytes. */
  cached: (keys: string[]) => Promise<Map<string, BriefingFrontMatter>>;
}

/**
 * The entries of a scanned folder. Files whose key is known or cached are not parsed again; the
 * others are read and parsed. A file changed since the scan is parsed as it is now (its key is
 * computed from the bytes parsed), never served from an older parse.
 */
export async function loadScannedDir(dir: string, maxBodyBytes: number, scan: DirScan, previous: KnownParses): Promise<LoadedScan> {
  const problems: BriefingProblem[] = [];
  if (scan.folderError) problems.push({ file: dir, field: 'file', message: `cannot read the folder (${scan.folderError})` });
  const { known } = previous;
  const unknownKeys = scan.files.flatMap((f) => (f.kind === 'file' && !known.has(f.key) && scan.bytes.has(f.name) ? [f.key] : []));
  const cached = unknownKeys.length > 0 ? await previous.cached(unknownKeys) : new Map<string, BriefingFrontMatter>();
  const parses = new Map<string, Briefing>();
  const parsedNow: ParsedFile[] = [];
  const bySlug = new Map<string, { entry: LibraryEntry; file: string }[]>();
  let sliceStart = performance.now();
  for (const file of scan.files) {
    const name = file.name;
    if (file.kind === 'unreadable') {
      problems.push({ file: name, field: 'file', message: `cannot read the file (${file.code})` });
      continue;
    }
    if (file.kind === 'too-large') {
      problems.push({ file: name, field: 'file', message: `the file is ${Math.round(file.size / 1024)} KB, far over the ${Math.round(maxBodyBytes / 1024)} KB limit` });
      continue;
    }
    let key = file.key;
    let briefing = known.get(key);
    const frontMatter = briefing ? undefined : cached.get(key);
    const bytes = scan.bytes.get(name);
    if (frontMatter && bytes) {
      // The scan hashed exactly these bytes into the key the front-matter was cached under.
      const body = briefingBody(bytes);
      if (body !== undefined) briefing = { ...frontMatter, body };
    }
    if (!briefing) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise<void>((resolve) => setImmediate(resolve));
        sliceStart = performance.now();
      }
      let read: { bytes: Buffer; key: string };
      try {
        read = readBriefingFile(dir, name, maxBodyBytes);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? String(e);
        if (code !== 'ENOENT') problems.push({ file: name, field: 'file', message: `cannot read the file (${code})` });
        continue;
      }
      key = read.key;
      const result = parseBriefing(read.bytes, { fileName: name, maxBodyBytes });
      if (!result.ok) {
        problems.push(...result.problems);
        continue;
      }
      briefing = result.briefing;
      const { body: _body, ...parsed } = briefing;
      parsedNow.push({ key, frontMatter: parsed });
    }
    parses.set(key, briefing);
    const published = briefing.published ? new Date(briefing.published) : undefined;
    const entry: LibraryEntry = { briefing, origin: 'file', revision: 0, createdAt: published ?? file.mtime, updatedAt: file.mtime };
    const list = bySlug.get(briefing.slug) ?? [];
    list.push({ entry, file: name });
    bySlug.set(briefing.slug, list);
  }
  const entries: LibraryEntry[] = [];
  for (const [slug, list] of bySlug) {
    if (list.length === 1) entries.push((list[0] as { entry: LibraryEntry }).entry);
    else {
      const files = list.map((l) => l.file).join(', ');
      for (const l of list) problems.push({ file: l.file, field: 'slug', message: `the slug "${slug}" is used by several files (${files})` });
    }
  }
  return { entries, problems, parses, parsedNow };
}
