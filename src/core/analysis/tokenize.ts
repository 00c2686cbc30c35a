import naturalStopwords from 'natural/lib/natural/util/stopwords.js';
import { codePointAt, isLetterOrNumber, isWhitespace, widthOf } from './char-class.js';
import { porterStem } from './porter-stemmer.js';
import { BoundedMemo } from './bounded-memo.js';
import { wordClassBits } from './word-classes.js';

/** natural's English stopword list plus contractions and reporting fillers its list lacks. */
export const STOPWORDS: ReadonlySet<string> = new Set([
  ...naturalStopwords.words,
  "it's", "i'm", "don't", "can't", "won't", "didn't", "doesn't", "isn't", "wasn't", "aren't", "weren't",
  "he's", "she's", "that's", "there's", "they're", "we're", "you're", "i've", "we've", "they've", "let's",
  'mr', 'mrs', 'ms', 'also', 'just', 'said', 'says', 'told', 'one', 'two', 'would', 'could', 'us',
  'no', 'not', 'yes', 'like', 'get', 'got', 'used', 'according', 'including', 'want', 'wants', 'first', 'last',
  'three', 'four', 'five',
  // Modals and determiners natural's list lacks ("the School of Music will open" gave the keyword "Music will").
  'will', 'shall', 'every', 'either', 'neither',
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
const STEMS = new BoundedMemo<string, string>(STEM_CACHE_LIMIT, porterStem);

// No English word needs stemming past this length, and natural's stemmer (whose results porterStem
// reproduces) was quadratic on "1111…" pasted junk; longer tokens are kept as they are.
const MAX_STEMMED_LENGTH = 40;

/** Porter stem of a lower-case word (exactly natural's), memoised; very long tokens are kept as they are. */
export function stem(word: string): string {
  if (word.length > MAX_STEMMED_LENGTH) return word;
  return STEMS.get(word);
}

/**
 * Stems of the words of `text` that carry meaning: no stopwords, no bare numbers of one digit. The
 * stems of `tokenizeWords(text)` without those, read from the shared word tokens (which hold the same
 * words and stems) instead of stemming each word again.
 */
export function contentStems(text: string): string[] {
  const stems: string[] = [];
  for (const token of tokenizeText(text)) if (token.stem !== null) stems.push(token.stem);
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
  /** A word written with a possessive "'s" ("Korea's"), which `text` and `lower` leave out. */
  readonly possessive: boolean;
  /** `wordClassBits` of `lower` (0 for punctuation): never a noun, usually a verb, an adjective. */
  readonly classBits: number;
  /** The shared record of `stem` (null when `stem` is), by which sentenceStems numbers stems without a string lookup. */
  readonly stemRef: StemRef | null;
}

/**
 * One object per distinct stem among the tokens made since the token table was last emptied (a
 * generation): sentenceStems numbers the stems of a text by marking these, single-threaded.
 */
export interface StemRef {
  readonly stem: string;
  readonly generation: number;
  /** The sentenceStems call that last numbered this stem, and the number it gave. */
  mark: number;
  id: number;
}

const STEM_REFS = new Map<string, StemRef>();
let stemGeneration = 0;

function stemRefOf(stem: string): StemRef {
  let ref = STEM_REFS.get(stem);
  if (ref === undefined) {
    ref = { stem, generation: stemGeneration, mark: -1, id: -1 };
    STEM_REFS.set(stem, ref);
  }
  return ref;
}

const TOKENS_OF = new WeakMap<object, readonly TextToken[]>();

/**
 * The tokens of a sentence, made once per sentence object and shared by every stage that reads its
 * words (summary, keywords, issues): tokenising and stemming the same sentence twice was a tenth of the
 * analysis time. A sentence of the last sentenceStems table (found by its index) is read from there;
 * any other is tokenised once and memoised. Pure: the memos only save work, they never change a result.
 */
export function sentenceTokens(sentence: { readonly text: string; readonly index?: number }): readonly TextToken[] {
  const table = lastStems;
  if (table !== undefined && sentence.index !== undefined && table.sentences[sentence.index] === sentence) return table.tokens[sentence.index]!;
  let tokens = TOKENS_OF.get(sentence);
  if (tokens === undefined) {
    tokens = tokenizeText(sentence.text);
    TOKENS_OF.set(sentence, tokens);
  }
  return tokens;
}

/**
 * The tokens of a list of sentences with their content stems numbered: what the summary, the keywords
 * and the issues count per stem, worked out once per list so that each stage counts in arrays indexed
 * by number instead of maps keyed by stem.
 */
export interface SentenceStems {
  /** The sentences the table was made for (it is reused only for exactly these, in this order). */
  readonly sentences: readonly object[];
  /** The tokens of each sentence (`tokenizeText` of its text). */
  readonly tokens: readonly (readonly TextToken[])[];
  /** For each sentence, each token's stem number (-1 for tokens without a stem), aligned with `tokens`. */
  readonly ids: readonly (readonly number[])[];
  /** For each sentence, the stem numbers it uses, each once, in order of first use. */
  readonly distinct: readonly (readonly number[])[];
  /** Stem number -> stem, numbered in order of first use in the text. */
  readonly stems: readonly string[];
  /** Stem number -> how many sentences use it. */
  readonly sentenceCounts: readonly number[];
}

const STEMS_OF = new WeakMap<object, SentenceStems>();
// The last table made: sentenceTokens finds a sentence's tokens there without a WeakMap entry per sentence.
// A plain reference (it holds one text's tokens until the next table): a WeakRef made or read keeps its
// target alive to the end of the job, so a synchronous loop of analyses would keep every table.
let lastStems: SentenceStems | undefined;
let stemEpoch = 0;

/** The SentenceStems of `sentences`, made once per list (while its elements stay the same objects). */
export function sentenceStems(sentences: readonly { readonly text: string }[]): SentenceStems {
  const known = STEMS_OF.get(sentences);
  if (known !== undefined && sameElements(known.sentences, sentences)) return known;
  const tokens = sentences.map((s) => tokenizeText(s.text));
  // Numbered by marking each token's StemRef; by a map only if the token table was emptied while
  // these tokens were made (then one stem may have two StemRefs).
  const table = numberStems(sentences, tokens, false) ?? numberStems(sentences, tokens, true)!;
  STEMS_OF.set(sentences, table);
  lastStems = table;
  return table;
}

function numberStems(sentences: readonly object[], tokens: readonly (readonly TextToken[])[], byMap: boolean): SentenceStems | null {
  const epoch = (stemEpoch += 1);
  const generation = stemGeneration;
  const numbers = byMap ? new Map<string, number>() : null;
  const stems: string[] = [];
  const counts: number[] = [];
  const last: number[] = [];
  const ids: number[][] = [];
  const distinct: number[][] = [];
  for (let s = 0; s < tokens.length; s += 1) {
    const sentenceTokensOf = tokens[s]!;
    const idsOf: number[] = [];
    const distinctOf: number[] = [];
    for (let k = 0; k < sentenceTokensOf.length; k += 1) {
      const ref = sentenceTokensOf[k]!.stemRef;
      if (ref === null) {
        idsOf.push(-1);
        continue;
      }
      let id: number;
      if (numbers !== null) {
        id = numbers.get(ref.stem) ?? -1;
        if (id < 0) numbers.set(ref.stem, (id = stems.length));
      } else {
        if (ref.generation !== generation) return null;
        if (ref.mark !== epoch) {
          ref.mark = epoch;
          ref.id = -1;
        }
        id = ref.id;
        if (id < 0) ref.id = id = stems.length;
      }
      if (id === stems.length) {
        stems.push(ref.stem);
        counts.push(0);
        last.push(-1);
      }
      idsOf.push(id);
      if (last[id] !== s) {
        last[id] = s;
        counts[id] = counts[id]! + 1;
        distinctOf.push(id);
      }
    }
    ids.push(idsOf);
    distinct.push(distinctOf);
  }
  return { sentences: [...sentences], tokens, ids, distinct, stems, sentenceCounts: counts };
}

function sameElements(a: readonly object[], b: readonly object[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k += 1) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * The tokens of `text`: exactly the tokens of `scanTextTokens(text)`, each a word (lower case, stem,
 * digits, capitalisation) or punctuation. One pass over the characters: a word is looked up in the
 * token table by a hash of its characters, so a word seen before costs neither a substring nor a
 * string hash; only a new word is cut out, lower-cased and stemmed (without a regex for ASCII).
 */
export function tokenizeText(text: string): TextToken[] {
  const out: TextToken[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let cp = c;
    if (c < 128) {
      if (ASCII_ALNUM[c] === 1) {
        i = scanWord(text, i, out);
        continue;
      }
      if (ASCII_PUNCTUATION_TOKEN[c] === 1 || (c === 46 && (i + 1 === n || isWhitespace(text.charCodeAt(i + 1))))) {
        out.push(ASCII_PUNCTUATION_TOKENS[c] ??= punctuationToken(text[i]!));
        i += 1;
        continue;
      }
    } else {
      cp = codePointAt(text, i);
      if (isLetterOrNumber(cp)) {
        i = scanWord(text, i, out);
        continue;
      }
      if (isPunctuationToken(cp)) {
        out.push(otherPunctuationToken(text[i]!));
        i += 1;
        continue;
      }
    }
    if (i + 2 < n && isDash(text.charCodeAt(i + 1)) && isWhitespace(cp) && isWhitespace(text.charCodeAt(i + 2))) {
      out.push(otherPunctuationToken(text.slice(i, i + 3)));
      i += 3;
    } else i += widthOf(cp);
  }
  return out;
}

/**
 * Adds the token of the word starting at `from` (a letter or digit) to `out`; returns where the word ends.
 * The word's extent is scanTextTokens' (runs of letters and digits joined by one of ' ’ . -), hashed as it is read.
 */
function scanWord(text: string, from: number, out: TextToken[]): number {
  const n = text.length;
  let hash = 0;
  let k = from;
  for (;;) {
    while (k < n) {
      const c = text.charCodeAt(k);
      if (c < 128) {
        if (ASCII_ALNUM[c] !== 1) break;
        hash = (Math.imul(hash, 31) + c) | 0;
        k += 1;
      } else {
        const cp = codePointAt(text, k);
        if (!isLetterOrNumber(cp)) break;
        hash = (Math.imul(hash, 31) + c) | 0;
        if (cp > 0xffff) hash = (Math.imul(hash, 31) + text.charCodeAt(k + 1)) | 0;
        k += widthOf(cp);
      }
    }
    // An apostrophe, dot or hyphen joins two runs of letters and digits: "Korea's", "U.S", "Seoul-Tokyo".
    if (k + 1 >= n) break;
    const joiner = text.charCodeAt(k);
    if (!isWordJoiner(joiner) || !isLetterOrNumber(codePointAt(text, k + 1))) break;
    hash = (Math.imul(hash, 31) + joiner) | 0;
    k += 1;
  }
  const length = k - from;
  const table = wordTable;
  const mask = table.length - 1;
  let slot = (mix(hash) << 1) & mask;
  for (;;) {
    const key = table[slot] as string | undefined;
    if (key === undefined) break;
    if (key.length === length && sameChars(text, from, key)) {
      out.push(table[slot + 1] as TextToken);
      return k;
    }
    slot = (slot + 2) & mask;
  }
  const raw = text.slice(from, k);
  if (wordCount >= STEM_CACHE_LIMIT) {
    // Every known word and stem number is dropped together: tokens made from now on get new StemRefs.
    wordTable = new Array<string | TextToken | undefined>(2 * WORD_TABLE_MIN_SLOTS).fill(undefined);
    wordCount = 0;
    STEM_REFS.clear();
    stemGeneration += 1;
  } else if (2 * (wordCount + 1) > table.length / 2) growWordTable();
  const token = wordToken(raw);
  if (wordTable === table) {
    table[slot] = raw;
    table[slot + 1] = token;
  } else insertWord(raw, token);
  wordCount += 1;
  out.push(token);
  return k;
}

/** Spreads the bits of a hash over its low bits (murmur3's finaliser): linear probing needs well-mixed slots. */
function mix(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The hash scanWord computes while reading a word. */
function hashOf(word: string): number {
  let hash = 0;
  for (let k = 0; k < word.length; k += 1) hash = (Math.imul(hash, 31) + word.charCodeAt(k)) | 0;
  return hash;
}

function insertWord(raw: string, token: TextToken): void {
  const mask = wordTable.length - 1;
  let slot = (mix(hashOf(raw)) << 1) & mask;
  while (wordTable[slot] !== undefined) slot = (slot + 2) & mask;
  wordTable[slot] = raw;
  wordTable[slot + 1] = token;
}

/** Twice the slots, so the table stays at most half full: small while few words are known, so lookups stay in cache. */
function growWordTable(): void {
  const old = wordTable;
  wordTable = new Array<string | TextToken | undefined>(2 * old.length).fill(undefined);
  for (let slot = 0; slot < old.length; slot += 2) if (old[slot] !== undefined) insertWord(old[slot] as string, old[slot + 1] as TextToken);
}

function sameChars(text: string, from: number, key: string): boolean {
  for (let k = 0; k < key.length; k += 1) if (text.charCodeAt(from + k) !== key.charCodeAt(k)) return false;
  return true;
}

/** The token of a word as written (`raw` starts with a letter or digit). */
function wordToken(raw: string): TextToken {
  let lower = raw.toLowerCase();
  if (lower.includes('’')) lower = lower.replace(/’/g, "'");
  const possessive = lower.endsWith("'s");
  if (possessive) lower = lower.slice(0, -2);
  const text = possessive ? raw.slice(0, -2) : raw;
  const stemmed = STOPWORDS.has(lower) || lower.length < 2 ? null : stem(lower);
  return { text, word: true, lower, stem: stemmed, digits: isAllDigits(lower), capitalised: startsUpperCase(text), possessive, classBits: wordClassBits(lower), stemRef: stemmed === null ? null : stemRefOf(stemmed) };
}

/** /^\d+$/ */
function isAllDigits(s: string): boolean {
  if (s.length === 0) return false;
  for (let k = 0; k < s.length; k += 1) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** /^\p{Lu}/u (a regex only for a word that starts outside ASCII). */
function startsUpperCase(s: string): boolean {
  const c = s.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITALISED.test(s);
}

function punctuationToken(text: string): TextToken {
  return { text, word: false, lower: '', stem: null, digits: false, capitalised: false, possessive: false, classBits: 0, stemRef: null };
}

/** Punctuation other than one ASCII character: “ ” ‘ ’ … and spaced dashes (" - "), shared like words. */
function otherPunctuationToken(raw: string): TextToken {
  let token = OTHER_PUNCTUATION_TOKENS.get(raw);
  if (token === undefined) {
    token = punctuationToken(raw);
    if (OTHER_PUNCTUATION_TOKENS.size >= STEM_CACHE_LIMIT) OTHER_PUNCTUATION_TOKENS.clear();
    OTHER_PUNCTUATION_TOKENS.set(raw, token);
  }
  return token;
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
// stem lookup for every occurrence. Callers only read tokens, so sentences can share them. The table is
// open-addressed by a hash of the word's characters (linear probing), at most half full, and emptied
// when it holds STEM_CACHE_LIMIT words so that a long-running bot does not grow without limit.
const WORD_TABLE_MIN_SLOTS = 1 << 12;
/** Slot 2k holds a word as written, slot 2k + 1 its token: the two share a cache line. */
let wordTable: (string | TextToken | undefined)[] = new Array<string | TextToken | undefined>(2 * WORD_TABLE_MIN_SLOTS).fill(undefined);
let wordCount = 0;

const OTHER_PUNCTUATION_TOKENS = new Map<string, TextToken>();
const ASCII_PUNCTUATION_TOKENS: Array<TextToken | undefined> = new Array<TextToken | undefined>(128).fill(undefined);
const ASCII_ALNUM = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_ALNUM[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;

const CAPITALISED = /^\p{Lu}/u;
