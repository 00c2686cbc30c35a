/**
 * Finds direct quotations in cleaned text: double or single marks, straight or curly, quotes
 * continued across paragraphs, and unclosed marks closed at the end of their line. Scare quotes,
 * titles, nicknames and apostrophes are left out.
 */

import { codePointAt, isLetterOrNumber, isWhitespace, widthOf } from './char-class.js';

export interface QuoteSpan {
  /** The quoted words without marks; parts of a continued quote are joined by a space. */
  text: string;
  /** Offset of the opening mark. */
  start: number;
  /** Offset just after the closing mark (or the end of the line for an unclosed quote). */
  end: number;
  /** Inner offsets of each part (one per paragraph or re-opened mark of a continued quote). */
  parts: Array<{ start: number; end: number }>;
  closed: boolean;
  mark: 'double' | 'single';
}

const DOUBLE_OPEN = new Set(['“', '„']);
const DOUBLE_CLOSE = new Set(['”']);
const SINGLE_MARKS = new Set(["'", '‘', '’']);
const DOUBLE_MARKS = new Set(['"', '“', '”', '„']);

const MARK_OR_BREAK_RE = /["“”„'‘’\n]/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const OPEN_BOUNDARY = /[\s([{—–\-/"“”'‘]/u;
const CLOSE_BOUNDARY = /[\s.,;:!?)\]}—–\-"“”'’‘…]/u;
/** Elisions that start with an apostrophe: '90s, 'em, rock 'n' roll, 'til, 'cause. */
const ELISION_RE = /^['‘’](?:\d0s|\d\ds|\d\d\b|em\b|n['’]|n\b|til\b|cause\b|tis\b|twas\b|bout\b|cos\b)/i;
const SENTENCE_END_BEFORE = /[.!?…:]["'”’]?\s*$/;
const SENTENCE_END_RE = /[.!?…](?=\s+[\p{Lu}"“'‘])/gu;

/** Speech verbs used to tell quotations from scare quotes. */
export const SPEECH_VERBS =
  'said|says|say|saying|told|tells|tell|added|adds|explained|explains|insisted|insists|warned|warns|stated|states|declared|declares|noted|notes|claimed|claims|argued|argues|continued|continues|wrote|writes|tweeted|tweets|posted|replied|replies|responded|responds|admitted|admits|acknowledged|acknowledges|confirmed|confirms|revealed|reveals|recalled|recalls|remarked|remarks|commented|comments|announced|announces|urged|urges|suggested|suggests|stressed|stresses|joked|jokes|laughed|cried|shouted|screamed|yelled|yells|exclaimed|exclaims|whispered|sighed|lamented|laments|cautioned|cautions|retorted|retorts|mused|muses|confided|confides|recounted|recounts|concluded|concludes|countered|conceded|concedes|observed|observes|asked|asks|pleaded|begged|vowed|vows|promised|boasted|boasts|complained|complains|described|describes|blasted|slammed|fumed|raged|gushed|quipped|added|went on|explained|agreed|agrees|predicted|predicts|demanded|demands|reportedly said|told reporters|recommended|ruled|according to|adding|saying|telling|explaining|insisting|warning|claiming|arguing|noting|stressing|writing|tweeting|asking|declaring|concluding|testified|testifies|smiled|grinned|giggled|giggles|chuckled|chuckles|reasoned|reckoned|reckons|concurred|disagreed|objected|protested|reiterated|emphasised|emphasized|maintained|maintains|contended|contends|asserted|asserts';
const SPEECH_VERB_RE_SRC = `(?:${SPEECH_VERBS})`;
/** A speech verb shortly after a closing mark: `," he said`, `,' said Mr Wang`, `," his daughter, Claudette King, told`. */
const CUE_AFTER_RE = new RegExp(`^[ \\t,;:—–-]*(?:[^.!?"“”‘’\\n]{0,80}?\\b)?${SPEECH_VERB_RE_SRC}\\b`, 'iu');
/** A speech verb (or a colon) shortly before an opening mark: `Mr Wang said: '`, `according to X, "`. */
const CUE_BEFORE_RE = new RegExp(`(?:\\b${SPEECH_VERB_RE_SRC}\\b[^.!?"“”‘’\\n]{0,60}|\\baccording to [^.!?"“”‘’\\n]{1,80}|:\\s*)$`, 'iu');
/** "with the headline ", "ran the headline: ", "the subject line reading ": what follows is a title. */
const HEADLINE_BEFORE_RE = /\b(?:headlines?|subject line|strapline)\s*(?::|,|reading|read|which read|that read)?\s*$/i;
/** Words right before a quotation that make it a name or a scare quote: the alternatives of `/\b(?:...)\s*$/i`. */
const NAMING_WORDS = ['dubbed', 'called', 'named', 'so-called', 'known as', 'labelled', 'labeled', 'branded', 'termed', 'titled', 'entitled', 'nicknamed'];
const SCARE_WORDS = [
  ...NAMING_WORDS,
  ...'the a an his her their its our of as word words phrase slogan term motto hashtag sign signs banner reads read'.split(' '),
];

/**
 * `new RegExp(\`\\b(?:${words.join('|')})\\s*$\`, 'i').test(s)` for lower-case ASCII words: after the trailing whitespace,
 * `s` ends with one of the words (ASCII letters compared without case, as the non-Unicode `i` flag does), at a word
 * boundary. The regex was tried at every character; the tests hold this to it.
 */
export function endsWithWord(s: string, words: readonly string[]): boolean {
  let end = s.length;
  while (end > 0 && isWhitespace(s.charCodeAt(end - 1))) end--;
  outer: for (const w of words) {
    const start = end - w.length;
    if (start < 0) continue;
    for (let k = 0; k < w.length; k++) {
      let c = s.charCodeAt(start + k);
      if (c >= 65 && c <= 90) c += 32;
      if (c !== w.charCodeAt(k)) continue outer;
    }
    if (start === 0 || !isAsciiWordChar(s.charCodeAt(start - 1))) return true;
  }
  return false;
}

function isAsciiWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** `.!?"“”‘’` and the line break: no speech cue reaches across one. */
function isStop(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 34 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 10;
}

/** The first stop in `text` from `from` before `to`, or `to`. */
function firstStop(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (isStop(text.charCodeAt(i)) && !isLostBreak(text, i)) return i;
  return to;
}

/** Just after the last stop in `text` from `from` before `to`, or `from`. */
function lastStop(text: string, from: number, to: number): number {
  for (let i = to; i > from; i--) if (isStop(text.charCodeAt(i - 1)) && !isLostBreak(text, i - 1)) return i;
  return from;
}

/**
 * " . " before a lower-case word ("said . bosses are", "he is . determined to"): a line break the page's flattening turned
 * into a full stop. No sentence starts with a lower-case word, so it ends none.
 */
export function isLostBreak(text: string, i: number): boolean {
  if (text.charCodeAt(i) !== 46 || text.charCodeAt(i - 1) !== 32 || text.charCodeAt(i + 1) !== 32) return false;
  const c = text.charCodeAt(i + 2);
  return c >= 97 && c <= 122;
}

/** `s` with each lost line break (see isLostBreak) blanked, the length unchanged: for the cue regexes. */
export function blankLostBreaks(s: string): string {
  return s.includes(' . ') ? s.replace(LOST_BREAK_RE, '  ') : s;
}
const LOST_BREAK_RE = / \.(?= [a-z])/g;
const FIRST_SECOND_PERSON_RE = /\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|I'll|I’ll|we|We|me|my|My|our|Our|us|you|You|your|Your|we're|we’re|We're|We’re)\b/u;

interface OpenQuote {
  mark: 'double' | 'single';
  start: number;
  innerStart: number;
  parts: Array<{ start: number; end: number }>;
}

function isOpeningContext(text: string, i: number): boolean {
  const prev = i === 0 ? ' ' : text[i - 1]!;
  const next = text[i + 1];
  if (next === undefined) return false;
  return OPEN_BOUNDARY.test(prev) && !/\s/.test(next);
}

function isClosingContext(text: string, i: number): boolean {
  const prev = i === 0 ? ' ' : text[i - 1]!;
  const next = text[i + 1] ?? ' ';
  return !/\s/.test(prev) && CLOSE_BOUNDARY.test(next);
}

function lineEnd(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n < 0 ? text.length : n;
}

/**
 * Whether a closing single mark after an "s" is really a plural possessive ("the countries' waters"):
 * it is when a closing mark after punctuation follows later on the same line.
 */
function isLikelyPossessive(text: string, i: number): boolean {
  if (text[i - 1] !== 's' || text[i + 1] !== ' ' || !/\p{Ll}/u.test(text[i + 2] ?? '')) return false;
  const end = Math.min(lineEnd(text, i), i + 600);
  const rest = text.slice(i + 1, end);
  const strong = rest.search(/[.,!?…]['’]/);
  if (strong < 0) return false;
  // A fresh opening mark before that later close means this mark closed a short quote.
  return !/\s['‘]\p{L}/u.test(rest.slice(0, strong));
}

function trimmedPart(text: string, start: number, end: number): { start: number; end: number } {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/**
 * The quote of `quotes` (sorted and disjoint, as the scan gives them) that holds all of [start, end), or undefined: a binary
 * search by end, so a lookup per name stays logarithmic in the number of quotes.
 */
export function quoteHolding(quotes: readonly QuoteSpan[], start: number, end = start + 1): QuoteSpan | undefined {
  let lo = 0;
  let hi = quotes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (quotes[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  const q = quotes[lo];
  return q !== undefined && q.start <= start && end <= q.end ? q : undefined;
}

/** Finds every quoted span (before judging whether it is a direct quotation). */
export function scanQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open: OpenQuote | null = null;

  const finish = (q: OpenQuote, innerEnd: number, end: number, closed: boolean): void => {
    const part = trimmedPart(text, q.innerStart, innerEnd);
    if (part.end > part.start) q.parts.push(part);
    if (q.parts.length === 0) return;
    spans.push({
      text: q.parts.map((p) => text.slice(p.start, p.end)).join(' '),
      start: q.start,
      end,
      parts: q.parts,
      closed,
      mark: q.mark,
    });
  };

  /** Closes an unclosed quote at its line's end, or at its first sentence end when the line is long. */
  const closeUnclosed = (q: OpenQuote, at: number): number => {
    if (at - q.innerStart > 400) {
      SENTENCE_END_RE.lastIndex = q.innerStart;
      const m = SENTENCE_END_RE.exec(text);
      if (m && m.index < at) at = m.index + 1;
    }
    finish(q, at, at, false);
    return at;
  };

  // The end of the text acts as a last line break, so an unclosed quote there is handled the same way.
  // Only marks and line breaks matter: jump from one to the next.
  for (let i = 0; i <= text.length; i++) {
    MARK_OR_BREAK_RE.lastIndex = i;
    i = MARK_OR_BREAK_RE.test(text) ? MARK_OR_BREAK_RE.lastIndex - 1 : text.length;
    const c = i === text.length ? '\n' : text[i]!;
    if (c === '\n') {
      if (!open) continue;
      // A paragraph that leaves a quote open and a next paragraph that reopens it: one quote.
      let j = i;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      const reopen = text[j];
      const sameKind = reopen !== undefined && (open.mark === 'double' ? DOUBLE_MARKS.has(reopen) : SINGLE_MARKS.has(reopen));
      if (sameKind && isOpeningContext(text, j) && i - open.innerStart <= 2000) {
        const part = trimmedPart(text, open.innerStart, i);
        if (part.end > part.start) open.parts.push(part);
        open.innerStart = j + 1;
        i = j;
        continue;
      }
      const closedAt = closeUnclosed(open, i);
      open = null;
      if (closedAt < i) i = closedAt - 1;
      continue;
    }
    if (DOUBLE_MARKS.has(c)) {
      if (open && open.mark === 'single') continue; // nested in a single-marked quote
      const opening = DOUBLE_OPEN.has(c) ? isOpeningContext(text, i) || !isClosingContext(text, i) : DOUBLE_CLOSE.has(c) ? false : isOpeningContext(text, i);
      const closing = DOUBLE_CLOSE.has(c) ? isClosingContext(text, i) || !isOpeningContext(text, i) : DOUBLE_OPEN.has(c) ? false : isClosingContext(text, i);
      if (!open) {
        if (opening) open = { mark: 'double', start: i, innerStart: i + 1, parts: [] };
        continue;
      }
      if (closing) {
        finish(open, i, i + 1, true);
        open = null;
      } else if (opening && SENTENCE_END_BEFORE.test(text.slice(Math.max(open.innerStart, i - 4), i))) {
        // A new paragraph flattened into one line re-opens the quote without closing it.
        const part = trimmedPart(text, open.innerStart, i);
        if (part.end > part.start) open.parts.push(part);
        open.innerStart = i + 1;
      }
      continue;
    }
    if (SINGLE_MARKS.has(c)) {
      const prev = i === 0 ? ' ' : text[i - 1]!;
      const next = text[i + 1] ?? ' ';
      if (LETTER_OR_DIGIT.test(prev) && LETTER_OR_DIGIT.test(next)) continue; // don't, dragon's
      if (open && open.mark === 'double') continue; // nested in a double-marked quote
      const opening = c !== '’' || !LETTER_OR_DIGIT.test(prev) ? isOpeningContext(text, i) && !ELISION_RE.test(text.slice(i, i + 5)) && next !== ' ' : false;
      const closing = c !== '‘' && isClosingContext(text, i);
      if (!open) {
        if (opening && c !== '’') open = { mark: 'single', start: i, innerStart: i + 1, parts: [] };
        else if (opening && c === '’' && !LETTER_OR_DIGIT.test(prev)) open = { mark: 'single', start: i, innerStart: i + 1, parts: [] };
        continue;
      }
      if (closing && !isLikelyPossessive(text, i)) {
        finish(open, i, i + 1, true);
        open = null;
      } else if (opening && c !== '’' && SENTENCE_END_BEFORE.test(text.slice(Math.max(open.innerStart, i - 4), i))) {
        const part = trimmedPart(text, open.innerStart, i);
        if (part.end > part.start) open.parts.push(part);
        open.innerStart = i + 1;
      }
    }
  }
  return spans;
}

/**
 * The words of `s` that hold a letter or digit: `s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length`
 * (the tests hold it to that), counted by a character loop instead of an array of words and a regex each.
 */
export function wordCount(s: string): number {
  let n = 0;
  let counted = false;
  for (let i = 0; i < s.length; ) {
    const cp = codePointAt(s, i);
    if (isWhitespace(cp)) counted = false;
    else if (!counted && isLetterOrNumber(cp)) {
      n++;
      counted = true;
    }
    i += widthOf(cp);
  }
  return n;
}

function isTitleCase(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return false;
  const caps = words.filter((w) => /^["“‘'(]?\p{Lu}/u.test(w)).length;
  return caps / words.length >= 0.7;
}

/** Words a title may keep in lower case: "Love is a Wonderful Thing", "Lady and the Tramp". */
const TITLE_SMALL_WORDS = new Set('a an the of in on at to for from by with and or nor but as is vs'.split(' '));
/**
 * Right before an opening mark, words that make what follows the name of a work: a kind of work ("the 1984 hit ", "his
 * song ", "the documentary "), its owner's possessive ("Marley's ", "CNN's "), a list or a preposition that takes a title
 * ("such as ", "including ", "starred in ", "told CNN's ", "a cover of "), or "and" after an earlier title.
 */
const WORK_BEFORE_RE =
  /(?:\b(?:song|songs|hit|hits|single|album|track|tune|anthem|ballad|film|films|movie|movies|documentary|doc|book|books|novel|memoir|biography|play|musical|show|shows|series|sitcom|programme|program|episode|finale|drama|comedy|opera|poem|video|sermons?|sequel|spinoff|spin-off|franchise|season|such as|including|starred in|star of|stars in|directed|released|cover of|version of|on|in|of|for|from)|\p{L}['’]s?|["”]\s*(?:,\s*)?(?:and|or))\s*$/iu;

/**
 * A span that is the title of a work, not speech: at most ten words, every word capitalised but the small ones, named as
 * a work by the words before it ("the 1984 hit "I Want a New Drug"", "Marley's "No Woman No Cry"", "told CNN's "The
 * Situation Room"") and with no speech verb after it. "I", "My", "You" in a title do not make it someone's words.
 */
export function isWorkTitle(inner: string, before: string, hasCueAfter: boolean): boolean {
  if (hasCueAfter) return false;
  const words = inner.replace(/[.,!?…:;]+$/, '').split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 2 || words.length > 10) return false;
  if (!/^\p{Lu}/u.test(words[0]!)) return false;
  let caps = 0;
  for (const w of words) {
    const bare = w.replace(/^[("“‘'¿¡]+|[)"”’',.:;!?]+$/gu, '');
    if (/^[\p{Lu}\p{N}]/u.test(bare)) caps++;
    else if (!TITLE_SMALL_WORDS.has(bare.toLowerCase())) return false;
  }
  if (caps < 2) return false;
  return WORK_BEFORE_RE.test(before);
}

/** A closed quotation of one to ten words inside a sentence: `"Don Quixote," `. */
const CLOSED_SHORT_QUOTE_RE = /(?<=^|[\s(])(["“])((?:[^"“”\s]+\s){0,9}[^"“”\s]+?)(["”])(?=[\s,;:)]|$)/gu;

/**
 * `head` with each quoted work title (`isWorkTitle`) blanked, its length unchanged: "John Ormsby ... wrote of "Don Quixote,"
 * " reads as "wrote of", so the speech verb before a title still introduces the quote after it.
 */
export function blankWorkTitles(head: string): string {
  if (!/["“]/.test(head)) return head;
  return head.replace(CLOSED_SHORT_QUOTE_RE, (m: string, _open: string, inner: string, _close: string, at: number) =>
    isWorkTitle(inner, head.slice(Math.max(0, at - 120), at), false) ? ' '.repeat(m.length) : m,
  );
}

/** Whether a scanned span reads as something someone said, not a title, a nickname or a scare quote. */
export function isDirectQuote(text: string, span: QuoteSpan): boolean {
  return quoteKind(text, span) !== null;
}

/**
 * What a scanned span is: `speech` (someone's words, by a cue, its length, its own paragraph), `reported` (a lower-case
 * phrase of two or more words in a sentence a reporting verb and its subject opened, quoted only by that sentence: "Patricia
 * Hewitt said the cost was being evaluated, but it was an 'increasingly high priority'"), or null (a title, a nickname, a
 * scare quote). A reported phrase is the speaker's words and part of the narrative sentence that carries it.
 */
export function quoteKind(text: string, span: QuoteSpan): 'speech' | 'reported' | null {
  const words = wordCount(span.text);
  if (words === 0) return null;
  if (span.parts.length > 1) return 'speech';
  const beforeStart = Math.max(0, span.start - 120);
  const afterEnd = Math.min(text.length, span.end + 120);
  const before = text.slice(beforeStart, span.start);
  const after = text.slice(span.end, afterEnd);
  const inner = span.text;
  const endsWithPunct = /[.,!?…:;—–-]$/.test(inner);
  // A cue's verb and the words around it hold no sentence end, quotation mark or line break ("stop"): the cue regexes
  // need only read the words after the quote up to the first stop, and the words before it after the last one
  // (plus the colon case, whose trailing whitespace may hold a line break).
  const cueAfter = CUE_AFTER_RE.test(blankLostBreaks(text.slice(span.end, firstStop(text, span.end, afterEnd))));
  const hasCue = /:$/.test(before.trimEnd()) || CUE_BEFORE_RE.test(blankLostBreaks(text.slice(lastStop(text, beforeStart, span.start), span.start))) || cueAfter;
  const personal = FIRST_SECOND_PERSON_RE.test(inner);
  const startsUpper = /^["“‘']?[\p{Lu}\p{N}]/u.test(inner);
  const ownParagraph = /(?:^|\n)\s*$/.test(before) && (/^\s*(?:\n|$)/.test(after) || !span.closed);
  // "a kite dubbed '...'", "the so-called '...'": naming, not speech, whatever verb is near.
  if (!personal && endsWithWord(before, NAMING_WORDS)) return null;
  // "They ran the headline: '...'", "under the subject line: '...'": a title printed over a text, not speech.
  if (HEADLINE_BEFORE_RE.test(before)) return null;
  // "the 1984 hit "I Want a New Drug"", "Marley's "No Woman No Cry"": the name of a work.
  if (isWorkTitle(inner, before, cueAfter)) return null;
  // A lower-case phrase of two or more words in a sentence that a reporting verb and its subject opened reports that
  // speaker's words ("Patricia Hewitt said the cost was being evaluated, but it was an "increasingly high priority""), unless
  // the words after it name it as a term ("pay a 'special tax' known as jizya").
  const reportedPhrase = words >= 2 && !startsUpper && !isTitleCase(inner) && !NAMED_AFTER_RE.test(after) && reportedInSentence(text, span.start);
  // Speech by the tests that do not need the reported phrase; failing them, such a phrase is a quote of its own kind.
  if (speechByCues(words, inner, before, hasCue, personal, startsUpper, endsWithPunct, ownParagraph)) return 'speech';
  return reportedPhrase ? 'reported' : null;
}

/** `quoteKind`'s tests of a span that is not a reported phrase. */
function speechByCues(words: number, inner: string, before: string, hasCue: boolean, personal: boolean, startsUpper: boolean, endsWithPunct: boolean, ownParagraph: boolean): boolean {
  if (hasCue) {
    if (words <= 3 && !endsWithPunct && !personal && (isTitleCase(inner) || endsWithWord(before, SCARE_WORDS))) return false;
    // "he attempted to 'bribe' voters": a word or two without punctuation is a scare quote even near a verb.
    if (words <= 2 && !endsWithPunct && !personal) return false;
    return true;
  }
  if (words < 4) return false;
  if (!personal && endsWithWord(before, SCARE_WORDS)) return false;
  if (isTitleCase(inner) && words <= 10 && !personal) return false;
  if (ownParagraph) return true;
  if (!startsUpper && !personal) return false;
  return endsWithPunct || personal || words >= 8;
}

/** Verbs that report or judge someone's words, in the sentence before a partial quote. */
const REPORTING_IN_SENTENCE_RE = new RegExp(
  `(?<![\\p{L}'’-])(?:${SPEECH_VERBS}|accused|accuses|branded|brands|called|calls|criticised|criticized|dismissed|denied|denies|believes|believed|pledged|welcomed|welcomes|praised|labelled|labeled|hailed|testified|testifies)(?![\\p{L}'’-])`,
  'gu',
);
/** "what it describes as ", "what he calls ", "what critics term ", "what Millan calls its ": naming a thing right before the phrase. */
const WHAT_NAMING_RE =
  /\bwhat\s+(?:[\p{L}'’-]+\s+){1,3}(?:describe[sd]?|call(?:s|ed)?|term(?:s|ed)?|dub(?:s|bed)?|label(?:s|led)?|brand(?:s|ed)?)\s+(?:as\s+)?(?:(?:an?|the|its|his|her|their|our)\s+)?$/u;
/** Words right after a phrase that name it: "a 'special tax' known as jizya", "'fair trade', also called ...". */
const NAMED_AFTER_RE = /^[ \t]*,?[ \t]*(?:also\s+|now\s+|sometimes\s+|often\s+)?(?:known as|called|dubbed|nicknamed|referred to as)\b/u;
/** A reporting verb used as an adjective: "any agreed standards", "the stated aim", "his promised reforms". */
const DETERMINER_BEFORE_RE = /(?:^|[\s(])(?:a|an|the|any|no|some|every|each|its|his|her|their|our|my|your|this|these|those)\s*,?\s+$/iu;
/** "Giggs was asked whether ...": the subject of a passive "asked" is the one questioned, not the one speaking. */
const PASSIVE_BEFORE_RE = /\b(?:was|were|is|are|be|been|being)\s+(?:\w+ly\s+)?$/iu;
/** "sweets which say simply ", "a banner that reads ": words printed on a thing, a label rather than speech. */
const THING_SAYS_RE = /\b(?:which|that)\s+(?:\w+ly\s+)?(?:say|says|read|reads)\s+(?:\w+ly\s+)?$/iu;
/** The end of the last sentence before a point: a full stop, ! or ? and a space, or a line break. */
const SENTENCE_BREAK_RE = /(?:[.!?]["”’']?\s+|\n)(?=\S)/g;

/**
 * Whether the sentence holding `at` has, before it, a reporting verb with a subject before that verb (a capitalised word,
 * or he, she, they, it): "Mr Howard described Lord Butler's intervention as ", "She said a Conservative government would
 * bring a ". A phrase in such a sentence reports what its subject said.
 */
export function reportedInSentence(text: string, at: number): boolean {
  const from = Math.max(0, at - 300);
  const window = text.slice(from, at);
  // "bans what it describes as 'dismemberment abortion'", "what he calls 'good fun'": a name for a thing, not words reported.
  if (WHAT_NAMING_RE.test(window)) return false;
  let cut = 0;
  SENTENCE_BREAK_RE.lastIndex = 0;
  for (let m = SENTENCE_BREAK_RE.exec(window); m; m = SENTENCE_BREAK_RE.exec(window)) cut = m.index + m[0].length;
  const head = window.slice(cut);
  if (THING_SAYS_RE.test(head)) return false;
  const verb = reportingVerb(head);
  if (!verb) return false;
  return /(?:^|[\s(])(?:\p{Lu}[\p{L}'’-]+|he|she|they|it)\b/u.test(head.slice(0, verb.index));
}

/** The first reporting verb of `head` that is a verb of the speaker: not an adjective after a determiner nor a passive "asked". */
function reportingVerb(head: string): RegExpExecArray | null {
  // One global pattern reused (it was compiled again for every quote): the caller holds no match across calls.
  const re = REPORTING_IN_SENTENCE_RE;
  re.lastIndex = 0;
  for (let m = re.exec(head); m; m = re.exec(head)) {
    const before = head.slice(Math.max(0, m.index - 40), m.index);
    if (DETERMINER_BEFORE_RE.test(before)) continue;
    if (m[0] === 'asked' && PASSIVE_BEFORE_RE.test(before)) continue;
    return m;
  }
  return null;
}

/** Direct quotations in document order. */
export function extractQuotes(text: string): QuoteSpan[] {
  return classifyQuotes(text).spans;
}

/** Direct quotations in document order, and which of them are speech rather than a reported phrase (`quoteKind`). */
export function classifyQuotes(text: string): { spans: QuoteSpan[]; speech: boolean[] } {
  const spans: QuoteSpan[] = [];
  const speech: boolean[] = [];
  for (const span of scanQuoteSpans(text)) {
    const kind = quoteKind(text, span);
    if (kind === null) continue;
    spans.push(span);
    speech.push(kind === 'speech');
  }
  return { spans, speech };
}
