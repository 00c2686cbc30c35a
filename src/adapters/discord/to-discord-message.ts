import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
  EmbedBuilder,
} from 'discord.js';
import { paginateText } from '../../core/render/briefing-card.js';
import { type Action, type Block, type ChannelLine, documentText, type ReplyDocument, sliceWhole, trimAtSentence } from '../../core/render/document.js';

/** Discord's documented limits; a message over any of them is rejected whole. */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  embeds: 10,
  rows: 5,
  buttonsPerRow: 5,
  buttonLabel: 80,
} as const;

const COLOR = { normal: 0x5865f2, error: 0xed4245 } as const;

/** What any message the bot sends carries: nobody is ever pinged by a briefing's text. */
export const NO_MENTIONS = { parse: [] as [] };

export interface DiscordMessage {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIComponentInMessageActionRow>[];
  allowedMentions: typeof NO_MENTIONS;
  ephemeral: boolean;
  /** The whole text as a file, when the embeds had to shorten it and no button leads to the rest. */
  file?: { name: string; content: Buffer };
}

// Characters that start or end Discord Markdown anywhere in a line; Discord honours a backslash
// before any punctuation, so escaping one that needed none only costs a character.
const INLINE_MARKDOWN = /[\\*_~`|[\]]/g;
// Block syntax that only counts at the start of a line: headings, subtext, quotes, lists.
const LINE_MARKDOWN = /^([ \t]*)(#{1,3}[ \t]|-#[ \t]|>|[-+][ \t]|\d+\.[ \t])/gm;

/**
 * Text as written by an editor, made inert for Discord: Markdown escaped (so it cannot forge
 * bold, headings, lists or masked links) and mention syntax broken with a zero-width space (so
 * "@everyone" or "<@&role>" does not even look like a mention; allowedMentions stops the ping).
 * discord.js's escapeMarkdown does the same job but takes about 300 ms on a 12,000-character
 * text, and the fitting loop escapes many times within the 3-second interaction deadline; this
 * runs in linear time.
 */
export function escapeForDiscord(text: string): string {
  let out = text
    .replace(INLINE_MARKDOWN, '\\$&')
    .replace(LINE_MARKDOWN, (_m, indent: string, marker: string) => `${indent}${marker.replace(/^(\d+)?(.)/, (_x, digits: string | undefined, c: string) => `${digits ?? ''}\\${c}`)}`);
  // Most text has neither character; the card escapes every piece of it once per reply.
  if (out.includes('@')) out = out.replace(/@(everyone|here)/gi, '@\u200b$1');
  if (out.includes('<')) out = out.replace(/<(@[!&]?|#|\/|a?:)/g, '<\u200b$1');
  return out;
}

/** A piece of plain text that can be shortened, and how it reads once rendered. */
interface Piece {
  plain: string;
  render: (plain: string) => string;
  trimmed: boolean;
  /** The last rendering, for the plain text it was made from: fitting measures every piece several times. */
  shown?: { plain: string; text: string };
}

const piece = (plain: string, render: (plain: string) => string = escapeForDiscord): Piece => ({ plain, render, trimmed: false });

function rendered(p: Piece): string {
  if (p.shown?.plain !== p.plain) p.shown = { plain: p.plain, text: p.render(p.plain) };
  return p.shown.text;
}

interface Draft {
  title?: Piece;
  url?: string;
  /** Groups (one per section) of description parts, each group joined by a newline. */
  description: Piece[][];
  fields: { name: Piece; value: Piece }[];
  footer?: Piece;
}

function descriptionOf(d: Draft): string {
  return d.description
    .map((group) => group.map(rendered).filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

/** `descriptionOf(d).length`, without joining the strings (fitting measures it several times). */
function descriptionLength(d: Draft): number {
  let total = 0;
  let groups = 0;
  for (const group of d.description) {
    let chars = 0;
    let parts = 0;
    for (const p of group) {
      const n = rendered(p).length;
      if (n > 0) {
        chars += n;
        parts++;
      }
    }
    if (parts === 0) continue;
    total += chars + parts - 1;
    groups++;
  }
  return groups === 0 ? 0 : total + 2 * (groups - 1);
}

function blockPieces(b: Block): Piece[] | { fields: { name: Piece; value: Piece }[] } {
  switch (b.kind) {
    case 'text':
      return [piece(b.text)];
    case 'context':
      return [piece(b.text, (t) => (t.trim() ? `*${escapeForDiscord(t.replace(/\s*\n\s*/g, ' '))}*` : ''))];
    case 'quote': {
      const who = b.attribution ? `**${escapeForDiscord(b.attribution)}**` : '*speaker not identified*';
      return [piece(b.text, (t) => `> “${escapeForDiscord(t.replace(/\s*\n\s*/g, ' '))}”\n> — ${who}`)];
    }
    case 'list':
      return b.items.map((item, i) => piece(item, (t) => `${b.ordered ? `${i + 1}\\.` : '•'} ${escapeForDiscord(t)}`));
    case 'fields':
      return { fields: b.fields.map((f) => ({ name: piece(f.label), value: piece(f.value) })) };
    case 'channels':
      return b.items.map((c) => {
        const channel = discordChannel(c);
        return piece(c.text, (t) => `• ${channel}${t ? ` · ${escapeForDiscord(t)}` : ''}`);
      });
  }
}

/** A Discord channel as a mention, which each member's client shows as #its-name; anything else by name. */
function discordChannel(c: ChannelLine): string {
  return c.platform === 'discord' && /^\d{15,21}$/.test(c.channelId) ? `<#${c.channelId}>` : escapeForDiscord(c.name);
}

/** Lays the document out as embeds: text in descriptions, field blocks as embed fields, in order. */
function draftsOf(doc: ReplyDocument): Draft[] {
  const first: Draft = { description: [], fields: [] };
  if (doc.title) first.title = piece(doc.title);
  if (doc.url && /^https?:\/\//i.test(doc.url)) first.url = doc.url;
  if (doc.subtitle) first.description.push([piece(doc.subtitle, (t) => `*${escapeForDiscord(t)}*`)]);
  const drafts = [first];
  for (const section of doc.sections) {
    let current = drafts[drafts.length - 1] as Draft;
    let group: Piece[] = [];
    const startGroup = () => {
      // Text after fields would appear above them, so it starts a new embed.
      if (current.fields.length > 0) {
        current = { description: [], fields: [] };
        drafts.push(current);
      }
      group = [];
      current.description.push(group);
    };
    startGroup();
    if (section.title) group.push(piece(section.title, (t) => `**${escapeForDiscord(t)}**`));
    for (const block of section.blocks) {
      const out = blockPieces(block);
      if (Array.isArray(out)) {
        if (current.fields.length > 0) startGroup();
        group.push(...out);
      } else current.fields.push(...out.fields);
    }
  }
  if (doc.footer) (drafts[drafts.length - 1] as Draft).footer = piece(doc.footer, (t) => t);
  return drafts;
}

function embedLength(d: Draft): number {
  return (
    (d.title ? rendered(d.title).length : 0) +
    descriptionLength(d) +
    d.fields.reduce((n, f) => n + rendered(f.name).length + rendered(f.value).length, 0) +
    (d.footer ? rendered(d.footer).length : 0)
  );
}

/**
 * Shortens the longest pieces until `measure()` is at most `budget`: finds the cap that removes
 * enough from the pieces above it (the same cap for all, so short pieces are left whole), cuts
 * those at a sentence with "...", and repeats while escaping or cut points leave it over.
 */
function shrinkToBudget(pieces: readonly Piece[], budget: number, measure: () => number): boolean {
  let trimmed = false;
  for (let round = 0; round < 30; round++) {
    const total = measure();
    if (total <= budget) return trimmed;
    const live = pieces.filter((p) => p.plain.length > 0);
    if (live.length === 0) break;
    const lens = live.map((p) => rendered(p).length);
    // Ask for a little more than the excess: each "..." and sentence cut moves the target.
    const excess = total - budget + 4 * live.length;
    let lo = 0;
    let hi = Math.max(...lens);
    while (lo < hi) {
      const mid = Math.floor((lo + hi + 1) / 2);
      const removed = lens.reduce((n, len) => n + Math.max(0, len - mid), 0);
      if (removed >= excess) lo = mid;
      else hi = mid - 1;
    }
    live.forEach((p, k) => {
      const len = lens[k] as number;
      if (len <= lo) return;
      const target = Math.floor((p.plain.length * lo) / len);
      p.plain = target < 8 ? '' : trimAtSentence(p.plain, target);
      p.trimmed = true;
      trimmed = true;
    });
  }
  if (measure() > budget) throw new Error('could not fit the document within Discord limits');
  return trimmed;
}

/** Shortens what does not fit: each piece to its own limit, then each description, then the total. */
function fit(drafts: Draft[]): boolean {
  let trimmed = false;
  const one = (p: Piece | undefined, max: number) => {
    if (p && rendered(p).length > max) trimmed = shrinkToBudget([p], max, () => rendered(p).length) || trimmed;
  };
  for (const d of drafts) {
    one(d.title, DISCORD_LIMITS.title);
    one(d.footer, DISCORD_LIMITS.footer);
    for (const f of d.fields) {
      one(f.name, DISCORD_LIMITS.fieldName);
      one(f.value, DISCORD_LIMITS.fieldValue);
    }
    if (descriptionLength(d) > DISCORD_LIMITS.description) trimmed = shrinkToBudget(d.description.flat(), DISCORD_LIMITS.description, () => descriptionLength(d)) || trimmed;
  }
  const total = () => drafts.reduce((n, d) => n + embedLength(d), 0);
  // Nearly every reply fits as it is: the list of all pieces is only made for one that does not.
  if (total() <= DISCORD_LIMITS.embedTotal) return trimmed;
  const all = drafts.flatMap((d) => [...d.description.flat(), ...d.fields.flatMap((f) => [f.value, f.name]), ...(d.title ? [d.title] : []), ...(d.footer ? [d.footer] : [])]);
  return shrinkToBudget(all, DISCORD_LIMITS.embedTotal, total) || trimmed;
}

/**
 * The embed as API JSON, written directly: `fit` has already brought every part within Discord's
 * limits, and discord.js's EmbedBuilder re-validating each setter cost about a tenth of a card.
 */
function toEmbed(d: Draft, color: number): APIEmbed {
  const e: APIEmbed = { color };
  if (d.title && d.title.plain) e.title = rendered(d.title);
  if (d.url && d.title) e.url = d.url;
  const description = descriptionOf(d);
  if (description) e.description = description;
  if (d.fields.length) e.fields = d.fields.map((f) => ({ name: rendered(f.name) || '\u200b', value: rendered(f.value) || '\u200b' }));
  if (d.footer && d.footer.plain) e.footer = { text: rendered(d.footer) };
  // An embed with nothing in it is rejected.
  if (!description && !d.fields.length && !(d.title && d.title.plain)) e.description = '\u200b';
  return e;
}

/** Turns the document's actions into rows of buttons, each custom_id made by `customIdOf`. */
export function buttonRows(actions: readonly Action[], customIdOf: (line: string) => string): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponentWithCustomId[] = [];
  for (const a of actions) {
    const id = customIdOf(a.command);
    // Discord rejects a message whose components repeat a custom_id.
    if (seen.has(id)) continue;
    seen.add(id);
    const style = a.style === 'primary' ? ButtonStyle.Primary : a.style === 'danger' ? ButtonStyle.Danger : ButtonStyle.Secondary;
    const label = a.label.length > DISCORD_LIMITS.buttonLabel ? `${sliceWhole(a.label, DISCORD_LIMITS.buttonLabel - 1)}…` : a.label;
    buttons.push({ type: ComponentType.Button, custom_id: id, label: label || '…', style });
  }
  const rows: APIActionRowComponent<APIComponentInMessageActionRow>[] = [];
  const max = DISCORD_LIMITS.rows * DISCORD_LIMITS.buttonsPerRow;
  for (let i = 0; i < Math.min(buttons.length, max); i += DISCORD_LIMITS.buttonsPerRow) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + DISCORD_LIMITS.buttonsPerRow) });
  }
  return rows;
}

/**
 * One reply message for a document, always within Discord's limits: long pieces are shortened at
 * a sentence with "..." (the footer then points at the buttons, which lead to the rest), the
 * 26th field onwards is summarised, and anything past ten embeds is dropped.
 */
export function toDiscordMessage(doc: ReplyDocument, customIdOf: (line: string) => string): DiscordMessage {
  let drafts = draftsOf(doc);
  for (const d of drafts) {
    if (d.fields.length > DISCORD_LIMITS.fields) {
      const hidden = d.fields.length - (DISCORD_LIMITS.fields - 1);
      d.fields = [...d.fields.slice(0, DISCORD_LIMITS.fields - 1), { name: piece('…'), value: piece(`and ${hidden} more`) }];
    }
  }
  if (drafts.length > DISCORD_LIMITS.embeds) drafts = drafts.slice(0, DISCORD_LIMITS.embeds);
  const last = drafts[drafts.length - 1] as Draft;
  if (doc.footer && !last.footer) last.footer = piece(doc.footer, (t) => t);
  const trimmed = fit(drafts);
  if (trimmed) {
    const note = doc.actions.length > 0 ? 'Shortened to fit Discord: the buttons below show the rest.' : 'Shortened to fit Discord: the full text is in the attached file.';
    last.footer = piece(last.footer?.plain ? `${last.footer.plain} · ${note}` : note, (t) => t);
    fit(drafts);
  }
  const color = doc.tone === 'error' ? COLOR.error : COLOR.normal;
  return {
    embeds: drafts.map((d) => toEmbed(d, color)),
    components: buttonRows(doc.actions, customIdOf),
    allowedMentions: NO_MENTIONS,
    ephemeral: doc.visibility === 'private',
    ...(trimmed && doc.actions.length === 0 && { file: fullTextFile(doc) }),
  };
}

/**
 * The unshortened text of a reply, as a file: a lone text block as it is (an exported briefing
 * stays a valid Markdown file, named by its title when that is a file name), anything else as
 * plain text, so nothing is lost where no button pages through the rest.
 */
function fullTextFile(doc: ReplyDocument): { name: string; content: Buffer } {
  const blocks = doc.sections.flatMap((s) => s.blocks);
  const only = blocks.length === 1 && blocks[0]?.kind === 'text' ? blocks[0].text : undefined;
  const name = doc.title && /^[\w.-]{1,100}\.(md|txt)$/.test(doc.title) ? doc.title : 'reply.txt';
  return { name, content: Buffer.from(only ?? documentText(doc), 'utf8') };
}

/** Plain text shortened (at a sentence, with "...") until its rendered form fits `max`. */
function fitPlain(text: string, render: (t: string) => string, max: number): string {
  let out = text;
  while (render(out).length > max) out = out.length <= 8 ? '' : trimAtSentence(out, Math.floor(out.length * 0.85));
  return out;
}

/** Plain text split into pieces whose rendered form fits `max`, at paragraphs, then sentences. */
function splitToFit(text: string, render: (t: string) => string, max: number): string[] {
  if (render(text).length <= max) return [text];
  const pages = paginateText(text, Math.max(1, Math.floor(text.length / 2)));
  if (pages.length < 2) {
    const half = sliceWhole(text, Math.ceil(text.length / 2)).length || 1;
    return [...splitToFit(text.slice(0, half), render, max), ...splitToFit(text.slice(half), render, max)];
  }
  return pages.flatMap((p) => splitToFit(p, render, max));
}

type Unit = { kind: 'text'; text: string; gap: boolean } | { kind: 'field'; name: string; value: string };

/**
 * A document as one or several channel messages (digests): nothing is cut; long text is split at
 * paragraphs and sentences across embeds and messages, each within every limit. Buttons go on the
 * last message.
 */
export function toDiscordMessages(doc: ReplyDocument, customIdOf: (line: string) => string): DiscordMessage[] {
  const color = doc.tone === 'error' ? COLOR.error : COLOR.normal;
  const footer = doc.footer ? trimAtSentence(doc.footer, DISCORD_LIMITS.footer) : undefined;
  const title = doc.title ? fitPlain(doc.title, escapeForDiscord, DISCORD_LIMITS.title) : undefined;
  // Room kept in every message for the title and footer, whichever message ends up holding them.
  const reserve = (title ? escapeForDiscord(title).length : 0) + (footer?.length ?? 0);
  const textMax = Math.min(DISCORD_LIMITS.description - 2, DISCORD_LIMITS.embedTotal - reserve - 2);
  const units: Unit[] = [];
  const pushText = (p: Piece, gap: boolean) => {
    splitToFit(p.plain, p.render, textMax).forEach((t, i) => units.push({ kind: 'text', text: p.render(t), gap: gap && i === 0 }));
  };
  if (doc.subtitle) pushText(piece(doc.subtitle, (t) => `*${escapeForDiscord(t)}*`), false);
  for (const section of doc.sections) {
    let first = true;
    if (section.title) {
      pushText(piece(sliceWhole(section.title, 200), (t) => `**${escapeForDiscord(t)}**`), true);
      first = false;
    }
    for (const block of section.blocks) {
      const out = blockPieces(block);
      if (Array.isArray(out)) {
        for (const p of out) {
          pushText(p, first);
          first = false;
        }
      } else {
        for (const f of out.fields) {
          const name = fitPlain(f.name.plain, escapeForDiscord, DISCORD_LIMITS.fieldName - 12);
          splitToFit(f.value.plain, escapeForDiscord, DISCORD_LIMITS.fieldValue).forEach((v, i) =>
            units.push({ kind: 'field', name: escapeForDiscord(i === 0 ? name : `${name} (continued)`) || '\u200b', value: escapeForDiscord(v) || '\u200b' }),
          );
        }
      }
    }
  }

  const messages: APIEmbed[][] = [];
  let embeds: APIEmbed[] = [];
  let chars = 0;
  let embed: APIEmbed | undefined;
  const newEmbed = (size: number): APIEmbed => {
    if (embeds.length >= DISCORD_LIMITS.embeds || chars + size + reserve > DISCORD_LIMITS.embedTotal) {
      messages.push(embeds);
      embeds = [];
      chars = 0;
    }
    const e: APIEmbed = { color };
    embeds.push(e);
    return e;
  };
  for (const u of units) {
    if (u.kind === 'text') {
      const add = (embed?.description ? (u.gap ? 2 : 1) : 0) + u.text.length;
      if (!embed || embed.fields?.length || (embed.description?.length ?? 0) + add > DISCORD_LIMITS.description || chars + add + reserve > DISCORD_LIMITS.embedTotal) {
        embed = newEmbed(u.text.length);
        embed.description = u.text;
        chars += u.text.length;
      } else {
        embed.description = embed.description ? `${embed.description}${u.gap ? '\n\n' : '\n'}${u.text}` : u.text;
        chars += add;
      }
    } else {
      const size = u.name.length + u.value.length;
      if (!embed || (embed.fields?.length ?? 0) >= DISCORD_LIMITS.fields || chars + size + reserve > DISCORD_LIMITS.embedTotal) embed = newEmbed(size);
      (embed.fields ??= []).push({ name: u.name, value: u.value });
      chars += size;
    }
  }
  if (embeds.length) messages.push(embeds);
  if (messages.length === 0) messages.push([{ color, description: '\u200b' }]);
  const firstEmbed = (messages[0] as APIEmbed[])[0] as APIEmbed;
  if (title) {
    firstEmbed.title = escapeForDiscord(title);
    if (doc.url && /^https?:\/\//i.test(doc.url)) firstEmbed.url = doc.url;
  }
  const lastMessage = messages[messages.length - 1] as APIEmbed[];
  if (footer) (lastMessage[lastMessage.length - 1] as APIEmbed).footer = { text: footer };
  const rows = buttonRows(doc.actions, customIdOf);
  return messages.map((m, i) => ({
    embeds: m.map((e) => new EmbedBuilder(e).toJSON()),
    components: i === messages.length - 1 ? rows : [],
    allowedMentions: NO_MENTIONS,
    ephemeral: false,
  }));
}

/** Total characters Discord counts towards its 6000 limit for a set of embeds. */
export function embedsLength(embeds: readonly APIEmbed[]): number {
  return embeds.reduce(
    (n, e) =>
      n +
      (e.title?.length ?? 0) +
      (e.description?.length ?? 0) +
      (e.footer?.text.length ?? 0) +
      (e.author?.name.length ?? 0) +
      (e.fields ?? []).reduce((m, f) => m + f.name.length + f.value.length, 0),
    0,
  );
}
