import { codePointAt, isLetter, isLetterOrNumber, isLower, isUpper, isWhitespace, widthOf } from './char-class.js';
import type { Sentence } from './types.js';

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
  // Most gaps are between two words of a sentence: no line break, no closing punctuation before, no capital after,
  // and `isBoundary` is false for them. A regex jumps from one gap that may be a boundary to the next, and the word
  // before the gap is found by looking back to the previous whitespace (where the previous gap ended).
  for (let from = start; ; ) {
    GAP_CANDIDATE.lastIndex = from;
    if (!GAP_CANDIDATE.test(cleaned)) break;
    // A whitespace character of the gap: the match ends with it, or with the capital after it.
    let p = GAP_CANDIDATE.lastIndex - 1;
    if (!isWhitespace(cleaned.charCodeAt(p))) p -= 1;
    let ws = p;
    while (isWhitespace(cleaned.charCodeAt(ws - 1))) ws -= 1;
    let breaks = 0;
    let we = ws;
    while (we < cleaned.length && isWhitespace(cleaned.charCodeAt(we))) {
      if (cleaned.charCodeAt(we) === 10) breaks += 1;
      we += 1;
    }
    if (we >= cleaned.length) break;
    let wordStart = ws;
    while (wordStart > 0 && !isWhitespace(cleaned.charCodeAt(wordStart - 1))) wordStart -= 1;
    if (isBoundary(cleaned, wordStart, ws, we, breaks)) {
      sentences.push({ index: sentences.length, text: cleaned.slice(start, ws), start, end: ws, paragraph });
      if (breaks >= 2) paragraph += 1;
      start = we;
    }
    from = we;
  }
  const end = lastNonSpaceEnd(cleaned);
  if (end > start) sentences.push({ index: sentences.length, text: cleaned.slice(start, end), start, end, paragraph });
  return sentences;
}

const SPACE_RUN = /\s*/y;
const TOKEN = /\S*/y;
/** A gap that may end a sentence: after closing punctuation, holding a line break, or before a capital (or any non-ASCII character). */
const GAP_CANDIDATE = /[.!?…"'”’)\]»]\s|\n|\s[A-Z\u0080-\uffff]/g;

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
/** `s.replace(/^["'“‘«(\[]+/, '')`: the word without the quotation marks and brackets that open it. */
function stripOpeners(s: string): string {
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 34 && c !== 39 && c !== 0x201c && c !== 0x2018 && c !== 0xab && c !== 40 && c !== 91) break;
  }
  return i === 0 ? s : s.slice(i);
}
const TERMINAL = '.!?…';

function nextToken(text: string, from: number): string {
  TOKEN.lastIndex = from;
  TOKEN.test(text);
  return text.slice(from, TOKEN.lastIndex);
}

/**
 * Characters that can end a sentence or close one (`.!?…"'”’)]»`); a gap after any other character inside a line
 * can only be a boundary in a caption run, and those need a capital after the gap.
 */
function isEndingChar(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 41 || c === 93 || c === 0xbb;
}

/** Whether the gap of whitespace from `gapStart` to `nextStart` (after the word from `wordStart`) ends a sentence. */
function isBoundary(text: string, wordStart: number, gapStart: number, nextStart: number, breaks: number): boolean {
  if (breaks >= 2) return true;
  const ending = isEndingChar(text.charCodeAt(gapStart - 1));
  // No closing punctuation before a capital inside a line: only a caption run can end there.
  // (The common gap between two words inside a sentence has no capital after it.)
  if (breaks === 0 && !ending) return startsUpper(text, nextStart) && isCaptionBoundary(text, wordStart, gapStart, nextStart);
  const prevToken = text.slice(wordStart, gapStart);
  const next = nextToken(text, nextStart);
  const nextCore = stripOpeners(next);
  // `/\p{Ll}/u` on the first UTF-16 unit (a lone surrogate is no letter).
  const nextIsLower = nextCore.length > 0 && isLower(nextCore.charCodeAt(0));
  if (breaks === 1) return isLineBoundary(prevToken.slice(-TOKEN_TAIL), nextIsLower);

  // Only the token's tail matters, and bounding it keeps the end-anchored patterns linear on junk
  // such as a megabyte of dots.
  const tail = prevToken.slice(-TOKEN_TAIL);
  const body = tail.slice(0, trailingRunStart(tail, CLOSERS));
  const marksAt = trailingRunStart(body, TERMINAL);
  if (marksAt === body.length) return isCaptionBoundary(text, wordStart, gapStart, nextStart);
  const marks = body.slice(marksAt);
  const word = stripOpeners(body.slice(0, marksAt));
  // A leading ellipsis ('"... A woman is') opens a quotation; it ends nothing.
  if (word === '') return false;
  // "10 a.m. on Friday", "so...and", "'Why?' he asked", "'I want her gone,' it emerged": the sentence goes on.
  if (nextIsLower) return false;
  if (marks.includes('!') || marks.includes('?')) return !(/["'”’]$/.test(prevToken) && isSpeechTag(text, nextStart));
  if (marks.endsWith('...') || marks.endsWith('…')) return !word.endsWith(',');
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
  // One UTF-16 unit, as `text[at]` was: a surrogate is no letter.
  return at < text.length && isUpper(c);
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
  if (ALWAYS_ABBREVIATIONS.has(lower)) return true;
  const c0 = nextCore.charCodeAt(0);
  if (NUMBER_ABBREVIATIONS.has(lower) && c0 >= 48 && c0 <= 57) return true;
  // "U.S", "a.m", "B.B", "Ph.D": the final period was stripped off with the marks.
  if (isInitial(word) || isDotted(word) || SENTENCE_FINAL_ABBREVIATIONS.has(lower)) return !SENTENCE_OPENERS.has(leadingWord(nextCore));
  return false;
}

/** `/^[\p{L}\p{N}]+/u.exec(s)?.[0] ?? ''` */
export function leadingWord(s: string): string {
  let i = 0;
  while (i < s.length) {
    const cp = codePointAt(s, i);
    if (!isLetterOrNumber(cp)) break;
    i += widthOf(cp);
  }
  return s.slice(0, i);
}

/** `/^\p{Lu}$/u.test(s)` */
export function isInitial(s: string): boolean {
  if (s.length === 0 || s.length > 2) return false;
  const cp = codePointAt(s, 0);
  return widthOf(cp) === s.length && isUpper(cp);
}

/** `/^\p{L}{1,2}(?:\.\p{L}{1,2})+$/u.test(s)`: two or more parts of one or two letters, joined by dots. */
export function isDotted(s: string): boolean {
  let parts = 0;
  let letters = 0;
  for (let i = 0; i < s.length; ) {
    const cp = codePointAt(s, i);
    i += widthOf(cp);
    if (cp === 46) {
      if (letters === 0) return false;
      parts++;
      letters = 0;
    } else if (isLetter(cp)) {
      if (++letters > 2) return false;
    } else return false;
  }
  return letters > 0 && parts >= 1;
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

/** Whether a caption ends at the gap between the word from `wordStart` to `gapStart` and the token at `nextStart`. */
function isCaptionBoundary(text: string, wordStart: number, gapStart: number, nextStart: number): boolean {
  TOKEN.lastIndex = nextStart;
  TOKEN.test(text);
  const nextEnd = TOKEN.lastIndex;
  // The pointer is the last word before the gap, or ends with ")": test the cheap part first.
  const wordLength = gapStart - wordStart;
  const pointerWord = text.charCodeAt(gapStart - 1) === 41 || (wordLength >= 3 && wordLength <= 8 && POINTER_WORDS.has(text.slice(wordStart, gapStart)));
  if (pointerWord && nextEnd > nextStart && isUpper(codePointAt(text, nextStart)) && PHOTO_POINTER.test(text.slice(Math.max(0, nextStart - 40), nextStart).trimEnd())) {
    return !/^(?:and|or|with|in|on|at|by)$/.test(text.slice(nextStart, nextEnd));
  }
  // Only after a bare lower-case word: a capitalised one may be part of a name ("Downing Street: ...").
  if (!isBareLowerWordAt(text, wordStart, gapStart)) return false;
  // A label ends in ": " (the regex is tried only when one follows somewhere).
  if (colonSpaceFrom(text, nextStart) >= 0) {
    CAPTION_LABEL.lastIndex = nextStart;
    if (CAPTION_LABEL.test(text)) return true;
  }
  // The next token, less one final comma, is a discourse opener (none is longer than 9 characters).
  const comma = nextEnd > nextStart && text.charCodeAt(nextEnd - 1) === 44;
  const wordEnd = comma ? nextEnd - 1 : nextEnd;
  if (wordEnd - nextStart > 9 || !DISCOURSE_OPENERS.has(text.slice(nextStart, wordEnd))) return false;
  if (comma) return true;
  const after = firstNonSpace(text, nextEnd);
  // `/^\p{Ll}/u` on the token after.
  return after < text.length && isLower(codePointAt(text, after));
}

// The last answer of `colonSpaceFrom`: the splitter asks about one text at growing offsets, so the search stays linear.
let colonText = '';
let colonFrom = 0;
let colonAt = -1;

/** `text.indexOf(': ', from)`, remembered. */
function colonSpaceFrom(text: string, from: number): number {
  if (text !== colonText || from < colonFrom || (colonAt >= 0 && colonAt < from)) {
    colonAt = text.indexOf(': ', from);
  }
  // Equal texts may be different strings: keep this one, so the next comparison is by reference.
  colonText = text;
  colonFrom = from;
  return colonAt;
}

/** `/^[\p{Ll}\d][\p{L}\d'’-]*[\p{Ll}\d]$/u.test(s)`: two or more characters, lower case or digits at both ends. */
export function isBareLowerWord(s: string): boolean {
  return isBareLowerWordAt(s, 0, s.length);
}

/** `isBareLowerWord(text.slice(from, to))` */
function isBareLowerWordAt(text: string, from: number, to: number): boolean {
  const s = text;
  let count = 0;
  let last = -1;
  for (let i = from; i < to; ) {
    const cp = codePointAt(s, i);
    i += widthOf(cp);
    const digit = cp >= 48 && cp <= 57;
    if (count === 0) {
      if (!digit && !isLower(cp)) return false;
    } else if (!digit && cp !== 39 && cp !== 0x2019 && cp !== 45 && !isLetter(cp)) return false;
    count++;
    last = cp;
  }
  return count >= 2 && ((last >= 48 && last <= 57) || isLower(last));
}
