/**
 * Summary quality on the CNN/DM dev set: ours beside Lead-3, the npm extractive summarizers and the
 * published neural systems, all scored in this run with bench/rouge.ts.
 *
 *   npm run bench:quality [-- --eval PATH] [-- --newspaper-git PATH] [-- --cnn-val PATH] [-- --dm-train PATH] [-- --bbc-git PATH]
 *
 * --eval defaults to ../shared/eval/cnndm-dev.jsonl from the repo root. --newspaper-git names a clone of
 * codelucas/newspaper, whose article texts the outside-CNN/DM quote set (bench/quotes/outside.jsonl) is
 * scored on; without one that set is skipped, with a note saying how to get it. --cnn-val names the
 * 1,000 unseen CNN validation articles built by bench/cnn-val-to-jsonl.ts (its header says how): the
 * summary is scored beside Lead-3 on lines 1-500 (tuned on in session 5) and 501-1000 (held out), and
 * the same file holds the texts of the fresh quote set bench/quotes/cnnval.jsonl and the issue set
 * bench/issues/heldout3.jsonl (also accepted alone as --cnnval-eval and --heldout3-eval).
 * --dm-train names the 100 CNN/DM training-split articles built the same way from EileenFeng/Text-Summarization-NLP's
 * data/train_sample.zip (bench/quotes/README.md says how), the texts of the fresh Daily Mail quote set
 * bench/quotes/dmtrain.jsonl: its odd lines and even lines (both read to tune rules in session 6: development data).
 * --bbc-git names a clone of DokahlSoZoor/DieNeueKrone, whose BBC News stories the session-8 held-out sets read
 * (bench/quotes/bbc.jsonl, bbc2.jsonl, bbc3.jsonl, bench/issues/heldout6.jsonl, session 9's heldout7.jsonl and session 10's heldout8.jsonl; the
 * people set has `npm run bench:people -- --bbc-git`).
 * Without the file those sections are skipped with a note; nothing fails.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { cleanText } from '../src/core/analysis/clean-text.js';
import { splitSentences } from '../src/core/analysis/split-sentences.js';
import { shortenForTldr, summarize } from '../src/core/analysis/summarize.js';
import { argValue } from './args.js';
import { hasCommit, parseSourceRef } from './git-texts.js';
import { meanScores, type RougeScores, scoreSummary } from './rouge.js';
import { readJsonLines } from './jsonl.js';

export interface EvalArticle {
  id: string;
  url: string;
  article: string;
  reference: string;
  systems: Record<string, string>;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const NEURAL_SYSTEMS = ['bart', 'bert_sum', 'bus', 'pgn', 's2s'] as const;
const SUMMARY_SENTENCES = 3;
const QUOTE_LABEL_SETS: ReadonlyArray<readonly [string, string, ('odd' | 'even')?]> = [
  ['Quote attribution, dev labels (the rules were debugged on these articles):', 'quotes/labels.jsonl'],
  ['Quote attribution, held-out 1 (its errors were read in session 3 and rules fixed from them: development data now):', 'quotes/heldout.jsonl'],
  ['Quote attribution, held-out 2, odd lines (read to tune rules in session 3):', 'quotes/heldout2.jsonl', 'odd'],
  ['Quote attribution, held-out 2, even lines (never read: the held-out figure; totals only):', 'quotes/heldout2.jsonl', 'even'],
];

const OUTSIDE_TITLE = 'Quote attribution, outside CNN/DM (25 other outlets, labelled before the engine ran on them; never read: totals only):';
const OUTSIDE_LABELS = 'quotes/outside.jsonl';
const BBC_QUOTE_LABELS = 'quotes/bbc.jsonl';
const BBC_QUOTES_TITLE = 'Quote attribution, BBC News (20 politics stories, labelled before the engine ran on them; totals only):';
const BBC_ISSUE_SETS: ReadonlyArray<readonly [string, string]> = [
  ['issues/heldout6.jsonl', 'Issue breakdown, held-out set 6 (12 BBC News politics stories, labelled before the engine ran on them; totals only):'],
  ['issues/heldout7.jsonl', 'Issue breakdown, held-out set 7 (12 more BBC News politics stories, session 9, labelled before the engine ran on them; totals only):'],
  ['issues/heldout8.jsonl', 'Issue breakdown, held-out set 8 (12 more BBC News politics stories, session 10, labelled before the engine ran on them; totals only):'],
];

/**
 * Why a set whose texts live in a public repository (the outside set, the BBC sets) cannot be scored with the clone
 * at `gitDir` (none given, or without the labels' commit), or undefined when it can; `option` is the flag that names it.
 */
export function outsideSetMissing(labelsPath: string, gitDir: string | undefined, option = '--newspaper-git'): string | undefined {
  const first = readFileSync(labelsPath, 'utf8').split('\n').find((l) => l.trim() !== '');
  const ref = first === undefined ? undefined : parseSourceRef((JSON.parse(first) as { source?: string }).source ?? '');
  if (ref === undefined) return `skipped: ${labelsPath} names no source`;
  const how = `git clone https://github.com/${ref.repo} and pass ${option} <its path> (it needs commit ${ref.commit})`;
  if (gitDir === undefined) return `skipped: its article texts are not in this repository; to score it, ${how}`;
  if (!hasCommit(gitDir, ref.commit)) return `skipped: ${gitDir} is not a clone holding commit ${ref.commit}; ${how}`;
  return undefined;
}

const HELDOUT3_LABELS = 'issues/heldout3.jsonl';
const HELDOUT3_TITLE = 'Issue breakdown, held-out set 3 (CNN validation articles, never tuned on; totals only):';
const HELDOUT4_LABELS = 'issues/heldout4.jsonl';
const HELDOUT4_TITLE = 'Issue breakdown, held-out set 4 (CNN/DM training-split articles, never tuned on; totals only):';
const CNNVAL_TITLE = 'Quote attribution, fresh CNN validation set (20 articles, labelled before the engine ran on them; never read: totals only):';
const CNNVAL_LABELS = 'quotes/cnnval.jsonl';
const DMTRAIN_LABELS = 'quotes/dmtrain.jsonl';
const DMTRAIN_HALVES: ReadonlyArray<readonly [string, 'odd' | 'even']> = [
  ['Quote attribution, fresh Daily Mail set, odd lines (half A: read to tune rules in session 6):', 'odd'],
  ['Quote attribution, fresh Daily Mail set, even lines (half B: totals only until read to tune rules in session 6, branch dmread):', 'even'],
];

/**
 * Why a labelled set of CNN validation articles (the fresh quote set, issue held-out 3) cannot be scored
 * from the eval-format file at `evalPath` (none given, no such file, or none of the labelled ids in it),
 * or undefined when it can. `option` is the flag the note tells the reader to pass.
 */
export function cnnTextsMissing(labelsPath: string, evalPath: string | undefined, option = '--cnnval-eval'): string | undefined {
  const first = readFileSync(labelsPath, 'utf8').split('\n').find((l) => l.trim() !== '');
  const label = first === undefined ? undefined : (JSON.parse(first) as { id: string; source?: string | { repo: string; commit: string; file: string } });
  if (label === undefined) return `skipped: ${labelsPath} is empty`;
  const source = typeof label.source === 'object' ? `${label.source.file} of ${label.source.repo} at ${label.source.commit}` : (label.source ?? 'its source');
  const how = `convert the rows of ${source} to the eval format ({id, article} a line) and pass ${option} <that file>`;
  if (evalPath === undefined) return `skipped: its article texts are not in this repository; to score it, ${how}`;
  if (!existsSync(evalPath)) return `skipped: ${evalPath} does not exist; ${how}`;
  const ids = new Set(loadEvalSet(evalPath).map((a) => a.id));
  if (!ids.has(label.id)) return `skipped: ${evalPath} does not hold the labelled articles (no ${label.id}); ${how}`;
  return undefined;
}

/** The CNN validation file for a set: its own flag, else the shared --cnn-val, resolved against the working directory. */
function cnnTextsPath(option: string): string | undefined {
  const given = argValue(process.argv.slice(2), option) ?? argValue(process.argv.slice(2), '--cnn-val');
  return given === undefined ? undefined : resolve(process.cwd(), given);
}

type IssueScorer = (evalPath: string, labelsPath: string, options: { totalsOnly: boolean }) => string;

/**
 * --dm-train names the 100 CNN/DM training-split articles of EileenFeng/Text-Summarization-NLP's
 * data/train_sample.zip in the eval format (bench/quotes/README.md, `dmtrain.jsonl`, says how); they hold the
 * texts of the issue set bench/issues/heldout4.jsonl.
 *
 * Issue held-out set 4 scored (totals only) on the eval-format file `given` (relative to the working
 * directory), or a note saying why it was skipped and how to get the texts.
 */
export function heldout4Section(labelsPath: string, given: string | undefined, evaluate: IssueScorer): string {
  const path = given === undefined ? undefined : resolve(process.cwd(), given);
  const missing = cnnTextsMissing(labelsPath, path, '--dm-train');
  if (missing !== undefined || path === undefined) return missing ?? 'skipped';
  return evaluate(path, labelsPath, { totalsOnly: true });
}

export function evalPathFromArgs(argv: readonly string[]): string {
  const at = argv.indexOf('--eval');
  const given = at >= 0 ? argv[at + 1] : undefined;
  return given === undefined ? resolve(REPO_ROOT, '../shared/eval/cnndm-dev.jsonl') : resolve(process.cwd(), given);
}

export function loadEvalSet(path: string): EvalArticle[] {
  return readJsonLines<EvalArticle>(path);
}

/**
 * A plain punctuation splitter for references and for the lower-cased, pre-tokenised neural outputs
 * (our splitter rightly refuses to split before a lower-case word). With it, Lead-3 of the raw
 * article reproduces the README's figures exactly.
 */
export function splitOnPunctuation(text: string): string[] {
  return text.split(/(?<=[.!?]['"`’”]?)\s+/).filter((s) => s.trim() !== '');
}

/** The title a CMS gives a story, recovered from its URL slug ("Let-s-not-fly-world-s-longest-kite" ...). */
function titleFromUrl(url: string): string | undefined {
  const slug = url.split('/').pop()?.replace(/\.html?$/, '') ?? '';
  return /-/.test(slug) ? slug.replace(/-/g, ' ') : undefined;
}

interface Row {
  name: string;
  scores: RougeScores | null;
  note: string;
}

type Summarizer = (article: EvalArticle) => Promise<string[]> | string[];

async function scoreSystem(articles: readonly EvalArticle[], run: Summarizer): Promise<RougeScores> {
  const scores: RougeScores[] = [];
  for (const a of articles) scores.push(scoreSummary(await run(a), splitOnPunctuation(a.reference)));
  return meanScores(scores);
}

function ours(article: EvalArticle, title?: string): string[] {
  const sentences = splitSentences(cleanText(article.article));
  return summarize(sentences, { count: SUMMARY_SENTENCES, title }).indices.map((i) => sentences[i]!.text);
}

/** Our one-line TL;DR. */
function tldrOurs(article: EvalArticle): string[] {
  return [summarize(splitSentences(cleanText(article.article)), { count: SUMMARY_SENTENCES }).tldr];
}

/** Lead-1: the first sentence, shortened to one line the same way as ours. */
function lead1Ours(article: EvalArticle): string[] {
  const first = splitSentences(cleanText(article.article))[0];
  return first === undefined ? [] : [shortenForTldr(first.text)];
}

/** The one-line TL;DR beside Lead-1, on the given articles. */
export async function tldrRows(articles: readonly EvalArticle[], label: string): Promise<Row[]> {
  return [
    { name: `ours, TL;DR, ${label}`, scores: await scoreSystem(articles, tldrOurs), note: `${articles.length} articles; one line, at most 200 characters` },
    { name: `Lead-1, ${label}`, scores: await scoreSystem(articles, lead1Ours), note: 'first sentence, shortened the same way' },
  ];
}

function lead3Ours(article: EvalArticle): string[] {
  return splitSentences(cleanText(article.article))
    .slice(0, SUMMARY_SENTENCES)
    .map((s) => s.text);
}

const require = createRequire(import.meta.url);

interface LexrankModule {
  summarize(text: string, lines: number, done: (err: unknown, top: { text: string; index: number }[]) => void): void;
}

function lexrankSummarizer(): Summarizer {
  const lexrank = require('lexrank') as LexrankModule;
  return (a) =>
    new Promise((done, fail) => {
      lexrank.summarize(cleanText(a.article), SUMMARY_SENTENCES, (err, top) => {
        if (err) fail(err instanceof Error ? err : new Error(String(err)));
        else done([...top].sort((x, y) => x.index - y.index).map((s) => s.text));
      });
    });
}

function tsTextrankSummarizer(): Summarizer {
  const t = require('ts-textrank') as typeof import('ts-textrank');
  const config = new t.AbsoluteSummarizerConfig(
    SUMMARY_SENTENCES,
    new t.SorensenDiceSimilarity(),
    new t.DefaultTextParser(),
    0.85,
    t.Summarizer.SORT_OCCURENCE,
  );
  const summarizer = new t.Summarizer(config, new t.NullLogger());
  return (a) => summarizer.summarize(cleanText(a.article), 'en');
}

interface NodeSummarizerModule {
  SummarizerManager: new (
    text: string,
    sentences: number,
  ) => { getSummaryByFrequency(): { summary: string }; getSummaryByRank(): Promise<{ summary: string }> };
}

// node-summarizer glues its sentences together without a space ("...Tuesday.The mayor ...").
function splitGlued(summary: string): string[] {
  return summary.split(/(?<=[.!?]["'”’]?)(?=["'“‘]?[A-Z0-9])|(?<=[.!?]["'”’]?)\s+/).filter((s) => s.trim() !== '');
}

function nodeSummarizer(kind: 'frequency' | 'rank'): Summarizer {
  const { SummarizerManager } = require('node-summarizer') as NodeSummarizerModule;
  return async (a) => {
    const manager = new SummarizerManager(cleanText(a.article), SUMMARY_SENTENCES);
    const summary = kind === 'frequency' ? manager.getSummaryByFrequency().summary : (await manager.getSummaryByRank()).summary;
    return splitGlued(summary);
  };
}

async function tryLibrary(name: string, articles: readonly EvalArticle[], make: () => Summarizer | Promise<Summarizer>): Promise<Row> {
  let run: Summarizer;
  try {
    run = await make();
  } catch (error) {
    return { name, scores: null, note: `did not load: ${firstLine(error)}` };
  }
  try {
    return { name, scores: await scoreSystem(articles, run), note: `npm, fed our cleaned text` };
  } catch (error) {
    return { name, scores: null, note: `failed while summarising: ${firstLine(error)}` };
  }
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
}

async function nodeSummaryLoader(): Promise<Summarizer> {
  // Its lib/summary.js mixes untranspiled `import` statements (written for babel-register) with
  // `require`, so Node 20 loads it as an ES module and stops at the first `require`.
  const specifier = 'node-summary'; // untyped package: a computed specifier keeps tsc from resolving it
  const mod = (await import(specifier)) as { summarize?: unknown; default?: { summarize?: unknown } };
  const fn = mod.summarize ?? mod.default?.summarize;
  if (typeof fn !== 'function') throw new Error('no summarize() export');
  const summarizeFn = fn as (title: string, content: string, done: (err: unknown, summary: string) => void) => void;
  return (a) =>
    new Promise((done, fail) =>
      summarizeFn('', cleanText(a.article), (err, summary) => (err ? fail(new Error(String(err))) : done(splitGlued(summary)))),
    );
}

function fmt(x: number): string {
  return x.toFixed(2).padStart(6);
}

export function formatTable(rows: readonly Row[]): string {
  const width = Math.max(...rows.map((r) => r.name.length), 10);
  const lines = [`| ${'system'.padEnd(width)} |     R1 |     R2 |  RLsum | note`, `|${'-'.repeat(width + 2)}|--------|--------|--------|------`];
  for (const r of rows) {
    const cells = r.scores === null ? '      - |      - |      -' : `${fmt(r.scores.rouge1)} | ${fmt(r.scores.rouge2)} | ${fmt(r.scores.rougeLsum)}`;
    lines.push(`| ${r.name.padEnd(width)} | ${cells} | ${r.note}`);
  }
  return lines.join('\n');
}

const CNN_VAL_HOW = 'build it with bench/cnn-val-to-jsonl.ts (see its header) and pass --cnn-val <path>';

/**
 * Ours beside Lead-3 on the unseen CNN validation articles, split into the tuning half (lines 1-500)
 * and the held-out half (lines 501-1000, totals only), or a note saying why it was skipped.
 */
export async function cnnValSection(given: string | undefined): Promise<string> {
  const title = 'Unseen CNN validation articles (session 5: lines 1-500 tuned on, lines 501-1000 held out; totals only):';
  if (given === undefined) return `${title}\nskipped: the texts are not in this repository; ${CNN_VAL_HOW}`;
  const path = resolve(process.cwd(), given);
  if (!existsSync(path)) return `${title}\nskipped: ${path} does not exist; ${CNN_VAL_HOW}`;
  const articles = loadEvalSet(path);
  const rows: Row[] = [];
  for (const [label, set] of [
    ['lines 1-500 (tuning)', articles.slice(0, 500)],
    ['lines 501-1000 (held out)', articles.slice(500, 1000)],
  ] as const) {
    if (set.length === 0) continue;
    rows.push({ name: `ours, ${label}`, scores: await scoreSystem(set, (a) => ours(a)), note: `${set.length} articles` });
    rows.push({ name: `Lead-3, ${label}`, scores: await scoreSystem(set, lead3Ours), note: 'our splitter' });
  }
  rows.push(...(await tldrRows(articles.slice(0, 1000), 'lines 1-1000')));
  return `${title} ${path}\n${formatTable(rows)}`;
}

type QuoteScorer = (evalPath?: string, labelsPath?: string, lines?: 'odd' | 'even') => Promise<string>;

/**
 * Both halves of the fresh Daily Mail quote set, scored on the eval-format file `given` (relative to the
 * working directory), or each with a note saying why it was skipped (no file, or not the labelled articles).
 */
export async function dmTrainSection(labelsPath: string, given: string | undefined, evaluate: QuoteScorer): Promise<string> {
  const path = given === undefined ? undefined : resolve(process.cwd(), given);
  const missing = cnnTextsMissing(labelsPath, path, '--dm-train');
  const parts: string[] = [];
  for (const [title, lines] of DMTRAIN_HALVES) parts.push(`${title}\n${missing ?? (await evaluate(path, labelsPath, lines))}`);
  return parts.join('\n\n');
}

async function main(): Promise<void> {
  const path = evalPathFromArgs(process.argv.slice(2));
  const articles = loadEvalSet(path);
  const even = articles.filter((_, i) => i % 2 === 0);
  const odd = articles.filter((_, i) => i % 2 === 1);
  console.log(`Summary quality, ${SUMMARY_SENTENCES} sentences, ${articles.length} articles from ${path}`);
  console.log('ROUGE F1 x100 (rouge-score style: stemmed, Lsum one sentence a line); references split on . ! ?\n');

  const rows: Row[] = [];
  rows.push({ name: 'ours', scores: await scoreSystem(articles, (a) => ours(a)), note: 'briefbot summarize(), no title' });
  rows.push({ name: 'Lead-3 (our splitter)', scores: await scoreSystem(articles, lead3Ours), note: 'first 3 sentences of cleanText + splitSentences' });
  rows.push({
    name: 'Lead-3 (regex splitter)',
    scores: await scoreSystem(articles, (a) => splitOnPunctuation(a.article).slice(0, SUMMARY_SENTENCES)),
    note: 'raw article split on . ! ? + space (README figure)',
  });
  rows.push(await tryLibrary('lexrank', articles, lexrankSummarizer));
  rows.push(await tryLibrary('ts-textrank', articles, tsTextrankSummarizer));
  rows.push(await tryLibrary('node-summarizer (freq)', articles, () => nodeSummarizer('frequency')));
  rows.push(await tryLibrary('node-summarizer (rank)', articles, () => nodeSummarizer('rank')));
  rows.push(await tryLibrary('node-summary', articles, nodeSummaryLoader));
  for (const system of NEURAL_SYSTEMS) {
    const split = await scoreSystem(articles, (a) => splitOnPunctuation(a.systems[system] ?? ''));
    const oneLine = await scoreSystem(articles, (a) => [a.systems[system] ?? '']);
    rows.push({ name: `${system} (neural)`, scores: split, note: `ceiling; RLsum as one line (README): ${oneLine.rougeLsum.toFixed(2)}` });
  }
  console.log(formatTable(rows));

  console.log('\nTuning check: summary parameters were tuned on even lines (0-based) of the file; odd lines are held out');
  const halves: Row[] = [];
  for (const [label, set] of [['even lines (tuning half)', even], ['odd lines (held out)', odd]] as const) {
    halves.push({ name: `ours, ${label}`, scores: await scoreSystem(set, (a) => ours(a)), note: '' });
    halves.push({ name: `Lead-3, ${label}`, scores: await scoreSystem(set, lead3Ours), note: 'our splitter' });
  }
  halves.push({
    name: 'ours + title from URL slug',
    scores: await scoreSystem(articles, (a) => ours(a, titleFromUrl(a.url))),
    note: 'all lines; the product gets a title from front-matter',
  });
  console.log(formatTable(halves));
  console.log('\nThe one-line TL;DR (digests and lists) beside Lead-1, against the same references');
  console.log(formatTable(await tldrRows(articles, 'dev set')));
  console.log(`\n${await cnnValSection(argValue(process.argv.slice(2), '--cnn-val'))}`);

  // Issue breakdowns against their hand labels (bench/issues/labels.jsonl), on the same eval file.
  const issueEval = await import('./issue-eval.js');
  console.log('\n' + issueEval.evaluateIssues(path));
  // Held-out sets (labelled before the engine ran on them): totals only. The first chose weights in
  // session 4, so it is development data now; the second has never been tuned on.
  const issueSets: readonly (readonly [string, string])[] = [
    ['Issue breakdown, held-out set 1 (used to choose weights in session 4; totals only):', 'issues/heldout.jsonl'],
    ['Issue breakdown, held-out set 2 (never tuned on; totals only):', 'issues/heldout2.jsonl'],
  ];
  for (const [title, file] of issueSets) {
    const labelsPath = resolve(dirname(fileURLToPath(import.meta.url)), file);
    if (existsSync(labelsPath)) console.log(`\n${title}\n${issueEval.evaluateIssues(path, labelsPath, { totalsOnly: true })}`);
  }
  // Held-out set 3: CNN validation articles whose texts are not ours to commit; scored only when an
  // eval JSONL holding them is given (--heldout3-eval), skipped with a note otherwise (as in CI).
  const heldout3Labels = resolve(dirname(fileURLToPath(import.meta.url)), HELDOUT3_LABELS);
  if (existsSync(heldout3Labels)) {
    const evalPath = cnnTextsPath('--heldout3-eval');
    const missing = cnnTextsMissing(heldout3Labels, evalPath, '--heldout3-eval');
    console.log(`\n${HELDOUT3_TITLE}\n${missing ?? issueEval.evaluateIssues(evalPath, heldout3Labels, { totalsOnly: true })}`);
  }
  // Held-out set 4: training-split articles, also not ours to commit; scored from --dm-train when given.
  const heldout4Labels = resolve(dirname(fileURLToPath(import.meta.url)), HELDOUT4_LABELS);
  if (existsSync(heldout4Labels)) console.log(`\n${HELDOUT4_TITLE}\n${heldout4Section(heldout4Labels, argValue(process.argv.slice(2), '--dm-train'), issueEval.evaluateIssues)}`);

  const benchDir = dirname(fileURLToPath(import.meta.url));
  // BBC News held-out sets (session 8): texts read from a clone of the public repository that keeps them.
  const bbcGiven = argValue(process.argv.slice(2), '--bbc-git');
  const bbcGit = bbcGiven === undefined ? undefined : resolve(process.cwd(), bbcGiven);
  for (const [file, title] of BBC_ISSUE_SETS) {
    const labels = resolve(benchDir, file);
    if (!existsSync(labels)) continue;
    const missing = outsideSetMissing(labels, bbcGit, '--bbc-git');
    console.log(`\n${title}\n${missing ?? issueEval.evaluateIssues(path, labels, { totalsOnly: true, textsFromGit: bbcGit })}`);
  }
  const quoteEval = resolve(benchDir, 'quote-eval.ts');
  if (existsSync(quoteEval)) {
    const mod = (await import(pathToFileURL(quoteEval).href)) as {
      evaluateQuotes?: (evalPath?: string, labelsPath?: string, lines?: 'odd' | 'even', textsFromGit?: string) => Promise<string>;
    };
    if (typeof mod.evaluateQuotes === 'function') {
      // The same articles as the table above (`--eval`), so a worktree or CI checkout can point at them.
      // Dev labels (where the attribution rules were debugged) first, then the two held-out sets.
      for (const [title, labels, lines] of QUOTE_LABEL_SETS) {
        const labelsPath = resolve(benchDir, labels);
        if (existsSync(labelsPath)) console.log(`\n${title}\n${await mod.evaluateQuotes(path, labelsPath, lines)}`);
      }
      // Texts from other outlets, read from a clone of their public repository (not ours to copy).
      const outsideLabels = resolve(benchDir, OUTSIDE_LABELS);
      if (existsSync(outsideLabels)) {
        const given = argValue(process.argv.slice(2), '--newspaper-git');
        const gitDir = given === undefined ? undefined : resolve(process.cwd(), given);
        const missing = outsideSetMissing(outsideLabels, gitDir);
        console.log(`\n${OUTSIDE_TITLE}\n${missing ?? (await mod.evaluateQuotes(path, outsideLabels, undefined, gitDir))}`);
      }
      // Unopened CNN validation articles, read from a file outside the repository (not ours to copy).
      const cnnvalLabels = resolve(benchDir, CNNVAL_LABELS);
      if (existsSync(cnnvalLabels)) {
        const cnnvalPath = cnnTextsPath('--cnnval-eval');
        const missing = cnnTextsMissing(cnnvalLabels, cnnvalPath);
        console.log(`\n${CNNVAL_TITLE}\n${missing ?? (await mod.evaluateQuotes(cnnvalPath, cnnvalLabels))}`);
      }
      // Fresh Daily Mail articles of the training split, also read from a file outside the repository.
      const dmLabels = resolve(benchDir, DMTRAIN_LABELS);
      if (existsSync(dmLabels)) console.log(`\n${await dmTrainSection(dmLabels, argValue(process.argv.slice(2), '--dm-train'), mod.evaluateQuotes)}`);
      // BBC News, another outlet (session 8): the quote set, read from a clone like the outside set.
      const bbcQuotes = resolve(benchDir, BBC_QUOTE_LABELS);
      if (existsSync(bbcQuotes)) {
        const missing = outsideSetMissing(bbcQuotes, bbcGit, '--bbc-git');
        console.log(`\n${BBC_QUOTES_TITLE}\n${missing ?? (await mod.evaluateQuotes(path, bbcQuotes, undefined, bbcGit))}`);
      }
      // Its second and third sets (sessions 9 and 10, bench/quotes/bbc2.jsonl and bbc3.jsonl), from files no one had read,
      // with the same rule (bench/quote-select.ts) and the same clone.
      for (const [file, nth] of [['quotes/bbc2.jsonl', '2'], ['quotes/bbc3.jsonl', '3']] as const) {
        const labels = resolve(benchDir, file);
        if (!existsSync(labels)) continue;
        const missing = outsideSetMissing(labels, bbcGit, '--bbc-git');
        const title = `Quote attribution, BBC News set ${nth} (20 more politics stories, labelled before the engine ran on them; totals only):`;
        console.log(`\n${title}\n${missing ?? (await mod.evaluateQuotes(path, labels, undefined, bbcGit))}`);
      }
      return;
    }
  }
  console.log('\nQuote evaluation is not available (bench/quote-eval.ts not found).');
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
