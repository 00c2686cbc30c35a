import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/analysis/analyze.js';
import { cleanText } from '../../../src/core/analysis/clean-text.js';
import { addHeadSentences, creditLead, labelHead, labelOf, mostUsedPhrase, tokenize } from '../../../src/core/analysis/extract-issues.js';
import { splitSentences } from '../../../src/core/analysis/split-sentences.js';
import { sentencePostings } from '../../../src/core/analysis/topic-cut.js';

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

describe('a listed topic is supported by the later sentences that name its head noun', () => {
  const postingsOf = (text: string) => sentencePostings(splitSentences(cleanText(text)));

  it('GIVEN a topic told again by its head noun alone THEN those sentences support it (a council, a court)', () => {
    // A council's bus lane: "the lane" in the objections and in the council leader's answer.
    const lane = analyze({ text: 'The city council has approved a new bus lane on the high street. Shopkeepers said the lane would drive away customers. The council leader said the lane would cut journey times for thousands of commuters. Cyclists will also be allowed to use it. Work begins in March.' });
    const bus = lane.issues.find((i) => /lane/.test(i.topic))!;
    expect(bus.sentences).toEqual([0, 1, 2]);
    // A fraud trial: "The manager took money ..." speaks of the convicted bank manager.
    const fraud = analyze({ text: 'A jury has convicted a former bank manager of stealing from elderly customers. The manager took money from 40 accounts over six years, prosecutors said. Several of the victims gave evidence at the trial. The money has not been recovered. He will be sentenced next month, and the bank said it had repaid every victim.' });
    expect(fraud.issues.find((i) => /manager/.test(i.topic))!.sentences).toContain(1);
  });

  it('GIVEN the head noun before the topic\'s first sentence THEN the first sentence stays the one found (a briefing card shows it)', () => {
    const text = 'The strike began at dawn. Drivers walked out. Union leaders demanded a new pay deal for drivers. The strike will last two days.';
    const topics = [{ label: 'new pay deal', sentences: [2] }, { label: 'strike', sentences: [0] }];
    addHeadSentences(topics, postingsOf(text));
    expect(topics[0]!.sentences).toEqual([2]);
    expect(topics[1]!.sentences).toEqual([0, 3]);
  });

  it('GIVEN two listed topics with one head noun, or a generic head THEN neither takes the noun\'s sentences', () => {
    // Two referendums (independence, EU), and "plans" that could be anyone's.
    const text = 'The SNP wants a second referendum on independence. Labour said a referendum would divide the country. The Tories promised an EU referendum. Ministers set out plans for schools. The plans were welcomed by teachers.';
    const topics = [
      { label: 'second referendum on independence', sentences: [0] },
      { label: 'EU referendum', sentences: [2] },
      { label: 'plans', sentences: [3] },
    ];
    addHeadSentences(topics, postingsOf(text));
    expect(topics.map((t) => t.sentences)).toEqual([[0], [2], [3]]);
  });
});

describe('labelHead', () => {
  it('GIVEN a label THEN its last word before the first preposition', () => {
    expect(labelHead('bus lane on the high street')).toBe('lane');
    expect(labelHead('strike')).toBe('strike');
    expect(labelHead("Tories of 'running scared' of debate")).toBe('Tories');
    expect(labelHead('fund to compensate victims')).toBe('fund');
  });
});

describe('the lead supports the listed topic whose head noun it names, when no listed topic has it', () => {
  const postingsOf = (text: string) => sentencePostings(splitSentences(cleanText(text)));

  it('GIVEN a lead naming a listed topic\'s head noun THEN that topic takes the lead and comes first (a virus, company results)', () => {
    const virus = 'Security firms are warning about a Windows virus disguising itself as an electronic Christmas card. The e-mail carries an attachment. Experts said the Zafi virus had spread to 20 countries. Users should delete the message.';
    const listed = [{ label: 'attachment', sentences: [1] }, { label: 'Zafi virus', sentences: [2] }];
    const out = creditLead(listed, 0, postingsOf(virus));
    expect(out.map((t) => t.label)).toEqual(['Zafi virus', 'attachment']);
    expect(out[0]!.sentences).toEqual([0, 2]);
    const results = 'Quarterly profits at the media giant jumped 76% to $1.13bn. Fourth quarter sales rose 6.4%. Its underlying profit fell slightly, it said.';
    expect(creditLead([{ label: 'fourth quarter sales', sentences: [1] }, { label: 'underlying profit', sentences: [2] }], 0, postingsOf(results))[0]).toEqual({ label: 'underlying profit', sentences: [0, 2] });
  });

  it('GIVEN a lead already listed, a name or a vague word as head THEN nothing moves (a strike, a campaign)', () => {
    const strike = 'The strike began at dawn as drivers walked out. Union leaders demanded a new pay deal. The strike will last two days.';
    const covered = [{ label: 'strike', sentences: [0, 2] }, { label: 'new pay deal', sentences: [1] }];
    expect(creditLead(covered, 0, postingsOf(strike))).toEqual(covered);
    const campaign = 'Mr Blair has told Labour officials the campaign will focus on the economy. The party said officials would meet on Monday. Mr Blair will speak in Gateshead.';
    const named = [{ label: 'Mr Blair', sentences: [2] }, { label: 'officials', sentences: [1] }];
    expect(creditLead(named, 0, postingsOf(campaign))).toEqual(named);
    expect(named.map((t) => t.sentences)).toEqual([[2], [1]]);
  });
});

describe('a lone word listed as a topic takes the phrase the rest of the story uses with it twice', () => {
  it('GIVEN the story\'s sentences with the word THEN the phrase headed by it that they use most, when they use it twice (software, a think-tank, a hospital)', () => {
    const browser = ['Microsoft said its current browser was a target.', 'The Firefox browser has been winning fans.', 'Rivals say the Firefox browser is safer.'];
    expect(mostUsedPhrase('browser', browser, {}, undefined, 2)).toBe('Firefox browser');
    const report = ['Ministers said the report was unfair.', 'The Demos report found that voters distrust ministers.', 'Councils will answer the Demos report in May.'];
    expect(mostUsedPhrase('report', report, {}, undefined, 2)).toBe('Demos report');
    const tumor = ['Doctors found a brain tumor last year.', 'The brain tumor was removed in March.', 'The tumor had not spread.'];
    expect(mostUsedPhrase('tumor', tumor, {}, undefined, 2)).toBe('brain tumor');
  });

  it('GIVEN a phrase used once, or a word no phrase heads THEN none', () => {
    expect(mostUsedPhrase('report', ['Ministers said the report was unfair.', 'A Demos report last year found the same.'], {}, undefined, 2)).toBeNull();
    expect(mostUsedPhrase('report', ['Ministers said the report was unfair.', 'The report was late.'], {}, undefined, 2)).toBeNull();
  });
});
