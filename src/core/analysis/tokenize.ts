import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import naturalStopwords from 'natural/lib/natural/util/stopwords.js';

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

// natural's stemmer runs regexes that are quadratic in the length of a word without vowels, and no
// English word needs stemming past this length ("1111…" pasted junk would otherwise stall analysis).
const MAX_STEMMED_LENGTH = 40;

/** Porter stem of a lower-case word (natural's implementation), memoised; very long tokens are kept as they are. */
export function stem(word: string): string {
  if (word.length > MAX_STEMMED_LENGTH) return word;
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = porterStemmer.stem(word);
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
