import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReplyDocument } from '../../../src/core/render/document.js';
import { escapedWithin, parseMoreValue, renderAllPages, renderPage } from '../../../src/adapters/slack/to-block-kit.js';
import { expectWithinSlackLimits } from './slack-limits.js';
import { textOfBlocks } from './slack-test-kit.js';

const doc = (over: Partial<ReplyDocument> = {}): ReplyDocument => ({ sections: [], actions: [], visibility: 'private', ...over });
const sentence = (n: number) => `Sentence number ${n} says something plain about the news of the day.`;

describe('renderPage', () => {
  it('GIVEN more text blocks than Slack allows in one message THEN the page stops at 50 blocks and says where to go on', () => {
    const d = doc({ title: 'Many', sections: [{ blocks: Array.from({ length: 80 }, (_, i) => ({ kind: 'text' as const, text: sentence(i) })) }] });
    const page = renderPage(d, { withActions: true, moreLine: '/briefing many full' });
    expectWithinSlackLimits(page.message);
    expect(page.rest).toBeDefined();
    const next = renderPage(d, { from: page.rest as { unit: number; offset: number }, withActions: false });
    expect(textOfBlocks(next.message.blocks)).toContain('Many (continued)');
    expect(textOfBlocks(page.message.blocks) + textOfBlocks(next.message.blocks)).toContain(sentence(79));
  });

  it('GIVEN one text longer than a section THEN it is cut at a sentence end and the next page starts with the next sentence', () => {
    const text = Array.from({ length: 100 }, (_, i) => sentence(i)).join(' ');
    const page = renderPage(doc({ sections: [{ blocks: [{ kind: 'text', text }] }] }), { withActions: false });
    const shown = textOfBlocks(page.message.blocks);
    expect(shown.length).toBeLessThanOrEqual(3000);
    expect(shown).toMatch(/day\.\.\.\.$/);
    const next = renderPage(doc({ sections: [{ blocks: [{ kind: 'text', text }] }] }), { from: page.rest as never, withActions: false });
    const lastShown = Number(/number (\d+) says something plain about the news of the day\.\.\.\.$/.exec(shown)?.[1]);
    expect(textOfBlocks(next.message.blocks)).toMatch(new RegExp(`^Sentence number ${lastShown + 1} `));
  });

  it('GIVEN a "Show the rest" value THEN it reads back to the line and place it was made from', () => {
    const text = Array.from({ length: 100 }, (_, i) => sentence(i)).join(' ');
    const page = renderPage(doc({ sections: [{ blocks: [{ kind: 'text', text }] }] }), { withActions: true, moreLine: '/briefing x full 2' });
    const more = page.message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : [])).find((e) => e.action_id === 'briefbot:more') as { value: string };
    expect(parseMoreValue(more.value)).toEqual({ line: '/briefing x full 2', ...page.rest });
    expect(parseMoreValue('/briefing x')).toBeUndefined();
  });

  it('GIVEN a command too long for a button value THEN that button is left out rather than cut', () => {
    const page = renderPage(doc({ actions: [{ label: 'ok', command: '/briefing a' }, { label: 'long', command: `/briefing ${'x'.repeat(2100)}` }] }), { withActions: true });
    expect(textOfBlocks(page.message.blocks)).toBe('ok');
  });

  it('GIVEN a danger button THEN Slack asks for confirmation before running it', () => {
    const page = renderPage(doc({ actions: [{ label: 'Remove', command: '/briefing remove a', style: 'danger' }] }), { withActions: true });
    const button = page.message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []))[0] as { style: string; confirm?: unknown };
    expect(button.style).toBe('danger');
    expect(button.confirm).toBeDefined();
  });

  it('GIVEN any document THEN every page fits and all pages together hold every sentence (property)', () => {
    const block = fc.oneof(
      fc.record({ kind: fc.constant('text' as const), text: fc.array(fc.nat(5000), { minLength: 1, maxLength: 80 }).map((ns) => ns.map(sentence).join(' ')) }),
      fc.record({ kind: fc.constant('quote' as const), text: fc.nat(5000).map(sentence), attribution: fc.option(fc.constant('A <b> & C'), { nil: null }) }),
      fc.record({ kind: fc.constant('fields' as const), fields: fc.array(fc.record({ label: fc.constant('L&<>'), value: fc.nat(5000).map(sentence) }), { maxLength: 12 }) }),
    );
    fc.assert(
      fc.property(fc.array(fc.record({ title: fc.constant('T'), blocks: fc.array(block, { maxLength: 12 }) }), { maxLength: 8 }), (sections) => {
        const d = doc({ title: 'Title & <more>', sections, actions: [{ label: 'Next', command: '/briefing x 2' }] });
        const pages = renderAllPages(d, 200);
        for (const p of pages) expectWithinSlackLimits(p);
        const all = pages.map((p) => textOfBlocks(p.blocks)).join('\n');
        for (const s of sections) for (const b of s.blocks) {
          const texts = b.kind === 'fields' ? b.fields.map((f) => f.value) : [b.text];
          for (const t of texts) for (const piece of t.split(/(?<=\.) /)) expect(all).toContain(piece.slice(0, 30));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('renderPage progress', () => {
  it('GIVEN a subtitle too long for any block THEN it is left out and paging still ends', () => {
    const d = doc({ title: 'T', subtitle: 'S'.repeat(5000), sections: [{ blocks: [{ kind: 'text', text: 'Body text.' }] }] });
    const pages = renderAllPages(d, 10);
    expect(pages).toHaveLength(1);
    expect(textOfBlocks(pages[0]?.blocks)).toContain('Body text.');
  });
});

describe('escapedWithin', () => {
  it('GIVEN a title of emoji with no space where a menu option or button label is cut THEN no emoji is cut in half (Slack refuses invalid UTF-8)', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const title of ['🎉'.repeat(100), `a${'🎉'.repeat(100)}`, `&${'😀'.repeat(60)}`]) {
      for (const max of [30, 75, 76, 150]) {
        const cut = escapedWithin(title, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut).not.toMatch(lone);
      }
    }
  });
});

describe('formatting marks in briefing text', () => {
  const LITERAL = /<!date\^00000000\^\{_\}\|([*_~`])>/g;
  /** What Slack shows: a literal mark's fallback as the mark itself, entities decoded, soft hyphens invisible. */
  const shown = (mrkdwn: string) => mrkdwn.replace(LITERAL, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\u00ad/g, '');

  it('GIVEN a card whose text, quote, speaker and fields hold * _ ~ and ` THEN Slack is sent each as a literal mark, so it shows the text as the editor wrote it', () => {
    const d = doc({
      title: 'Rates *up* again',
      sections: [
        {
          title: 'Summary of *all* the _news_',
          blocks: [
            { kind: 'text', text: 'Output rose 2 * 3 * 4 times; the new_tax_rule passed; ~5% to ~7% expected; run `make`.' },
            { kind: 'quote', text: 'We want *real* change', attribution: 'Ana_Ruiz' },
            { kind: 'fields', fields: [{ label: 'Who *agreed*', value: '_nobody_ said ~no~' }] },
          ],
        },
      ],
    });
    const page = renderPage(d, { withActions: false });
    const sections = page.message.blocks.filter((b) => b.type === 'section').map((b) => (b as { text: { text: string } }).text.text);
    // Our own marks (the bold section title and speaker) stay; every mark of the briefing is a literal.
    expect(sections.map(shown)).toEqual([
      '*Summary of *all* the _news_*',
      'Output rose 2 * 3 * 4 times; the new_tax_rule passed; ~5% to ~7% expected; run `make`.',
      '> “We want *real* change”\n> — *Ana_Ruiz*',
      '*Who *agreed**\n_nobody_ said ~no~',
    ]);
    for (const s of sections) {
      const withoutOurs = s.replace(LITERAL, '').replace(/^\*|\*$/g, '').replace(/\n> — \*|\*\n|\*$/g, '');
      expect(withoutOurs, s).not.toMatch(/[*_~`]/);
    }
    // The header is plain_text, shown as written without any help.
    expect(JSON.stringify(page.message.blocks[0])).toContain('Rates *up* again');
  });

  it('GIVEN long text full of marks THEN every page fits, no literal mark is cut in half, and all pages show the whole text (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a_b', '*', '~x~', '`c`', 'word.', 'Two * three.'), { minLength: 200, maxLength: 1200 }), (words) => {
        const text = words.join(' ');
        const pages = renderAllPages(doc({ sections: [{ blocks: [{ kind: 'text', text }] }] }), 50);
        for (const p of pages) {
          expectWithinSlackLimits(p);
          for (const t of [p.text, textOfBlocks(p.blocks)]) expect(t.replace(LITERAL, '')).not.toMatch(/<|>/);
        }
        const all = pages.map((p) => shown(textOfBlocks(p.blocks))).join(' ');
        for (const piece of text.split(/(?<=\.) /)) expect(all).toContain(piece.slice(0, 20));
      }),
      { numRuns: 20 },
    );
  });
});
