import { describe, expect, it } from 'vitest';
import type { Briefing } from '../../../src/core/briefing/briefing.js';
import { buildBriefingCard, paginateText } from '../../../src/core/render/briefing-card.js';
import { documentText, trimAtSentence } from '../../../src/core/render/document.js';
import { fakeAnalysis } from '../../fakes/memory-library.js';

const briefing: Briefing = {
  slug: 'river-talks',
  title: 'River talks resume',
  source: 'Example News',
  published: '2024-05-01',
  url: 'https://example.com/river',
  tags: ['water'],
  participants: [],
  body: 'Negotiators met. They agreed to share data.',
};

const analysis = fakeAnalysis({
  summary: ['Negotiators met.', 'They agreed to share data.'],
  quotes: [
    { text: 'Our farmers cannot plan a harvest on promises', speaker: 'Samir Haddad', confidence: 0.9, cue: 'said-after', key: true, sentence: 1 },
    { text: 'We will not sign away the water', speaker: null, confidence: 0, cue: 'none', key: false, sentence: 1 },
  ],
  issues: [{ topic: 'data sharing', stance: 'agreement', positions: [{ party: 'Alvania', position: 'asks for a minimum flow' }], sentences: [1] }],
});

describe('buildBriefingCard', () => {
  it('GIVEN an analysis THEN the card has title, source line, summary, key quotes with speakers and issues with stances', () => {
    const card = buildBriefingCard({ briefing, analysis });
    expect(card.title).toBe('River talks resume');
    expect(card.subtitle).toBe('Example News · 2024-05-01');
    expect(card.url).toBe('https://example.com/river');
    expect(card.sections.map((s) => s.title)).toEqual(['Summary', 'Key quotes', 'Issues']);
    const text = documentText(card);
    expect(text).toContain('Our farmers cannot plan a harvest on promises — Samir Haddad');
    expect(text).not.toContain('sign away');
    expect(text).toContain('Data sharing · agreed');
    expect(text).toContain('Alvania: asks for a minimum flow');
    expect(card.actions.map((a) => a.command)).toContain('/briefing river-talks quotes');
  });

  it('GIVEN the quotes section THEN every quote is listed, the unattributed one without a speaker', () => {
    const card = buildBriefingCard({ briefing, analysis, section: 'quotes' });
    const quotes = card.sections[0]?.blocks.filter((b) => b.kind === 'quote');
    expect(quotes).toHaveLength(2);
    expect(quotes?.[1]).toEqual({ kind: 'quote', text: 'We will not sign away the water', attribution: null });
  });

  it('GIVEN more issues than fit THEN one button opens them all, never two buttons for one command', () => {
    const many = fakeAnalysis({ issues: Array.from({ length: 14 }, (_, i) => ({ topic: `topic ${i}`, stance: 'statement' as const, positions: [], sentences: [0] })) });
    const card = buildBriefingCard({ briefing, analysis: many });
    const commands = card.actions.map((a) => a.command);
    expect(new Set(commands).size).toBe(commands.length);
    expect(card.actions.find((a) => a.command === '/briefing river-talks issues')?.label).toBe('All 14 issues');
  });

  it('GIVEN nothing to show THEN empty sections say so instead of vanishing', () => {
    const card = buildBriefingCard({ briefing, analysis: fakeAnalysis({ quotes: [], issues: [] }) });
    expect(documentText(card)).toContain('No direct quotations in this briefing.');
    expect(documentText(card)).toContain('No distinct issues found.');
  });

  it('GIVEN a failed analysis THEN the card still shows the text', () => {
    const card = buildBriefingCard({ briefing, analysis: null });
    expect(documentText(card)).toContain('Negotiators met.');
    expect(documentText(card)).toMatch(/analysis of this briefing failed/);
  });

  it('GIVEN a long text THEN the full text is paged with next and previous actions', () => {
    const long = { ...briefing, body: Array.from({ length: 90 }, (_, i) => `Paragraph ${i} has some words in it, enough to fill a page of text over time.`).join('\n\n') };
    const page2 = buildBriefingCard({ briefing: long, analysis: null, section: 'full', page: 2 });
    expect(page2.footer).toMatch(/^Page 2 of \d+$/);
    expect(page2.actions.map((a) => a.command)).toEqual(expect.arrayContaining(['/briefing river-talks full 1', '/briefing river-talks full 3']));
  });
});

describe('paginateText and trimAtSentence', () => {
  it('GIVEN text THEN pages keep every word and stay under the page size', () => {
    const text = Array.from({ length: 50 }, (_, i) => `Sentence number ${i} is here.`).join(' ');
    const pages = paginateText(text, 200);
    expect(pages.every((p) => p.length <= 200)).toBe(true);
    expect(pages.join(' ').split(/\s+/)).toEqual(text.split(/\s+/));
  });

  it('GIVEN text over the limit THEN it is cut at a sentence and marked', () => {
    expect(trimAtSentence('One two three. Four five six. Seven eight nine.', 35)).toBe('One two three. Four five six....');
    expect(trimAtSentence('short', 35)).toBe('short');
  });

  it('GIVEN text with no space to cut at and emoji or rare CJK at the limit THEN no character is cut in half, on any page', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    for (const text of ['🎉'.repeat(300), `x${'𠀋'.repeat(300)}`, `${'東京'.repeat(40)}😀😀😀${'京'.repeat(200)}`]) {
      for (let max = 4; max < 120; max++) {
        const cut = trimAtSentence(text, max);
        expect(cut.length, `${max}`).toBeLessThanOrEqual(max);
        expect(cut, `${max}`).not.toMatch(lone);
      }
      for (const size of [50, 51, 77]) {
        const pages = paginateText(text, size);
        expect(pages.some((p) => lone.test(p)), `${size}`).toBe(false);
        expect(pages.join('')).toBe(text);
      }
    }
  });
});
