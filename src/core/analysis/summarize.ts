import { pointsAtPhoto } from './clean-text.js';
import { isLetterOrNumber, isWhitespace } from './char-class.js';
import { contentStems, sentenceStems, type SentenceStems } from './tokenize.js';
import type { Sentence } from './types.js';

export interface SummaryOptions {
  /** Number of summary sentences (default 3). */
  count?: number;
  /** The story's headline, when the editor gave one; its words raise the sentences that repeat them. */
  title?: string;
  /** Scoring parameters; benches override them, the product uses the defaults. */
  params?: Partial<SummaryParams>;
}

export interface Summary {
  /** Indices into the input sentences, in document order. */
  indices: number[];
  /** One line (at most `TLDR_MAX_CHARS` characters) for digests and lists. */
  tldr: string;
}

/**
 * The few knobs of the scorer; defaults were tuned on the even-numbered half of the CNN/DM dev set
 * and checked on the odd half, then (session 5) on lines 1-500 of 1,000 unseen CNN validation
 * articles and checked on lines 501-1000 (bench/RESULTS.md).
 */
export interface SummaryParams {
  /** Choose `count` sentences among the first `count + leadSlack` of the story (news is front-loaded). */
  leadSlack: number;
  /** A sentence's worth is its weighted new stems divided by (words)^lengthExponent: dense beats long. */
  lengthExponent: number;
  /** A stem weighs (number of sentences using it)^stemWeightExponent: recurring words are the story. */
  stemWeightExponent: number;
  /** Extra weight of stems from the title (1 = a title word counts double). */
  titleBoost: number;
  /**
   * A stem already in the summary counts (1 - redundancy) of its weight again (1: nothing, pure coverage).
   * Below 1, a second sentence that develops the lede's subject is not judged as if it repeated it.
   */
  redundancy: number;
  /** Sentences shorter than this many words are poor summary material. */
  minWords: number;
  /** Sentences longer than this many words are progressively demoted (run-on captions, lists). */
  maxWords: number;
  /** Sentences less usable than this do not count towards the lead window. */
  leadUsability: number;
  /** Factor for sentences that point at a photo ("(left)", "pictured"): captions, not story. */
  photoFactor: number;
  /** Factor for a sentence that is only quoted speech, with no speaker or context outside the quote. */
  bareQuoteFactor: number;
  /** 1: a bare quotation uses up a place in the lead window like any sentence; 0: it does not. */
  bareQuoteInWindow: number;
  /** A sentence with at least this share of its words inside quotation marks is mostly speech... */
  quoteHeavyShare: number;
  /** ...and is scaled by this factor: a summary reports what was said, it rarely quotes it at length. */
  quoteHeavyFactor: number;
  /**
   * Within the lead window the k-th usable story sentence (k = 0 for the lede) weighs
   * 1 / (1 + k)^positionDecay: in the inverted pyramid each sentence matters less than the one before.
   */
  positionDecay: number;
}

export const DEFAULT_SUMMARY_PARAMS: Readonly<SummaryParams> = {
  leadSlack: 1,
  lengthExponent: 0.75,
  stemWeightExponent: 0.5,
  titleBoost: 0.5,
  redundancy: 0.7,
  minWords: 8,
  maxWords: 30,
  photoFactor: 0.5,
  leadUsability: 0.3,
  bareQuoteFactor: 0.6,
  bareQuoteInWindow: 0,
  quoteHeavyShare: 0.6,
  quoteHeavyFactor: 0.5,
  positionDecay: 0.3,
};

export const TLDR_MAX_CHARS = 200;

// Outside the lead window a sentence keeps a token weight, falling with position, so that a text whose
// lead holds too few usable sentences still gets `count` of them.
const OUTSIDE_LEAD_WEIGHT = 0.01;

/**
 * Extractive summary of news-like text. The lead of a news story carries most of what a reader's
 * summary says, so the summary takes `count` of the first `count + leadSlack` story sentences
 * (greetings, captions, fragments too poor to use and bare quotations, speech with no speaker or
 * context, do not count towards that window):
 * it drops the one that adds least, judged by how many of the story's recurring stems a sentence
 * brings per word, scaled by how usable it is on its own (fragments, captions, questions, bare
 * quotations, sentences that are mostly quoted speech and very short or long sentences are poor
 * material) and by its place in the lead (each sentence a little less than the one before), with
 * already covered stems discounted (redundancy). A headline is used as the title and never as a
 * summary sentence.
 * Returns indices in document order and a one-line TL;DR. O(n · count) after O(words) counting.
 */
export function summarize(sentences: readonly Sentence[], opts: SummaryOptions = {}): Summary {
  const count = Math.max(0, Math.floor(opts.count ?? 3));
  const params = { ...DEFAULT_SUMMARY_PARAMS, ...opts.params };
  if (sentences.length === 0 || count === 0) return { indices: [], tldr: '' };

  const headline = detectHeadline(sentences);
  const title = opts.title ?? (headline === null ? undefined : sentences[headline]!.text);
  const table = sentenceStems(sentences);
  const candidates = describeSentences(sentences, params, headline, table);
  const stems = weighStems(table, title, params);
  const bodyStart = headline === null ? 0 : headline + 1;
  const prior = leadPriors(candidates, bodyStart, count + params.leadSlack, params);
  const available = candidates.filter((c) => c.index !== headline);
  const scale = available.map((c) => (prior[c.index]! * c.usability) / Math.pow(Math.max(1, c.words), params.lengthExponent));
  const chosen = chooseByCoverage(available, scale, count, params.redundancy, stems);
  const indices = chosen.map((c) => c.index).sort((a, b) => a - b);
  return { indices, tldr: tldrOf(chosen, sentences) };
}

/**
 * For the first `window` story sentences, 1 / (1 + rank)^positionDecay, where rank counts only the
 * sentences before it that are at least `leadUsability` usable (greetings, captions and fragments at
 * the top of a transcript do not use the window up, nor push the lede down); a small weight falling
 * with position after that.
 */
function leadPriors(candidates: readonly Candidate[], bodyStart: number, window: number, params: SummaryParams): number[] {
  const bareQuotesCount = params.bareQuoteInWindow === 1;
  const priors: number[] = [];
  let rank = 0;
  for (const c of candidates) {
    const inWindow = c.index >= bodyStart && rank < window;
    priors.push(inWindow ? Math.pow(1 + rank, -params.positionDecay) : OUTSIDE_LEAD_WEIGHT / (1 + c.index));
    if (c.index >= bodyStart && c.usability >= params.leadUsability && (bareQuotesCount || !c.bareQuote)) rank += 1;
  }
  return priors;
}

/** Greedy weighted coverage: each step takes the sentence whose not-yet-covered stems are worth most. */
function chooseByCoverage(available: readonly Candidate[], scale: readonly number[], count: number, redundancy: number, stems: StemStats): Candidate[] {
  const { weight, covered } = stems;
  const taken = new Uint8Array(available.length);
  const chosen: Candidate[] = [];
  while (chosen.length < Math.min(count, available.length)) {
    let best = -1;
    let bestValue = -Infinity;
    for (let k = 0; k < available.length; k += 1) {
      if (taken[k] === 1) continue;
      let gain = 0;
      for (const id of available[k]!.stems) gain += weight[id]! * (covered[id] === 1 ? 1 - redundancy : 1);
      const value = gain * scale[k]!;
      if (value > bestValue) {
        bestValue = value;
        best = k;
      }
    }
    taken[best] = 1;
    chosen.push(available[best]!);
    for (const id of available[best]!.stems) covered[id] = 1;
  }
  return chosen;
}

interface Candidate {
  index: number;
  /** Its content stems' numbers (in the text's SentenceStems), each once, in order of first use. */
  stems: readonly number[];
  words: number;
  usability: number;
  /** Only quoted speech: no speaker, no context outside the quotation marks. */
  bareQuote: boolean;
  /** It opens with a quotation of several words: the speaker's words come first, not the story's. */
  speechFirst: boolean;
}

/** A first sentence alone in the first paragraph, without closing punctuation, is the headline. */
function detectHeadline(sentences: readonly Sentence[]): number | null {
  const first = sentences[0];
  const second = sentences[1];
  if (first === undefined || second === undefined) return null;
  if (first.paragraph !== 0 || second.paragraph === 0) return null;
  return isClosed(first.text) ? null : 0;
}

/** What the summary knows of the content stems of the text, by stem number. */
interface StemStats {
  weight: Float64Array;
  /** 1: already in the summary being chosen. */
  covered: Uint8Array;
}

function describeSentences(sentences: readonly Sentence[], params: SummaryParams, headline: number | null, table: SentenceStems): Candidate[] {
  const speeches = sentenceSpeech(sentences);
  return sentences.map((s, index) => {
    const words = countWords(s.text);
    const share = speeches[index]!.share;
    const bareQuote = share === 1;
    const speech = bareQuote ? params.bareQuoteFactor : share >= params.quoteHeavyShare ? params.quoteHeavyFactor : 1;
    return {
      index,
      stems: table.distinct[index]!,
      words,
      usability: index === headline ? 0 : usability(s.text, words, params) * speech,
      bareQuote,
      speechFirst: speeches[index]!.openingWords >= OPENING_SPEECH_WORDS,
    };
  });
}

/**
 * For each sentence, whether it is only quoted speech: no speaker and no words of the story's own
 * outside the quotation marks (a quotation may open in one sentence and close in the next).
 */
export function bareQuotations(sentences: readonly Sentence[]): boolean[] {
  return quotedShares(sentences).map((share) => share === 1);
}

/**
 * For each sentence, the share of its words that stand inside quotation marks: 0 for none,
 * 1 for a bare quotation (no speaker, nothing of the story's own outside the marks), in between for
 * speech with its attribution ('"We will rebuild," the mayor said' is mostly speech).
 */
export function quotedShares(sentences: readonly Sentence[]): number[] {
  return sentenceSpeech(sentences).map((s) => s.share);
}

/** Each sentence's quoted share (`quotedShares`) and how many words the quotation it opens with has. */
function sentenceSpeech(sentences: readonly Sentence[]): { share: number; openingWords: number }[] {
  let open = false;
  let paragraph = -1;
  return sentences.map((s) => {
    // A quotation left open at the end of a sentence goes on in the next one of the same paragraph.
    if (s.paragraph !== paragraph) open = false;
    paragraph = s.paragraph;
    const speech = quotedSpeech(s.text, open);
    open = speech.openAtEnd;
    const share = speech.outsideWords === 0 ? 1 : speech.insideWords / (speech.insideWords + speech.outsideWords);
    return { share, openingWords: speech.openingWords };
  });
}

const OPENING_MARKS = new Set(['"', '“', '‘', "'"]);
const CLOSING_QUOTE = /[\p{L}\p{N}.,!?…;:-]["”’'](?![\p{L}\p{N}])/u;
const CLOSING_MARKS = new Set(['"', '”', '’', "'"]);

/**
 * Scans a sentence's quotation marks: how many words stand outside quoted speech ("said Kang", the
 * story's own words) and inside it, and whether a quotation is still open at its end. `open` says whether the
 * sentence starts inside a quotation left open by the one before. Straight single marks count only
 * at word edges, so apostrophes ("don't", "Koreans'") are not quotes.
 */
function quotedSpeech(text: string, open: boolean): { outsideWords: number; insideWords: number; openAtEnd: boolean; openingWords: number } {
  // A quotation goes on into this sentence only if the sentence closes it: a mark that is never closed
  // ("A historic opportunity. That's how ...") must not turn the rest of the story into speech.
  let inside = open && CLOSING_QUOTE.test(text);
  if (!inside && !ANY_QUOTE_MARK.test(text)) return { outsideWords: 1, insideWords: 0, openAtEnd: false, openingWords: 0 };
  let outsideWords = 0;
  let insideWords = 0;
  // The words of the quotation the sentence opens with (0 when its first word is the story's).
  let openingWords = 0;
  let inWord = false;
  let wordBefore = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    // " ' “ ” ‘ ’
    if (c === 34 || c === 39 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019) {
      const wordAfter = i + 1 < text.length && isWordChar(text.charCodeAt(i + 1));
      const apostrophe = c === 39 && wordBefore && (wordAfter || !inside); // "don't", "the Koreans' deal"
      if (!apostrophe) {
        if (!inside && c !== 0x201d && c !== 0x2019 && !wordBefore) {
          inside = true;
          inWord = false;
          wordBefore = false;
          continue;
        }
        if (inside && c !== 0x201c && c !== 0x2018 && !wordAfter) {
          inside = false;
          wordBefore = false;
          continue;
        }
      }
    }
    const word = isWordChar(c);
    if (word && !inWord) {
      if (inside && outsideWords === 0) openingWords += 1;
      if (inside) insideWords += 1;
      else outsideWords += 1;
    }
    inWord = word;
    wordBefore = word;
  }
  return { outsideWords, insideWords, openAtEnd: inside, openingWords };
}

const ANY_QUOTE_MARK = /["'“”‘’]/;

/** The UTF-16 unit `code` alone is a letter or digit, as `/[\p{L}\p{N}]/u` tests it (a surrogate half is neither). */
export function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return isLetterOrNumber(code);
}

/** A stem weighs (sentences using it)^stemWeightExponent, more when the title uses it too. */
function weighStems(table: SentenceStems, title: string | undefined, params: SummaryParams): StemStats {
  const titleStems = new Set(title === undefined ? [] : contentStems(title));
  const weight = new Float64Array(table.stems.length);
  // Counts are small whole numbers shared by many stems: each power is computed once.
  const powerOf: number[] = [];
  for (let id = 0; id < weight.length; id += 1) {
    const count = table.sentenceCounts[id]!;
    const power = (powerOf[count] ??= Math.pow(count, params.stemWeightExponent));
    weight[id] = power * (titleStems.size > 0 && titleStems.has(table.stems[id]!) ? 1 + params.titleBoost : 1);
  }
  return { weight, covered: new Uint8Array(weight.length) };
}

/** Runs of non-space characters. */
function countWords(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    const space = c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && isWhitespace(c);
    if (!space && !inWord) n += 1;
    inWord = !space;
  }
  return n;
}

const CAPTION_LABEL = /^(?:\p{Lu}[\p{Ll}'’-]+(?: [\p{Ll}][\p{Ll}'’-]*){0,4}|\p{Lu}{3,}(?: \p{Lu}{2,}){0,2}): \p{Lu}/u;

/** `/[.!?…]["'”’)]*$/`: ends with closing punctuation, perhaps followed by closing quotes or brackets. */
export function isClosed(text: string): boolean {
  const c = beforeClosingTail(text);
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}

/** `/\?["'”’)]*$/`: a question, perhaps followed by closing quotes or brackets. */
export function isQuestion(text: string): boolean {
  return beforeClosingTail(text) === 63;
}

/** The unit before the run of " ' ” ’ ) that ends `text` (-1 if there is none). */
function beforeClosingTail(text: string): number {
  let i = text.length - 1;
  for (;;) {
    if (i < 0) return -1;
    const c = text.charCodeAt(i);
    if (c !== 34 && c !== 39 && c !== 0x201d && c !== 0x2019 && c !== 41) return c;
    i -= 1;
  }
}
const POINTS_BACK = /^(?:That|This|These|Those)(?:['’]s|\s+(?:is|was|are|were)\b)/;

/** 0..1: how fit a sentence is to stand in a summary on its own. */
function usability(text: string, words: number, params: SummaryParams): number {
  let factor = 1;
  if (words < params.minWords) factor *= words / params.minWords;
  if (words > params.maxWords) factor *= params.maxWords / words;
  // No closing punctuation: a headline, a caption or a fragment.
  if (!isClosed(text)) factor *= 0.3;
  if (CAPTION_LABEL.test(text)) factor *= 0.3;
  if (isQuestion(text)) factor *= 0.5;
  // Text that points at a photo ("Grant Allen (left) ...", "..., pictured here in court") is a caption.
  if (pointsAtPhoto(text)) factor *= params.photoFactor;
  // "That's how ..." / "This is ..." explains something said before it: meaningless on its own.
  if (POINTS_BACK.test(text)) factor *= 0.25;
  return factor;
}

// A sentence that opens by pointing back ("That's how ...", "He added ...") makes a poor one-liner.
const DANGLING_START = /^["'“‘]?(?:He|She|It|They|This|That|These|Those|His|Her|Its|Their|But|And|So|Also|However)\b/;

// A connective that ties a sentence to the one before; without it the sentence stands on its own
// ("But now, Bassem Youssef ..." -> "Now, Bassem Youssef ..."). Pronouns are not stripped: they need their antecedent.
const LEADING_CONNECTIVE = /^(?:But|And|So|Also|However|Yet|Still|Meanwhile)\b,?\s+(?=\p{L})/u;

/**
 * The most valuable summary sentence that stands on its own, in the story's own voice, shortened to one
 * line. In order of preference: a closed statement (not a question) that neither points back nor is mostly quoted speech
 * (a quotation's words belong to its speaker, and a digest line reads as the story's; '"Cinderella," the
 * latest ...' and 'X described it as "..."' are the story's own); one that only
 * opens with a connective, which is dropped; a standalone quotation; the first chosen.
 */
function tldrOf(chosen: readonly Candidate[], sentences: readonly Sentence[]): string {
  const standalone = (text: string): boolean => !DANGLING_START.test(text) && isClosed(text);
  const ownVoice = chosen.filter((c) => !c.speechFirst).map((c) => sentences[c.index]!.text).filter((t) => !isQuestion(t));
  let line = ownVoice.find(standalone);
  if (line === undefined) {
    for (const t of ownVoice) {
      const rest = withoutConnective(t);
      if (rest !== t && standalone(rest)) {
        line = rest;
        break;
      }
    }
  }
  const texts = chosen.map((c) => sentences[c.index]!.text);
  line ??= texts.find(standalone) ?? texts[0];
  return line === undefined ? '' : shortenForTldr(line);
}

// A sentence that opens with a quotation of this many words or more opens with speech; a shorter one is
// mostly a title ('"Cinderella," the latest ...', '"The Daily Show" is getting a new host').
const OPENING_SPEECH_WORDS = 5;

/** The sentence without a leading connective, its next letter capitalised; the sentence itself when it has none. */
export function withoutConnective(text: string): string {
  const m = LEADING_CONNECTIVE.exec(text);
  if (m === null) return text;
  const rest = text.slice(m[0].length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

// Cut points that usually leave a complete clause before them.
const CLAUSE_CUT = /(?:,|;| -| —| –) (?=(?:which|who|whose|where|while|after|before|as|with|according|amid|despite|but|and|saying|adding|\p{Ll}+ing)\b)/gu;

/**
 * The sentence itself when short enough; else its longest prefix that ends before a clause
 * ("..., which ...", "..., according to ..."), closed with a full stop; else its longest prefix
 * ending at a comma, or failing that at a word, closed with an ellipsis.
 */
export function shortenForTldr(text: string, maxChars = TLDR_MAX_CHARS): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= maxChars) return line;
  let clauseCut = -1;
  for (const m of line.matchAll(CLAUSE_CUT)) {
    if (m.index! + 1 > maxChars) break;
    if (m.index! >= maxChars / 3) clauseCut = m.index!;
  }
  if (clauseCut > 0) return `${line.slice(0, clauseCut).replace(/[,;:\s-]+$/, '')}.`;
  const comma = line.lastIndexOf(', ', maxChars - 2);
  const space = line.lastIndexOf(' ', maxChars - 1);
  const end = comma > maxChars / 2 ? comma : space > maxChars / 2 ? space : maxChars - 1;
  return `${line.slice(0, end).replace(/[,;:\s-]+$/, '')}…`;
}
