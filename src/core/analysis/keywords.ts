import { sentenceStems, type TextToken } from './tokenize.js';
import { ADJECTIVE_WORD, DETERMINER_WORD, isNounAlsoVerb, nonNounClass, OTHER_WORD, USUALLY_OTHER_WORD, usualNonNounClass, VERB_OPENER_WORD, VERB_WORD } from './word-classes.js';
import type { Sentence } from './types.js';

const MAX_PHRASE_WORDS = 4;
// Four words only for names ("Wulong International Kite Festival"); common-noun phrases stop at three.
const MAX_COMMON_PHRASE_WORDS = 3;

interface PhraseStats {
  size: number;
  /** The stem numbers of the sentence it was first seen in, aligned with `surfaceTokens`. */
  runIds: readonly number[];
  /** Its stems, read out of `surfaceTokens` when first asked for (`stemsOf`). */
  stems: string[] | null;
  count: number;
  firstSentence: number;
  /**
   * Surface form -> weight; forms seen only at the start of a sentence weigh half (grammar capitalised
   * them). Most phrases are seen in one form only: the tokens from `surfaceAt` in `surfaceTokens` (its
   * sentence's: no copy) and `weight` hold it (made into a string only when asked for: most phrases are
   * seen once and dropped), the map is made for a second.
   */
  surfaceTokens: readonly TextToken[];
  surfaceAt: number;
  weight: number;
  surfaces: Map<string, number> | null;
  /** Some occurrence stands where a noun phrase does: after a determiner, a possessive or an adjective, up to its run's end or a verb. */
  nounContext: boolean;
  /** Some occurrence does not open its sentence, so its capitals are its own, not grammar's. */
  seenInside: boolean;
  /** Some occurrence opens its run right after "to", a modal, a subject pronoun or "not": where a verb stands ("to use"). */
  verbContext: boolean;
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
  // Tokens and numbered stems, made once per text and shared with the summary.
  const table = sentenceStems(sentences);
  const keys = new PhraseKeys(table.stems.length);
  const phrases = new Map<number | string, PhraseStats>();
  // The phrases in the order they were first seen (the map's order, without an iterator).
  const found: PhraseStats[] = [];
  // Occurrences of each stem (by number) in runs of content words.
  const stemFrequency = new Int32Array(table.stems.length);

  for (let s = 0; s < sentences.length; s += 1) {
    const sentenceIndex = sentences[s]!.index;
    const tokens = table.tokens[s]!;
    const ids = table.ids[s]!;
    // A run of content words between stopwords and punctuation: tokens [runStart, k) of the sentence.
    let runStart = -1;
    let runStartsSentence = false;
    let seenWord = false;
    // Words and punctuation, tokenised and stemmed once per sentence (the summary reads the same tokens).
    for (let k = 0; k <= tokens.length; k += 1) {
      const token = tokens[k];
      let inRun = false;
      if (token !== undefined && token.word) {
        // Grammar capitalises a sentence's first word and a quotation's ('she said: "Nothing is ruled out"').
        const initial = !seenWord || (k > 0 && OPENS_QUOTED_SENTENCE.has(tokens[k - 1]!.text));
        seenWord = true;
        // Prepositions, adverbs and pronouns that are no stopwords ("against", "whose", "widely") end a run as stopwords do.
        if (token.stem !== null && !token.digits && (token.capitalised || (token.classBits & OTHER_WORD) === 0)) {
          inRun = true;
          if (runStart < 0) {
            runStart = k;
            runStartsSentence = initial;
          }
          stemFrequency[ids[k]!] += 1;
          // A possessive ends its run: "the world's biggest", "Ireland's biggest company" give no "world biggest".
          if (token.possessive) {
            addRunPhrases(phrases, found, keys, tokens, ids, runStart, k + 1, sentenceIndex, runStartsSentence);
            runStart = -1;
            continue;
          }
        }
      }
      if (inRun || runStart < 0) continue;
      addRunPhrases(phrases, found, keys, tokens, ids, runStart, k, sentenceIndex, runStartsSentence);
      runStart = -1;
    }
  }

  // Scored candidates, taken best first: by score, then first sentence, then order of discovery (as a
  // stable sort would give them), from a heap, since only the first few are ever read.
  const candidates: PhraseStats[] = [];
  const scores: number[] = [];
  for (const p of found) {
    const size = p.size;
    if (size !== 1 && p.count < 2) continue;
    let sum = 0;
    for (let k = p.surfaceAt; k < p.surfaceAt + size; k += 1) sum += stemFrequency[p.runIds[k]!]!;
    const wordWeight = sum / size;
    const recurrence = size === 1 ? 1 : p.count;
    const earliness = 1 + 1 / (1 + p.firstSentence / 5);
    candidates.push(p);
    scores.push(wordWeight * Math.sqrt(recurrence * size) * earliness);
  }
  const best = new BestFirst(candidates, scores);

  const chosen: PhraseStats[] = [];
  const coveredStems = new Set<string>();
  const chosenStems: (readonly string[])[] = [];
  // ` ${stems.join(' ')} ` of each chosen phrase.
  const chosenKeys: string[] = [];
  for (let phrase = best.next(); phrase !== undefined; phrase = best.next()) {
    if (chosen.length >= n) break;
    const stems = stemsOf(phrase);
    if (stems.length === 1 ? !standsAlone(phrase) : !isNounPhrase(phrase)) continue;
    const key = ` ${stems.join(' ')} `;
    // Skip variants of what is already there: "kite flying festival" after "kite flying".
    if (chosenStems.some((c, i) => c.length > 1 && key.includes(chosenKeys[i]!))) continue;
    // Half-covered phrases add little ("kite flyers" after "kite flying"), unless they are another name
    // ("North Korea" beside "South Korea").
    const covered = stems.filter((s) => coveredStems.has(s)).length;
    if (covered === stems.length || (covered * 2 >= stems.length && covered > 0 && !isName(phrase))) continue;
    // A phrase that swallows chosen single words replaces them.
    for (let i = chosen.length - 1; i >= 0; i -= 1) {
      const c = chosenStems[i]!;
      if (c.length === 1 && stems.includes(c[0]!)) {
        chosen.splice(i, 1);
        chosenStems.splice(i, 1);
        chosenKeys.splice(i, 1);
      }
    }
    chosen.push(phrase);
    chosenStems.push(stems);
    chosenKeys.push(key);
    for (const s of stems) coveredStems.add(s);
  }
  return chosen.map(bestSurface);
}

/**
 * Words that say when or how much, never what a story is about: "Friday", "year", "dollars", "million". Alone they are no
 * keyword; in a phrase ("fourth quarter profits", "pounds 50m deal") they stay.
 */
const NO_KEYWORD_ALONE = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october
november december today yesterday tomorrow week weeks month months year years day days time times percent cent dollars dollar pounds
pound euros euro million millions billion billions trillion`.split(/\s+/),
);

/** Pronouns the lexicon tags as nouns ("nothing is ruled out"). */
const INDEFINITE_PRONOUNS = new Set('nothing something anything everything nobody somebody anybody everybody someone anyone everyone none'.split(' '));

/**
 * A single word that can be a keyword: a noun or a name, not a verb, adjective or adverb ("remain", "recent"), nor a date or
 * amount ("0.2"). A word usually something else ("hit", "former", "raising") is a noun only where the story uses it as one
 * ("the launch", "a boost"); a usual noun that is also a verb ("use", "say") is none where the story uses it only as a verb.
 */
function standsAlone(phrase: PhraseStats): boolean {
  // The form written most (a form seen only opening a sentence weighs half): "Bush" stays a name, "Recent" is "recent".
  const word = bestSurface(phrase);
  const lower = word.toLowerCase();
  if (NO_KEYWORD_ALONE.has(lower) || INDEFINITE_PRONOUNS.has(lower) || /\d/.test(word)) return false;
  // A capitalised word inside a sentence is a name, whatever the lexicon says of its lower-case form ("Bush", "Will"); one
  // only ever opening a sentence may be any word ("Excluding").
  if (word !== lower && phrase.seenInside) return true;
  if (nonNounClass(lower) !== undefined) return false;
  if (phrase.nounContext) return true;
  // A usual noun that is also a verb ("use", "work", "say") stands unless the story only ever uses it as a verb ("to use").
  if (isNounAlsoVerb(lower)) return !phrase.verbContext;
  return usualNonNounClass(lower) === undefined;
}

/**
 * A phrase of several words that can be a keyword: a noun phrase, not a clause or a verb's phrase. Its last word is a noun
 * or a name ("customers trying", "survey found", "world biggest", "sources close" are not), and a first word that is
 * usually a verb starts it only where the story uses the phrase as a noun ("its operating costs", not "by cutting
 * subsidies", "regain momentum"). Names ("Sir Cameron Mackintosh") pass; amounts and dates ("per cent") do not.
 */
function isNounPhrase(phrase: PhraseStats): boolean {
  // Read from the words first seen (the surface most written differs at most in a sentence's opening capital).
  const last = phrase.surfaceTokens[phrase.surfaceAt + phrase.size - 1]!;
  if (!last.capitalised && (last.classBits & (OTHER_WORD | VERB_WORD | ADJECTIVE_WORD | USUALLY_OTHER_WORD)) !== 0) return false;
  if (onlyWhenOrHowMuch(phrase)) return false;
  const first = phrase.surfaceTokens[phrase.surfaceAt]!;
  if (phrase.nounContext || (first.classBits & VERB_WORD) === 0) return true;
  // A verb's form opens a name only where it is capitalised inside a sentence too ("Finding Neverland", not "Using ...").
  return first.capitalised && phrase.seenInside && CAPITALISED.test(bestSurface(phrase));
}

/** A phrase of words that only say when or how much ("per cent", "million dollars", "Friday week"). */
function onlyWhenOrHowMuch(phrase: PhraseStats): boolean {
  for (let k = phrase.surfaceAt; k < phrase.surfaceAt + phrase.size; k += 1) {
    const lower = phrase.surfaceTokens[k]!.lower;
    if (lower !== 'per' && !NO_KEYWORD_ALONE.has(lower)) return false;
  }
  return true;
}

/** Punctuation after which a word is capitalised by grammar: quotation marks and a colon. */
const OPENS_QUOTED_SENTENCE = new Set(['"', '“', "'", '‘', ':']);


/**
 * Map keys for phrases of up to MAX_PHRASE_WORDS stems, from their numbers: one number per phrase
 * (no string to build and hash) while every key fits a double exactly, the joined stems otherwise.
 */
export class PhraseKeys {
  private readonly base: number;
  private readonly numeric: boolean;

  constructor(stemCount: number) {
    this.base = Math.max(1, stemCount);
    let top = 0;
    for (let size = 1, power = 1; size <= MAX_PHRASE_WORDS; size += 1) {
      power *= this.base;
      top += power;
    }
    this.numeric = top <= Number.MAX_SAFE_INTEGER;
  }

  /** Distinct phrases get distinct keys: sizes occupy disjoint ranges [offset, offset + base^size). */
  of(ids: readonly number[], tokens: readonly { readonly stem: string | null }[], at: number, size: number): number | string {
    if (size === 1) return ids[at]!;
    if (!this.numeric) return tokens.slice(at, at + size).map((t) => t.stem).join(' ');
    let key = 0;
    let offset = 0;
    for (let k = 0, power = 1; k < size; k += 1) {
      key = key * this.base + ids[at + k]!;
      offset += power;
      power *= this.base;
    }
    return key + offset - 1;
  }
}

/** A binary heap over candidate indices, popping best first: score, then first sentence, then index. */
export class BestFirst<T extends { readonly firstSentence: number }> {
  private readonly heap: number[];

  constructor(
    private readonly items: readonly T[],
    private readonly scores: readonly number[],
  ) {
    this.heap = [];
    for (let i = 0; i < items.length; i += 1) this.heap.push(i);
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i -= 1) this.down(i);
  }

  next(): T | undefined {
    const heap = this.heap;
    if (heap.length === 0) return undefined;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      this.down(0);
    }
    return this.items[top];
  }

  /** Whether candidate `a` comes before `b`, as `(b.score - a.score) || (a.first - b.first)` sorts them, stably. */
  private before(a: number, b: number): boolean {
    const byScore = this.scores[b]! - this.scores[a]!;
    if (byScore !== 0 && !Number.isNaN(byScore)) return byScore < 0;
    const byFirst = this.items[a]!.firstSentence - this.items[b]!.firstSentence;
    if (byFirst !== 0 && !Number.isNaN(byFirst)) return byFirst < 0;
    return a < b;
  }

  private down(i: number): void {
    const heap = this.heap;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= heap.length) return;
      const right = left + 1;
      const child = right < heap.length && this.before(heap[right]!, heap[left]!) ? right : left;
      if (!this.before(heap[child]!, heap[i]!)) return;
      const t = heap[i]!;
      heap[i] = heap[child]!;
      heap[child] = t;
      i = child;
    }
  }
}

const CAPITALISED = /^\p{Lu}/u;

function isName(phrase: PhraseStats): boolean {
  return phrase.size > 1 && [...surfacesOf(phrase).keys()].some((s) => s.split(' ').every((w) => CAPITALISED.test(w)));
}

/** Every phrase of up to MAX_PHRASE_WORDS words in the run tokens[start, end), shortest first, left to right. */
function addRunPhrases(
  phrases: Map<number | string, PhraseStats>,
  found: PhraseStats[],
  keys: PhraseKeys,
  tokens: readonly TextToken[],
  ids: readonly number[],
  start: number,
  end: number,
  sentence: number,
  startsSentence: boolean,
): void {
  // What the word before the run says of the phrases that open it: a noun phrase follows "the" or "its", a verb "to" or "will".
  const opener = start > 0 ? tokens[start - 1]! : undefined;
  const opensNoun = opener !== undefined && opener.word && (opener.possessive || (opener.classBits & DETERMINER_WORD) !== 0);
  const opensVerb = opener !== undefined && (opener.classBits & VERB_OPENER_WORD) !== 0;
  for (let size = 1; size <= Math.min(MAX_PHRASE_WORDS, end - start); size += 1) {
    for (let at = start; at + size <= end; at += 1) {
      // Never cut a name in two: "SNP leader Nicola" out of "SNP leader Nicola Sturgeon".
      const cutsStart = at > start && tokens[at - 1]!.capitalised && tokens[at]!.capitalised;
      const cutsEnd = at + size < end && tokens[at + size]!.capitalised && tokens[at + size - 1]!.capitalised;
      if (cutsStart || cutsEnd) continue;
      if (size > MAX_COMMON_PHRASE_WORDS && !allCapitalised(tokens, at, size)) continue;
      if (size > 1 && !isWellFormed(tokens, at, size)) continue;
      // Where a noun phrase stands: after a determiner or a possessive ("the launch", "its operating costs", "Japan's
      // growth") or after an adjective in the run ("higher operating costs"), and up to the run's end or a verb ("costs
      // fell"); not after a verb, a noun or a preposition ("began cutting subsidies", "the film won", "by cutting subsidies").
      const nounContext =
        (at === start ? opensNoun : (tokens[at - 1]!.classBits & ADJECTIVE_WORD) !== 0) &&
        (at + size === end || (tokens[at + size]!.classBits & VERB_WORD) !== 0);
      const verbContext = at === start && opensVerb;
      addPhrase(phrases, found, keys.of(ids, tokens, at, size), tokens, ids, at, size, sentence, startsSentence && at === start, nounContext, verbContext);
    }
  }
}

function stemsOf(phrase: PhraseStats): readonly string[] {
  if (phrase.stems === null) {
    phrase.stems = [];
    for (let k = phrase.surfaceAt; k < phrase.surfaceAt + phrase.size; k += 1) phrase.stems.push(phrase.surfaceTokens[k]!.stem!);
  }
  return phrase.stems;
}

/** tokens[at .. at + size) are all capitalised. */
function allCapitalised(tokens: readonly TextToken[], at: number, size: number): boolean {
  for (let k = at; k < at + size; k += 1) if (!tokens[k]!.capitalised) return false;
  return true;
}

/**
 * A name may be followed by the common noun it qualifies ("Swansea City striker") but not preceded by
 * a common word ("guard Simon Scott", "against Everton"), nor followed by a past-tense verb ("Ian Guffick asked").
 */
function isWellFormed(tokens: readonly TextToken[], at: number, size: number): boolean {
  for (let k = at + 1; k < at + size; k += 1) {
    const before = tokens[k - 1]!.capitalised;
    const here = tokens[k]!.capitalised;
    if (!before && here) return false;
    if (before && !here && tokens[k]!.text.endsWith('ed')) return false;
  }
  return true;
}

function addPhrase(
  phrases: Map<number | string, PhraseStats>,
  found: PhraseStats[],
  key: number | string,
  tokens: readonly TextToken[],
  ids: readonly number[],
  at: number,
  size: number,
  sentence: number,
  sentenceInitial: boolean,
  nounContext: boolean,
  verbContext: boolean,
): void {
  let stats = phrases.get(key);
  if (stats === undefined) {
    stats = { size, runIds: ids, stems: null, count: 0, firstSentence: sentence, surfaceTokens: tokens, surfaceAt: at, weight: 0, surfaces: null, nounContext, seenInside: !sentenceInitial, verbContext };
    phrases.set(key, stats);
    found.push(stats);
  } else {
    if (nounContext) stats.nounContext = true;
    if (!sentenceInitial) stats.seenInside = true;
    if (verbContext) stats.verbContext = true;
  }
  stats.count += 1;
  const weight = sentenceInitial ? 0.5 : 1;
  if (stats.count === 1) {
    stats.weight = weight;
  } else if (stats.surfaces === null && sameWords(tokens, at, stats.surfaceTokens, stats.surfaceAt, size)) {
    stats.weight += weight;
  } else {
    stats.surfaces ??= new Map([[firstSurface(stats), stats.weight]]);
    const surface = surfaceOf(tokens, at, size);
    stats.surfaces.set(surface, (stats.surfaces.get(surface) ?? 0) + weight);
  }
}

/** The same `size` words from `a` in `aTokens` and from `b` in `bTokens` (words hold no spaces: as joined strings, equal). */
function sameWords(aTokens: readonly TextToken[], a: number, bTokens: readonly TextToken[], b: number, size: number): boolean {
  for (let k = 0; k < size; k += 1) if (aTokens[a + k]!.text !== bTokens[b + k]!.text) return false;
  return true;
}

/** The words tokens[at, at + size) as written, joined by spaces. */
function surfaceOf(tokens: readonly TextToken[], at: number, size: number): string {
  let surface = tokens[at]!.text;
  for (let k = at + 1; k < at + size; k += 1) surface += ` ${tokens[k]!.text}`;
  return surface;
}

/** The form a phrase was first seen in. */
function firstSurface(phrase: PhraseStats): string {
  return surfaceOf(phrase.surfaceTokens, phrase.surfaceAt, phrase.size);
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
