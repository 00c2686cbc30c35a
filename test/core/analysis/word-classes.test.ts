import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ADJECTIVE_NOT_NOUN_WORDS,
  NOUN_ALSO_VERB_WORDS,
  OTHER_NOT_NOUN_WORDS,
  USUALLY_OTHER_WORDS,
  USUALLY_VERB_WORDS,
  VERB_ONLY_WORDS,
} from '../../../src/core/analysis/lexicon/never-nouns.js';
import { isNounAlsoVerb, nonNounClass, usualNonNounClass } from '../../../src/core/analysis/word-classes.js';
import { deriveWordClasses } from '../../../scripts/derive-word-classes.js';

describe('nonNounClass', () => {
  it('GIVEN words the lexicon never tags as nouns THEN their class', () => {
    expect(nonNounClass('flatten')).toBe('verb');
    expect(nonNounClass('pictured')).toBe('verb');
    expect(nonNounClass('impressive')).toBe('adjective');
    expect(nonNounClass('used')).toBe('adjective');
    expect(nonNounClass('however')).toBe('other');
    expect(nonNounClass('himself')).toBe('other');
  });

  it('GIVEN nouns, words that can be nouns, and unknown words THEN none: they may head a topic', () => {
    for (const w of ['quotas', 'sanctions', 'deal', 'fishing', 'left', 'abductees', 'denuclearisation']) expect(nonNounClass(w)).toBeUndefined();
  });
});

describe('usualNonNounClass and isNounAlsoVerb', () => {
  it('GIVEN words that can be nouns but are usually something else THEN what they usually are', () => {
    for (const w of ['hit', 'saw', 'raising', 'help', 'meet']) expect(usualNonNounClass(w)).toBe('verb');
    for (const w of ['former', 'top', 'down', 'annual', 'domestic']) expect(usualNonNounClass(w)).toBe('other');
  });

  it('GIVEN usual nouns, never-nouns and unknown words THEN none', () => {
    for (const w of ['quotas', 'sanctions', 'deal', 'government', 'flatten', 'however', 'denuclearisation']) expect(usualNonNounClass(w)).toBeUndefined();
  });

  it('GIVEN usual nouns that are also verbs THEN only those', () => {
    for (const w of ['use', 'deal', 'work', 'plan']) expect(isNounAlsoVerb(w)).toBe(true);
    for (const w of ['government', 'quotas', 'hit', 'former', 'denuclearisation']) expect(isNounAlsoVerb(w)).toBe(false);
  });
});

describe('deriveWordClasses', () => {
  it('GIVEN ambiguity classes ("VBG|NN") THEN a word with any noun tag is no never-noun, and is classed by its first tag', () => {
    const classes = deriveWordClasses({
      flying: ['VBG', 'VBG|NN|JJ'],
      aiming: ['VBG'],
      odd: ['JJ'],
      thus: ['RB'],
      Kyoto: ['NNP'],
      'pro-war': ['JJ'],
      former: ['JJ', 'NN'],
      deal: ['NN', 'VB', 'VBP'],
      rose: ['NN', 'VBD'],
      quota: ['NN'],
      figures: ['NNS', 'VBZ'],
    });
    expect(classes).toEqual({
      verbs: ['aiming'],
      adjectives: ['odd'],
      others: ['thus'],
      usuallyVerbs: ['flying'],
      usuallyOthers: ['former'],
      nounsAlsoVerbs: ['deal', 'rose'],
    });
  });

  it("GIVEN natural's installed lexicon THEN the committed word lists are what the script derives from it", () => {
    const require = createRequire(import.meta.url);
    const lexicon = JSON.parse(readFileSync(require.resolve('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json'), 'utf8')) as Record<string, string[]>;
    const derived = deriveWordClasses(lexicon);
    expect(VERB_ONLY_WORDS).toBe(derived.verbs.join(' '));
    expect(ADJECTIVE_NOT_NOUN_WORDS).toBe(derived.adjectives.join(' '));
    expect(OTHER_NOT_NOUN_WORDS).toBe(derived.others.join(' '));
    expect(USUALLY_VERB_WORDS).toBe(derived.usuallyVerbs.join(' '));
    expect(USUALLY_OTHER_WORDS).toBe(derived.usuallyOthers.join(' '));
    expect(NOUN_ALSO_VERB_WORDS).toBe(derived.nounsAlsoVerbs.join(' '));
  });
});
