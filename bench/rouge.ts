/**
 * ROUGE-1, ROUGE-2 and ROUGE-Lsum F1, reimplemented after Google's `rouge-score` package
 * (rouge_scorer.py / tokenize.py) so that our figures are comparable with published ones:
 * - tokens: lowercase, every run of characters outside [a-z0-9] becomes a space, split on spaces,
 *   tokens longer than three characters are Porter-stemmed (natural's stemmer stands in for NLTK's);
 * - ROUGE-N: clipped n-gram overlap, F1 of precision and recall;
 * - ROUGE-Lsum: summary-level LCS, one sentence a line: for every reference sentence the union of its
 *   LCS with each candidate sentence, each token counted at most as often as it occurs on both sides.
 */
import porterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

export interface RougeScores {
  rouge1: number;
  rouge2: number;
  rougeLsum: number;
}

const stemCache = new Map<string, string>();

function stemToken(token: string): string {
  if (token.length <= 3) return token;
  let stemmed = stemCache.get(token);
  if (stemmed === undefined) {
    stemmed = porterStemmer.stem(token);
    stemCache.set(token, stemmed);
  }
  return stemmed;
}

export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((token) => token !== '')
    .map(stemToken);
}

function fMeasure(hits: number, candidateTotal: number, referenceTotal: number): number {
  if (hits === 0 || candidateTotal === 0 || referenceTotal === 0) return 0;
  const precision = hits / candidateTotal;
  const recall = hits / referenceTotal;
  return (2 * precision * recall) / (precision + recall);
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i += 1) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): number {
  const cand = ngramCounts(candidate, n);
  const ref = ngramCounts(reference, n);
  let hits = 0;
  for (const [gram, count] of cand) hits += Math.min(count, ref.get(gram) ?? 0);
  return fMeasure(hits, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Indices into `ref` of one LCS of `ref` and `can`, backtracked as rouge-score does. */
function lcsIndices(ref: readonly string[], can: readonly string[]): number[] {
  const rows = ref.length + 1;
  const cols = can.length + 1;
  const table = new Uint16Array(rows * cols);
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < cols; j += 1) {
      table[i * cols + j] =
        ref[i - 1] === can[j - 1]
          ? table[(i - 1) * cols + j - 1]! + 1
          : Math.max(table[(i - 1) * cols + j]!, table[i * cols + j - 1]!);
    }
  }
  const indices: number[] = [];
  let i = ref.length;
  let j = can.length;
  while (i > 0 && j > 0) {
    if (ref[i - 1] === can[j - 1]) {
      indices.push(i - 1);
      i -= 1;
      j -= 1;
    } else if (table[i * cols + j - 1]! > table[(i - 1) * cols + j]!) {
      j -= 1;
    } else {
      i -= 1;
    }
  }
  return indices.reverse();
}

export function rougeLsum(candidateSentences: readonly string[][], referenceSentences: readonly string[][]): number {
  const m = referenceSentences.reduce((sum, s) => sum + s.length, 0);
  const n = candidateSentences.reduce((sum, s) => sum + s.length, 0);
  if (m === 0 || n === 0) return 0;
  const refCounts = new Map<string, number>();
  const canCounts = new Map<string, number>();
  for (const s of referenceSentences) for (const t of s) refCounts.set(t, (refCounts.get(t) ?? 0) + 1);
  for (const s of candidateSentences) for (const t of s) canCounts.set(t, (canCounts.get(t) ?? 0) + 1);
  let hits = 0;
  for (const ref of referenceSentences) {
    const union = new Set<number>();
    for (const can of candidateSentences) for (const index of lcsIndices(ref, can)) union.add(index);
    for (const index of [...union].sort((a, b) => a - b)) {
      const token = ref[index]!;
      const c = canCounts.get(token) ?? 0;
      const r = refCounts.get(token) ?? 0;
      if (c > 0 && r > 0) {
        hits += 1;
        canCounts.set(token, c - 1);
        refCounts.set(token, r - 1);
      }
    }
  }
  return fMeasure(hits, n, m);
}

/** Scores one candidate summary against one reference, both given as lists of sentences. */
export function scoreSummary(candidate: readonly string[], reference: readonly string[]): RougeScores {
  const candSentences = candidate.map(rougeTokens).filter((s) => s.length > 0);
  const refSentences = reference.map(rougeTokens).filter((s) => s.length > 0);
  const candTokens = candSentences.flat();
  const refTokens = refSentences.flat();
  return {
    rouge1: rougeN(candTokens, refTokens, 1),
    rouge2: rougeN(candTokens, refTokens, 2),
    rougeLsum: rougeLsum(candSentences, refSentences),
  };
}

/** Mean of per-document F1 scores, in percent, as rouge-score's aggregate reports them. */
export function meanScores(scores: readonly RougeScores[]): RougeScores {
  const total = scores.length || 1;
  const sum = (key: keyof RougeScores): number => (100 * scores.reduce((acc, s) => acc + s[key], 0)) / total;
  return { rouge1: sum('rouge1'), rouge2: sum('rouge2'), rougeLsum: sum('rougeLsum') };
}
