import { readableSentence } from '../analysis/clean-text.js';
import type { Analysis, Issue, Quote, Stance } from '../analysis/types.js';
import type { Briefing } from '../briefing/briefing.js';
import { type Action, type Block, pageNote, type ReplyDocument, type Section, sliceWhole } from './document.js';

export const CARD_SECTIONS = ['card', 'summary', 'quotes', 'issues', 'full'] as const;
export type CardSection = (typeof CARD_SECTIONS)[number];

/** Quotes, issues and text pages per page when a section is shown on its own. */
const QUOTES_PER_PAGE = 8;
const ISSUES_PER_PAGE = 10;
/** Fits one Slack section (3000) and one Discord description (4096) with room for the rest. */
const TEXT_PAGE_CHARS = 1800;

const STANCE_LABEL: Record<Stance, string> = {
  agreement: 'agreed',
  disagreement: 'disagreed',
  request: 'request',
  mixed: 'mixed',
  statement: 'stated',
};

export interface CardInput {
  briefing: Briefing;
  /** Null when the analysis failed: the card still shows the text. */
  analysis: Analysis | null;
  section?: CardSection;
  page?: number;
  /** Add a "Post to channel" button that posts the page shown (not the one asked for, which may not exist). */
  postToChannel?: boolean;
}

export function subtitleOf(b: Briefing): string | undefined {
  const parts = [b.source, b.published?.slice(0, 10)].filter((p): p is string => !!p);
  return parts.length ? parts.join(' · ') : undefined;
}

function quoteBlock(q: Quote): Block {
  return { kind: 'quote', text: q.text, attribution: q.speaker };
}

function issueField(issue: Issue, analysis: Analysis): { label: string; value: string } {
  const label = `${capitalise(issue.topic)} · ${STANCE_LABEL[issue.stance]}`;
  const value = issue.positions.length
    ? issue.positions.map((p) => `${p.party}: ${p.position}`).join('\n')
    : readableSentence(analysis.sentences[issue.sentences[0] ?? -1]?.text ?? '');
  return { label, value };
}

function capitalise(s: string): string {
  return s.length ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

function keyQuotes(a: Analysis): Quote[] {
  const key = a.quotes.filter((q) => q.key);
  return key.length ? key : a.quotes.slice(0, 3);
}

/** Splits text into pages at paragraph (then sentence, then word) boundaries. */
export function paginateText(text: string, pageChars = TEXT_PAGE_CHARS): string[] {
  const paragraphs = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const pages: string[] = [];
  let current = '';
  const pieces: string[] = [];
  for (const p of paragraphs) {
    if (p.length <= pageChars) pieces.push(p);
    else pieces.push(...splitLong(p, pageChars));
  }
  for (const p of pieces) {
    if (current && current.length + 2 + p.length > pageChars) {
      pages.push(current);
      current = p;
    } else current = current ? `${current}\n\n${p}` : p;
  }
  if (current) pages.push(current);
  return pages.length ? pages : [''];
}

function splitLong(p: string, max: number): string[] {
  const out: string[] = [];
  let rest = p;
  while (rest.length > max) {
    const head = sliceWhole(rest, max);
    let cut = Math.max(head.lastIndexOf('. '), head.lastIndexOf('? '), head.lastIndexOf('! '));
    if (cut < max / 3) cut = head.lastIndexOf(' ');
    if (cut < max / 3) cut = head.length - 1;
    out.push(rest.slice(0, cut + 1).trim());
    rest = rest.slice(cut + 1).trim();
  }
  if (rest) out.push(rest);
  return out;
}

function pageOf<T>(items: readonly T[], page: number, size: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(1, page), pages);
  return { items: items.slice((p - 1) * size, p * size), page: p, pages };
}

function pagerActions(slug: string, section: CardSection, page: number, pages: number): Action[] {
  const out: Action[] = [];
  if (page > 1) out.push({ label: '◀ Previous', command: `/briefing ${slug} ${section} ${page - 1}` });
  if (page < pages) out.push({ label: 'Next ▶', command: `/briefing ${slug} ${section} ${page + 1}` });
  return out;
}

function sectionActions(slug: string, current: CardSection): Action[] {
  const all: [CardSection, string][] = [
    ['card', 'Card'],
    ['summary', 'Summary'],
    ['quotes', 'Quotes'],
    ['issues', 'Issues'],
    ['full', 'Full text'],
  ];
  return all.filter(([s]) => s !== current).map(([s, label]) => ({ label, command: `/briefing ${slug}${s === 'card' ? '' : ` ${s}`}` }));
}

/** Posts for the channel the page being read: without it, "Post to channel" on page 2 posted page 1. */
function postAction(slug: string, section: CardSection, page: number): Action {
  const sectionWord = section === 'card' ? '' : ` ${section}${page > 1 ? ` ${page}` : ''}`;
  return { label: 'Post to channel', command: `/briefing ${slug}${sectionWord} public`, style: 'primary' };
}

/** The first action for each command line: two buttons that do the same thing confuse people. */
function uniqueByCommand(actions: Action[]): Action[] {
  const seen = new Set<string>();
  return actions.filter((a) => !seen.has(a.command) && seen.add(a.command));
}

/**
 * The briefing card: title, source and date, then the summary, key quotes with speakers and the
 * issue breakdown; or one of those sections (or the full text) on its own, page by page.
 */
export function buildBriefingCard(input: CardInput): ReplyDocument {
  const { briefing: b, analysis: a } = input;
  const section = input.section ?? 'card';
  const requestedPage = input.page ?? 1;
  const sections: Section[] = [];
  let pager: Action[] = [];
  let footer: string | undefined;
  /** The page of the paged section shown: past the end, the last one. */
  let shownPage = 1;

  if (a === null && section !== 'full') {
    const first = paginateText(b.body)[0] ?? '';
    sections.push({
      title: 'Text',
      blocks: [
        { kind: 'context', text: 'The analysis of this briefing failed; here is its text.' },
        { kind: 'text', text: first },
      ],
    });
  } else if (section === 'full' || a === null) {
    const pages = paginateText(a?.cleanedText || b.body);
    const p = pageOf(pages, requestedPage, 1);
    sections.push({ title: 'Full text', blocks: [{ kind: 'text', text: p.items[0] ?? '' }] });
    pager = pagerActions(b.slug, 'full', p.page, p.pages);
    shownPage = p.page;
    footer = pageNote(requestedPage, p.page, p.pages);
  } else {
    if (section === 'card' || section === 'summary') {
      const blocks: Block[] = [];
      if (section === 'summary' && a.tldr) blocks.push({ kind: 'context', text: `TL;DR: ${a.tldr}` });
      blocks.push(a.summary.length ? { kind: 'text', text: a.summary.join(' ') } : { kind: 'context', text: 'No summary: the text is too short.' });
      sections.push({ title: 'Summary', blocks });
    }
    if (section === 'card' || section === 'quotes') {
      const all = section === 'card' ? keyQuotes(a) : a.quotes;
      const p = pageOf(all, section === 'quotes' ? requestedPage : 1, section === 'card' ? 3 : QUOTES_PER_PAGE);
      const blocks: Block[] = p.items.length ? p.items.map(quoteBlock) : [{ kind: 'context', text: 'No direct quotations in this briefing.' }];
      sections.push({ title: section === 'card' ? 'Key quotes' : 'Quotes', blocks });
      if (section === 'quotes') {
        pager = pagerActions(b.slug, 'quotes', p.page, p.pages);
        shownPage = p.page;
        footer = pageNote(requestedPage, p.page, p.pages);
      }
    }
    if (section === 'card' || section === 'issues') {
      const p = pageOf(a.issues, section === 'issues' ? requestedPage : 1, ISSUES_PER_PAGE);
      const blocks: Block[] = p.items.length
        ? [{ kind: 'fields', fields: p.items.map((i) => issueField(i, a)) }]
        : [{ kind: 'context', text: 'No distinct issues found.' }];
      sections.push({ title: 'Issues', blocks });
      if (section === 'card' && p.pages > 1) {
        pager = [{ label: `All ${a.issues.length} issues`, command: `/briefing ${b.slug} issues` }];
      }
      if (section === 'issues') {
        pager = pagerActions(b.slug, 'issues', p.page, p.pages);
        shownPage = p.page;
        footer = pageNote(requestedPage, p.page, p.pages);
      }
    }
  }

  const subtitle = subtitleOf(b);
  return {
    title: b.title,
    ...(b.url !== undefined && { url: b.url }),
    ...(subtitle !== undefined && { subtitle }),
    sections,
    actions: uniqueByCommand([...pager, ...sectionActions(b.slug, section), ...(input.postToChannel ? [postAction(b.slug, section, shownPage)] : [])]),
    ...(footer !== undefined && { footer }),
    visibility: 'private',
  };
}
