import { parseDocument, stringify } from 'yaml';
import { z } from 'zod';
import type { Briefing, Participant } from './briefing.js';
import { slugProblem, slugify } from './slug.js';

/** One thing wrong with a briefing file or submission, addressed to an editor. */
export interface BriefingProblem {
  /** The file name, or "submission" for chat input. */
  file: string;
  /** The front-matter field ("participants[1].name"), "front-matter", "body" or "file". */
  field: string;
  message: string;
  /** Set when the problem is size alone, so callers can answer TOO_LARGE. */
  tooLarge?: boolean;
}

export type ParseResult = { ok: true; briefing: Briefing } | { ok: false; problems: BriefingProblem[] };

export interface ParseOptions {
  /** Shown in problems; also the default slug when it ends in .md or .txt. */
  fileName?: string;
  /** Upper bound on the body, in bytes of UTF-8. */
  maxBodyBytes?: number;
  /** The slug when the front-matter gives none, instead of the file name's (chat uploads). */
  defaultSlug?: string;
}

/**
 * Bump when parseBriefing can return a different briefing for the same file: parsed files are
 * kept in the store under a key that includes this number (and the yaml and zod versions).
 */
export const BRIEFING_FORMAT_VERSION = 4;

/**
 * Whether YYYY-MM-DD names a day of the calendar. Date.parse rolls 2026-02-30 over to 2 March
 * instead of refusing it, so the file would be listed under a date it does not show.
 */
function isCalendarDate(ymd: string): boolean {
  const [y, m, d] = ymd.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y, m - 1, d));
  return at.getUTCFullYear() === y && at.getUTCMonth() === m - 1 && at.getUTCDate() === d;
}

export const DEFAULT_MAX_BODY_BYTES = 200 * 1024;
/** Front-matter is a few lines; a huge one is an attack or an accident. */
const MAX_FRONT_MATTER_BYTES = 64 * 1024;
export const MAX_TAGS = 50;
export const MAX_TAG_LENGTH = 40;
const MAX_PARTICIPANTS = 100;

// Zero-width and bidirectional controls make two different strings look alike in chat.
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

const cleanLine = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    // One line with single spaces: chat shows a title or a name on one line, and a tab or a
    // YAML block's line break would show as a gap or break an embed's title.
    .transform((s) => s.replace(INVISIBLE, '').normalize('NFC').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .min(1, `${what} cannot be empty`)
        .max(max, `${what} has at most ${max} characters`)
        .refine((s) => !CONTROL.test(s), `${what} cannot contain control characters`),
    );

/** Characters that show as nothing: zero-width, bidi controls, Hangul and Braille fillers, spaces. */
const SHOWS_AS_NOTHING = /^[\p{Default_Ignorable_Code_Point}\p{White_Space}\u2800]+$/u;

/** Text that is there but shows as nothing, such as a lone zero-width space. */
export function showsAsNothing(text: string): boolean {
  return text.trim() !== '' && SHOWS_AS_NOTHING.test(text);
}

/** Why a tag of invisible characters is refused, naming them, since they cannot be shown. */
export function invisibleTagMessage(text: string): string {
  const chars = [...text.trim()];
  const points = chars.slice(0, 5).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
  return `a tag cannot be only invisible characters (this one is ${points.join(' ')}${chars.length > 5 ? ' ...' : ''}): no one could see it or type it; write the tag in letters or digits`;
}

/** A tag as typed, cleaned as tags are stored: invisible controls removed, one line, NFC. */
export function cleanTag(text: string): string {
  return text.replace(INVISIBLE, '').normalize('NFC').replace(/\s+/g, ' ').trim();
}

// Forms and digest filters separate tags by commas: a tag holding one could not be typed back.
// A tag of invisible characters is refused by name: "cannot be empty" would puzzle the editor who typed one.
const tagSchema = z
  .string({ error: 'a tag must be text' })
  .superRefine((s, ctx) => {
    if (showsAsNothing(s)) ctx.addIssue({ code: 'custom', message: invisibleTagMessage(s), abort: true });
  })
  .pipe(cleanLine(MAX_TAG_LENGTH, 'a tag'))
  .refine((s) => !s.includes(','), 'a tag cannot contain a comma: tags are separated by commas; make it two tags')
  .transform((s) => s.toLowerCase());

const participantSchema = z.strictObject(
  {
    name: cleanLine(120, 'name'),
    role: cleanLine(120, 'role').optional(),
    side: cleanLine(120, 'side').optional(),
    aliases: z.array(cleanLine(120, 'an alias'), { error: 'aliases must be a list of names' }).max(20).default([]),
  },
  { error: 'each participant is a mapping with name, and optionally role, side and aliases' },
);

const frontMatterSchema = z.strictObject({
  title: cleanLine(200, 'title'),
  slug: z
    .string({ error: 'slug must be text' })
    .superRefine((s, ctx) => {
      const problem = slugProblem(s);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .optional(),
  source: cleanLine(200, 'source').optional(),
  url: z
    .string({ error: 'url must be text' })
    .refine((s) => {
      try {
        const u = new URL(s);
        return u.protocol === 'https:' || u.protocol === 'http:';
      } catch {
        return false;
      }
    }, 'url must be an http(s) address such as https://example.com/story')
    .optional(),
  published: z
    .string({ error: 'published must be a date such as 2018-04-11' })
    .superRefine((s, ctx) => {
      if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) || Number.isNaN(Date.parse(s))) {
        ctx.addIssue({ code: 'custom', message: 'published must be a date such as 2018-04-11' });
      } else if (!isCalendarDate(s.slice(0, 10))) {
        ctx.addIssue({ code: 'custom', message: `there is no such day as ${s.slice(0, 10)}; published must be a real date such as 2018-04-11` });
      }
    })
    .optional(),
  tags: z
    .array(tagSchema, { error: 'tags must be a list, such as [diplomacy, japan]' })
    .max(MAX_TAGS, `at most ${MAX_TAGS} tags`)
    .default([]),
  participants: z
    .array(participantSchema, { error: 'participants must be a list of {name, role, side, aliases}' })
    .max(MAX_PARTICIPANTS, `at most ${MAX_PARTICIPANTS} participants`)
    .default([]),
});

type FrontMatter = z.infer<typeof frontMatterSchema>;

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

function defaultSlugFrom(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const m = /^(.*)\.(md|markdown|txt)$/i.exec(base);
  return m ? m[1] : undefined;
}

function decode(input: string | Uint8Array, file: string): { text: string } | { problem: BriefingProblem } {
  if (typeof input === 'string') return { text: input };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(input) };
  } catch {
    return { problem: { file, field: 'file', message: 'the file is not valid UTF-8 text' } };
  }
}

function fieldName(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || 'front-matter';
}

/**
 * Parses a briefing file: YAML front-matter between `---` lines, then the body as pasted.
 * Never throws on bad input: every problem found is returned, each naming the field.
 */
export function parseBriefing(input: string | Uint8Array, options: ParseOptions = {}): ParseResult {
  const file = options.fileName ?? 'submission';
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const decoded = decode(input, file);
  if ('problem' in decoded) return { ok: false, problems: [decoded.problem] };
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) return { ok: false, problems: [{ file, field: 'file', message: 'the file is binary, not text' }] };

  const split = splitFrontMatter(text);
  if (!split) {
    return {
      ok: false,
      problems: [{ file, field: 'front-matter', message: 'expected YAML front-matter between "---" lines at the top, with at least a title' }],
    };
  }
  const problems: BriefingProblem[] = [];
  const { yamlText, body } = split;
  if (Buffer.byteLength(yamlText) > MAX_FRONT_MATTER_BYTES) {
    return { ok: false, problems: [{ file, field: 'front-matter', message: `front-matter is larger than ${MAX_FRONT_MATTER_BYTES / 1024} KB` }] };
  }
  const raw = readYaml(yamlText, file, problems);
  problems.push(...bodyProblems(body, file, maxBody));
  if (raw === undefined) return { ok: false, problems };

  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldName(issue.path);
      const message = issue.code === 'unrecognized_keys' ? `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
      problems.push({ file, field, message });
    }
    return { ok: false, problems };
  }
  const slug = parsed.data.slug ?? options.defaultSlug ?? defaultSlugFrom(options.fileName);
  if (slug === undefined) {
    problems.push({ file, field: 'slug', message: 'slug is required when the briefing does not come from a file' });
  } else if (parsed.data.slug === undefined) {
    const problem = slugProblem(slug);
    if (problem) problems.push({ file, field: 'slug', message: `the file name gives the slug "${slug}", but ${problem}; rename the file or set slug` });
  }
  if (problems.length > 0 || slug === undefined) return { ok: false, problems };
  return { ok: true, briefing: toBriefing(parsed.data, slug, body) };
}

function splitFrontMatter(text: string): { yamlText: string; body: string } | undefined {
  const match = FRONT_MATTER.exec(text);
  if (!match) return undefined;
  // trimEnd removes what /\s+$/ matches, without the regex's quadratic retries on long texts.
  return { yamlText: match[1] ?? '', body: text.slice(match[0].length).replace(/^\s*\n/, '').trimEnd() };
}

/**
 * The body parseBriefing gives for these bytes, without reading the front-matter: for a file
 * whose front-matter parse is already known (cached by a hash of the same bytes). Undefined when
 * the bytes are not UTF-8 or have no front-matter.
 */
export function briefingBody(input: Uint8Array): string | undefined {
  const decoded = decode(input, 'file');
  if ('problem' in decoded) return undefined;
  return splitFrontMatter(decoded.text.replace(/^\uFEFF/, ''))?.body;
}

function readYaml(yamlText: string, file: string, problems: BriefingProblem[]): unknown {
  // No custom tags, no merge keys, few aliases: front-matter is data, not a program or a bomb.
  const doc = parseDocument(yamlText, { schema: 'core', merge: false, uniqueKeys: true, prettyErrors: false });
  const bad = [...doc.errors, ...doc.warnings];
  if (bad.length > 0) {
    for (const e of bad.slice(0, 5)) {
      const message = /tag/i.test(e.message) ? 'custom YAML tags are not allowed in front-matter' : `the YAML does not parse: ${e.message.split('\n')[0]}`;
      problems.push({ file, field: 'front-matter', message });
    }
    return undefined;
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 20 });
  } catch (e) {
    problems.push({ file, field: 'front-matter', message: `the YAML could not be read: ${(e as Error).message.split('\n')[0]}` });
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    problems.push({ file, field: 'front-matter', message: 'front-matter must be a mapping of fields, such as "title: ..."' });
    return undefined;
  }
  // A "__proto__" key in YAML becomes an own property; refuse it rather than let it near an object spread.
  for (const key of ['__proto__', 'constructor', 'prototype']) {
    if (Object.prototype.hasOwnProperty.call(value, key)) {
      problems.push({ file, field: key, message: `"${key}" is not a briefing field` });
      return undefined;
    }
  }
  return value;
}

export function bodyProblems(body: string, file: string, maxBody: number): BriefingProblem[] {
  if (body.trim().length === 0) return [{ file, field: 'body', message: 'the text of the briefing is empty' }];
  const bytes = Buffer.byteLength(body);
  if (bytes > maxBody) {
    return [{ file, field: 'body', message: `the text is ${formatBytes(bytes)}; the limit is ${formatBytes(maxBody)} (BRIEFING_MAX_BYTES)`, tooLarge: true }];
  }
  return [];
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${Math.round(n / 1024)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

function toBriefing(fm: FrontMatter, slug: string, body: string): Briefing {
  const participants: Participant[] = fm.participants.map((p) => ({
    name: p.name,
    ...(p.role !== undefined && { role: p.role }),
    ...(p.side !== undefined && { side: p.side }),
    aliases: p.aliases,
  }));
  return {
    slug,
    title: fm.title,
    ...(fm.source !== undefined && { source: fm.source }),
    ...(fm.url !== undefined && { url: fm.url }),
    ...(fm.published !== undefined && { published: fm.published }),
    tags: [...new Set(fm.tags)],
    participants,
    body,
  };
}

/** The Markdown file for a briefing: what `export` gives and what a file library holds. */
export function serializeBriefing(b: Briefing): string {
  const fm: Record<string, unknown> = { title: b.title, slug: b.slug };
  if (b.source) fm.source = b.source;
  if (b.url) fm.url = b.url;
  if (b.published) fm.published = b.published;
  if (b.tags.length) fm.tags = b.tags;
  if (b.participants.length) {
    fm.participants = b.participants.map((p) => ({
      name: p.name,
      ...(p.role && { role: p.role }),
      ...(p.side && { side: p.side }),
      ...(p.aliases.length && { aliases: p.aliases }),
    }));
  }
  return `---\n${stringify(fm, { lineWidth: 0 }).trimEnd()}\n---\n\n${b.body}\n`;
}

/** A suggested slug for a title, for forms that ask for one. */
export function suggestSlug(title: string): string {
  return slugify(title) || 'briefing';
}
