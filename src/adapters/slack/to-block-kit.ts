import type { types } from '@slack/bolt';
import { type Action, type ReplyDocument, sliceWhole, trimAtSentence } from '../../core/render/document.js';
import { escapeMrkdwn, mrkdwnLink, neutraliseBroadcasts, sliceMrkdwn } from './escape-mrkdwn.js';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** Slack's documented limits, and a total-size budget under the ~13k characters a message may hold. */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  header: 150,
  buttonText: 75,
  actionValue: 2000,
  buttonsPerActions: 25,
  messageChars: 12_000,
  fallbackText: 300,
} as const;

export const RUN_ACTION_PREFIX = 'briefbot:run:';
export const MORE_ACTION_ID = 'briefbot:more';

/** Where a page stopped: the unit (block of the document) and how far into its text. */
export interface Cursor {
  unit: number;
  offset: number;
}

/** What a "Show more" button carries: the command line to run again, and where the shown part stopped. */
export interface MoreValue extends Cursor {
  line: string;
}

export interface SlackMessage {
  /** The notification and fallback text (mrkdwn, escaped). */
  text: string;
  blocks: KnownBlock[];
}

export interface RenderedPage {
  message: SlackMessage;
  /** Set when the document did not fit: render again from here for the rest. */
  rest?: Cursor;
}

export interface PageOptions {
  /** Continue a document from where an earlier page stopped. */
  from?: Cursor;
  /** Attach the document's buttons to this page. */
  withActions: boolean;
  /** The command line that produced the document: enables a "Show more" button when it does not fit. */
  moreLine?: string;
}

interface Unit {
  kind: 'header' | 'section' | 'context' | 'divider';
  /** The raw (unescaped) text that may be cut, at a sentence, to fit. */
  text: string;
  /** Raw text to what Slack gets: escaping, bold labels, quote marks. */
  render: (raw: string) => string;
  trimmable: boolean;
}

const mrkdwn = (text: string): types.MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });

function quoteLines(escaped: string): string {
  return escaped
    .split('\n')
    .map((l) => `> ${l}`)
    .join('\n');
}

/** The document as a flat list of units, each becoming one Slack block. */
function unitsOf(doc: ReplyDocument): Unit[] {
  const units: Unit[] = [];
  const warn = doc.tone === 'error' ? ':warning: ' : '';
  // A header is plain_text: Slack shows it as written (no entities decoded, no mentions or links parsed).
  if (doc.title) units.push({ kind: 'header', text: doc.title, render: (t) => neutraliseBroadcasts(t), trimmable: true });
  const meta = [doc.subtitle ? escapeMrkdwn(doc.subtitle) : undefined, doc.url ? mrkdwnLink(doc.url, 'Source') : undefined].filter(Boolean).join(' · ');
  if (meta) units.push({ kind: 'context', text: meta, render: (t) => t, trimmable: false });
  let first = true;
  doc.sections.forEach((section, i) => {
    if (i > 0) units.push({ kind: 'divider', text: '', render: () => '', trimmable: false });
    if (section.title) {
      const title = section.title;
      units.push({ kind: 'section', text: title, render: (t) => `*${escapeMrkdwn(t, { wrapped: true })}*`, trimmable: true });
    }
    for (const b of section.blocks) {
      const lead = first ? warn : '';
      first = false;
      switch (b.kind) {
        case 'text':
          units.push({ kind: 'section', text: b.text, render: (t) => lead + escapeMrkdwn(t), trimmable: true });
          break;
        case 'context':
          units.push({ kind: 'context', text: b.text, render: (t) => lead + escapeMrkdwn(t), trimmable: true });
          break;
        case 'quote': {
          const by = b.attribution ? `*${escapeMrkdwn(b.attribution, { wrapped: true })}*` : '_speaker not identified_';
          // The speaker's marks share the block: a lone mark of the quote could pair with them.
          units.push({ kind: 'section', text: b.text, render: (t) => `${quoteLines(`“${escapeMrkdwn(t, { wrapped: true })}”`)}\n> — ${by}`, trimmable: true });
          break;
        }
        case 'list': {
          const text = b.items.map((item, n) => `${b.ordered ? `${n + 1}.` : '•'} ${item}`).join('\n');
          units.push({ kind: 'section', text, render: (t) => lead + escapeMrkdwn(t), trimmable: true });
          break;
        }
        case 'channels':
          for (const c of b.items) {
            // Slack shows <#C0123> as the channel's name, linked, to each member who can see it.
            const channel = c.platform === 'slack' && /^[CGD][A-Z0-9]{2,}$/.test(c.channelId) ? `<#${c.channelId}>` : `*${escapeMrkdwn(c.name, { wrapped: true })}*`;
            units.push({ kind: 'section', text: c.text, render: (t) => `${lead}${channel}\n${escapeMrkdwn(t)}`, trimmable: true });
          }
          break;
        case 'fields':
          for (const f of b.fields) {
            const label = `*${escapeMrkdwn(f.label, { wrapped: true })}*\n`;
            units.push({ kind: 'section', text: f.value, render: (t) => label + escapeMrkdwn(t, { wrapped: true }), trimmable: true });
          }
          break;
      }
    }
  });
  if (doc.footer) units.push({ kind: 'context', text: doc.footer, render: (t) => escapeMrkdwn(t), trimmable: true });
  return units;
}

interface Fit {
  rendered: string;
  /** Characters of the raw text used (all of it when complete). */
  used: number;
  complete: boolean;
}

/**
 * Fits a unit's text into `limit` rendered characters. Escaping lengthens text (`&` becomes
 * `&amp;`, a formatting mark a 22-character literal), so the raw budget shrinks, in proportion to
 * how much the text grew, until the escaped result fits.
 */
function fit(unit: Unit, raw: string, limit: number): Fit | undefined {
  const whole = unit.render(raw);
  if (whole.length <= limit) return { rendered: whole, used: raw.length, complete: true };
  if (!unit.trimmable) return undefined;
  let max = Math.min(raw.length - 1, Math.floor((raw.length * limit) / whole.length));
  while (max >= 20) {
    const cut = trimAtSentence(raw, max);
    const rendered = unit.render(cut);
    if (rendered.length <= limit) return { rendered, used: cut.length - 3, complete: false };
    max = Math.min(max - 1, Math.floor((max * limit) / rendered.length));
  }
  return undefined;
}

function limitFor(kind: Unit['kind']): number {
  return kind === 'header' ? SLACK_LIMITS.header : SLACK_LIMITS.sectionText;
}

function blockOf(kind: Unit['kind'], text: string): KnownBlock {
  switch (kind) {
    case 'header':
      return { type: 'header', text: { type: 'plain_text', text, emoji: true } };
    case 'context':
      return { type: 'context', elements: [mrkdwn(text)] };
    case 'divider':
      return { type: 'divider' };
    case 'section':
      return { type: 'section', text: mrkdwn(text) };
  }
}

/**
 * Text for a plain_text object (a header, a button, a menu option), cut at a sentence to at most
 * `max` characters. Slack shows plain_text as written: it decodes no entities (an escaped "&"
 * would read "&amp;") and parses no mention or link, so only "@channel" and the like are defused.
 */
export function plainWithin(text: string, max: number): string {
  let room = max;
  for (;;) {
    const out = neutraliseBroadcasts(trimAtSentence(text, room));
    if (out.length <= max || room <= 4) return sliceWhole(out, max);
    room -= out.length - max;
  }
}

/** Escaped text cut to at most `max` characters after escaping: for mrkdwn. */
export function escapedWithin(text: string, max: number): string {
  let room = max;
  for (;;) {
    const out = escapeMrkdwn(trimAtSentence(text, room));
    if (out.length <= max || room <= 4) return sliceMrkdwn(out, max);
    room = Math.min(room - 1, Math.floor((room * max) / out.length));
  }
}

function buttonOf(action: Action, index: number): Button | undefined {
  if (action.command.length > SLACK_LIMITS.actionValue) return undefined;
  const button: Button = {
    type: 'button',
    action_id: `${RUN_ACTION_PREFIX}${index}`,
    text: { type: 'plain_text', text: plainWithin(action.label, SLACK_LIMITS.buttonText), emoji: true },
    value: action.command,
  };
  if (action.style === 'primary' || action.style === 'danger') button.style = action.style;
  if (action.style === 'danger') {
    button.confirm = {
      title: { type: 'plain_text', text: 'Are you sure?' },
      text: { type: 'plain_text', text: `${plainWithin(action.label, 200)}: this cannot be undone from this message.` },
      confirm: { type: 'plain_text', text: plainWithin(action.label, 30) },
      deny: { type: 'plain_text', text: 'Cancel' },
      style: 'danger',
    };
  }
  return button;
}

function moreButton(line: string, rest: Cursor): Button | undefined {
  const value = JSON.stringify({ line, unit: rest.unit, offset: rest.offset } satisfies MoreValue);
  if (value.length > SLACK_LIMITS.actionValue) return undefined;
  return { type: 'button', action_id: MORE_ACTION_ID, text: { type: 'plain_text', text: 'Show the rest' }, value, style: 'primary' };
}

function actionBlocks(buttons: Button[]): KnownBlock[] {
  const out: KnownBlock[] = [];
  for (let i = 0; i < buttons.length; i += SLACK_LIMITS.buttonsPerActions) {
    out.push({ type: 'actions', elements: buttons.slice(i, i + SLACK_LIMITS.buttonsPerActions) });
  }
  return out;
}

/** Parses a "Show more" button's value; undefined when it is not one of ours. */
export function parseMoreValue(value: string): MoreValue | undefined {
  try {
    const v = JSON.parse(value) as Partial<MoreValue>;
    if (typeof v.line === 'string' && Number.isInteger(v.unit) && Number.isInteger(v.offset)) {
      return { line: v.line, unit: v.unit as number, offset: v.offset as number };
    }
  } catch {
    // not JSON: not ours
  }
  return undefined;
}

/**
 * One Slack message of a reply, within Block Kit's limits (50 blocks, 3000 characters a section,
 * 150 a header, ~13k in all). What does not fit is cut at a sentence; `rest` says where the next
 * page starts, and with `moreLine` a "Show the rest" button carries that place.
 */
export function renderPage(doc: ReplyDocument, options: PageOptions): RenderedPage {
  const units = unitsOf(doc);
  const from = options.from ?? { unit: 0, offset: 0 };
  const buttons = options.withActions ? doc.actions.map(buttonOf).filter((b): b is Button => b !== undefined) : [];
  const reservedBlocks = Math.ceil((buttons.length + 1) / SLACK_LIMITS.buttonsPerActions);
  const blocks: KnownBlock[] = [];
  let chars = buttons.reduce((n, b) => n + b.text.text.length + (b.value?.length ?? 0), 0);
  let fallback = '';

  if (from.unit > 0 && doc.title) {
    const title = plainWithin(`${doc.title} (continued)`, SLACK_LIMITS.header);
    blocks.push(blockOf('header', title));
    chars += title.length;
  }

  let rest: Cursor | undefined;
  let placed = 0;
  for (let u = Math.max(0, from.unit); u < units.length; u++) {
    const unit = units[u] as Unit;
    const raw = u === from.unit ? unit.text.slice(from.offset).trimStart() : unit.text;
    if (blocks.length >= SLACK_LIMITS.blocks - reservedBlocks) {
      rest = { unit: u, offset: u === from.unit ? from.offset : 0 };
      break;
    }
    // A pre-formatted line (source and link) too long for any block is left out rather than broken.
    if (!unit.trimmable && unit.render(raw).length > limitFor(unit.kind)) continue;
    const room = Math.min(limitFor(unit.kind), SLACK_LIMITS.messageChars - chars);
    const fitted = fit(unit, raw, room);
    // Every page must make progress, or "Show the rest" would show the same page for ever: the
    // first unit of a page goes in, cut as short as needed.
    const forced = !fitted && placed === 0 ? fit(unit, raw, limitFor(unit.kind)) : fitted;
    if (!forced && placed === 0) continue;
    if (!forced) {
      rest = { unit: u, offset: u === from.unit ? from.offset : 0 };
      break;
    }
    placed++;
    if (forced.rendered || unit.kind === 'divider') blocks.push(blockOf(unit.kind, forced.rendered));
    chars += forced.rendered.length;
    // The fallback `text` is mrkdwn (and the notification): a plain_text header is escaped for it.
    if (!fallback && unit.kind !== 'divider') fallback = unit.kind === 'header' ? escapeMrkdwn(forced.rendered) : forced.rendered;
    // A long title is simply cut: continuing mid-title would help nobody.
    if (!forced.complete && unit.kind !== 'header') {
      const base = u === from.unit ? from.offset + (unit.text.slice(from.offset).length - raw.length) : 0;
      rest = { unit: u, offset: base + forced.used };
      break;
    }
  }

  if (rest && options.moreLine !== undefined) {
    const more = moreButton(options.moreLine, rest);
    if (more) buttons.unshift(more);
  }
  blocks.push(...actionBlocks(buttons));
  return { message: { text: trimFallback(fallback || 'briefbot'), blocks }, ...(rest && { rest }) };
}

function trimFallback(text: string): string {
  return text.length <= SLACK_LIMITS.fallbackText ? text : `${sliceMrkdwn(text, SLACK_LIMITS.fallbackText - 1)}…`;
}

/** A whole document as consecutive messages (for channel posts, which have no "Show more"). */
export function renderAllPages(doc: ReplyDocument, maxPages = 100): SlackMessage[] {
  const pages: SlackMessage[] = [];
  let from: Cursor | undefined;
  do {
    const first: RenderedPage = renderPage(doc, { ...(from && { from }), withActions: false });
    if (!first.rest) {
      // The last page carries the buttons; render it again with room kept for them.
      const last = renderPage(doc, { ...(from && { from }), withActions: true });
      pages.push(last.message);
      from = last.rest;
    } else {
      pages.push(first.message);
      from = first.rest;
    }
  } while (from && pages.length < maxPages);
  return pages;
}
