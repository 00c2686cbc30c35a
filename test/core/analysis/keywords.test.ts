import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BestFirst, extractKeywords, PhraseKeys } from '../../../src/core/analysis/keywords.js';
import { splitSentences } from '../../../src/core/analysis/split-sentences.js';

const keywordsOf = (text: string, n?: number): string[] => extractKeywords(splitSentences(text), n);

const TALKS = [
  'The foreign ministers of South Korea and Japan met in Seoul.',
  'They agreed to settle the issue of fishing quotas and to hold talks on the Korean peninsula.',
  'South Korea asked for cooperation on the Korean peninsula, and Japan raised the fishing quotas again.',
  'The fishing quotas have divided South Korea and Japan for years.',
].join(' ');

describe('extractKeywords', () => {
  it('GIVEN a name followed by "will" in every sentence THEN the modal is never part of a keyword', () => {
    const text = [
      'Students from the School of Music will open the show.',
      'The School of Music will also perform on Saturday.',
      'Every pupil at the School of Music will play, and the council will pay.',
    ].join(' ');
    const keywords = keywordsOf(text);
    expect(keywords.some((k) => /\bwill\b/i.test(k))).toBe(false);
    expect(keywords).toContain('Music');
  });

  it('GIVEN recurring multi-word names and phrases THEN they come out whole, as written', () => {
    const keywords = keywordsOf(TALKS);
    expect(keywords).toContain('South Korea');
    expect(keywords).toContain('fishing quotas');
    expect(keywords).toContain('Korean peninsula');
  });

  it('GIVEN stopwords and reporting words THEN none is a keyword', () => {
    const keywords = keywordsOf(`${TALKS} He said they would also meet again.`);
    for (const k of keywords) expect(k.toLowerCase()).not.toMatch(/^(?:the|and|said|also|they|would)$/);
  });

  it('GIVEN days, amounts and verbs that recur THEN none is a keyword alone, while the nouns and names stay', () => {
    const texts = [
      'Profits rose to dollars 1.1bn on Friday, the firm said. Profits were expected to remain high, and dollars flowed in. Analysts expected profits to remain strong into Friday. The firm sold 0.2 million shares.',
      'Growth will remain at 2.5% this year, officials indicated. The euro zone saw growth slow last year. Officials indicated growth could remain weak next year, and 2.5% was the forecast.',
      'Profits rose 3 per cent to 5 million dollars. Sales rose 2 per cent, and costs fell 1 per cent; the firm expects profits of 6 million dollars.',
      'Asked about profits, she said: "Nothing is ruled in and nothing is ruled out." Profits may fall, but nothing is decided, and profits matter.',
    ];
    for (const text of texts) {
      const keywords = keywordsOf(text).map((k) => k.toLowerCase());
      for (const k of ['friday', 'dollars', 'remain', 'expected', 'indicated', 'year', '0.2', '2.5', 'per cent', 'million dollars', 'nothing']) expect(keywords).not.toContain(k);
      expect(keywords.some((k) => k.includes('profits') || k.includes('growth'))).toBe(true);
    }
  });

  it('GIVEN words usually not nouns ("hit", "former", "down") THEN none is a keyword alone unless the story uses it as a noun', () => {
    const texts = [
      'The dollar hit a record low as the trade deficit grew. Exports were down and the deficit hit markets. The deficit was down again, traders said, and the dollar hit bottom.',
      'The former chief executive faces trial. Prosecutors said the former chief hid losses. The trial of the former boss opens in March, and the losses were down to fraud.',
    ];
    for (const text of texts) {
      const keywords = keywordsOf(text).map((k) => k.toLowerCase());
      for (const k of ['hit', 'former', 'down']) expect(keywords).not.toContain(k);
      expect(keywords.some((k) => k.includes('deficit') || k.includes('trial'))).toBe(true);
    }
    // The same word used as a noun ("a record high", "the launch") stands.
    const launch = keywordsOf('The launch of the console was delayed. Sony said the launch would come in March. Fans queued for the launch.');
    expect(launch.map((k) => k.toLowerCase())).toContain('launch');
  });

  it('GIVEN a usual noun the story only uses as a verb ("to use", "we say") THEN it is no keyword, but it is where a noun stands', () => {
    const verbs = keywordsOf('Users want to use the software. Most firms use Linux, and they say users will use it more. Firms say the software is cheap.');
    expect(verbs.map((k) => k.toLowerCase())).not.toContain('say');
    const nouns = keywordsOf('The use of mobile phones in class is banned. Teachers said the use of phones distracts pupils. Phones and their use divide schools.');
    expect(nouns.map((k) => k.toLowerCase())).toContain('use');
  });

  it('GIVEN clauses and verb phrases that recur ("survey found", "cutting subsidies", "customers trying") THEN none is a keyword', () => {
    const texts = [
      'The survey found prices drop each year. A second survey found customers trying to switch gave up. Customers trying to leave were kept on hold, the survey found.',
      'The government plans cutting subsidies on fuel. By cutting subsidies it hopes to save money. Cutting subsidies angered drivers, and fuel subsidies cost billions.',
      'Supporters say the law protects inventors. Supporters say it is needed, but critics disagree; the law goes to a vote.',
    ];
    for (const text of texts) {
      const keywords = keywordsOf(text).map((k) => k.toLowerCase());
      for (const k of ['survey found', 'customers trying', 'cutting subsidies', 'supporters say']) expect(keywords).not.toContain(k);
    }
    // A participle that modifies a noun after a determiner or an adjective stays ("its operating costs").
    const costs = keywordsOf('Ryanair said its operating costs fell. Higher operating costs hit rivals. The airline expects operating costs to fall again.');
    expect(costs.map((k) => k.toLowerCase())).toContain('operating costs');
  });

  it('GIVEN possessives and prepositions inside runs of content words THEN no keyword runs across them', () => {
    const texts = [
      "It is the world's biggest carmaker. The world's biggest carmaker cut jobs; the carmaker is the world's biggest.",
      "Ireland's biggest bank grew. Shares in Ireland's biggest companies rose, and Ireland's biggest lender gained.",
      'Protests against women were reported; campaigns against women continued. The campaign against women drew crowds.',
    ];
    for (const text of texts) {
      for (const k of keywordsOf(text)) expect(k.toLowerCase()).not.toMatch(/^(?:world biggest|ireland biggest|against women)$/);
    }
  });

  it('GIVEN a phrase already chosen THEN its longer and shorter variants are not repeated', () => {
    const text = 'The kite flying festival drew crowds. Kite flying is popular. The kite flying festival ended. Kite flying teams came.';
    const keywords = keywordsOf(text);
    const kiteFlying = keywords.filter((k) => /kite flying/i.test(k));
    expect(kiteFlying).toHaveLength(1);
  });

  it('GIVEN a four-word name THEN it is not cut into a three-word fragment', () => {
    const text =
      'The Wulong International Kite Festival opened. Crowds came to the Wulong International Kite Festival on Saturday. The kite was long.';
    const keywords = keywordsOf(text);
    expect(keywords).toContain('Wulong International Kite Festival');
    expect(keywords).not.toContain('Wulong International Kite');
  });

  it('GIVEN a name after a common word or before a past-tense verb THEN the name comes out on its own', () => {
    const text =
      'Security guard Simon Scott was sacked. The firm said guard Simon Scott broke company policy. Simon Scott asked for his job back. Simon Scott asked again.';
    const keywords = keywordsOf(text);
    expect(keywords).toContain('Simon Scott');
    expect(keywords.some((k) => /guard Simon|Scott asked/.test(k))).toBe(false);
  });

  it('GIVEN n THEN at most n keywords, and none for empty text', () => {
    expect(keywordsOf(TALKS, 3)).toHaveLength(3);
    expect(keywordsOf('', 5)).toEqual([]);
    expect(keywordsOf(TALKS, 0)).toEqual([]);
  });

  it('GIVEN a word only capitalised at the start of sentences THEN its lower-case form is preferred', () => {
    const text = 'Tensions rose in the port. Officials said tensions were high. The tensions eased by night.';
    expect(keywordsOf(text)).toContain('tensions');
  });

  it('GIVEN scores and first sentences with ties THEN BestFirst yields exactly the stable sort by score, then first sentence', () => {
    const item = fc.record({ score: fc.constantFrom(0, 0.5, 1, 1 / 3, 2, 2.000000000000001, 7), firstSentence: fc.integer({ min: 0, max: 3 }) });
    fc.assert(fc.property(fc.array(item, { maxLength: 40 }), (items) => {
      const best = new BestFirst(items, items.map((i) => i.score));
      const popped = [];
      for (let x = best.next(); x !== undefined; x = best.next()) popped.push(x);
      expect(popped).toEqual([...items].sort((a, b) => b.score - a.score || a.firstSentence - b.firstSentence));
      expect(popped.every((x, k) => x === [...items].sort((a, b) => b.score - a.score || a.firstSentence - b.firstSentence)[k])).toBe(true);
    }), { numRuns: 2000 });
  });

  it('GIVEN stem numbers THEN phrase keys of up to four stems are distinct for distinct phrases, numbers while they fit a double', () => {
    for (const base of [1, 2, 3, 5]) {
      const keys = new PhraseKeys(base);
      const seen = new Map<number | string, string>();
      const tuples = (size: number): number[][] => (size === 0 ? [[]] : tuples(size - 1).flatMap((t) => Array.from({ length: base }, (_, id) => [...t, id])));
      for (let size = 1; size <= 4; size += 1) {
        for (const ids of tuples(size)) {
          const key = keys.of([9, ...ids], [{ stem: 'x' }, ...ids.map((id) => ({ stem: String(id) }))], 1, size);
          expect(typeof key).toBe('number');
          expect(seen.get(key)).toBeUndefined();
          seen.set(key, ids.join(' '));
        }
      }
    }
    expect(new PhraseKeys(9000).of([8999, 8999, 8999, 8999], [{ stem: 'a' }, { stem: 'b' }, { stem: 'c' }, { stem: 'd' }], 0, 4)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
    expect(new PhraseKeys(20_000).of([1, 2, 3], [{ stem: 'kite' }, { stem: 'fly' }, { stem: 'festiv' }], 0, 3)).toBe('kite fly festiv');
  });
});

