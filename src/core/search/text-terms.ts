import { porterStem } from '../analysis/porter-stemmer.js';

const STOP = new Set([
  ...'a an and are as at be but by for from has have he her his i in is it its of on or she that the their them they this to was were will with not no'.split(' '),
  // What an apostrophe or a full stop leaves of a possessive, a contraction or an initial ("Kang's",
  // "don't", "U.S."): as words they matched nearly every briefing, so "Kang's" found them all.
  ...'s t d m ll re ve'.split(' '),
]);

const NOT_ASCII = /[^\x00-\x7f]/;
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Han, hiragana and katakana (with the long-vowel mark and 々), scripts written without spaces
 * between words, and Hangul, whose words carry their particles (북한의, 북한은: "North Korea's",
 * "North Korea" as topic): all searched by character pairs, as Lucene's CJK analyzer does.
 */
const CJK = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]/u;
const CJK_RUN = /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]+|[^\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]+/gu;
/**
 * Kana voicing marks and Hangul jamo as NFKD leaves them: folded back into their kana and
 * syllables, or "が" would split a word in two and 북 would be three letters.
 */
const RECOMPOSE = /[\u3099\u309a\u1100-\u11ff]/;

/**
 * Lowercased, accent-folded word tokens of a text (letters and digits only: quotes, stars and SQL
 * are just noise). Chinese and Japanese put no spaces between words and no dictionary is at hand,
 * so a run of their characters gives its overlapping pairs ("外務大臣" gives 外務, 務大, 大臣; one
 * character alone gives itself), as Lucene's CJK analyzer does: a query of two or more characters
 * finds them anywhere in a run. With `chars` (what an index stores), a longer run also gives each
 * of its characters, as Lucene's `outputUnigrams` does, so a one-character query finds one inside a run.
 */
export function words(text: string, chars = false): string[] {
  if (!NOT_ASCII.test(text)) return text.toLowerCase().match(WORD) ?? [];
  let folded = text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  if (RECOMPOSE.test(folded)) folded = folded.normalize('NFC');
  const runs = folded.toLowerCase().match(WORD) ?? [];
  if (!CJK.test(folded)) return runs;
  return runs.flatMap((run) => (CJK.test(run) ? splitCjk(run, chars) : [run]));
}

/**
 * A run of letters and digits with CJK characters in it: its other parts as words, each CJK
 * stretch as its pairs, and, with `withChars`, then its characters one by one.
 */
function splitCjk(run: string, withChars: boolean): string[] {
  const out: string[] = [];
  for (const part of run.match(CJK_RUN) ?? []) {
    if (!CJK.test(part)) {
      out.push(part);
      continue;
    }
    const chars = [...part];
    if (chars.length === 1) out.push(part);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i]}${chars[i + 1]}`);
    if (withChars && chars.length > 1) out.push(...chars);
  }
  return out;
}

/** Whether a word is a CJK character pair (or one character) from `words`: a term as it stands, never stemmed. */
function isCjkWord(word: string): boolean {
  return CJK.test(word);
}

/**
 * Each word's search term, or null for a stopword or an over-long word. Stemming is the slow part
 * of indexing and words repeat across a library, so each is stemmed once (by our own Porter stemmer,
 * which gives exactly what natural's does, about seven times faster).
 */
const termCache = new Map<string, string | null>();

/** The search term of one word as `words` returns it (lowercased and folded), or null when it has none. */
export function termOfWord(word: string): string | null {
  let term = termCache.get(word);
  if (term === undefined) {
    term = STOP.has(word) || word.length > 40 ? null : isCjkWord(word) ? word : porterStem(word);
    if (termCache.size < 200_000) termCache.set(word, term);
  }
  return term;
}

/** Search terms: words without stopwords, Porter-stemmed, so "sanctions" finds "sanction". A query's terms. */
export function terms(text: string): string[] {
  return termsOf(words(text));
}

/**
 * The terms an index stores for a text: its search terms and, in a Chinese or Japanese run, each
 * character as well. A query keeps to `terms`, so 原子力 is still looked for by its pairs and does
 * not match every text with 原 or 力 in it, while 原 alone finds 原子力.
 */
export function indexTerms(text: string): string[] {
  return termsOf(words(text, true));
}

function termsOf(ws: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of ws) {
    const t = termOfWord(w);
    if (t !== null) out.push(t);
  }
  return out;
}

/** Whether each non-ASCII character seen so far leaves a text's words as its ASCII runs (see `hasAsciiWords`). */
const separatorCache = new Map<number, boolean>();

/** Space or punctuation that Unicode folding keeps free of letters and digits and never turns into nothing. */
function foldsToSeparator(code: number): boolean {
  // A surrogate is half of a character that may be a letter (𝐀).
  if (code >= 0xd800 && code <= 0xdfff) return false;
  const char = String.fromCharCode(code);
  if (/[\p{L}\p{N}\p{M}]/u.test(char)) return false;
  const folded = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return folded.length > 0 && !/[\p{L}\p{N}]/u.test(folded);
}

/**
 * Whether the words of a text are exactly its runs of ASCII letters and digits, lowercased, at
 * the same places: true for ASCII, and for text whose other characters are only the likes of ’ “
 * — … and no-break spaces (most news text). Then a reader may skip `words`' Unicode folding.
 */
export function hasAsciiWords(text: string): boolean {
  if (!NOT_ASCII.test(text)) return true;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    let separator = separatorCache.get(code);
    if (separator === undefined) separatorCache.set(code, (separator = foldsToSeparator(code)));
    if (!separator) return false;
  }
  return true;
}

/** firstTerm's answers by the run as written, so a snippet costs one lookup a word. */
const runCache = new Map<string, string | null>();

/** The first search term of a run of letters and digits as it stands in a text ("Sanctions" gives "sanction"). */
export function firstTerm(run: string): string | undefined {
  let term = runCache.get(run);
  if (term === undefined) {
    term = NOT_ASCII.test(run) ? (terms(run)[0] ?? null) : termOfWord(run.toLowerCase());
    if (runCache.size < 200_000) runCache.set(run, term);
  }
  return term ?? undefined;
}

/** runTerms' answers by the run as written. */
const runTermsCache = new Map<string, readonly string[]>();
const NONE: readonly string[] = [];

/**
 * Every search term of a run of letters and digits as it stands in a text, in order: one for most
 * runs, each character pair of a Chinese or Japanese run (which is a whole sentence, often). The
 * single characters an index also stores (see `indexTerms`) are not among them: a snippet finds
 * one of those in the text itself (see `isCjkChar`).
 */
export function runTerms(run: string): readonly string[] {
  if (!CJK.test(run)) {
    const t = firstTerm(run);
    return t === undefined ? NONE : [t];
  }
  let out = runTermsCache.get(run);
  if (out === undefined) {
    out = terms(run);
    if (runTermsCache.size < 20_000) runTermsCache.set(run, out);
  }
  return out;
}

/** Whether a search term is one Chinese or Japanese character (a one-character query's term). */
export function isCjkChar(term: string): boolean {
  return [...term].length === 1 && CJK.test(term);
}
