import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CUSTOM_ID_MAX, lineCustomId, parseCustomId } from '../../../src/adapters/discord/custom-id.js';
import { DISCORD_LIMITS, type DiscordMessage, embedsLength, escapeForDiscord, toDiscordMessage, toDiscordMessages } from '../../../src/adapters/discord/to-discord-message.js';
import type { Action, Block, ReplyDocument } from '../../../src/core/render/document.js';

/** The long lines the renderings collected (key → line), as ButtonLines would keep them. */
const store = new Map<string, string>();
const idOf = (line: string) => lineCustomId(line, store);

/** Every limit Discord enforces on a message, checked on what would be sent. */
function expectWithinLimits(m: DiscordMessage): void {
  expect(m.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
  expect(m.embeds.length).toBeGreaterThan(0);
  expect(embedsLength(m.embeds)).toBeLessThanOrEqual(DISCORD_LIMITS.embedTotal);
  for (const e of m.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
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
  expect(m.allowedMentions).toEqual({ parse: [] });
}

// Sentences of random words, with Markdown and mention characters mixed in, since escaping lengthens text.
const word = fc.oneof(fc.string({ minLength: 1, maxLength: 12 }), fc.constantFrom('*', '_', '@everyone', '<@&1>', '[a](b)', '#', '>', '`'));
const sentence = fc.array(word, { minLength: 1, maxLength: 40 }).map((ws) => `${ws.join(' ')}.`);
const longText = fc.array(sentence, { minLength: 1, maxLength: 80 }).map((ss) => ss.join(' '));
const block: fc.Arbitrary<Block> = fc.oneof(
  longText.map((text) => ({ kind: 'text' as const, text })),
  longText.map((text) => ({ kind: 'context' as const, text })),
  fc.record({ text: longText, attribution: fc.option(fc.string({ maxLength: 400 }), { nil: null }) }).map((q) => ({ kind: 'quote' as const, ...q })),
  fc.array(longText, { minLength: 1, maxLength: 8 }).map((items) => ({ kind: 'list' as const, items })),
  fc.array(fc.record({ label: fc.string({ maxLength: 600 }), value: longText }), { minLength: 1, maxLength: 40 }).map((fields) => ({ kind: 'fields' as const, fields })),
);
const action: fc.Arbitrary<Action> = fc.record({ label: fc.string({ maxLength: 120 }), command: fc.string({ minLength: 1, maxLength: 300 }).map((s) => `/briefing ${s}`) });
const doc: fc.Arbitrary<ReplyDocument> = fc.record({
  title: fc.string({ maxLength: 600 }),
  subtitle: fc.string({ maxLength: 300 }),
  footer: fc.string({ maxLength: 3000 }),
  sections: fc.array(fc.record({ title: fc.string({ maxLength: 300 }), blocks: fc.array(block, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 8 }),
  actions: fc.array(action, { maxLength: 40 }),
  visibility: fc.constantFrom('private' as const, 'public' as const),
});

describe('Rendering a reply document as a Discord message', () => {
  it('GIVEN a card with actions THEN the message is the API JSON Discord takes: an embed and rows of buttons', () => {
    const m = toDiscordMessage(
      { title: 'Talks', sections: [{ blocks: [{ kind: 'text', text: 'They met.' }] }], footer: 'Page 1', actions: [{ label: 'Quotes', command: '/briefing t quotes' }, { label: 'Post', command: '/briefing t public', style: 'primary' }], visibility: 'private' },
      idOf,
    );
    expect(m.embeds).toEqual([{ color: expect.any(Number), title: 'Talks', description: 'They met.', footer: { text: 'Page 1' } }]);
    expect(m.components).toEqual([
      {
        type: 1,
        components: [
          { type: 2, custom_id: idOf('/briefing t quotes'), label: 'Quotes', style: 2 },
          { type: 2, custom_id: idOf('/briefing t public'), label: 'Post', style: 1 },
        ],
      },
    ]);
  });

  it('GIVEN any document, however long THEN the reply stays inside every Discord limit', () => {
    fc.assert(
      fc.property(doc, (d) => {
        expectWithinLimits(toDiscordMessage(d, idOf));
      }),
      { numRuns: 60 },
    );
  });

  it('GIVEN any document THEN posting splits it into messages that each fit Discord', () => {
    fc.assert(
      fc.property(doc, (d) => {
        for (const m of toDiscordMessages(d, idOf)) expectWithinLimits(m);
      }),
      { numRuns: 40 },
    );
  });

  it('GIVEN a text too long for one message THEN posting loses no word of it: every letter arrives, in order', () => {
    const lettersOf = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
    fc.assert(
      fc.property(fc.array(longText, { minLength: 1, maxLength: 6 }), (paragraphs) => {
        const text = paragraphs.join('\n\n');
        const messages = toDiscordMessages({ sections: [{ blocks: [{ kind: 'text', text }] }], actions: [], visibility: 'public' }, idOf);
        for (const m of messages) expectWithinLimits(m);
        const sent = messages.flatMap((m) => m.embeds.map((e) => e.description ?? '')).join('');
        expect(lettersOf(sent)).toBe(lettersOf(text));
      }),
      { numRuns: 40 },
    );
  });

  it('GIVEN a summary longer than an embed holds THEN it is cut at a sentence with "..." and the footer points to the buttons', () => {
    const text = Array.from({ length: 400 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const m = toDiscordMessage(
      { title: 'Long', sections: [{ title: 'Summary', blocks: [{ kind: 'text', text }] }], actions: [{ label: 'Full text', command: '/briefing long full' }], visibility: 'private' },
      idOf,
    );
    const description = m.embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(DISCORD_LIMITS.description);
    expect(description).toMatch(/here\.\.\.\.$/);
    expect(m.embeds[0]?.footer?.text).toContain('buttons below');
  });

  it('GIVEN editor text with Markdown, a masked link and mentions THEN it is shown literally and mentions are broken', () => {
    const out = escapeForDiscord('**Breaking** [click](https://evil.example) @here <@&42> <#7>\n# Heading\n> quoted\n1. listed');
    expect(out).toContain('\\*\\*Breaking\\*\\*');
    expect(out).toContain('\\[click\\](https://evil.example)');
    expect(out).not.toContain('@here');
    expect(out).not.toContain('<@&42>');
    expect(out).not.toContain('<#7>');
    expect(out).toContain('\n\\# Heading');
    expect(out).toContain('\n\\> quoted');
    expect(out).toContain('\n1\\. listed');
  });

  it('GIVEN a command line THEN its button custom_id fits in 100 characters and reads back as the same line, even when long', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 400 }), (tail) => {
        const line = `/briefing ${tail}`.trim();
        const id = lineCustomId(line, store);
        expect(id.length).toBeLessThanOrEqual(CUSTOM_ID_MAX);
        const ref = parseCustomId(id);
        const read = ref.kind === 'ref' ? { kind: 'line', line: `/${store.get(ref.key)}` } : ref;
        expect(read).toEqual({ kind: 'line', line: `/${line.replace(/^\//, '')}` });
      }),
    );
    expect(lineCustomId('/briefing korea-japan quotes 2', store)).toBe('l:briefing korea-japan quotes 2');
    const long = new Map<string, string>();
    const ref = parseCustomId(lineCustomId(`/briefing ${'x'.repeat(200)}`, long));
    expect(ref.kind === 'ref' && long.get(ref.key)).toBe(`briefing ${'x'.repeat(200)}`);
    expect(parseCustomId(lineCustomId('/briefing korea-japan', long))).toEqual({ kind: 'line', line: '/briefing korea-japan' });
    expect(long.size).toBe(1);
  });

  it('GIVEN more actions than Discord shows THEN at most 25 distinct buttons go out', () => {
    const actions = Array.from({ length: 40 }, (_, i) => ({ label: `B${i}`, command: `/briefing b ${i % 30}` }));
    const m = toDiscordMessage({ sections: [], actions, visibility: 'private' }, idOf);
    const ids = m.components.flatMap((r) => r.components.map((c) => (c as { custom_id: string }).custom_id));
    expect(ids).toHaveLength(25);
    expect(new Set(ids).size).toBe(25);
  });
});
