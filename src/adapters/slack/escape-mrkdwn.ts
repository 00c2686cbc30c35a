/**
 * Slack reads `<...>` in message text as a mention, a channel link or a URL, so `<!channel>`,
 * `<!here>`, `<!subteam^ID>`, `<@U123>` or `<https://evil|a harmless label>` inside a briefing
 * would ping people or forge a link. Slack's own rule: escape `&`, `<` and `>` and nothing else.
 */
export function escapeMrkdwn(text: string): string {
  // Most text has none of the three: one test instead of three replacements (a card escapes dozens of pieces).
  return neutraliseBroadcasts(SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ENTITIES[c] as string) : text);
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
  const safeUrl = parsed.href.replace(/[|<> ]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;');
  const safeLabel = escapeMrkdwn(label).replace(/\|/g, '¦');
  return `<${safeUrl}|${safeLabel}>`;
}
