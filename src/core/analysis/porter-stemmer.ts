/**
 * The Porter stemmer of natural 8.1.1 (`natural/lib/natural/stemmers/porter_stemmer.js`), rewritten as
 * character loops: natural's version builds a consonant/vowel pattern string with three regex replaces
 * for every measure it takes (dozens per word), which made stemming unseen words cost as much as the
 * rest of the summary. This returns exactly what `PorterStemmer.stem` returns for every string
 * (test/core/analysis/porter-stemmer.test.ts holds it to natural's on the WordNet and POS-lexicon
 * vocabularies, the dev articles and odd inputs), quirks included:
 * - a "y" is a vowel when the code unit before it is not one of a e i o u y; a vowel "y" is a vowel
 *   group of its own, so "bya" is C V V and its measure is 0.5 (natural collapses groups that way);
 * - everything that is not a e i o u or a vowel "y" (digits, apostrophes, accented letters, each half
 *   of a surrogate pair) is a consonant, one UTF-16 unit at a time;
 * - step 2 and step 3 test each suffix's measure on the word as it came in and replace on the word as
 *   it is so far; step 4 tries only the longest suffix of its list and, failing that, "(s|t)ion"
 *   measured with the "s"/"t" kept;
 * - regex `.` does not match a line terminator, so step 4 never applies to a word holding one;
 * - words shorter than three units are returned as they are, longer ones lower-cased first.
 */

/** a e i o u */
function isAeiou(c: number): boolean {
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117;
}

/** Whether unit `j` of `w` is a vowel: a e i o u, or a "y" after a unit that is none of a e i o u y. */
function isVowelAt(w: string, j: number): boolean {
  const c = w.charCodeAt(j);
  if (isAeiou(c)) return true;
  if (c !== 121 || j === 0) return false;
  const p = w.charCodeAt(j - 1);
  return !isAeiou(p) && p !== 121;
}

const GROUP_NONE = 0;
const GROUP_C = 1;
const GROUP_V = 2; // a run of a e i o u
const GROUP_Y = 3; // a vowel "y": a group on its own

/**
 * natural's `measure`: the number of VC pairs in the groups of `w[0, end)` once a leading C and a
 * trailing V are dropped, divided by 2 as a length (so 0.5 and 1.5 occur); -1 for the empty string.
 */
function measure(w: string, end: number = w.length): number {
  if (end === 0) return -1;
  let groups = 0;
  let last = GROUP_NONE;
  for (let j = 0; j < end; j += 1) {
    const c = w.charCodeAt(j);
    if (isAeiou(c)) {
      if (last !== GROUP_V) groups += 1;
      last = GROUP_V;
    } else if (c === 121 && j > 0 && !isAeiou(w.charCodeAt(j - 1)) && w.charCodeAt(j - 1) !== 121) {
      groups += 1;
      last = GROUP_Y;
    } else {
      if (last !== GROUP_C) groups += 1;
      last = GROUP_C;
    }
  }
  if (!isAeiou(w.charCodeAt(0))) groups -= 1; // the first unit is never a vowel "y"
  if (groups > 0 && last !== GROUP_C) groups -= 1;
  return groups / 2;
}

/** natural's `categorizeGroups(w).indexOf('V') >= 0`: some unit is a vowel. */
function hasVowel(w: string): boolean {
  for (let j = 0; j < w.length; j += 1) if (isVowelAt(w, j)) return true;
  return false;
}

/** natural's step 1c test: a vowel group other than the last group. */
function hasVowelGroupBeforeLast(w: string): boolean {
  let vowelGroups = 0;
  let last = GROUP_NONE;
  for (let j = 0; j < w.length; j += 1) {
    const c = w.charCodeAt(j);
    if (isAeiou(c)) {
      if (last !== GROUP_V) vowelGroups += 1;
      last = GROUP_V;
    } else if (isVowelAt(w, j)) {
      vowelGroups += 1;
      last = GROUP_Y;
    } else last = GROUP_C;
  }
  return vowelGroups - (last === GROUP_C ? 0 : 1) > 0;
}

/** Units `at`, `at + 1`, `at + 2` of `w` are consonant, vowel, consonant (natural's categorizeChars). */
function isCvcAt(w: string, at: number): boolean {
  return !isVowelAt(w, at) && isVowelAt(w, at + 1) && !isVowelAt(w, at + 2);
}

/** \n \r U+2028 U+2029: what regex `.` does not match. */
function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** Any unit regex `.` does not match. */
function hasLineTerminator(w: string): boolean {
  for (let j = 0; j < w.length; j += 1) if (isLineTerminator(w.charCodeAt(j))) return true;
  return false;
}

function step1a(w: string): string {
  if (w.endsWith('sses') || w.endsWith('ies')) return w.slice(0, -2);
  if (w.length > 2 && w.charCodeAt(w.length - 1) === 115 && w.charCodeAt(w.length - 2) !== 115) return w.slice(0, -1);
  return w;
}

function step1b(w: string): string {
  if (w.endsWith('eed')) return measure(w, w.length - 3) > 0 ? w.slice(0, -1) : w;
  const cut = w.endsWith('ed') ? 2 : w.endsWith('ing') ? 3 : 0;
  if (cut === 0 || cut === w.length) return w;
  const s = w.slice(0, -cut);
  if (!hasVowel(s)) return w;
  // at -> ate, bl -> ble, iz -> ize, each tried on the result of the one before (as natural does).
  let r = s;
  if (r.endsWith('at')) r += 'e';
  if (r.endsWith('bl')) r += 'e';
  if (r.endsWith('iz')) r += 'e';
  if (r !== s) return r;
  const n = s.length;
  const lastUnit = s.charCodeAt(n - 1);
  if (n >= 2 && lastUnit === s.charCodeAt(n - 2) && !isAeiou(lastUnit) && lastUnit !== 108 && lastUnit !== 115 && lastUnit !== 122) return s.slice(0, -1);
  if (n >= 3 && lastUnit !== 119 && lastUnit !== 120 && lastUnit !== 121 && isCvcAt(s, n - 3) && measure(s) === 1) return `${s}e`;
  return s;
}

function step1c(w: string): string {
  return w.charCodeAt(w.length - 1) === 121 && hasVowelGroupBeforeLast(w) ? `${w.slice(0, -1)}i` : w;
}

type Rules = readonly (readonly [suffix: string, replacement: string])[];

/** The rules by the last unit of their suffix (a word can only end in suffixes ending in its last unit), in order. */
function byLastUnit(rules: Rules): ReadonlyMap<number, Rules> {
  const out = new Map<number, (readonly [string, string])[]>();
  for (const rule of rules) {
    const c = rule[0].charCodeAt(rule[0].length - 1);
    const list = out.get(c) ?? [];
    list.push(rule);
    out.set(c, list);
  }
  return out;
}

const STEP2: Rules = [
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['abli', 'able'], ['bli', 'ble'],
  ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'], ['ation', 'ate'], ['ator', 'ate'],
  ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'], ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'],
  ['logi', 'log'],
];
const STEP3: Rules = [['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', '']];
const STEP2_BY_LAST = byLastUnit(STEP2);
const STEP3_BY_LAST = byLastUnit(STEP3);

/**
 * natural's `replacePatterns(w, rules, 0)`: for each rule in order whose suffix ends the word as it came
 * in with a measure above 0 before it, the suffix is replaced in the word as it is so far, if it ends
 * that too and the result is not empty.
 */
function replaceSuffixes(w: string, rulesByLast: ReadonlyMap<number, Rules>): string {
  const rules = rulesByLast.get(w.charCodeAt(w.length - 1));
  if (rules === undefined) return w;
  let out = w;
  for (const [suffix, replacement] of rules) {
    if (!w.endsWith(suffix) || !(measure(w, w.length - suffix.length) > 0) || !out.endsWith(suffix)) continue;
    // natural keeps the word when a replacement would leave nothing: the measure test (-1 for nothing before
    // the suffix) rules that out, and no rule's result ends in a later suffix the word as it came in ends in.
    out = out.slice(0, out.length - suffix.length) + replacement;
  }
  return out;
}

// By last unit, longest first.
const STEP4_SUFFIXES = new Map<number, readonly string[]>();
for (const suffix of ['ement', 'ance', 'ence', 'able', 'ible', 'ment', 'ant', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'al', 'er', 'ic', 'ou']) {
  const c = suffix.charCodeAt(suffix.length - 1);
  STEP4_SUFFIXES.set(c, [...(STEP4_SUFFIXES.get(c) ?? []), suffix]);
}

function step4(w: string): string {
  const n = w.length;
  if (hasLineTerminator(w)) return w;
  // /^(.+?)(al|ance|…)$/: the shortest non-empty prefix, so the longest suffix of the list.
  for (const suffix of STEP4_SUFFIXES.get(w.charCodeAt(n - 1)) ?? []) {
    if (suffix.length >= n || !w.endsWith(suffix)) continue;
    if (measure(w, n - suffix.length) > 1) return w.slice(0, n - suffix.length);
    break;
  }
  // /^(.+?)(s|t)(ion)$/, measured with the "s" or "t" kept.
  if (n >= 5 && w.endsWith('ion') && (w.charCodeAt(n - 4) === 115 || w.charCodeAt(n - 4) === 116) && measure(w, n - 3) > 1) return w.slice(0, n - 3);
  return w;
}

function step5a(w: string): string {
  const n = w.length;
  const e = n > 0 && w.charCodeAt(n - 1) === 101 ? 1 : 0;
  const m = measure(w, n - e);
  if (e === 0) return w;
  if (m > 1) return w.slice(0, -1);
  if (m !== 1) return w;
  // categorizeChars(w).substr(-4, 3) === 'CVC' && /[^wxy].$/.test(w). The last unit is "e" here, so `.`
  // matches it, and a three-unit word (substr reads its first three units) ends in a vowel: never CVC.
  const penultimate = w.charCodeAt(n - 2);
  return n >= 4 && isCvcAt(w, n - 4) && penultimate !== 119 && penultimate !== 120 && penultimate !== 121 ? w : w.slice(0, -1);
}

function step5b(w: string): string {
  return w.endsWith('ll') && measure(w) > 1 ? w.slice(0, -1) : w;
}

/** Exactly natural 8.1.1's `PorterStemmer.stem(word)`. */
export function porterStem(word: string): string {
  if (word.length < 3) return word;
  return step5b(step5a(step4(replaceSuffixes(replaceSuffixes(step1c(step1b(step1a(word.toLowerCase()))), STEP2_BY_LAST), STEP3_BY_LAST))));
}
