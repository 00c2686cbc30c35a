import { readFile } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { analyze } from '../core/analysis/analyze.js';
import type { Analysis, AnalysisInput } from '../core/analysis/types.js';

const HELP = `briefbot analyze FILE|- [options]: analyse a briefing (.md with front-matter) or plain text.

  --format text|json   readable text (default) or the full analysis as JSON
  --sentences N        summary length in sentences (default 3)
  --jsonl              read JSON Lines on stdin ({"id", "text", "title"?, "participants"?}) and write
                       one JSON line per input: id, tldr, summary, quotes, issues, entities, keywords;
                       a bad line gets {"id", "error"} and the batch goes on`;

interface Io {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
}

/** The JSON Lines shape: every quote (key or not), issues with sentence indices, entities, keywords. */
export function toJsonlRecord(id: unknown, a: Analysis): Record<string, unknown> {
  return {
    id,
    tldr: a.tldr,
    summary: a.summary,
    quotes: a.quotes.map((q) => ({ text: q.text, speaker: q.speaker, confidence: q.confidence, cue: q.cue, key: q.key })),
    issues: a.issues.map((i) => ({ topic: i.topic, stance: i.stance, positions: i.positions, sentences: i.sentences })),
    entities: {
      people: a.entities.people.map((p) => p.name),
      places: a.entities.places,
      organizations: a.entities.organizations,
      roles: Object.fromEntries(a.entities.people.filter((p) => p.role).map((p) => [p.name, p.role])),
    },
    keywords: a.keywords,
  };
}

export function renderAnalysisText(a: Analysis, title?: string): string {
  const lines: string[] = [];
  if (title) lines.push(title, '');
  lines.push(`TL;DR: ${a.tldr}`, '', 'Summary:');
  for (const s of a.summary) lines.push(`  - ${s}`);
  lines.push('', `Quotes (${a.quotes.length}):`);
  for (const q of a.quotes) {
    lines.push(`  ${q.key ? '*' : '-'} "${q.text}"`, `      — ${q.speaker ?? 'unknown'} (confidence ${q.confidence.toFixed(2)}, cue: ${q.cue})`);
  }
  lines.push('', `Issues (${a.issues.length}):`);
  for (const i of a.issues) {
    lines.push(`  - ${i.topic} [${i.stance}]`);
    for (const p of i.positions) lines.push(`      ${p.party}: ${p.position}`);
  }
  lines.push('', 'Entities:');
  lines.push(`  people: ${a.entities.people.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join('; ') || '-'}`);
  lines.push(`  places: ${a.entities.places.join('; ') || '-'}`);
  lines.push(`  organizations: ${a.entities.organizations.join('; ') || '-'}`);
  lines.push(`Keywords: ${a.keywords.join(', ') || '-'}`);
  return `${lines.join('\n')}\n`;
}

/**
 * What to analyse in a file's text: a briefing's body, title and participants when the text opens with
 * front-matter, else the text itself. Front-matter that does not parse is refused with its problems,
 * rather than analysed as story text.
 */
async function inputFrom(text: string, fileName: string | undefined): Promise<AnalysisInput | { problems: string[] }> {
  if (/^\uFEFF?---[ \t]*\r?\n/.test(text)) {
    // Loaded only for a briefing file: its YAML and schema modules are a third of a batch's start-up.
    const { parseBriefing } = await import('../core/briefing/parse-briefing.js');
    const parsed = parseBriefing(text, { ...(fileName && { fileName }), maxBodyBytes: 50 * 1024 * 1024 });
    if (!parsed.ok) return { problems: parsed.problems.map((p) => `${p.field}: ${p.message}`) };
    return { text: parsed.briefing.body, title: parsed.briefing.title, participants: parsed.briefing.participants };
  }
  return { text };
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}

/** Why a file could not be read, in words ("no such file", not "ENOENT"). */
function readFailure(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? String(e);
}

/** The bytes as text, or why they are not text the engine should read. */
function textOf(bytes: Buffer): { text: string } | { problem: string } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'is not valid UTF-8 text' };
  }
  if (text.includes('\u0000')) return { problem: 'is binary, not text' };
  return { text };
}

export async function runAnalyze(args: readonly string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${HELP}\n`);
    return 0;
  }
  let format = 'text';
  let sentences = 3;
  let jsonl = false;
  let file: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--format') format = args[++i] ?? '';
    else if (a === '--sentences') sentences = Number(args[++i]);
    else if (a === '--jsonl') jsonl = true;
    else if (a === '-' || !a.startsWith('-')) {
      // One story a run: a second name used to replace the first without a word.
      if (file !== undefined) {
        io.stderr.write(`analyze reads one FILE (or - for standard input); got ${file} and ${a}. Analyse several stories with --jsonl.\n`);
        return 2;
      }
      file = a;
    } else {
      io.stderr.write(`unknown option ${a}\n${HELP}\n`);
      return 2;
    }
  }
  if (format !== 'text' && format !== 'json') {
    io.stderr.write('--format is text or json\n');
    return 2;
  }
  if (!Number.isInteger(sentences) || sentences < 1 || sentences > 50) {
    io.stderr.write('--sentences takes a whole number from 1 to 50\n');
    return 2;
  }
  const options = { summarySentences: sentences };
  if (jsonl && file !== undefined && file !== '-') {
    io.stderr.write(`--jsonl reads JSON Lines on standard input; leave out ${file} (briefbot analyze --jsonl < stories.jsonl)\n`);
    return 2;
  }
  if (jsonl) {
    const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
    let n = 0;
    for await (const line of rl) {
      n++;
      if (!line.trim()) continue;
      let id: unknown = `line-${n}`;
      try {
        const record = JSON.parse(line) as Record<string, unknown>;
        if (record === null || typeof record !== 'object') throw new Error('each line must be a JSON object');
        if ('id' in record) id = record.id;
        if (typeof record.text !== 'string') throw new Error('"text" must be a string');
        if (record.text.trim() === '') throw new Error('"text" is empty');
        const input: AnalysisInput = {
          text: record.text,
          ...(typeof record.title === 'string' && { title: record.title }),
          ...(Array.isArray(record.participants) && { participants: record.participants as AnalysisInput['participants'] }),
        };
        io.stdout.write(`${JSON.stringify(toJsonlRecord(id, analyze(input, options)))}\n`);
      } catch (e) {
        io.stdout.write(`${JSON.stringify({ id, error: e instanceof SyntaxError ? `not JSON: ${e.message}` : (e as Error).message })}\n`);
      }
    }
    return 0;
  }
  if (file === undefined) {
    io.stderr.write(`analyze needs a FILE, or - for standard input\n${HELP}\n`);
    return 2;
  }
  const shown = file === '-' ? 'standard input' : file;
  let bytes: Buffer;
  try {
    bytes = file === '-' ? await readAll(io.stdin) : await readFile(file);
  } catch (e) {
    io.stderr.write(`cannot read ${shown}: ${readFailure(e)}\n`);
    return 1;
  }
  const decoded = textOf(bytes);
  if ('problem' in decoded) {
    io.stderr.write(`${shown} ${decoded.problem}; nothing was analysed\n`);
    return 1;
  }
  const input = await inputFrom(decoded.text, file === '-' ? undefined : file);
  if ('problems' in input) {
    io.stderr.write(`${shown} is not a valid briefing:\n${input.problems.map((p) => `  ${p}`).join('\n')}\n`);
    return 1;
  }
  if (input.text.trim() === '') {
    io.stderr.write(`${shown} holds no text to analyse\n`);
    return 1;
  }
  const analysis = analyze(input, options);
  io.stdout.write(format === 'json' ? `${JSON.stringify(analysis, null, 2)}\n` : renderAnalysisText(analysis, input.title));
  return 0;
}
