/** The sentence splitter as it was at dcad293, before its regexes became character loops: the tests hold the loops to it. */
import { isWhitespace } from '../../../../src/core/analysis/char-class.js';
import type { Sentence } from '../../../../src/core/analysis/types.js';

/**
 * Splits cleaned text (see `cleanText`) into sentences with offsets into that text.
 *
 * Every sentence is trimmed and only whitespace lies between consecutive sentences, so joining
 * the sentence texts with the gaps between them gives back the text: nothing is dropped.
 *
 * A gap of whitespace is a boundary when:
 * - it holds a blank line (a paragraph break);
 * - it holds one line break, unless the line ends mid-clause (",", ";", ",..." in transcripts)
 *   or the next line starts in lower case (a hard-wrapped line);
 * - it follows closing punctuation (plus any closing quotes or brackets) and the next word does
 *   not start in lower case, unless the word before the period is an abbreviation or an initial;
 * - inside a run of pasted photo captions, before a "Label: " or a sentence-opening word that
 *   follows a lower-case word with no punctuation ("... to manoeuvre However, Chinese ...").
 * Time: O(n) in the length of the text.
 */
export function splitSentences(cleaned: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = firstNonSpace(cleaned, 0);
  if (start >= cleaned.length) return sentences;
  let paragraph = 0;
  let tokenStart = start;
  // Gaps are found with a character loop rather than /\s+/g: a match object, a gap string and the word before it
  // for every word of the text cost more than the splitting; the word is sliced only when a gap may be a boundary.
  for (let i = start; i < cleaned.length; ) {
    if (!isWhitespace(cleaned.charCodeAt(i))) {
      i += 1;
      continue;
    }
    const ws = i;
    let breaks = 0;
    while (i < cleaned.length && isWhitespace(cleaned.charCodeAt(i))) {
      if (cleaned.charCodeAt(i) === 10) breaks += 1;
      i += 1;
    }
    const we = i;
    const wordStart = tokenStart;
    tokenStart = we;
    if (we >= cleaned.length) break;
    if (isBoundary(cleaned, wordStart, ws, we, breaks)) {
      sentences.push({ index: sentences.length, text: cleaned.slice(start, ws), start, end: ws, paragraph });
      if (breaks >= 2) paragraph += 1;
      start = we;
    }
  }
  const end = lastNonSpaceEnd(cleaned);
  if (end > start) sentences.push({ index: sentences.length, text: cleaned.slice(start, end), start, end, paragraph });
  return sentences;
}

const SPACE_RUN = /\s*/y;
const TOKEN = /\S*/y;

function firstNonSpace(text: string, from: number): number {
  SPACE_RUN.lastIndex = from;
  SPACE_RUN.test(text);
  return SPACE_RUN.lastIndex;
}

function lastNonSpaceEnd(text: string): number {
  let i = text.length;
  while (i > 0 && /\s/.test(text[i - 1]!)) i -= 1;
  return i;
}

const TOKEN_TAIL = 48;
const CLOSERS = '"\'”’»)]';
const OPENERS = /^["'“‘«(\[]+/;
const TERMINAL = '.!?…';
const ELLIPSIS = /(?:\.\.\.+|…)$/;

function nextToken(text: string, from: number): string {
  TOKEN.lastIndex = from;
  return TOKEN.exec(text)?.[0] ?? '';
}

// Characters that can end a sentence or close one; a gap after any other character inside a line
// can only be a boundary in a caption run, and those need a capital after the gap.
const ENDING_CHARS = new Set(['.', '!', '?', '…', '"', "'", '”', '’', ')', ']', '»']);

/** Whether the gap of whitespace from `gapStart` to `nextStart` (after the word from `wordStart`) ends a sentence. */
function isBoundary(text: string, wordStart: number, gapStart: number, nextStart: number, breaks: number): boolean {
  if (breaks >= 2) return true;
  const ending = ENDING_CHARS.has(text[gapStart - 1]!);
  // Fast path for the common gap between two words inside a sentence.
  if (breaks === 0 && !ending && !startsUpper(text, nextStart)) return false;
  const prevToken = text.slice(wordStart, gapStart);
  const next = nextToken(text, nextStart);
  // No closing punctuation before a capital inside a line: only a caption run can end there.
  if (breaks === 0 && !ending) return isCaptionBoundary(text, prevToken, nextStart, next);
  const nextCore = next.replace(OPENERS, '');
  const nextFirst = nextCore[0] ?? '';
  const nextIsLower = /\p{Ll}/u.test(nextFirst);
  if (breaks === 1) return isLineBoundary(prevToken.slice(-TOKEN_TAIL), nextIsLower);

  // Only the token's tail matters, and bounding it keeps the end-anchored patterns linear on junk
  // such as a megabyte of dots.
  const tail = prevToken.slice(-TOKEN_TAIL);
  const body = tail.slice(0, trailingRunStart(tail, CLOSERS));
  const marksAt = trailingRunStart(body, TERMINAL);
  if (marksAt === body.length) return isCaptionBoundary(text, prevToken, nextStart, next);
  const marks = body.slice(marksAt);
  const word = body.slice(0, marksAt).replace(OPENERS, '');
  // A leading ellipsis ('"... A woman is') opens a quotation; it ends nothing.
  if (word === '') return false;
  // "10 a.m. on Friday", "so...and", "'Why?' he asked", "'I want her gone,' it emerged": the sentence goes on.
  if (nextIsLower) return false;
  if (/[!?]/.test(marks)) return !(/["'”’]$/.test(prevToken) && isSpeechTag(text, nextStart));
  if (ELLIPSIS.test(marks)) return !word.endsWith(',');
  return !isAbbreviation(word, nextCore);
}

/** Where the run of characters from `chars` that ends `s` starts (`s.length` when there is none). */
function trailingRunStart(s: string, chars: string): number {
  let i = s.length;
  while (i > 0 && chars.includes(s[i - 1]!)) i -= 1;
  return i;
}

/** `/\p{Lu}/u` on the one character at `at`, without a string and a regex test for plain ASCII. */
function startsUpper(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 65 && c <= 90;
  return /\p{Lu}/u.test(text[at] ?? '');
}

// "'Why?' Jamie asked." / "'Go!' shouted Mr Smith.": the attribution belongs to the quotation's sentence.
const SPEECH_TAG =
  /(?:(?:\p{Lu}[\p{L}'’.-]*\s+){1,3}(?:said|says|asked|asks|wrote|writes|told|added|adds|replied|shouted|cried|exclaimed|tweeted|texted|insisted|wondered)|(?:said|asked|wrote|added|replied|shouted|cried|exclaimed)\s+\p{Lu})\b/uy;

function isSpeechTag(text: string, from: number): boolean {
  SPEECH_TAG.lastIndex = from;
  return SPEECH_TAG.test(text);
}

function isLineBoundary(prevToken: string, nextIsLower: boolean): boolean {
  // Transcripts continue a sentence on the next line after ",", ";" or ",..." / ",…".
  if (/[,;:–—-](?:\.\.\.+|…)?$/.test(prevToken)) return false;
  if (nextIsLower && !/[.!?]["'”’)\]]*$/.test(prevToken)) return false;
  return true;
}

// Titles and words that are always followed by the name or number they abbreviate.
const ALWAYS_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'col', 'lt', 'sgt', 'spc',
  'capt', 'cmdr', 'cmdt', 'adm', 'maj', 'pvt', 'cpl', 'pfc', 'rev', 'fr', 'hon', 'pres', 'supt', 'insp',
  'det', 'mt', 'ft', 'atty', 'lieut', 'brig', 'e.g', 'i.e', 'cf', 'viz', 'approx', 'vs', 'v',
]);
// Followed by a number when they abbreviate ("No. 10", "Jan. 5"); an ordinary word otherwise.
const NUMBER_ABBREVIATIONS = new Set([
  'no', 'nos', 'vol', 'vols', 'pp', 'p', 'art', 'fig', 'ch', 'sec', 'para', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'est', 'ext', 'tel', 'rt', 'ed',
]);
// Abbreviations that often end a sentence too ("... in the U.S. The ..."): a boundary only before a
// word that usually opens one.
const SENTENCE_FINAL_ABBREVIATIONS = new Set([
  'jr', 'sr', 'inc', 'ltd', 'co', 'corp', 'bros', 'plc', 'llc', 'etc', 'st', 'ave', 'blvd', 'rd', 'dept', 'univ', 'assn',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);
const SENTENCE_OPENERS = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'You', 'But', 'And', 'So', 'Yet', 'In', 'On', 'At',
  'This', 'That', 'These', 'Those', 'There', 'His', 'Her', 'Its', 'Their', 'Our', 'My', 'When', 'After',
  'Before', 'While', 'If', 'As', 'However', 'Meanwhile', 'Now', 'Then', 'Some', 'Many', 'Most', 'Police',
  'Officials', 'According',
]);

function isAbbreviation(word: string, nextCore: string): boolean {
  const lower = word.toLowerCase();
  const nextWord = /^[\p{L}\p{N}]+/u.exec(nextCore)?.[0] ?? '';
  const nextIsNumber = /^\d/.test(nextCore);
  if (ALWAYS_ABBREVIATIONS.has(lower)) return true;
  if (NUMBER_ABBREVIATIONS.has(lower) && nextIsNumber) return true;
  const initial = /^\p{Lu}$/u.test(word);
  // "U.S", "a.m", "B.B", "Ph.D": the final period was stripped off with the marks.
  const dotted = /^\p{L}{1,2}(?:\.\p{L}{1,2})+$/u.test(word);
  if (initial || dotted || SENTENCE_FINAL_ABBREVIATIONS.has(lower)) return !SENTENCE_OPENERS.has(nextWord);
  return false;
}

// Pasted photo captions run into the story with no punctuation: "... last Saturday Skilful: The kite ...".
// The text after a caption label starts with a capital, not a quotation mark: "texted Barnes: 'She ..." is
// a quote being introduced, not a caption.
const CAPTION_LABEL = /(?:\p{Lu}[\p{Ll}'’-]+(?: [\p{Ll}][\p{Ll}'’-]*){0,4}|\p{Lu}{3,}(?: \p{Lu}{2,}){0,2}): \p{Lu}/uy;
// Words that open a sentence and are not capitalised inside one, at least when a lower-case word
// follows them ("... from a concert The teen's attorney said ..." but "told The Associated Press").
const DISCOURSE_OPENERS = new Set([
  'However', 'Meanwhile', 'Although', 'But', 'He', 'She', 'They', 'We', 'It', 'There', 'This', 'The', 'His', 'Her', 'Their',
  'When', 'After', 'While', 'If',
]);
// A caption that points at its photo ends there: "... chocolate cake, pictured above Detectives are ...".
const PHOTO_POINTER = /(?:\((?:pictured|left|right|centre|center|above|below|top|bottom|inset)(?:,? (?:left|right|centre|center|above|below|top|bottom))?\)|,? pictured(?: (?:above|below|left|right|centre|center|here|top|bottom))?)$/;

const POINTER_WORDS = new Set(['pictured', 'above', 'below', 'left', 'right', 'centre', 'center', 'here', 'top', 'bottom']);

function isCaptionBoundary(text: string, prevToken: string, nextStart: number, next: string): boolean {
  // The pointer is the last word before the gap, or ends with ")": test the cheap part first.
  const pointerWord = prevToken.endsWith(')') || POINTER_WORDS.has(prevToken);
  if (pointerWord && /^\p{Lu}/u.test(next) && PHOTO_POINTER.test(text.slice(Math.max(0, nextStart - 40), nextStart).trimEnd())) {
    return !/^(?:and|or|with|in|on|at|by)$/.test(next);
  }
  // Only after a bare lower-case word: a capitalised one may be part of a name ("Downing Street: ...").
  if (!/^[\p{Ll}\d][\p{L}\d'’-]*[\p{Ll}\d]$/u.test(prevToken)) return false;
  CAPTION_LABEL.lastIndex = nextStart;
  if (CAPTION_LABEL.test(text)) return true;
  const word = next.replace(/,$/, '');
  if (!DISCOURSE_OPENERS.has(word)) return false;
  if (next.endsWith(',')) return true;
  const after = nextToken(text, firstNonSpace(text, nextStart + next.length));
  return /^\p{Ll}/u.test(after);
}
