import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/analyze.js';
import { labelOf, tokenize } from '../../../src/core/analysis/extract-issues.js';

// Session 10, topic finding ("topics10"). Examples are made up, from several kinds of news.

function labelsOf(text: string, title?: string): string[] {
  return analyze({ text, title }).issues.map((i) => i.topic);
}

function labelOfPhrase(phrase: string): string {
  return labelOf(tokenize(phrase)).label;
}

describe('a name whose "to" is its verb\'s future: the infinitive\'s object is the topic', () => {
  it('GIVEN "<name> to <verb> <object>" THEN the label is the object', () => {
    // Markets, a gas row, a trade complaint.
    expect(labelOfPhrase('the Federal Reserve to raise interest rates')).toBe('interest rates');
    expect(labelOfPhrase('President Kirchner to suspend gas exports')).toBe('gas exports');
    expect(labelOfPhrase('the World Trade Organisation to investigate customs tariffs')).toBe('customs tariffs');
  });

  it('GIVEN the story of the euro THEN the traders\' clause is labelled by what they expect, not "Traders"', () => {
    const labels = labelsOf('The euro rose against the dollar on Tuesday, hitting a seven-month high after weak US jobs figures. Traders expect the Federal Reserve to raise interest rates next month.');
    expect(labels).toContain('interest rates');
    expect(labels).not.toContain('Traders');
  });

  it('GIVEN no name before "to", a word that is no noun, a number or an adjective after the verb THEN the rule stays out', () => {
    // A purpose after a common noun stays ("plans to cut taxes" is its own rule).
    expect(labelOfPhrase('a fund to compensate victims')).toBe('fund to compensate victims');
    // "According to state ...": "According" is no name.
    expect(labelOfPhrase('According to state statistics body INSEE')).not.toBe('statistics body INSEE');
    // "Montgomery to feel victorious": an adjective is no object.
    expect(labelOfPhrase('Montgomery to feel victorious')).toBe('Montgomery');
    // "to be" + participle is no verb with an object.
    expect(labelOfPhrase('Microsoft to be fined')).not.toMatch(/fined/);
  });
});
