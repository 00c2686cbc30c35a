import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const STOP = new Set(
  'a an and are as at be but by for from has have he her his i in is it its of on or she that the their them they this to was were will with not no'.split(' '),
);

const NOT_ASCII = /[^\x00-\x7f]/;
const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercased, accent-folded word tokens of a text (letters and digits only: quotes, stars and SQL are just noise). */
export function words(text: string): string[] {
  // ASCII is already in NFKD form with no accents to strip; most of a news text is.
  const folded = NOT_ASCII.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
  return folded.toLowerCase().match(WORD) ?? [];
}

/**
 * Each word's search term, or null for a stopword or an over-long word. Stemming is the slow part
 * of indexing and words repeat across a library, so each is stemmed once.
 */
const termCache = new Map<string, string | null>();

/** The search term of one word as `words` returns it (lowercased and folded), or null when it has none. */
export function termOfWord(word: string): string | null {
  let term = termCache.get(word);
  if (term === undefined) {
    term = STOP.has(word) || word.length > 40 ? null : PorterStemmer.stem(word);
    if (termCache.size < 200_000) termCache.set(word, term);
  }
  return term;
}

/** Search terms: words without stopwords, Porter-stemmed, so "sanctions" finds "sanction". */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = termOfWord(w);
    if (t !== null) out.push(t);
  }
  return out;
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
