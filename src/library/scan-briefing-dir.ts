import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { BRIEFING_FORMAT_VERSION } from '../core/briefing/parse-briefing.js';

const BRIEFING_FILE = /\.md$/i;
/** A file far larger than any briefing is refused before it is read into memory. */
const READ_LIMIT_FACTOR = 4;
/** Synchronous file work between two pauses for other work (a background check must not stall commands). */
const SLICE_MS = 8;
/**
 * A file modified this close to the moment it was read may be modified again within the same
 * timestamp tick (1-2 s on some filesystems) without its size or times changing: such a file is
 * read again at every scan until it is older, as git does with "racily clean" entries.
 */
const RACY_MS = 3000;

/** One `*.md` file of the folder, as a scan saw it. */
export type ScannedFile =
  | { name: string; kind: 'file'; key: string; size: number; mtime: Date }
  | { name: string; kind: 'too-large'; size: number; mtime: Date }
  | { name: string; kind: 'unreadable'; code: string };

export interface DirScan {
  /** Changes whenever a file is added, removed, or changes content or modification time. */
  token: string;
  /** In name order. */
  files: ScannedFile[];
  /**
   * The bytes of the files this scan read (all of them the first time, then the changed ones), by
   * name, until the reader takes them: a cached front-matter needs them to give the body.
   */
  bytes: Map<string, Buffer>;
  /** The folder itself could not be read (other than missing). */
  folderError?: string;
}

let dependencyVersions: string | undefined;
/** The YAML and schema libraries decide the parse as much as our code does. */
function parserDependencies(): string {
  if (dependencyVersions === undefined) {
    const require = createRequire(import.meta.url);
    dependencyVersions = ['yaml', 'zod'].map((m) => `${m}@${(require(`${m}/package.json`) as { version: string }).version}`).join(',');
  }
  return dependencyVersions;
}

/**
 * The key of a file's parse: its name (the default slug), its bytes, the size limit and the
 * parser's version. Equal keys mean equal parses, so a cached parse under a key is never stale.
 */
export function parsedFileKey(name: string, bytes: Uint8Array, maxBodyBytes: number): string {
  return createHash('sha256')
    .update(`briefing-file\0${BRIEFING_FORMAT_VERSION}\0${parserDependencies()}\0${maxBodyBytes}\0${name}\0`)
    .update(bytes)
    .digest('hex');
}

/** Reads a file and its parse key together, so the key always describes the bytes returned. */
export function readBriefingFile(dir: string, name: string, maxBodyBytes: number): { bytes: Buffer; key: string } {
  const bytes = readFileSync(join(dir, name));
  return { bytes, key: parsedFileKey(name, bytes, maxBodyBytes) };
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Looks at a briefings folder and knows each file's content key. The first scan reads every file
 * (a few hundred milliseconds for 10,000 small files, done synchronously a slice at a time:
 * promise-based reads cost five times the CPU); later scans only stat, and read again the files
 * whose inode, size, modification or change time moved, or that were modified too close to
 * their last read to trust their times (RACY_MS).
 */
export class BriefingDirScanner {
  private readonly known = new Map<string, { signature: string; key: string; trusted: boolean }>();

  constructor(
    private readonly dir: string,
    private readonly maxBodyBytes: number,
    private readonly now: () => number = Date.now,
  ) {}

  async scan(): Promise<DirScan> {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => BRIEFING_FILE.test(n)).sort();
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      this.known.clear();
      return code === 'ENOENT' ? { token: 'missing', files: [], bytes: new Map() } : { token: `error:${code}`, files: [], bytes: new Map(), folderError: code };
    }
    const files: ScannedFile[] = [];
    const bytes = new Map<string, Buffer>();
    const token = createHash('sha256');
    let sliceStart = performance.now();
    for (const name of names) {
      if (performance.now() - sliceStart > SLICE_MS) {
        await pause();
        sliceStart = performance.now();
      }
      const file = this.look(name, bytes);
      if (!file) continue;
      files.push(file);
      token.update(`${name}\0${file.kind === 'file' ? file.key : file.kind === 'too-large' ? `too-large:${file.size}` : file.code}\0${'mtime' in file ? file.mtime.getTime() : ''}\n`);
    }
    const present = new Set(names);
    for (const name of this.known.keys()) if (!present.has(name)) this.known.delete(name);
    return { token: token.digest('hex'), files, bytes };
  }

  private look(name: string, bytesRead: Map<string, Buffer>): ScannedFile | undefined {
    const path = join(this.dir, name);
    try {
      const info = statSync(path, { throwIfNoEntry: false });
      // Deleted between the listing and now: it is simply gone.
      if (!info?.isFile()) {
        this.known.delete(name);
        return undefined;
      }
      const size = info.size;
      const mtime = info.mtime;
      if (size > this.maxBodyBytes * READ_LIMIT_FACTOR + 64 * 1024) {
        this.known.delete(name);
        return { name, kind: 'too-large', size, mtime };
      }
      // Milliseconds with a fraction (to about 0.3 µs): finer than any two writes RACY_MS apart need.
      const signature = `${info.dev}:${info.ino}:${size}:${info.mtimeMs}:${info.ctimeMs}`;
      const known = this.known.get(name);
      if (known?.trusted && known.signature === signature) return { name, kind: 'file', key: known.key, size, mtime };
      const readAt = this.now();
      const { key, bytes } = readBriefingFile(this.dir, name, this.maxBodyBytes);
      bytesRead.set(name, bytes);
      const changedAt = Math.max(info.mtimeMs, info.ctimeMs);
      this.known.set(name, { signature, key, trusted: readAt - changedAt > RACY_MS });
      return { name, kind: 'file', key, size, mtime };
    } catch (e) {
      this.known.delete(name);
      const code = (e as NodeJS.ErrnoException).code ?? String(e);
      if (code === 'ENOENT') return undefined;
      return { name, kind: 'unreadable', code };
    }
  }
}
