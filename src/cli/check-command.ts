import { readdir, readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Writable } from 'node:stream';
import { parseSubmission } from '../core/briefing/briefing-form.js';
import { type BriefingProblem, DEFAULT_MAX_BODY_BYTES, parseBriefing } from '../core/briefing/parse-briefing.js';
import { loadBriefingDir } from '../library/load-briefing-dir.js';

const HELP = `briefbot check [DIR|FILE]: validate every briefing file in DIR (default BRIEFINGS_DIR, ./briefings), or one file
(a .md, or a .txt read as /briefing add reads it: first line the title).

Prints each problem as "file: field: message" and exits 1 when there is any, 0 otherwise.
--max-bytes N   the body size limit (default BRIEFING_MAX_BYTES, ${DEFAULT_MAX_BODY_BYTES})`;

/** What the bot itself is configured with, so check judges files as the bot will. */
export interface CheckSettings {
  briefingsDir: string;
  maxBodyBytes: number;
}

/** `briefbot check`: returns the exit code. `settings` is read only when an option does not say. */
export async function runCheck(
  args: readonly string[],
  io: { stdout: Writable; stderr: Writable },
  settings: () => Promise<CheckSettings | undefined> = async () => ({ briefingsDir: './briefings', maxBodyBytes: DEFAULT_MAX_BODY_BYTES }),
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  let maxBytes: number | undefined;
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--max-bytes') {
      maxBytes = Number(args[++i]);
      if (!Number.isInteger(maxBytes) || maxBytes <= 0) {
        io.stderr.write('--max-bytes takes a positive whole number\n');
        return 2;
      }
    } else if (a.startsWith('-')) {
      io.stderr.write(`unknown option ${a}\n${HELP}\n`);
      return 2;
    } else positional.push(a);
  }
  let configured: CheckSettings | undefined;
  if (maxBytes === undefined || positional[0] === undefined) {
    configured = await settings();
    if (!configured) return 2;
  }
  const dir = positional[0] ?? (configured as CheckSettings).briefingsDir;
  maxBytes ??= (configured as CheckSettings).maxBodyBytes;
  // A mistyped folder must not pass as "0 briefings, all valid" in an editor's CI.
  const kind = await stat(dir).then(
    (st) => (st.isDirectory() ? 'folder' : 'file'),
    (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? 'missing' : `unreadable (${e.code ?? String(e)})`),
  );
  if (kind === 'missing' || kind.startsWith('unreadable')) {
    io.stderr.write(`cannot check ${dir}: ${kind === 'missing' ? 'no such folder or file' : kind}\n`);
    return 1;
  }
  const { entries, problems } = kind === 'folder' ? await loadBriefingDir(dir, maxBytes) : await checkFile(dir, maxBytes);
  if (kind === 'folder') problems.push(...(await unreadStories(dir)));
  for (const p of problems) io.stdout.write(`${p.file}: ${p.field}: ${p.message}\n`);
  const files = new Set(problems.map((p) => p.file)).size;
  io.stdout.write(
    problems.length
      ? `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}; ${entries.length} briefing${entries.length === 1 ? '' : 's'} valid.\n`
      : `${entries.length} briefing${entries.length === 1 ? '' : 's'} in ${dir}, all valid.\n`,
  );
  return problems.length ? 1 : 0;
}

/** One briefing file, checked as the library would read it, or a .txt as /briefing add reads one. */
async function checkFile(path: string, maxBytes: number): Promise<{ entries: unknown[]; problems: BriefingProblem[] }> {
  const content = await readFile(path);
  const parsed = /\.txt$/i.test(path)
    ? parseSubmission({ name: basename(path), content }, { maxBodyBytes: maxBytes })
    : parseBriefing(content, { fileName: basename(path), maxBodyBytes: maxBytes });
  return parsed.ok ? { entries: [parsed.briefing], problems: [] } : { entries: [], problems: parsed.problems };
}

/** Stories the bot will never read: in a folder it takes only .md, though /briefing add also takes .txt and .markdown. */
const UNREAD_STORY = /\.(txt|markdown)$/i;

/**
 * Text files in the folder that look like briefings but are not .md: the bot skips them, so an
 * editor's CI passed a folder whose new story was never published.
 */
async function unreadStories(dir: string): Promise<BriefingProblem[]> {
  const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith('.') && UNREAD_STORY.test(e.name)).map((e) => e.name);
  return names.sort().map((file) => ({
    file,
    field: 'file',
    message: 'only .md files in a folder are briefings; the bot does not read this one (give it front-matter and a .md name, or add it with /briefing add)',
  }));
}
