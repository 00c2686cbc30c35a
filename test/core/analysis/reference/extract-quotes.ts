/** The quote finder as it was at dcad293, before its context regexes were narrowed (plus session 6's lost line breaks): the tests hold the new code to it. */
/**
 * Finds direct quotations in cleaned text: double or single marks, straight or curly, quotes
 * continued across paragraphs, and unclosed marks closed at the end of their line. Scare quotes,
 * titles, nicknames and apostrophes are left out.
 */

// Unchanged since dcad293, so the current one serves here too.
import { isWorkTitle, reportedInSentence, wordCount } from '../../../../src/core/analysis/extract-quotes.js';

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
  'said|says|say|saying|told|tells|tell|added|adds|explained|explains|insisted|insists|warned|warns|stated|states|declared|declares|noted|notes|claimed|claims|argued|argues|continued|continues|wrote|writes|tweeted|tweets|posted|replied|replies|responded|responds|admitted|admits|acknowledged|acknowledges|confirmed|confirms|revealed|reveals|recalled|recalls|remarked|remarks|commented|comments|announced|announces|urged|urges|suggested|suggests|stressed|stresses|joked|jokes|laughed|cried|shouted|screamed|whispered|sighed|concluded|concludes|countered|conceded|concedes|observed|observes|asked|asks|pleaded|begged|vowed|vows|promised|boasted|boasts|complained|complains|described|describes|blasted|slammed|fumed|raged|gushed|quipped|added|went on|explained|agreed|agrees|predicted|predicts|demanded|demands|reportedly said|told reporters|recommended|according to|adding|saying|telling|explaining|insisting|warning|claiming|arguing|noting|stressing|writing|tweeting|asking|declaring|concluding';
const SPEECH_VERB_RE_SRC = `(?:${SPEECH_VERBS})`;
/** A speech verb shortly after a closing mark: `," he said`, `,' said Mr Wang`, `," his daughter, Claudette King, told`. */
const CUE_AFTER_RE = new RegExp(`^[ \\t,;:—–-]*(?:[^.!?"“”‘’\\n]{0,80}?\\b)?${SPEECH_VERB_RE_SRC}\\b`, 'iu');
/** A speech verb (or a colon) shortly before an opening mark: `Mr Wang said: '`, `according to X, "`. */
const CUE_BEFORE_RE = new RegExp(`(?:\\b${SPEECH_VERB_RE_SRC}\\b[^.!?"“”‘’\\n]{0,60}|\\baccording to [^.!?"“”‘’\\n]{1,80}|:\\s*)$`, 'iu');
const SCARE_CONTEXT_RE =
  /\b(?:dubbed|called|named|so-called|known as|labelled|labeled|branded|termed|titled|entitled|nicknamed|the|a|an|his|her|their|its|our|of|as|word|words|phrase|slogan|term|motto|hashtag|sign|signs|banner|reads|read)\s*$/i;
const NAMING_CONTEXT_RE = /\b(?:dubbed|called|named|so-called|known as|labelled|labeled|branded|termed|titled|entitled|nicknamed)\s*$/i;
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
    const hit = MARK_OR_BREAK_RE.exec(text);
    i = hit ? hit.index : text.length;
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

function isTitleCase(s: string): boolean {
  const words = s.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return false;
  const caps = words.filter((w) => /^["“‘'(]?\p{Lu}/u.test(w)).length;
  return caps / words.length >= 0.7;
}

/** Whether a scanned span reads as something someone said, not a title, a nickname or a scare quote. */
export function isDirectQuote(text: string, span: QuoteSpan): boolean {
  const words = wordCount(span.text);
  if (words === 0) return false;
  if (span.parts.length > 1) return true;
  const before = text.slice(Math.max(0, span.start - 120), span.start);
  const after = text.slice(span.end, Math.min(text.length, span.end + 120));
  const inner = span.text;
  const endsWithPunct = /[.,!?…:;—–-]$/.test(inner);
  // Session 6: a lost line break (" . " before a lower-case word) ends no sentence, so it stops no cue.
  const blank = (w: string): string => w.replace(/ \.(?= [a-z])/g, '  ');
  const hasCue = CUE_AFTER_RE.test(blank(after)) || CUE_BEFORE_RE.test(blank(before));
  const personal = FIRST_SECOND_PERSON_RE.test(inner);
  const startsUpper = /^["“‘']?[\p{Lu}\p{N}]/u.test(inner);
  const ownParagraph = /(?:^|\n)\s*$/.test(before) && (/^\s*(?:\n|$)/.test(after) || !span.closed);
  // "a kite dubbed '...'", "the so-called '...'": naming, not speech, whatever verb is near.
  if (NAMING_CONTEXT_RE.test(before) && !personal) return false;
  // Session 10 (quotes11): a work's title named as one ("the 1984 hit '...'") is no quote (the rule shared with the code under
  // test; the speech verb after it is this finder's own regex).
  if (isWorkTitle(inner, before, CUE_AFTER_RE.test(blank(after)))) return false;
  // Session 8: a lower-case phrase of two or more words in a sentence a reporting verb and its subject opened is a partial
  // quote (the new rule, shared with the code under test, so the property still checks the context scans).
  const reported = words >= 2 && !startsUpper && !isTitleCase(inner) && reportedInSentence(text, span.start);
  if (hasCue) {
    if (reported) return true;
    if (words <= 3 && !endsWithPunct && !personal && (isTitleCase(inner) || SCARE_CONTEXT_RE.test(before))) return false;
    // "he attempted to 'bribe' voters": a word or two without punctuation is a scare quote even near a verb.
    if (words <= 2 && !endsWithPunct && !personal) return false;
    return true;
  }
  if (reported) return true;
  if (words < 4) return false;
  if (SCARE_CONTEXT_RE.test(before) && !personal) return false;
  if (isTitleCase(inner) && words <= 10 && !personal) return false;
  if (ownParagraph) return true;
  if (!startsUpper && !personal) return false;
  return endsWithPunct || personal || words >= 8;
}

/** Direct quotations in document order. */
export function extractQuotes(text: string): QuoteSpan[] {
  return scanQuoteSpans(text).filter((s) => isDirectQuote(text, s));
}
