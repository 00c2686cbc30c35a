import { describe, expect, it } from 'vitest';
import { meanScores, rougeTokens, scoreSummary } from '../../bench/rouge.js';

describe('rouge (rouge-score style)', () => {
  it('GIVEN punctuation, case and PTB bracket tokens THEN tokens are lower-case a-z0-9 runs, stemmed only above three characters', () => {
    expect(rougeTokens('The U.S.-led talks -LRB- 3.7 miles -RRB- ended.')).toEqual(['the', 'u', 's', 'led', 'talk', 'lrb', '3', '7', 'mile', 'rrb', 'end']);
    expect(rougeTokens('runs ran running')).toEqual(['run', 'ran', 'run']);
    expect(rougeTokens('dogs')).toEqual(['dog']);
    expect(rougeTokens('was')).toEqual(['was']);
  });

  it('GIVEN one substituted word THEN R1 = 5/6, R2 = 3/5 and Lsum = 5/6 (hand-computed)', () => {
    const s = scoreSummary(['the cat sat on the mat'], ['the cat lay on the mat']);
    expect(s.rouge1).toBeCloseTo(5 / 6, 10);
    expect(s.rouge2).toBeCloseTo(3 / 5, 10);
    expect(s.rougeLsum).toBeCloseTo(5 / 6, 10);
  });

  it('GIVEN inflected forms THEN stemming matches them: R1 = 0.8, R2 = 0, Lsum = 0.4', () => {
    // candidate [run, dog], reference [the, dog, run]: R1 P=1 R=2/3; LCS 1 -> P=1/2 R=1/3.
    const s = scoreSummary(['running dogs'], ['the dog runs']);
    expect(s.rouge1).toBeCloseTo(0.8, 10);
    expect(s.rouge2).toBe(0);
    expect(s.rougeLsum).toBeCloseTo(0.4, 10);
  });

  it('GIVEN candidate sentences in another order THEN Lsum takes the union of per-sentence LCS (1.0, where plain ROUGE-L would give 0.5)', () => {
    const s = scoreSummary(['cc dd', 'aa bb'], ['aa bb cc dd']);
    expect(s.rougeLsum).toBeCloseTo(1, 10);
    expect(s.rouge1).toBeCloseTo(1, 10);
    // ROUGE-2 runs over the whole text, so the candidate has the cross-sentence bigram "dd aa" too:
    // candidate {cc dd, dd aa, aa bb}, reference {aa bb, bb cc, cc dd} -> P = R = 2/3.
    expect(s.rouge2).toBeCloseTo(2 / 3, 10);
  });

  it('GIVEN a token repeated in the candidate THEN Lsum counts it no more often than the reference has it', () => {
    // reference [aa, aa]; candidate sentences [aa] x3: union LCS = one index -> 1 hit; P = 1/3, R = 1/2.
    const s = scoreSummary(['aa', 'aa', 'aa'], ['aa aa']);
    expect(s.rougeLsum).toBeCloseTo(0.4, 10);
    expect(s.rouge1).toBeCloseTo((2 * (2 / 3) * 1) / (2 / 3 + 1), 10);
  });

  it('GIVEN an empty candidate THEN every score is zero', () => {
    expect(scoreSummary([], ['the cat'])).toEqual({ rouge1: 0, rouge2: 0, rougeLsum: 0 });
  });

  it('GIVEN per-document scores THEN the mean is reported in percent', () => {
    const mean = meanScores([{ rouge1: 0.5, rouge2: 0.25, rougeLsum: 0.4 }, { rouge1: 0.3, rouge2: 0.15, rougeLsum: 0.2 }]);
    expect(mean.rouge1).toBeCloseTo(40, 10);
    expect(mean.rouge2).toBeCloseTo(20, 10);
    expect(mean.rougeLsum).toBeCloseTo(30, 10);
  });
});
