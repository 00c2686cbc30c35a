import { describe, expect, it } from 'vitest';
import { evidenceSentences, type GoldTopic, keywordBaseline, matchTopics, type PredictedTopic, sameParty, scoreArticle } from '../../bench/issue-eval.js';
import { analyze } from '../../src/core/analysis/analyze.js';

const gold = (label: string, keywords: string[], positions: GoldTopic['positions'] = []): GoldTopic => ({
  label,
  keywords,
  evidence: [],
  stance: 'agreement',
  positions,
});
const issue = (topic: string, sentences: number[], extra: Partial<PredictedTopic> = {}): PredictedTopic => ({
  topic,
  sentences,
  stance: 'statement',
  positions: [],
  ...extra,
});

describe('bench/issue-eval scoring', () => {
  it('GIVEN an issue on the evidence sentence whose label shares no word THEN it does not match', () => {
    const pairs = matchTopics([gold('mansion tax', ['levy'])], [[1]], [issue('swipe', [1]), issue('mansion tax plans', [4])]);
    expect(pairs).toEqual([]);
  });

  it('GIVEN a stemmed shared word and a shared sentence THEN the issue matches, one issue per topic', () => {
    const pairs = matchTopics([gold('fishing quotas', ['fishing'])], [[3]], [issue('fish stocks', [3]), issue('fishing quotas', [3])]);
    expect(pairs).toEqual([{ gold: 0, predicted: 1 }]);
  });

  it('GIVEN matched pairs THEN the tally says how many a tagger answering "statement" every time would get right', () => {
    const figures = { ...gold('food bank figures', ['figures']), stance: 'statement' as const };
    const dispute = { ...gold('dispute over the figures', ['dispute']), stance: 'disagreement' as const };
    const scored = scoreArticle([figures, dispute], [[0], [2]], [issue('food bank figures', [0]), issue('dispute', [2], { stance: 'disagreement' }), issue('weather', [5])]);
    expect(scored.tally.matched).toBe(2);
    expect(scored.tally.stanceRight).toBe(2);
    expect(scored.tally.statementRight).toBe(1);
  });

  it('GIVEN two issues for one topic THEN the second counts as a split, not a match', () => {
    const scored = scoreArticle([gold('number plate', ['plate'])], [[0, 1]], [issue('plate', [0, 1]), issue('direct reference to the plate', [0])]);
    expect(scored.tally.matched).toBe(1);
    expect(scored.tally.extraSplit).toBe(1);
  });

  it('GIVEN a position held by "Seoul" THEN it counts for the gold party South Korea', () => {
    expect(sameParty({ party: 'South Korea', position: 'asks for apologies' }, 'Seoul')).toBe(true);
    expect(sameParty({ party: 'Gordon Brown', position: 'x', aliases: ['Labour'] }, 'Brown')).toBe(true);
    expect(sameParty({ party: 'Japan', position: 'x' }, 'South Korea')).toBe(false);
  });

  it('GIVEN a fragment with curly quotes THEN it maps to its sentence, and to both sentences when it crosses a break', () => {
    const analysis = analyze({ text: 'The talks began. Kang said the “comfort women” deal was mentioned briefly. Kono left.' });
    expect(evidenceSentences(analysis, "Kang said the 'comfort women' deal")).toEqual([1]);
    expect(evidenceSentences(analysis, 'mentioned briefly. Kono left')).toEqual([1, 2]);
    expect(evidenceSentences(analysis, 'not in the story at all')).toEqual([]);
  });

  it('GIVEN the keyword baseline THEN each keyword is a statement topic on the sentences that contain it', () => {
    const analysis = analyze({ text: 'Fishing quotas were discussed. The fishing quotas expire soon. Rain fell on the harbour.' });
    const topics = keywordBaseline(analysis, 1);
    expect(topics).toHaveLength(1);
    expect(topics[0]).toMatchObject({ stance: 'statement', positions: [] });
    expect(topics[0]!.sentences.length).toBeGreaterThan(0);
  });
});
