import { describe, expect, it } from 'vitest';
import { Bm25Builder, Bm25Index, type SearchDocument, type SearchHit } from '../../../src/core/search/bm25.js';
import { firstTerm, indexTerms, terms } from '../../../src/core/search/text-terms.js';

/**
 * Okapi BM25 the straightforward way: every document scored for every query, a full sort, and
 * each snippet found by reading the hit's text word by word. The index must answer exactly so.
 */
function referenceSearch(docs: readonly SearchDocument[], query: string, limit: number): SearchHit[] {
  const K1 = 1.2;
  const B = 0.75;
  const counted = docs.map((d) => {
    const tf = new Map<string, number>();
    let length = 0;
    for (const [field, weight] of [[d.title, 3], [d.tags.join(' '), 2], [d.text, 1]] as const) {
      for (const t of indexTerms(field)) {
        tf.set(t, (tf.get(t) ?? 0) + weight);
        length += weight;
      }
    }
    return { tf, length };
  });
  const avgLength = counted.reduce((n, c) => n + c.length, 0) / docs.length;
  const queryTerms = [...new Set(terms(query))];
  const df = new Map(queryTerms.map((t) => [t, counted.filter((c) => c.tf.has(t)).length]));
  const scored = counted.map(({ tf, length }, i) => {
    let score = 0;
    for (const t of queryTerms) {
      const f = tf.get(t);
      if (f === undefined) continue;
      const n = df.get(t) as number;
      const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
      score += (idf * (f * (K1 + 1))) / (f + K1 * (1 - B + (B * length) / avgLength));
    }
    return { i, score };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit)
    .map(({ i, score }) => ({ id: (docs[i] as SearchDocument).id, score, snippet: referenceSnippet((docs[i] as SearchDocument).text, queryTerms) }));
}

function referenceSnippet(text: string, queryTerms: readonly string[]): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 160) return flat;
  const hits: number[] = [];
  for (const m of flat.matchAll(/[\p{L}\p{N}]+/gu)) {
    const t = firstTerm(m[0]);
    if (t !== undefined && queryTerms.includes(t)) hits.push(m.index);
    if (hits.length > 200) break;
  }
  // The start of the stretch of 140 characters with the most hits (the first such).
  let best = 0;
  let bestCount = 0;
  hits.forEach((at, i) => {
    const from = hits.findIndex((h) => h >= at - 140);
    if (i - from + 1 > bestCount) {
      bestCount = i - from + 1;
      best = hits[from] as number;
    }
  });
  // Ends move to a space at most 25 characters away, and never split a surrogate pair.
  const low = (at: number) => /[\udc00-\udfff]/.test(flat[at] ?? '');
  let start = Math.max(0, best - 30);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space !== -1 && space - start <= 25 ? space + 1 : start;
    if (low(start)) start += 1;
  }
  let end = Math.min(flat.length, start + 160);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    end = space > start && end - space <= 25 ? space : end;
    if (low(end)) end -= 1;
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}

const WORDS = 'harbour workers strike talks minister ministers rates bank court ruling climate summit river treaty port union budget vote police report the and of said'.split(' ');
// Words and characters that take the other ways through the index: accents, ligatures, symbols
// that fold to letters, astral letters, and punctuation that leaves the words as ASCII.
const ODD = ['Zürich', 'café', 'ﬁnal', 'Harbour™', '½', '𝐀lpha', 'naïve', 'İstanbul', 'ΣΟΦΟΣ'];
const PUNCTUATION = ['’', '“', '”', '—', '…', '\u00a0', ' ', '  ', '\n\n', ', ', '. '];

function generatedLibrary(count: number, seed: number): SearchDocument[] {
  let state = seed;
  const rnd = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const text = (words: number, odd: number, marks: boolean) =>
    Array.from({ length: words }, () => (rnd() < odd ? pick(ODD) : pick(WORDS)) + (marks ? pick(PUNCTUATION) : ' ')).join('');
  return Array.from({ length: count }, (_, i) => {
    const kind = i % 4;
    return {
      id: `b${i}`,
      title: text(3 + Math.floor(rnd() * 5), kind === 3 ? 0.2 : 0, false),
      tags: [pick(WORDS), pick(WORDS)],
      // Plain ASCII, punctuation that keeps ASCII words, odd words now and then, and short texts.
      text: kind === 2 ? text(8, 0, true) : text(20 + Math.floor(rnd() * 80), kind === 1 ? 0.05 : 0, kind !== 0),
    };
  });
}

const QUERIES = [
  ...WORDS,
  ...ODD,
  'harbour workers',
  'minister ministers talks',
  'zurich cafe',
  'final harbour tm',
  'the and of',
  'volcano',
  'alpha bank',
  'istanbul',
  'σοφος',
  'strike strike union',
];

describe('The index against a straightforward BM25', () => {
  const library = generatedLibrary(600, 11);

  it('GIVEN a generated library of plain, punctuated and accented texts THEN every query ranks, scores and cuts snippets exactly as the reference', () => {
    const index = new Bm25Index(library);
    for (const limit of [1, 10, 25])
      for (const query of QUERIES) expect(index.search(query, limit), `${query} (${limit})`).toEqual(referenceSearch(library, query, limit));
  });

  it('GIVEN an index updated from the previous version of the library THEN it still answers exactly as the reference on the new one', () => {
    const next = [...library];
    next[3] = { ...(next[3] as SearchDocument), text: `${(next[3] as SearchDocument).text} volcano Zürich` };
    next.splice(50, 20);
    next.push(...generatedLibrary(30, 99).map((d) => ({ ...d, id: `new-${d.id}` })));
    next.reverse();
    const updated = new Bm25Builder(next, new Bm25Index(library)).build();
    for (const query of QUERIES) expect(updated.search(query, 10), query).toEqual(referenceSearch(next, query, 10));
  });
});
