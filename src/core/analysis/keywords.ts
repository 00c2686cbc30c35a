import { sentenceTokens } from './tokenize.js';
import type { Sentence } from './types.js';

const MAX_PHRASE_WORDS = 4;
// Four words only for names ("Wulong International Kite Festival"); common-noun phrases stop at three.
const MAX_COMMON_PHRASE_WORDS = 3;

interface PhraseStats {
  stems: string[];
  count: number;
  firstSentence: number;
  /**
   * Surface form -> weight; forms seen only at the start of a sentence weigh half (grammar capitalised
   * them). Most phrases are seen in one form only: `surfaceWords` from `surfaceAt` and `weight` hold it
   * (made into a string only when asked for: most phrases are seen once and dropped), the map is made for a second.
   */
  surfaceWords: readonly string[];
  surfaceAt: number;
  weight: number;
  surfaces: Map<string, number> | null;
}

/**
 * Key words and phrases of a text, best first, as they are written in it ("Korean peninsula",
 * "fishing quotas", "Kono"). Candidates are runs of up to three content words between stopwords
 * and punctuation (as in RAKE); a candidate scores by how often its words recur in the story,
 * how often the phrase itself recurs, and how early it first appears. A single word already
 * covered by a chosen phrase is skipped. O(total words).
 */
export function extractKeywords(sentences: readonly Sentence[], n = 10): string[] {
  if (n <= 0) return [];
  const phrases = new Map<string, PhraseStats>();
  // Occurrences of each stem, in a box so that counting takes one lookup.
  const stemFrequency = new Map<string, { n: number }>();

  for (const sentence of sentences) {
    // The current run of content words, with their stems and capitalisation, between stopwords and punctuation.
    let run: string[] = [];
    let runStems: string[] = [];
    let runCaps: boolean[] = [];
    let runStartsSentence = false;
    let seenWord = false;
    const flush = (): void => {
      for (let size = 1; size <= Math.min(MAX_PHRASE_WORDS, run.length); size += 1) {
        for (let at = 0; at + size <= run.length; at += 1) {
          // Never cut a name in two: "SNP leader Nicola" out of "SNP leader Nicola Sturgeon".
          const cutsStart = at > 0 && runCaps[at - 1]! && runCaps[at]!;
          const cutsEnd = at + size < run.length && runCaps[at + size]! && runCaps[at + size - 1]!;
          if (cutsStart || cutsEnd) continue;
          if (size > MAX_COMMON_PHRASE_WORDS && runCaps.slice(at, at + size).includes(false)) continue;
          if (size > 1 && !isWellFormed(run, runCaps, at, size)) continue;
          addPhrase(phrases, run, runStems, at, size, sentence.index, runStartsSentence && at === 0);
        }
      }
      run = [];
      runStems = [];
      runCaps = [];
    };
    // Words and punctuation, tokenised and stemmed once per sentence (the summary reads the same tokens).
    for (const token of sentenceTokens(sentence)) {
      if (!token.word) {
        flush();
        continue;
      }
      const word = token.text;
      const initial = !seenWord;
      seenWord = true;
      const s = token.stem;
      if (s === null || token.digits) {
        flush();
        continue;
      }
      if (run.length === 0) runStartsSentence = initial;
      run.push(word);
      runStems.push(s);
      runCaps.push(token.capitalised);
      const frequency = stemFrequency.get(s);
      if (frequency === undefined) stemFrequency.set(s, { n: 1 });
      else frequency.n += 1;
    }
    flush();
  }

  const scored = [...phrases.values()]
    .filter((p) => p.stems.length === 1 || p.count >= 2)
    .map((p) => {
      const wordWeight = p.stems.reduce((sum, s) => sum + (stemFrequency.get(s)?.n ?? 0), 0) / p.stems.length;
      const recurrence = p.stems.length === 1 ? 1 : p.count;
      const earliness = 1 + 1 / (1 + p.firstSentence / 5);
      return { phrase: p, score: wordWeight * Math.sqrt(recurrence * p.stems.length) * earliness };
    })
    .sort((a, b) => b.score - a.score || a.phrase.firstSentence - b.phrase.firstSentence);

  const chosen: PhraseStats[] = [];
  const coveredStems = new Set<string>();
  for (const { phrase } of scored) {
    if (chosen.length >= n) break;
    const key = ` ${phrase.stems.join(' ')} `;
    // Skip variants of what is already there: "kite flying festival" after "kite flying".
    if (chosen.some((c) => c.stems.length > 1 && key.includes(` ${c.stems.join(' ')} `))) continue;
    // Half-covered phrases add little ("kite flyers" after "kite flying"), unless they are another name
    // ("North Korea" beside "South Korea").
    const covered = phrase.stems.filter((s) => coveredStems.has(s)).length;
    if (covered === phrase.stems.length || (covered * 2 >= phrase.stems.length && covered > 0 && !isName(phrase))) continue;
    // A phrase that swallows chosen single words replaces them.
    for (let i = chosen.length - 1; i >= 0; i -= 1) {
      const c = chosen[i]!;
      if (c.stems.length === 1 && phrase.stems.includes(c.stems[0]!)) chosen.splice(i, 1);
    }
    chosen.push(phrase);
    for (const s of phrase.stems) coveredStems.add(s);
  }
  return chosen.map(bestSurface);
}

const CAPITALISED = /^\p{Lu}/u;

function isName(phrase: PhraseStats): boolean {
  return phrase.stems.length > 1 && [...surfacesOf(phrase).keys()].some((s) => s.split(' ').every((w) => CAPITALISED.test(w)));
}

/**
 * A name may be followed by the common noun it qualifies ("Swansea City striker") but not preceded by
 * a common word ("guard Simon Scott", "against Everton"), nor followed by a past-tense verb ("Ian Guffick asked").
 */
function isWellFormed(run: readonly string[], caps: readonly boolean[], at: number, size: number): boolean {
  for (let k = at + 1; k < at + size; k += 1) {
    if (!caps[k - 1]! && caps[k]!) return false;
    if (caps[k - 1]! && !caps[k]! && /ed$/.test(run[k]!)) return false;
  }
  return true;
}

function addPhrase(
  phrases: Map<string, PhraseStats>,
  words: readonly string[],
  stems: readonly string[],
  at: number,
  size: number,
  sentence: number,
  sentenceInitial: boolean,
): void {
  const key = size === 1 ? stems[at]! : stems.slice(at, at + size).join(' ');
  let stats = phrases.get(key);
  if (stats === undefined) {
    stats = { stems: size === 1 ? [stems[at]!] : stems.slice(at, at + size), count: 0, firstSentence: sentence, surfaceWords: words, surfaceAt: at, weight: 0, surfaces: null };
    phrases.set(key, stats);
  }
  stats.count += 1;
  const weight = sentenceInitial ? 0.5 : 1;
  if (stats.count === 1) {
    stats.surfaceWords = words;
    stats.surfaceAt = at;
    stats.weight = weight;
  } else if (stats.surfaces === null && sameWords(words, at, stats.surfaceWords, stats.surfaceAt, size)) {
    stats.weight += weight;
  } else {
    stats.surfaces ??= new Map([[firstSurface(stats), stats.weight]]);
    const surface = size === 1 ? words[at]! : words.slice(at, at + size).join(' ');
    stats.surfaces.set(surface, (stats.surfaces.get(surface) ?? 0) + weight);
  }
}

/** The same `size` words from `a` in `aWords` and from `b` in `bWords` (words hold no spaces: as joined strings, equal). */
function sameWords(aWords: readonly string[], a: number, bWords: readonly string[], b: number, size: number): boolean {
  for (let k = 0; k < size; k += 1) if (aWords[a + k] !== bWords[b + k]) return false;
  return true;
}

/** The form a phrase was first seen in. */
function firstSurface(phrase: PhraseStats): string {
  const size = phrase.stems.length;
  return size === 1 ? phrase.surfaceWords[phrase.surfaceAt]! : phrase.surfaceWords.slice(phrase.surfaceAt, phrase.surfaceAt + size).join(' ');
}

function surfacesOf(phrase: PhraseStats): ReadonlyMap<string, number> {
  return phrase.surfaces ?? new Map([[firstSurface(phrase), phrase.weight]]);
}

function bestSurface(phrase: PhraseStats): string {
  let best = '';
  let bestCount = -1;
  for (const [surface, count] of surfacesOf(phrase)) {
    if (count > bestCount) {
      best = surface;
      bestCount = count;
    }
  }
  return best;
}
