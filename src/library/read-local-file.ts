import { open, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { BriefbotError } from '../core/errors.js';

/**
 * Reads a file a shell user named, refusing folders and anything over `maxBytes` before it is
 * read into memory.
 */
export async function readLocalFile(path: string, maxBytes: number): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(expandHome(path), 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : code === 'EACCES' ? 'permission denied' : `cannot open it (${code ?? 'error'})`;
    throw new BriefbotError('NOT_FOUND', `Cannot read ${path}: ${why}.`);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new BriefbotError('BAD_ARGUMENTS', `${path} is not a file.`);
    if (info.size > maxBytes) throw new BriefbotError('TOO_LARGE', `${path} is ${Math.round(info.size / 1024)} KB; a briefing file is at most ${Math.round(maxBytes / 1024)} KB.`);
    return await handle.readFile();
  } finally {
    await handle.close();
  }
}

/** Writes a new file for a shell user; an existing file is never replaced. */
export async function writeNewLocalFile(path: string, content: string): Promise<void> {
  try {
    await writeFile(expandHome(path), content, { flag: 'wx' });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new BriefbotError('CONFLICT', `${path} already exists; choose another file name. Nothing was written.`);
    const why = code === 'ENOENT' ? 'the folder does not exist' : code === 'EACCES' ? 'permission denied' : `cannot write it (${code ?? 'error'})`;
    throw new BriefbotError('BAD_ARGUMENTS', `Cannot write ${path}: ${why}.`);
  }
}

/** "~" and "~/story.txt" as a shell would read them (the command line reaches us unexpanded); "~bob/x" stays as typed. */
function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}
