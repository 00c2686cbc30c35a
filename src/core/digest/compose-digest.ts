import type { Briefing } from '../briefing/briefing.js';
import type { Action, Block, ReplyDocument, Section } from '../render/document.js';
import { trimAtSentence } from '../render/document.js';
import { formatLocal } from './slots.js';

/** One briefing as a digest shows it: what the library and the analysis say about it. */
export interface DigestItem {
  briefing: Briefing;
  updatedAt: Date;
  /** The one-line TL;DR; absent when the analysis failed. */
  tldr?: string;
  topQuote?: { text: string; speaker: string | null };
}

export interface DigestOptions {
  style: 'compact' | 'full';
  noteWhenEmpty: boolean;
  /** The subscription's zone, for the date in the title. */
  timeZone: string;
  /** The instant the digest is for (its slot, or now for a preview). */
  at: Date;
  tags: readonly string[];
  /** Marks a preview, which only the asker sees. */
  preview?: boolean;
  /** Why the subscription is paused, when it is: a preview says nothing would be posted. */
  pausedReason?: string;
}

/** Items shown in full; the rest are named in one line so a digest stays a few messages long. */
const MAX_FULL_ITEMS = 10;
const MAX_COMPACT_ITEMS = 25;
const MAX_BUTTONS = 5;
/** Slugs named on the line about the briefings past those shown; more are only counted. */
const MAX_NAMED_REST = 20;
const TLDR_CHARS = 280;
const QUOTE_CHARS = 300;

/** The briefings a digest covers: changed in (since, until], with one of the tags if any, newest first. */
export function selectDigestItems<T extends { briefing: Briefing; updatedAt: Date }>(
  entries: readonly T[],
  window: { since: Date; until: Date; tags: readonly string[] },
): T[] {
  const tags = new Set(window.tags.map((t) => t.toLowerCase()));
  return entries
    .filter((e) => e.updatedAt.getTime() > window.since.getTime() && e.updatedAt.getTime() <= window.until.getTime())
    .filter((e) => tags.size === 0 || e.briefing.tags.some((t) => tags.has(t.toLowerCase())))
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || a.briefing.slug.localeCompare(b.briefing.slug));
}

function openCommand(slug: string): string {
  return `/briefing ${slug}`;
}

/**
 * The digest as a neutral document, or null when there is nothing to post (nothing new and the
 * subscription did not ask for a note). Each platform's post() splits it within its limits.
 */
export function composeDigest(items: readonly DigestItem[], options: DigestOptions): ReplyDocument | null {
  const when = formatLocal(options.at.getTime(), options.timeZone).replace(/, \d\d:\d\d \(.*\)$/, '');
  const tagNote = options.tags.length ? ` · #${options.tags.join(' #')}` : '';
  const visibility = options.preview ? 'private' : 'public';
  // A moderator previewing a paused digest would otherwise think it will be posted.
  const paused: Section[] =
    options.preview && options.pausedReason !== undefined
      ? [{ blocks: [{ kind: 'context', text: `This digest is paused (${options.pausedReason}): nothing is posted until a moderator runs /digest subscribe again.` }] }]
      : [];
  if (items.length === 0) {
    if (!options.noteWhenEmpty && !options.preview) return null;
    return {
      title: `Digest · ${when}`,
      sections: [...paused, { blocks: [{ kind: 'context', text: `No new briefings since the last digest${tagNote}.` }] }],
      actions: [],
      // A subscription with a note posts this very note; one without posts nothing at all.
      ...(options.preview && {
        footer: options.noteWhenEmpty ? 'Preview: only you see this; at this time the channel would get this note.' : 'Preview: only you see this; nothing would be posted now.',
      }),
      visibility,
    };
  }

  const sections: Section[] = [...paused];
  const max = options.style === 'full' ? MAX_FULL_ITEMS : MAX_COMPACT_ITEMS;
  const shown = items.slice(0, max);
  if (options.style === 'full') {
    for (const item of shown) {
      const b = item.briefing;
      const blocks: Block[] = [];
      if (item.tldr) blocks.push({ kind: 'text', text: trimAtSentence(item.tldr, TLDR_CHARS) });
      if (item.topQuote) blocks.push({ kind: 'quote', text: trimAtSentence(item.topQuote.text, QUOTE_CHARS), attribution: item.topQuote.speaker });
      blocks.push({ kind: 'context', text: `Open: ${openCommand(b.slug)}` });
      sections.push({ title: b.title, blocks });
    }
  } else {
    sections.push({
      blocks: [
        {
          kind: 'fields',
          fields: shown.map((item) => ({
            label: item.briefing.title,
            value: [item.tldr ? trimAtSentence(item.tldr, TLDR_CHARS) : undefined, openCommand(item.briefing.slug)].filter(Boolean).join('\n'),
          })),
        },
      ],
    });
  }
  const rest = items.slice(max);
  if (rest.length) {
    // A library imported at once puts hundreds of briefings in one digest: naming them all filled several messages with slugs.
    const named = rest.slice(0, MAX_NAMED_REST).map((i) => i.briefing.slug).join(', ');
    const others = rest.length - MAX_NAMED_REST;
    const text = others > 0 ? `And ${rest.length} more: ${named} and ${others} others (/briefing list shows them all, newest first).` : `And ${rest.length} more: ${named}`;
    sections.push({ blocks: [{ kind: 'context', text }] });
  }
  const actions: Action[] = shown.slice(0, MAX_BUTTONS).map((item) => ({ label: trimAtSentence(item.briefing.title, 60), command: openCommand(item.briefing.slug) }));
  const count = `${items.length} new briefing${items.length === 1 ? '' : 's'}`;
  return {
    title: `Digest · ${when}`,
    subtitle: `${count}${tagNote}`,
    sections,
    actions,
    footer: options.preview ? 'Preview: only you see this. Open any briefing with /briefing <slug>.' : 'Open any briefing with /briefing <slug> · /digest status',
    visibility,
  };
}
