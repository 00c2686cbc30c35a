import fc from 'fast-check';
import type { Action, Block, ReplyDocument } from '../../src/core/render/document.js';

/** The URLs a briefing may legitimately contain; any link in the output must come from the input. */
export const URLS = ['http://evil.example/x', 'https://news.example/story?id=1&b=2', 'https://a.example/a-b.c'];

/** Words an attacker would type into a briefing, a quote, a speaker name or a tag. */
export const HOSTILE_TOKENS = [
  '@everyone', '@here', '@channel', '@Everyone', '@@here', '＠everyone',
  '<@123456789012345678>', '<@!123456789012345678>', '<@&987654321098765432>', '<#555555555555555555>', '</briefing:1>', '<:pog:123>', '<a:pog:123>',
  '<!channel>', '<!here>', '<!everyone>', '<!subteam^S0TEAM|@team>', '<@U0ADMIN>', '<#C0GENERAL|general>',
  '<http://evil.example|Click>', '<https://evil.example/login|Your bank>', '[Click](http://evil.example)', '[x](<http://evil.example>)', '](http://evil.example)',
  '**bold**', '__u__', '~~s~~', '||spoiler||', '`code`', '```', '```js\nalert(1)\n```', '> quote', '# Heading', '-# sub', '1. item', '- item', '*', '_', '~', '|', '\\', '\\@everyone',
  '&amp;', '&lt;!channel&gt;', '&', '<', '>', '<<', '>>',
  '\u202E', '\u200B', '\u2060', '\uFEFF', '\n', '\n\n', '🎉', '🎉🎉🎉🎉🎉🎉🎉🎉', '👨‍👩‍👧‍👦',
  ...URLS,
];
const token = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_TOKENS) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 8 }) });
export const hostileText = (maxWords: number) => fc.array(token, { minLength: 1, maxLength: maxWords }).map((ws) => ws.join(' '));

const block: fc.Arbitrary<Block> = fc.oneof(
  hostileText(200).map((text) => ({ kind: 'text' as const, text })),
  hostileText(40).map((text) => ({ kind: 'context' as const, text })),
  fc.record({ text: hostileText(80), attribution: fc.option(hostileText(6), { nil: null }) }).map((q) => ({ kind: 'quote' as const, ...q })),
  fc.array(hostileText(30), { minLength: 1, maxLength: 12 }).map((items) => ({ kind: 'list' as const, items })),
  fc.array(fc.record({ label: hostileText(8), value: hostileText(60) }), { minLength: 1, maxLength: 30 }).map((fields) => ({ kind: 'fields' as const, fields })),
);
const action: fc.Arbitrary<Action> = fc.record({ label: hostileText(6), command: hostileText(20).map((s) => `/briefing ${s}`) });

export const hostileDoc: fc.Arbitrary<ReplyDocument> = fc.record(
  {
    title: hostileText(30),
    url: fc.constantFrom(...URLS, 'javascript:alert(1)', 'https://x.example/a|b>c'),
    subtitle: hostileText(10),
    footer: hostileText(20),
    sections: fc.array(fc.record({ title: hostileText(5), blocks: fc.array(block, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 8 }),
    actions: fc.array(action, { maxLength: 30 }),
    visibility: fc.constantFrom('private' as const, 'public' as const),
    tone: fc.constantFrom('normal' as const, 'error' as const),
  },
  { requiredKeys: ['sections', 'actions', 'visibility'] },
);

