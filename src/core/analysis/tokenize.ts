import naturalStopwords from 'natural/lib/natural/util/stopwords.js';
import { codePointAt, isLetterOrNumber, isWhitespace, widthOf } from './char-class.js';
import { porterStem } from './porter-stemmer.js';

/** natural's English stopword list plus contractions and reporting fillers its list lacks. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...naturalStopwords.words,
  "it's", "i'm", "don't", "can't", "won't", "didn't", "doesn't", "isn't", "wasn't", "aren't", "weren't",
  "he's", "she's", "that's", "there's", "they're", "we're", "you're", "i've", "we've", "they've", "let's",
  'mr', 'mrs', 'ms', 'also', 'just', 'said', 'says', 'told', 'one', 'two', 'would', 'could', 'us',
  'no', 'not', 'yes', 'like', 'get', 'got', 'used', 'according', 'including', 'want', 'wants', 'first', 'last',
  'three', 'four', 'five',
]);

// Letters and digits, keeping inner apostrophes and hyphens ("N. Korea's", "U.S.-Japan" -> "u.s", "japan").
const WORD = /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu;

/** Lower-cased words of `text`, in order; possessive "'s" is dropped ("korea's" -> "korea"). */
export function tokenizeWords(text: string): string[] {
  const words: string[] = [];
  for (const match of text.matchAll(WORD)) {
    let word = match[0].toLowerCase();
    if (word.includes('’')) word = word.replace(/’/g, "'");
    if (word.endsWith("'s")) word = word.slice(0, -2);
    words.push(word);
  }
  return words;
}

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word.toLowerCase());
}

// Stemming dominates analysis time, and news reuses a small vocabulary, so results are memoised.
// The cache is bounded so a long-running bot does not grow without limit; it never changes a result.
const STEM_CACHE_LIMIT = 50_000;
const stemCache = new Map<string, string>();

// No English word needs stemming past this length, and natural's stemmer (whose results porterStem
// reproduces) was quadratic on "1111…" pasted junk; longer tokens are kept as they are.
const MAX_STEMMED_LENGTH = 40;

/** Porter stem of a lower-case word (exactly natural's), memoised; very long tokens are kept as they are. */
export function stem(word: string): string {
  if (word.length > MAX_STEMMED_LENGTH) return word;
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = porterStem(word);
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** Stems of the words of `text` that carry meaning: no stopwords, no bare numbers of one digit. */
export function contentStems(text: string): string[] {
  const stems: string[] = [];
  for (const word of tokenizeWords(text)) {
    if (STOPWORDS.has(word) || word.length < 2) continue;
    stems.push(stem(word));
  }
  return stems;
}

/** A token of a sentence: a word with its lower-case form and stem, or punctuation that phrases never cross. */
export interface TextToken {
  /** As written, without a possessive "'s" for words ("Korea" from "Korea's"). */
  readonly text: string;
  /** True for words, false for punctuation. */
  readonly word: boolean;
  /** Lower case, curly apostrophes made straight, possessive dropped ("" for punctuation). */
  readonly lower: string;
  /** The Porter stem of a content word; null for stopwords, one-letter words and punctuation. */
  readonly stem: string | null;
  /** The lower form is all digits (keywords skip bare numbers); false for punctuation. */
  readonly digits: boolean;
  /** The text starts with an upper-case letter. */
  readonly capitalised: boolean;
}

const TOKENS_OF = new WeakMap<object, readonly TextToken[]>();

/**
 * The tokens of a sentence, made once per sentence object and shared by every stage that reads its
 * words (summary, keywords): tokenising and stemming the same sentence twice was a tenth of the
 * analysis time. Pure: the memo only saves work, it never changes a result.
 */
export function sentenceTokens(sentence: { readonly text: string }): readonly TextToken[] {
  let tokens = TOKENS_OF.get(sentence);
  if (tokens === undefined) {
    tokens = tokenizeText(sentence.text);
    TOKENS_OF.set(sentence, tokens);
  }
  return tokens;
}

export function tokenizeText(text: string): TextToken[] {
  const out: TextToken[] = [];
  for (const raw of scanTextTokens(text)) {
    const c = raw.charCodeAt(0);
    const isWord = c > 127 ? WORD_START.test(raw) : (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    // One-character ASCII punctuation (most of it) comes from a table, without a string lookup.
    if (!isWord && c < 128 && raw.length === 1) {
      out.push((ASCII_PUNCTUATION_TOKENS[c] ??= { text: raw, word: false, lower: '', stem: null, digits: false, capitalised: false }));
      continue;
    }
    let token = WORD_TOKENS.get(raw);
    if (!isWord) {
      // Punctuation tokens are shared too (callers only read them): one lookup instead of an allocation each.
      if (token === undefined) {
        token = { text: raw, word: false, lower: '', stem: null, digits: false, capitalised: CAPITALISED.test(raw) };
        if (WORD_TOKENS.size >= STEM_CACHE_LIMIT) WORD_TOKENS.clear();
        WORD_TOKENS.set(raw, token);
      }
      out.push(token);
      continue;
    }
    if (token === undefined) {
      let lower = raw.toLowerCase();
      if (lower.includes('’')) lower = lower.replace(/’/g, "'");
      const possessive = lower.endsWith("'s");
      if (possessive) lower = lower.slice(0, -2);
      const text = possessive ? raw.slice(0, -2) : raw;
      token = { text, word: true, lower, stem: STOPWORDS.has(lower) || lower.length < 2 ? null : stem(lower), digits: ALL_DIGITS.test(lower), capitalised: CAPITALISED.test(text) };
      if (WORD_TOKENS.size >= STEM_CACHE_LIMIT) WORD_TOKENS.clear();
      WORD_TOKENS.set(raw, token);
    }
    out.push(token);
  }
  return out;
}

/**
 * The tokens of `text` as written, in order: words as WORD above, and the punctuation phrases never
 * cross ("Seoul, Tokyo" is two runs, "Seoul-Tokyo ties" one). Exactly the matches of
 *   /[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[,;:()[\]{}"“”‘’!?…|/']|\.(?=\s|$)|\s[-–—]\s/gu
 * (the tests hold it to that regex), found by a character loop: the regex took as long as everything
 * else the summary does with a sentence.
 */
export function scanTextTokens(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if (isLetterOrNumber(cp)) {
      let end = skipLettersAndNumbers(text, i);
      // An apostrophe, dot or hyphen joins two runs of letters and digits: "Korea's", "U.S", "Seoul-Tokyo".
      while (end + 1 < text.length && isWordJoiner(text.charCodeAt(end)) && isLetterOrNumber(codePointAt(text, end + 1))) end = skipLettersAndNumbers(text, end + 1);
      out.push(text.slice(i, end));
      i = end;
    } else if (isPunctuationToken(cp)) {
      out.push(text[i]!);
      i += 1;
    } else if (cp === 46 && (i + 1 === text.length || isWhitespace(text.charCodeAt(i + 1)))) {
      out.push('.');
      i += 1;
    } else if (i + 2 < text.length && isDash(text.charCodeAt(i + 1)) && isWhitespace(cp) && isWhitespace(text.charCodeAt(i + 2))) {
      out.push(text.slice(i, i + 3));
      i += 3;
    } else i += widthOf(cp);
  }
  return out;
}

/** ' ’ . - */
function isWordJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 45;
}

/** , ; : ( ) [ ] { } " “ ” ‘ ’ ! ? … | / ' */
function isPunctuationToken(c: number): boolean {
  if (c < 128) return ASCII_PUNCTUATION_TOKEN[c] === 1;
  return c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2026;
}

const ASCII_PUNCTUATION_TOKEN = new Uint8Array(128);
for (const ch of ',;:()[]{}"!?|/\'') ASCII_PUNCTUATION_TOKEN[ch.charCodeAt(0)] = 1;

/** - – — */
function isDash(c: number): boolean {
  return c === 45 || c === 0x2013 || c === 0x2014;
}

function skipLettersAndNumbers(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const cp = codePointAt(text, i);
    if (!isLetterOrNumber(cp)) break;
    i += widthOf(cp);
  }
  return i;
}

// A word as written always gives the same token: one lookup instead of lower-casing, a stopword test and a
// stem lookup for every occurrence. Callers only read tokens, so sentences can share them.
const WORD_TOKENS = new Map<string, TextToken>();
const ASCII_PUNCTUATION_TOKENS: Array<TextToken | undefined> = new Array<TextToken | undefined>(128).fill(undefined);

const WORD_START = /^[\p{L}\p{N}]/u;
const ALL_DIGITS = /^\d+$/;
const CAPITALISED = /^\p{Lu}/u;
