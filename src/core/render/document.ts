/**
 * The neutral reply every command returns and every platform renders: Discord embeds, Slack
 * Block Kit, terminal text. All strings are plain text as written by people; renderers escape them.
 */
export type Block =
  | { kind: 'text'; text: string }
  | { kind: 'quote'; text: string; attribution: string | null }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | { kind: 'fields'; fields: { label: string; value: string }[] }
  | { kind: 'context'; text: string }
  | { kind: 'channels'; items: ChannelLine[] };

/**
 * A line about one chat channel: the platform links the channel by id where it can (Discord's and
 * Slack's <#id> show the channel's name to each reader); elsewhere `name` stands for it.
 */
export interface ChannelLine {
  platform: string;
  channelId: string;
  /** Plain text naming the channel where no link can: "the shell", "channel C0123". */
  name: string;
  text: string;
}

export interface Section {
  /** A short heading ("Summary", "Key quotes"); omitted for an untitled lead section. */
  title?: string;
  blocks: Block[];
}

/** A button or a suggested next command. `command` is the command line that pressing it runs. */
export interface Action {
  label: string;
  command: string;
  style?: 'primary' | 'secondary' | 'danger';
}

export interface ReplyDocument {
  title?: string;
  /** Link for the title: only ever a URL the briefing's editor gave. */
  url?: string;
  /** Source and date line under the title. */
  subtitle?: string;
  sections: Section[];
  actions: Action[];
  footer?: string;
  /** private: only the asker sees it (ephemeral); public: posted for the channel. */
  visibility: 'private' | 'public';
  /** An error or refusal rather than an answer; renderers may style it. */
  tone?: 'normal' | 'error';
}

export function textReply(text: string, options: { tone?: 'normal' | 'error'; title?: string; actions?: Action[] } = {}): ReplyDocument {
  return {
    ...(options.title !== undefined && { title: options.title }),
    sections: [{ blocks: [{ kind: 'text', text }] }],
    actions: options.actions ?? [],
    visibility: 'private',
    tone: options.tone ?? 'normal',
  };
}

/** Every piece of text in a document, in reading order: for tests and for size accounting. */
export function documentText(doc: ReplyDocument): string {
  const parts: string[] = [];
  if (doc.title) parts.push(doc.title);
  if (doc.subtitle) parts.push(doc.subtitle);
  for (const s of doc.sections) {
    if (s.title) parts.push(s.title);
    for (const b of s.blocks) {
      switch (b.kind) {
        case 'text':
        case 'context':
          parts.push(b.text);
          break;
        case 'quote':
          parts.push(b.text + (b.attribution ? ` — ${b.attribution}` : ''));
          break;
        case 'list':
          parts.push(...b.items);
          break;
        case 'fields':
          for (const f of b.fields) parts.push(`${f.label}: ${f.value}`);
          break;
        case 'channels':
          for (const c of b.items) parts.push(`${c.name}: ${c.text}`);
          break;
      }
    }
  }
  for (const a of doc.actions) parts.push(`[${a.label}] ${a.command}`);
  if (doc.footer) parts.push(doc.footer);
  return parts.join('\n');
}

/**
 * The first `end` UTF-16 units of a text, one fewer when the cut would keep half of an emoji or
 * other surrogate pair: Discord and Slack refuse a message holding half a character.
 */
export function sliceWhole(text: string, end: number): string {
  const last = text.charCodeAt(end - 1);
  return text.slice(0, end > 0 && end < text.length && last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

/**
 * Shortens text to at most `max` characters, at the end of a sentence if one ends in the last
 * half, otherwise at a word, and marks the cut with "...".
 */
export function trimAtSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - 3);
  const head = sliceWhole(text, room);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('! '), head.lastIndexOf('? '), head.lastIndexOf('.\n'));
  if (sentenceEnd >= room / 2) return `${head.slice(0, sentenceEnd + 1)}...`;
  const space = head.lastIndexOf(' ');
  return `${space >= room / 2 ? head.slice(0, space) : head}...`;
}

/**
 * Where a paged reply stands: "Page 2 of 3", nothing for the only page, and, when the page asked
 * for is past the end (which shows the last), that it does not exist rather than silently another.
 */
export function pageNote(requested: number, page: number, pages: number): string | undefined {
  if (requested > pages) return `There is no page ${requested}: ${pages === 1 ? 'this is the only page' : `this is the last, page ${page} of ${pages}`}.`;
  return pages > 1 ? `Page ${page} of ${pages}` : undefined;
}
