/**
 * Session 10 (branch quotes10): speaker rules found on the engine's unlabelled output over free BBC and CNN copy. Each
 * example is a short sentence in the style of a different story; each rule has at least two.
 */
import { describe, expect, it } from 'vitest';
import { attributeSpeakers, type Attribution } from '../../../src/core/analysis/attribute-speakers.js';
import { extractQuotes } from '../../../src/core/analysis/extract-quotes.js';
import { findMentions, NameIndex } from '../../../src/core/analysis/mentions.js';

function attribute(text: string): Array<Attribution & { text: string }> {
  const quotes = extractQuotes(text);
  const mentions = findMentions(text, []);
  const names = new NameIndex(mentions, []);
  return attributeSpeakers(text, quotes, mentions, names, {}).map((a, i) => ({ ...a, text: quotes[i]!.text }));
}

function speakerOf(text: string, quote: string): string | null | undefined {
  return attribute(text).find((a) => a.text.includes(quote))?.speaker;
}

describe('a short quoted phrase earlier in the sentence does not hide its subject (quotes10)', () => {
  it('GIVEN "X said the shootings were an "ambush" intended "..."" THEN X', () => {
    const t = 'Protesters gathered outside. County Police Chief Jon Belmar said the shootings were an "ambush" intended "for whatever nefarious reason" to harm officers.';
    expect(speakerOf(t, 'for whatever nefarious reason')).toBe('Jon Belmar');
  });

  it('GIVEN "In 2003, X said he was "astounded" ... - but "..."" THEN X', () => {
    const t = 'The album sold well. In 2003, Rod Stewart said he was "astounded" he had never won a Grammy - but "they tend not to give it to the British" anyway.';
    expect(speakerOf(t, 'they tend not to give it')).toBe('Rod Stewart');
  });

  it('GIVEN "Age Concern said imposing it was "cowardly" and a "complete u-turn"" THEN the organisation', () => {
    const t = 'Ministers set a default retirement age. But Age Concern said imposing a retirement age of 65 was "cowardly" and a "complete u-turn".';
    expect(speakerOf(t, 'complete u-turn')).toBe('Age Concern');
  });
});
