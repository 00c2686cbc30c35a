/**
 * What indexing Chinese and Japanese text by character pairs costs search: index build and one
 * query's time, and the index's size (terms, postings), for briefings in Japanese and Chinese beside
 * as many English briefings of the same length in characters (the eval set's articles), in the same
 * run. The CJK texts are sentences of news copy written for this bench, shuffled into articles of
 * the English ones' lengths (so their vocabulary is smaller than real news; postings are what count).
 *
 *   npx tsx bench/search-cjk.ts [--eval PATH] [--docs 10000] [--rounds 3]
 */
import { performance } from 'node:perf_hooks';
import { Bm25Builder, type Bm25Index, type SearchDocument } from '../src/core/search/bm25.js';
import { evalPathFromArgs, loadEvalSet } from './quality.js';

const argv = process.argv.slice(2);
const numberArg = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  return at >= 0 ? Number(argv[at + 1]) : fallback;
};
const DOCS = numberArg('--docs', 10_000);
const ROUNDS = numberArg('--rounds', 3);
const QUERIES = 500;

const SENTENCES = [
  '河野太郎外務大臣は、ソウルで康京和外交部長官と会談し、北朝鮮の核問題について話し合った。',
  '両外相は、南北首脳会談を前に緊密に連携していくことで一致した。',
  '日本銀行は金融政策決定会合で、短期金利をマイナス０．１％に据え置くことを決めた。',
  '政府は来年度予算案で防衛費を過去最大の規模に増額する方針を固めた。',
  '気象庁によると、台風１５号は今夜にも関東地方に上陸する見通しだ。',
  '東京証券取引所では、半導体関連株を中心に買い注文が広がった。',
  '韩国外交部长官康京和与日本外务大臣河野太郎在首尔举行会谈，双方讨论了朝鲜核问题。',
  '中国国家统计局公布的数据显示，第三季度国内生产总值同比增长百分之六。',
  '世界卫生组织表示，新型疫苗的临床试验取得了积极进展。',
  '联合国安理会就叙利亚局势召开紧急会议，各方呼吁立即停火。',
  '央行宣布下调存款准备金率零点五个百分点，以支持实体经济发展。',
  '暴雨导致长江中下游多地发生洪涝灾害，数万人被紧急转移。',
];

const articles = loadEvalSet(evalPathFromArgs(argv)).map((a) => a.article);
let seed = 1;
const next = () => (seed = (seed * 48_271) % 2_147_483_647);
function cjkArticle(length: number): string {
  let text = '';
  while (text.length < length) text += SENTENCES[next() % SENTENCES.length];
  return text;
}
const english: SearchDocument[] = Array.from({ length: DOCS }, (_, i) => ({ id: `b${i}`, title: `Briefing ${i}`, tags: [], text: `${articles[i % articles.length]} ${i}` }));
const cjk: SearchDocument[] = english.map((d, i) => ({ ...d, text: `${cjkArticle(d.text.length)} ${i}` }));
const words = english.slice(0, 200).flatMap((d) => d.text.split(/\s+/).filter((w) => /^[a-z]{5,}$/.test(w)));
const englishQueries = Array.from({ length: QUERIES }, (_, q) => `${words[(q * 7919) % words.length]} ${words[(q * 104_729) % words.length]}`);
const CJK_WORDS = ['外務大臣', '核問題', '防衛費', '半導体', '国内生产总值', '安理会', '存款准备金率', '洪涝灾害', '台風', '疫苗'];
const cjkQueries = Array.from({ length: QUERIES }, (_, q) => `${CJK_WORDS[q % CJK_WORDS.length]} ${CJK_WORDS[(q * 7) % CJK_WORDS.length]}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function build(docs: SearchDocument[]): { index: Bm25Index; ms: number } {
  const start = performance.now();
  const index = new Bm25Builder(docs).build();
  return { index, ms: performance.now() - start };
}

function queryMs(index: Bm25Index, queries: string[]): number {
  const start = performance.now();
  for (const q of queries) index.search(q, 10);
  return (performance.now() - start) / QUERIES;
}

/** Terms and postings of an index, read through its parts. */
function sizeOf(index: Bm25Index): { terms: number; postings: number } {
  const parts = (index as unknown as { parts: { termIds: Map<string, number>; postedDocs: Int32Array } }).parts;
  return { terms: parts.termIds.size, postings: parts.postedDocs.length };
}

const variants: [string, SearchDocument[], string[]][] = [
  ['English', english, englishQueries],
  ['Japanese and Chinese (character pairs)', cjk, cjkQueries],
];
const results = new Map(variants.map(([name]) => [name, { build: [] as number[], query: [] as number[], size: { terms: 0, postings: 0 } }]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, docs, queries] of round % 2 ? [...variants].reverse() : variants) {
    const { index, ms } = build(docs);
    queryMs(index, queries); // warm-up
    const r = results.get(name)!;
    r.build.push(ms);
    r.query.push(queryMs(index, queries));
    r.size = sizeOf(index);
  }
}
const chars = english.reduce((n, d) => n + d.text.length, 0);
console.log(`${DOCS} briefings of ${(chars / DOCS).toFixed(0)} characters on average each way, ${ROUNDS} interleaved rounds, medians; a query asks for 10 hits with snippets`);
console.log('| briefings in | build | one query | terms | postings |');
console.log('| --- | --- | --- | --- | --- |');
for (const [name, r] of results) console.log(`| ${name} | ${(median(r.build) / 1000).toFixed(2)} s | ${median(r.query).toFixed(2)} ms | ${r.size.terms} | ${r.size.postings} |`);
