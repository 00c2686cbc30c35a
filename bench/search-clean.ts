/**
 * What indexing and quoting the cleaned text (`cleanText`, as the card shows it) costs search:
 * index build of 10,000 briefings and one query's time, with cleaning beside without it, measured
 * in the same run, interleaved. The briefings are the eval set's articles repeated (each with a
 * number appended, so no two are the same text).
 *
 *   npx tsx bench/search-clean.ts [--eval PATH] [--docs 10000] [--rounds 4]
 */
import { performance } from 'node:perf_hooks';
import { cleanText } from '../src/core/analysis/clean-text.js';
import { Bm25Builder, type Bm25Index, type IndexOptions } from '../src/core/search/bm25.js';
import { evalPathFromArgs, loadEvalSet } from './quality.js';

const argv = process.argv.slice(2);
const numberArg = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const DOCS = numberArg('--docs', 10_000);
const ROUNDS = numberArg('--rounds', 4);
const QUERIES = 500;

const articles = loadEvalSet(evalPathFromArgs(argv)).map((a) => a.article);
const docs = Array.from({ length: DOCS }, (_, i) => ({ id: `b${i}`, title: `Briefing ${i}`, tags: [], text: `${articles[i % articles.length]} ${i}` }));
// Two words of the texts themselves, so that most queries hit.
const words = docs.slice(0, 200).flatMap((d) => d.text.split(/\s+/).filter((w) => /^[a-z]{5,}$/.test(w)));
const queries = Array.from({ length: QUERIES }, (_, q) => `${words[(q * 7919) % words.length]} ${words[(q * 104_729) % words.length]}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function build(options: IndexOptions): { index: Bm25Index; ms: number } {
  const start = performance.now();
  const index = new Bm25Builder(docs, undefined, options).build();
  return { index, ms: performance.now() - start };
}

function queryMs(index: Bm25Index): number {
  const start = performance.now();
  for (const q of queries) index.search(q, 10);
  return (performance.now() - start) / QUERIES;
}

const variants: [string, IndexOptions][] = [
  ['text as stored (before)', {}],
  ['cleaned text (now)', { clean: cleanText }],
];
const results = new Map<string, { build: number[]; query: number[] }>(variants.map(([name]) => [name, { build: [], query: [] }]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, options] of round % 2 ? [...variants].reverse() : variants) {
    const { index, ms } = build(options);
    queryMs(index); // warm-up
    const r = results.get(name) as { build: number[]; query: number[] };
    r.build.push(ms);
    r.query.push(queryMs(index));
  }
}
console.log(`${DOCS} briefings, ${ROUNDS} interleaved rounds, medians; a query asks for 10 hits with snippets`);
console.log('| index of | build | one query |');
console.log('| --- | --- | --- |');
for (const [name, r] of results) console.log(`| ${name} | ${(median(r.build) / 1000).toFixed(2)} s | ${median(r.query).toFixed(2)} ms |`);
