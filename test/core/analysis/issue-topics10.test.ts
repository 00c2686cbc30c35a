import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/analyze.js';
import { chunks, labelOf, tokenize } from '../../../src/core/analysis/extract-issues.js';
import { labelSpan, withoutLeadingGerund } from '../../../src/core/analysis/label-quality.js';

// Session 9, second issues round ("issues10"): topic labels on everyday business, technology and arts news.
// Examples are made up, from several kinds of news.

function labelsOf(text: string): string[] {
  return analyze({ text }).issues.map((i) => i.topic);
}

function chunkTexts(clause: string): string[] {
  return chunks(tokenize(clause)).map((c) => c.tokens.map((t) => t.text).join(' '));
}

describe('noun phrases do not run across "and" into a second verb phrase', () => {
  it('GIVEN "and" + an -ing or past-tense verb with its object THEN the phrase before "and" ends there', () => {
    // A fraud ring, a luxury group, a retailer.
    const fraud = chunkTexts('a gang which stole identities and used computers to defraud banks');
    expect(fraud).toContain('identities');
    // The second verb starts no phrase either.
    expect(fraud.some((c) => c.startsWith('used'))).toBe(false);
    expect(chunkTexts('the group has been selling brands and pushing through a restructuring')).not.toContain('brands and pushing');
    expect(chunkTexts('analysts expect a bidding contest, prompting an auction and pushing the price higher')).not.toContain('an auction and pushing');
  });

  it('GIVEN a coordination of nouns, gerund-nouns or adjectives THEN it stays one phrase', () => {
    expect(chunkTexts('the firm reported record profits and capital spending last year')).toContain('record profits and capital spending');
    expect(chunkTexts('he was charged with fraud and money laundering in 2003')).toContain('fraud and money laundering in 2003');
    expect(chunkTexts('markets were hit by technical and automated trading on Friday').some((c) => c.includes('technical and automated trading'))).toBe(true);
    expect(chunkTexts('the report blamed weak spending and rising household savings')).toContain('weak spending and rising household savings');
  });
});

describe('a participle after a noun is the verb of a clause about that noun', () => {
  it('GIVEN "noun + -ing" followed by its complement THEN the -ing word is not the label\'s head', () => {
    // Shares, an economy, a gas field.
    expect(chunkTexts('the firm has recovered, with its share price increasing by almost four-fold')).toContain('its share price');
    expect(chunkTexts('the economy will slow, with growth falling from 3% to 2%')).toContain('growth');
    expect(chunkTexts('the group will own 30% of the field, with the state oil firm owning the rest')).toContain('the state oil firm');
    expect(chunkTexts('he faces a case centring around the privatisation of a fertiliser firm')).toContain('a case');
    for (const clause of ['with its share price increasing by almost four-fold', 'with the state oil firm owning the rest']) {
      expect(chunkTexts(clause).some((c) => /\b(?:increasing|owning)\b/.test(c)), clause).toBe(false);
    }
  });

  it('GIVEN a compound of noun + gerund-noun ("consumer spending", "mortgage lending in the UK") THEN it stays whole', () => {
    expect(chunkTexts('a rise in consumer spending by 2% in December')).toContain('a rise in consumer spending by 2%');
    expect(chunkTexts('a fall in mortgage lending in the UK')).toContain('a fall in mortgage lending in the UK');
  });

  it('GIVEN a saying participle after a name ("Alicia Castro calling the plate ...") THEN it is left to the speaker rules', () => {
    expect(chunkTexts('a diplomatic row with the ambassador Jane Smith calling the remark an insult')).toContain('a diplomatic row with the ambassador Jane Smith calling');
  });
});

describe('a label that opens on a framing gerund with its object names the object', () => {
  it('GIVEN "hitting a high", "following a dispute", "launching its own service" THEN the gerund and determiner go', () => {
    expect(withoutLeadingGerund('hitting a seven-month high')).toBe('seven-month high');
    expect(withoutLeadingGerund('following a trademark dispute with another company')).toBe('trademark dispute with another company');
    expect(withoutLeadingGerund('launching its own broadband telephony service')).toBe('broadband telephony service');
    expect(withoutLeadingGerund('facing a criminal investigation')).toBe('criminal investigation');
  });

  it('GIVEN a gerund that is the substance, no determiner, or one word left THEN the label stays', () => {
    expect(withoutLeadingGerund('denuclearizing the Korean peninsula')).toBe('denuclearizing the Korean peninsula');
    expect(withoutLeadingGerund('increasing the minimum wage')).toBe('increasing the minimum wage');
    expect(withoutLeadingGerund('rising fuel prices')).toBe('rising fuel prices');
    expect(withoutLeadingGerund('ruling on the appeal')).toBe('ruling on the appeal');
    expect(withoutLeadingGerund('blocking the sale')).toBe('blocking the sale');
  });

  it('GIVEN stories in the issue list THEN no label opens on "hitting a" or "following a"', () => {
    const stories = [
      'The euro rose against the dollar on Tuesday, hitting a seven-month high after weak US jobs figures. Traders expect the Federal Reserve to raise interest rates next month.',
      'The singer cancelled the tour last week following a bitter contract dispute with her record label. Her manager said the label had refused to release the new album.',
    ];
    for (const story of stories) for (const label of labelsOf(story)) expect(label, story).not.toMatch(/^(?:hitting|following) (?:a|the)\b/);
  });
});

describe('a verb left at a label\'s front or end', () => {
  it('GIVEN "to allay fears of X", "plans to extend paid maternity leave" THEN the base-form verb goes', () => {
    // A car plant, a workers' rights pledge.
    const stories = [
      'The carmaker said it would invest in the plant. The announcement should go some way to allay fears of the factory\'s closure among its 5,000 workers.',
      'The plan to extend paid maternity leave to nine months was welcomed by unions. Business groups warned of the cost to small firms.',
    ];
    for (const story of stories) for (const label of labelsOf(story)) expect(label, story).not.toMatch(/^(?:allay|extend) /);
  });

  it('GIVEN "X mean(s) ...", "X believe ..." THEN the label stops before the verb', () => {
    const story = 'High welfare costs mean German consumers are saving more and spending less. Retailers reported falling sales over Christmas.';
    for (const label of labelsOf(story)) expect(label).not.toMatch(/\bmean\b/);
  });
});

describe('an -ing word after a plural noun at a label\'s end', () => {
  it('GIVEN "shares closing", "big parties battling", "students joining" THEN the -ing word goes', () => {
    const cut = (label: string): string => {
      const words = label.split(' ');
      const [from, to] = labelSpan(words);
      return words.slice(from, to).join(' ');
    };
    expect(cut('shares closing')).toBe('shares');
    expect(cut('big parties battling')).toBe('big parties');
    expect(cut('quarter of a million students joining')).toBe('quarter of a million students');
    // Compounds stay: a singular or mass noun first, a plural that heads such compounds, an -ing noun.
    expect(cut('mortgage lending')).toBe('mortgage lending');
    expect(cut('illegal arms dealing')).toBe('illegal arms dealing');
    expect(cut('extraordinary shareholders meeting')).toBe('extraordinary shareholders meeting');
  });
});

describe('"to" + verb after a name or with a passive is a clause, not a purpose', () => {
  const labelOfChunk = (clause: string): string[] => chunks(tokenize(clause)).map((c) => labelOf(c.tokens).label);

  it('GIVEN "President X to suspend gas exports", "software to be patented" THEN the label stops before "to"', () => {
    expect(labelOfChunk('they feared President Kirchner to suspend gas exports')).not.toContain('President Kirchner to suspend gas exports');
    expect(labelOfChunk('the directive would allow software to be patented in Europe')).toContain('software');
    expect(labelOfChunk('the agency warned users to be wary of unexpected e-mail messages')).toContain('users');
  });

  it('GIVEN a purpose after a common noun or "to be" + a noun THEN it stays', () => {
    expect(labelOfChunk('ministers set up a fund to compensate asbestos victims')).toContain('fund to compensate asbestos victims');
    expect(labelOf(tokenize('his ambition to be leader')).label).toBe('ambition to be leader');
  });
});
