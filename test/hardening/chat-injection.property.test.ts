import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_MAX, lineCustomId } from '../../src/adapters/discord/custom-id.js';
import { DISCORD_LIMITS, type DiscordMessage, embedsLength, toDiscordMessage, toDiscordMessages } from '../../src/adapters/discord/to-discord-message.js';
import { renderAllPages, renderPage } from '../../src/adapters/slack/to-block-kit.js';
import type { ReplyDocument } from '../../src/core/render/document.js';
import { HOSTILE_TOKENS, hostileDoc } from './hostile-text.js';
import { expectWithinSlackLimits, textObjects } from '../adapters/slack/slack-limits.js';

// --- Discord --------------------------------------------------------------------------------

const lines = new Map<string, string>();
const idOf = (line: string) => lineCustomId(line, lines);

/** The texts Discord renders as Markdown (title, description, field names and values). */
function discordMarkdownTexts(m: DiscordMessage): string[] {
  return m.embeds.flatMap((e) => [e.title ?? '', e.description ?? '', ...(e.fields ?? []).flatMap((f) => [f.name, f.value])]);
}

/** What Discord would treat as a mention or a link in a rendered text. */
function discordDangers(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/@(everyone|here)/gi)) found.push(m[0]);
  for (const m of text.matchAll(/<(@[!&]?\d+|#\d+|\/[\w-]+:\d+|a?:\w+:\d+)>/g)) found.push(m[0]);
  // A masked link needs an unescaped "[" ... "](" : the renderer escapes both brackets.
  for (const m of text.matchAll(/(?<!\\)\[[^\]]*(?<!\\)\]\(/g)) found.push(m[0]);
  return found;
}

/** Raw URLs Discord would autolink, with the renderer's escapes removed (its own ** and _ wrap them, outside the link). */
function discordUrls(text: string): string[] {
  return [...text.replace(/\\(?=[^\w\s])/g, '').replace(/[\u200B\u2060]/g, '').matchAll(/https?:\/\/[A-Za-z0-9.\-/?=&%#:]+/g)].map((m) => m[0]);
}

function expectDiscordSafe(doc: ReplyDocument, messages: DiscordMessage[]): void {
  const input = JSON.stringify(doc);
  for (const m of messages) {
    expect(m.allowedMentions).toEqual({ parse: [] });
    expect(m.embeds.length).toBeGreaterThan(0);
    expect(m.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
    expect(embedsLength(m.embeds)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
    for (const e of m.embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
        expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      }
      // The title link is only ever the briefing's own http(s) URL.
      if (e.url !== undefined) {
        expect(e.url).toBe(doc.url);
        expect(e.url).toMatch(/^https?:\/\//);
      }
    }
    expect(m.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.rows);
    for (const row of m.components) {
      expect(row.components.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonsPerRow);
      for (const b of row.components as { label: string; custom_id: string }[]) {
        expect(b.label.length).toBeLessThanOrEqual(DISCORD_LIMITS.buttonLabel);
        expect(b.custom_id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
      }
    }
    for (const t of discordMarkdownTexts(m)) {
      expect(discordDangers(t)).toEqual([]);
      for (const url of discordUrls(t)) expect(input.replace(/\\\\/g, '\\'), url).toContain(url.replace(/(…|\.+)$/, ''));
    }
  }
}

describe('the Discord renderer, on hostile documents', () => {
  it('GIVEN any hostile reply THEN it stays within every Discord limit, pings nobody and forms no link the input lacked', () => {
    fc.assert(
      fc.property(hostileDoc, (doc) => expectDiscordSafe(doc, [toDiscordMessage(doc, idOf)])),
      { numRuns: 150 },
    );
  });

  it('GIVEN any hostile digest THEN every message it is split into is just as safe', () => {
    fc.assert(
      fc.property(hostileDoc, (doc) => expectDiscordSafe(doc, toDiscordMessages(doc, idOf))),
      { numRuns: 60 },
    );
  });

  it('GIVEN the known forgeries one by one THEN none survives rendering', () => {
    for (const t of HOSTILE_TOKENS) {
      const doc: ReplyDocument = { title: t, sections: [{ title: t, blocks: [{ kind: 'text', text: `${t} ${t}` }, { kind: 'fields', fields: [{ label: t, value: t }] }] }], actions: [], visibility: 'public' };
      expectDiscordSafe(doc, [toDiscordMessage(doc, idOf)]);
    }
  });
});

// --- Slack ----------------------------------------------------------------------------------

const LITERAL_MARK = /^<!date\^00000000\^\{_\}\|[*_~`]>$/;

/** What Slack reads as a mention, a broadcast or a link in mrkdwn or a notification's text. */
function slackDangers(text: string, allowedLink: string | undefined): string[] {
  const found: string[] = [];
  // The one other markup allowed: a formatting mark shown as written (a date token's fallback, exactly as escapeMrkdwn builds it).
  for (const m of text.matchAll(/<[^>]*>/g)) if (m[0] !== allowedLink && !LITERAL_MARK.test(m[0])) found.push(m[0]);
  for (const m of text.matchAll(/@(channel|here|everyone)\b/gi)) found.push(m[0]);
  return found;
}

/** The one link a reply may carry: the briefing's own URL, as mrkdwnLink builds it. */
function sourceLink(doc: ReplyDocument): string | undefined {
  if (!doc.url) return undefined;
  try {
    const u = new URL(doc.url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return `<${u.href.replace(/[|<> ]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;')}|Source>`;
  } catch {
    return undefined;
  }
}

function expectSlackSafe(doc: ReplyDocument, messages: { text?: unknown; blocks?: unknown }[]): void {
  const link = sourceLink(doc);
  for (const m of messages) {
    expectWithinSlackLimits(m);
    expect(slackDangers(String(m.text ?? ''), link)).toEqual([]);
    for (const t of textObjects(m.blocks)) {
      // plain_text (headers, buttons) is shown as written: Slack parses no mention or link in it and
      // decodes no entity, so only a broadcast word could matter there.
      const dangers = slackDangers(t.text, link);
      expect(t.type === 'plain_text' ? dangers.filter((d) => d.startsWith('@')) : dangers, t.path).toEqual([]);
      // verbatim: Slack must not auto-link URLs, channel names or mentions in mrkdwn.
      if (t.type === 'mrkdwn') expect(t.verbatim).toBe(true);
    }
    // Buttons carry command lines in their value: those are never shown as text.
    for (const b of (m.blocks as Record<string, unknown>[]) ?? []) {
      if (b.type !== 'actions') continue;
      for (const e of b.elements as Record<string, unknown>[]) expect(typeof e.url).toBe('undefined');
    }
  }
}

describe('the Slack renderer, on hostile documents', () => {
  it('GIVEN any hostile reply THEN each page stays within Block Kit limits, pings nobody and forms no link the input lacked', () => {
    fc.assert(
      fc.property(hostileDoc, (doc) => {
        const first = renderPage(doc, { withActions: true, moreLine: '/briefing x full' });
        const pages = [first.message];
        let from = first.rest;
        while (from && pages.length < 30) {
          const next = renderPage(doc, { from, withActions: false, moreLine: '/briefing x full' });
          pages.push(next.message);
          from = next.rest;
        }
        expectSlackSafe(doc, pages);
      }),
      { numRuns: 150 },
    );
  });

  it('GIVEN any hostile digest THEN every channel message is just as safe', () => {
    fc.assert(
      fc.property(hostileDoc, (doc) => expectSlackSafe(doc, renderAllPages(doc))),
      { numRuns: 60 },
    );
  });

  it('GIVEN the known forgeries one by one THEN none survives rendering', () => {
    for (const t of HOSTILE_TOKENS) {
      const doc: ReplyDocument = { title: t, subtitle: t, footer: t, sections: [{ title: t, blocks: [{ kind: 'text', text: `${t} ${t}` }, { kind: 'quote', text: t, attribution: t }, { kind: 'fields', fields: [{ label: t, value: t }] }] }], actions: [{ label: t, command: `/briefing ${t}` }], visibility: 'public' };
      expectSlackSafe(doc, [renderPage(doc, { withActions: true }).message]);
    }
  });
});
