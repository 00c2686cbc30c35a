import { sliceWhole } from '../../core/render/document.js';

/**
 * Briefing text for a mrkdwn object, shown as the editor wrote it.
 *
 * Slack reads `<...>` in message text as a mention, a channel link or a URL, so `<!channel>`,
 * `<!here>`, `<!subteam^ID>`, `<@U123>` or `<https://evil|a harmless label>` inside a briefing
 * would ping people or forge a link. Slack's own rule: escape `&`, `<` and `>`.
 *
 * Slack documents no escape for its formatting characters: `2 * 3 * 4`, `snake_case_name` or
 * `~5% to ~7%` would lose their marks and turn bold, italic or struck through, while Discord shows
 * the same text as written (its Markdown is escaped). So each `*`, `_`, `~` and `` ` `` that could
 * pair with another is sent as the fallback of a date token whose format is invalid
 * (`<!date^00000000^{_}|*>`): Slack shows a fallback as plain text, the very character, with no
 * formatting (the technique jsx-slack's `<Escape>` uses). A character with no partner on the
 * text cannot format anything and is left alone, which keeps ordinary text short. `wrapped`:
 * the text goes between our own marks (`*title*`), where even a lone one could pair with them.
 * A line starting with `>` would be a block quote; an invisible soft hyphen before it keeps it text.
 */
export function escapeMrkdwn(text: string, options: { wrapped?: boolean } = {}): string {
  const escaped = escapeEntities(text);
  return literalQuotes(FORMATTING.test(escaped) ? literalFormatting(escaped, options.wrapped === true) : escaped);
}

/** Only `&`, `<`, `>` and broadcasts: for text that is not read as mrkdwn formatting (a link's label, a code span). */
export function escapeEntities(text: string): string {
  // Most text has none of the three: one test instead of three replacements (a card escapes dozens of pieces).
  return neutraliseBroadcasts(SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ENTITIES[c] as string) : text);
}

const FORMATTING = /[*_~`]/;
const MARKS = ['*', '_', '~', '`'] as const;
/** A date token with an invalid format: Slack shows its fallback, the mark, as plain text. */
export const literalMark = (mark: string): string => `<!date^00000000^{_}|${mark}>`;

function literalFormatting(text: string, wrapped: boolean): string {
  const pairable = MARKS.filter((mark) => {
    const first = text.indexOf(mark);
    return first >= 0 && (wrapped || text.includes(mark, first + 1));
  });
  if (pairable.length === 0) return text;
  // One pass: a token holds a "_" of its own, which must not be replaced in turn.
  return text.replace(/[*_~`]/g, (mark) => (pairable.includes(mark as (typeof MARKS)[number]) ? literalMark(mark) : mark));
}

const QUOTE_LINE = /^(\s*)&gt;/gm;

function literalQuotes(text: string): string {
  return text.includes('&gt;') ? text.replace(QUOTE_LINE, '$1\u00ad&gt;') : text;
}

/**
 * Cuts escaped mrkdwn to at most `max` characters without leaving half of a `<...>` (a date
 * token or a link), which Slack would show as markup.
 */
export function sliceMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = sliceWhole(text, max);
  const open = cut.lastIndexOf('<');
  return open > cut.lastIndexOf('>') ? cut.slice(0, open) : cut;
}

const SPECIAL = /[&<>]/;
const SPECIALS = /[&<>]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

// A word joiner after "@" keeps "@channel" readable while no client or API parser treats it
// as a broadcast (mrkdwn objects are also sent with verbatim: true, which turns off auto-parsing).
const BROADCAST = /@(channel|here|everyone)\b/gi;

/** Turns "@channel", "@here" and "@everyone" into look-alikes that notify nobody. */
export function neutraliseBroadcasts(text: string): string {
  return text.includes('@') ? text.replace(BROADCAST, '@\u2060$1') : text;
}

/** Slash-command text arrives with `&`, `<` and `>` escaped; commands want what the user typed. */
export function unescapeSlackText(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * A `<url|label>` link, or the escaped label alone when the URL is not plain http(s): the URL
 * is percent-encoded where Slack's link syntax would read it (`|`, `<`, `>`, spaces).
 */
export function mrkdwnLink(url: string, label: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return escapeMrkdwn(label);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return escapeMrkdwn(label);
  // Inside a link Slack shows the label as it is, and a date token would end the link at its "|".
  const safeUrl = parsed.href.replace(/[|<> ]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;');
  const safeLabel = escapeEntities(label).replace(/\|/g, '¦');
  return `<${safeUrl}|${safeLabel}>`;
}
