import { stringify } from 'yaml';
import { BriefbotError } from '../errors.js';
import type { Briefing } from './briefing.js';
import { type BriefingProblem, type ParseResult, cleanTag, invisibleTagMessage, parseBriefing, showsAsNothing } from './parse-briefing.js';
import { slugify } from './slug.js';

/** A briefing as a moderator fills in a form (a Discord or Slack modal). */
export interface BriefingForm {
  title: string;
  /** Derived from the title when absent or blank. */
  slug?: string;
  /** A list, or one string of tags separated by commas (or by spaces when there is no comma). */
  tags?: readonly string[] | string;
  text: string;
}

export interface SubmissionOptions {
  maxBodyBytes: number;
  /** The slug being edited: the submission takes it, and may not name another. */
  slug?: string;
}

/** A file someone submitted: a chat attachment or a file read on the shell. */
export interface SubmittedFile {
  name: string;
  content: Uint8Array;
}

const SUBMISSION = 'submission';

/**
 * One tag as people type it: "#diplomacy" as cards show tags, or "<#C123|diplomacy>", which is
 * how Slack sends a "#word" that is also a channel's name.
 */
export function typedTag(text: string): string {
  return text.trim().replace(/^<#[A-Za-z0-9]+\|([^>]*)>$/, '$1').replace(/^#/, '');
}

/**
 * One tag typed to look briefings up (a list filter, a digest's tags), as briefings store tags:
 * lower case, without the zero-width characters files lose. A tag that is only invisible
 * characters is refused rather than looked for: nothing could ever match it, and no one could see why.
 */
export function lookupTag(text: string): string {
  const tag = typedTag(text);
  if (showsAsNothing(tag)) throw new BriefbotError('BAD_ARGUMENTS', `${invisibleTagMessage(tag)}.`);
  return cleanTag(tag).toLowerCase();
}

/** Tags as typed in a form: split at commas, or at spaces when there is no comma, so "north korea, diplomacy" keeps a two-word tag. */
export function splitTags(tags: BriefingForm['tags']): string[] {
  if (tags === undefined) return [];
  const list = typeof tags === 'string' ? (tags.includes(',') ? tags.split(',') : tags.split(/\s+/)) : [...tags];
  return list.map(typedTag).filter(Boolean);
}

function slugMismatch(file: string, declared: string, wanted: string): BriefingProblem {
  return { file, field: 'slug', message: `the text names the slug "${declared}", but you are editing "${wanted}"; slugs cannot be renamed` };
}

/**
 * Turns form fields into a briefing with exactly the validation a briefing file gets (the fields
 * become front-matter and go through parseBriefing).
 */
export function briefingFromForm(form: BriefingForm, options: SubmissionOptions): ParseResult {
  const title = form.title.trim();
  if (/[\r\n]/.test(title)) return { ok: false, problems: [{ file: SUBMISSION, field: 'title', message: 'the title is one line' }] };
  const given = form.slug?.trim();
  if (options.slug !== undefined && given && given !== options.slug) return { ok: false, problems: [slugMismatch(SUBMISSION, given, options.slug)] };
  const slug = options.slug ?? (given || slugify(title));
  const frontMatter: Record<string, unknown> = { title, slug, tags: splitTags(form.tags) };
  if (!title) delete frontMatter.title;
  const text = `---\n${stringify(frontMatter, { lineWidth: 0 }).trimEnd()}\n---\n\n${form.text}`;
  const result = parseBriefing(text, { maxBodyBytes: options.maxBodyBytes });
  if (!result.ok && !title) result.problems.unshift({ file: SUBMISSION, field: 'title', message: 'a title is required' });
  if (!result.ok && !slug && title) {
    // "a slug cannot be empty" would puzzle someone who left the slug to the title, as the form invites.
    const message = `the title "${title.slice(0, 80)}" has no letters a-z or digits to make a slug from; give a slug (lowercase a-z, 0-9 and hyphens), in the form's Slug field or a .md file's slug: line`;
    return { ok: false, problems: result.problems.map((p) => (p.field === 'slug' ? { ...p, message } : p)) };
  }
  return result;
}

function extensionOf(name: string): string {
  const m = /\.([a-z0-9]+)$/i.exec(name);
  return m ? (m[1] as string).toLowerCase() : '';
}

function stemOf(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  return base.replace(/\.[^.]*$/, '');
}

/**
 * Reads a submitted file: Markdown with front-matter (.md), or plain text (.txt) whose first
 * line is the title and whose slug comes from the title. Invalid UTF-8, a wrong type, a missing
 * title or an oversized body are problems, never exceptions.
 */
export function parseSubmission(file: SubmittedFile, options: SubmissionOptions): ParseResult {
  const name = file.name.split(/[\\/]/).pop() || SUBMISSION;
  const ext = extensionOf(name);
  // A file far larger than the limit is refused before it is decoded.
  if (file.content.byteLength > options.maxBodyBytes * 4 + 64 * 1024) {
    return { ok: false, problems: [{ file: name, field: 'file', message: `the file is ${Math.round(file.content.byteLength / 1024)} KB, far over the ${Math.round(options.maxBodyBytes / 1024)} KB limit (BRIEFING_MAX_BYTES)`, tooLarge: true }] };
  }
  if (ext === 'md' || ext === 'markdown') {
    const defaultSlug = options.slug ?? (slugify(stemOf(name)) || undefined);
    const result = parseBriefing(file.content, { fileName: name, maxBodyBytes: options.maxBodyBytes, ...(defaultSlug && { defaultSlug }) });
    if (result.ok && options.slug !== undefined && result.briefing.slug !== options.slug) {
      return { ok: false, problems: [slugMismatch(name, result.briefing.slug, options.slug)] };
    }
    return result;
  }
  if (ext === 'txt') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file.content).replace(/^\uFEFF/, '');
    } catch {
      return { ok: false, problems: [{ file: name, field: 'file', message: 'the file is not valid UTF-8 text' }] };
    }
    const lines = text.replace(/^\s*\n/, '').split(/\r?\n/);
    const title = (lines.shift() ?? '').trim().replace(/^#+\s*/, '');
    const body = lines.join('\n');
    const result = briefingFromForm({ title, text: body, ...(options.slug !== undefined && { slug: options.slug }) }, options);
    if (result.ok) return result;
    // A one-line file's line became the title: "the text is empty" alone would puzzle its sender.
    const emptyBody = `the text is empty: in a .txt file the first line is the title ("${title.slice(0, 80)}"), and the text follows it on the next lines`;
    return { ok: false, problems: result.problems.map((p) => ({ ...p, file: name, ...(p.field === 'body' && title && !body.trim() && { message: emptyBody }) })) };
  }
  return { ok: false, problems: [{ file: name, field: 'file', message: 'send a .md file (front-matter and text) or a .txt file (first line the title, then the text)' }] };
}

/** The refusal for a submission with problems: each one on its line, naming the field. */
export function submissionError(problems: readonly BriefingProblem[]): BriefbotError {
  const tooLarge = problems.length > 0 && problems.every((p) => p.tooLarge);
  const lines = problems.slice(0, 10).map((p) => `• ${p.field}: ${p.message}`);
  if (problems.length > 10) lines.push(`• … and ${problems.length - 10} more`);
  return new BriefbotError(tooLarge ? 'TOO_LARGE' : 'INVALID_BRIEFING', `That briefing was not saved:\n${lines.join('\n')}`, {
    details: problems.map((p) => `${p.file}: ${p.field}: ${p.message}`),
  });
}

/** The briefing, or the typed error that names every problem. */
export function requireValid(result: ParseResult): Briefing {
  if (!result.ok) throw submissionError(result.problems);
  return result.briefing;
}
