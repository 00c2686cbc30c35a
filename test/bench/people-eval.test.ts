import { describe, expect, it } from 'vitest';
import { bbcSection, capitalisedRuns, heldOutSection, nameWords, scorePeople } from '../../bench/people-eval.js';

describe('bench/people-eval scoring', () => {
  it('GIVEN names differing in case, punctuation and titles THEN they normalise alike', () => {
    expect(nameWords('Dr. L.L. Doungal')).toEqual(['l', 'l', 'doungal']);
    expect(nameWords("Sister Gerald")).toEqual(['gerald']);
    expect(nameWords("Chang Zi'an")).toEqual(['chang', 'zi', 'an']);
  });

  it('GIVEN a surname alone THEN it matches the one gold name ending on it, and nothing when two do', () => {
    expect(scorePeople({ people: ['Lianna Barrientos'] }, ['Barrientos']).matched).toBe(1);
    expect(scorePeople({ people: ['Cameron'] }, ['David Cameron']).matched).toBe(1);
    const shared = scorePeople({ people: ['Ashley Summers', 'Debra Summers'] }, ['Summers']);
    expect(shared.matched).toBe(0);
    expect(shared.wrong).toEqual(['Summers']);
  });

  it('GIVEN two predicted spellings of one labelled person THEN one matches and the other counts as wrong', () => {
    const s = scorePeople({ people: ['Lianna Barrientos'], also: { 'Lianna Barrientos': ['Liana Barrientos'] } }, ['Lianna Barrientos', 'Liana Barrientos']);
    expect(s).toMatchObject({ gold: 1, predicted: 2, matched: 1, wrong: ['Liana Barrientos'] });
  });

  it('GIVEN a full name with a different given name THEN it does not match', () => {
    expect(scorePeople({ people: ['Peter Gaver'] }, ['Ruth Gaver']).matched).toBe(0);
  });

  it('GIVEN a text THEN the baseline lists runs of 2+ capitalised words, less a sentence-opening word', () => {
    expect(capitalisedRuns('Police Chief Tim Longo spoke. Then Jonah Goldberg wrote in National Review.')).toEqual(['Chief Tim Longo', 'Jonah Goldberg', 'National Review']);
  });

  it('GIVEN no --cnn-val file THEN the held-out section says skipped', () => {
    expect(heldOutSection(undefined)).toMatch(/skipped/);
    expect(heldOutSection('/nonexistent/cnn-val.jsonl')).toMatch(/skipped: .* does not exist/);
  });

  it('GIVEN no clone, or a folder that is not one THEN the BBC section says skipped and how to get the texts', () => {
    expect(bbcSection(undefined)).toMatch(/skipped: .*--bbc-git/);
    expect(bbcSection('/nonexistent')).toMatch(/skipped: .* has no commit/);
  });
});
