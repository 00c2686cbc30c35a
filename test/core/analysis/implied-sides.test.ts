import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/analyze.js';
import { cleanText } from '../../../src/core/analysis/clean-text.js';
import { scanQuoteSpans } from '../../../src/core/analysis/extract-quotes.js';
import { impliedParticipants } from '../../../src/core/analysis/implied-sides.js';
import { findMentions, NameIndex } from '../../../src/core/analysis/mentions.js';

function implied(text: string): Array<{ name: string; side?: string }> {
  const mentions = findMentions(text);
  return impliedParticipants(text, scanQuoteSpans(text), mentions, new NameIndex(mentions)).map((p) => ({ name: p.name, side: p.side }));
}

/** A TV package on talks between two countries, its soundbites run with no speaker verb. */
const INDIA_PAKISTAN = [
  'The foreign ministers of India and Pakistan met in Islamabad on Tuesday.',
  '"We are ready to discuss every issue, and I thank Minister Qureshi for his welcome."',
  '"We want peace, but India must stop the firing on the border."',
  'Minister Swaraj said trade could grow, and urged Islamabad to act on the militants.',
  'Qureshi asked New Delhi to reopen the rail link.',
  'Swaraj and Qureshi agreed to meet again in March.',
].join('\n');

describe('sides a two-sided story implies, when the editor names no participants', () => {
  it('GIVEN a two-sided story where each minister asks something of the other side THEN each gets the other side of the one they ask', () => {
    expect(implied(INDIA_PAKISTAN)).toEqual([
      { name: 'Swaraj', side: 'India' },
      { name: 'Qureshi', side: 'Pakistan' },
    ]);
  });

  it('GIVEN soundbites with no speaker verb THEN one that names a minister is the other minister\'s, and one that speaks of a side in the third person is the other side\'s', () => {
    const a = analyze({ text: INDIA_PAKISTAN });
    expect(a.quotes.map((q) => [q.speaker, q.cue])).toEqual([
      ['Swaraj', 'side-reasoning'],
      ['Qureshi', 'side-reasoning'],
    ]);
    expect(a.quotes[0]!.confidence).toBeLessThan(0.65);
  });

  it('GIVEN the Korea-Japan transcript with no front-matter THEN Kang and Kono are told apart by whom they ask ("asked for Japan\'s cooperation", "asked Seoul")', () => {
    const text = cleanText(readFileSync(new URL('../../fixtures/korea-japan.txt', import.meta.url), 'utf8'));
    expect(implied(text)).toEqual(
      expect.arrayContaining([
        { name: 'Kono', side: 'Japan' },
        { name: 'Kang', side: 'South Korea' },
      ]),
    );
    expect(analyze({ text }).quotes.map((q) => q.speaker)).toEqual(['Kang', 'Kono']);
  });

  it('GIVEN a side named before a minister\'s title THEN that is their side', () => {
    const text = 'The leaders of France and Germany met. French President Pierre Roux spoke first. German Chancellor Anna Weber replied. Roux and Weber agreed on a fund.';
    expect(implied(text)).toEqual([
      { name: 'Pierre Roux', side: 'France' },
      { name: 'Anna Weber', side: 'Germany' },
    ]);
  });

  it('GIVEN no pair of sides, two pairs named equally often, or one side only THEN no participants are implied and unknown stays unknown', () => {
    expect(implied('Minister Swaraj urged Islamabad to act. Swaraj said more. "We will see," it ended.')).toEqual([]);
    expect(implied('The leaders of India and Pakistan met, and the leaders of France and Germany met. Swaraj asked Pakistan to act. Swaraj left.')).toEqual([]);
    expect(implied('The ministers of India and Pakistan met. Swaraj asked Pakistan to act. Swaraj left. Qureshi spoke. Qureshi left.')).toEqual([]);
    expect(analyze({ text: '"We will win," one fan shouted. Fans cheered.' }).quotes[0]!.speaker).toBeNull();
  });

  it('GIVEN an editor\'s participants THEN they decide, with the higher confidence', () => {
    const a = analyze({
      text: INDIA_PAKISTAN,
      participants: [
        { name: 'Sushma Swaraj', side: 'India', aliases: ['Swaraj'] },
        { name: 'Shah Mahmood Qureshi', side: 'Pakistan', aliases: ['Qureshi'] },
      ],
    });
    expect(a.quotes.map((q) => [q.speaker, q.confidence])).toEqual([
      ['Sushma Swaraj', 0.65],
      ['Shah Mahmood Qureshi', 0.65],
    ]);
  });
});
