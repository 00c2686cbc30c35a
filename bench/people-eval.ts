/**
 * The people list of the analysis (`analyze(...).entities.people`, shown on every briefing card) against
 * hand labels: bench/entities/people.jsonl (25 CNN/DM dev articles, every 4th line of the eval file) and,
 * with --cnn-val, bench/entities/people-cnnval.jsonl (15 unseen CNN validation articles, held out: totals
 * only). Both were labelled by reading the articles before the engine ran on them; see bench/entities/README.md.
 *
 *   npm run bench:people [-- --eval ../shared/eval/cnndm-dev.jsonl] [-- --labels PATH] [-- --cnn-val PATH] [-- --bbc-git GITDIR] [-- --verbose]
 *
 * --bbc-git names a clone (bare or not) of DokahlSoZoor/DieNeueKrone, whose BBC News texts the second held-out
 * set (bench/entities/people-bbc.jsonl) is read from; the texts are not in this repository.
 *
 * --verbose lists each dev article's missed and wrong names (never the held-out set's).
 *
 * Matching. Names are normalised: lower case, titles and honorifics dropped ("Mr", "Sister", "Gov"),
 * every character but letters and digits a space (so "L.L. Doungal" is "l l doungal", "Zi'an" is "zi an").
 * A predicted name matches a gold name (or one of its listed other spellings) when
 *   (a) the two are equal after normalising, or
 *   (b) one is a single word that is the other's last word ("Barrientos" ~ "Lianna Barrientos",
 *       "Cameron" ~ "David Cameron"), and no other gold name of the article ends on that word.
 * Pairs are one-to-one, exact matches first, then surname matches, in order. Precision = matched predicted
 * names / predicted names (a second name for a person already matched counts as wrong), recall = matched
 * gold names / gold names, F1 of the two (micro-averaged over all articles).
 *
 * Baseline, same run: every run of 2+ capitalised words that does not open a sentence (a run that does
 * loses its first word), each distinct run once: the obvious capitalisation NER.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/core/analysis/analyze.js';
import { argValue, pathArg } from './args.js';
import { hasCommit, parseSourceRef, readSourceArticle, type SourceArticle } from './git-texts.js';
import { articleTextsById, readJsonLines } from './jsonl.js';

export interface LabelledPeople {
  id: string;
  people: string[];
  /** Other spellings the article uses for one person ("Liana Barrientos" for "Lianna Barrientos"). */
  also?: Record<string, string[]>;
  /** Where the text is, for sets whose texts are read from a clone (`owner/name@commit:path`). */
  source?: string;
}

/** An article as the engine is given it: the body, and the headline when the source has one. */
type Article = SourceArticle;

const HERE = dirname(fileURLToPath(import.meta.url));
const DEFAULT_EVAL = resolve(HERE, '../../shared/eval/cnndm-dev.jsonl');
const DEFAULT_LABELS = resolve(HERE, 'entities/people.jsonl');
const HELDOUT_LABELS = resolve(HERE, 'entities/people-cnnval.jsonl');
const BBC_LABELS = resolve(HERE, 'entities/people-bbc.jsonl');

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'prof', 'professor', 'sister', 'father', 'rev', 'gov', 'sen', 'rep', 'sgt', 'det', 'lt']);

/** Lower case, letters and digits only, titles dropped, as a list of words. */
export function nameWords(name: string): string[] {
  const words = name
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '');
  let k = 0;
  while (k < words.length - 1 && TITLES.has(words[k]!)) k++;
  return words.slice(k);
}

/** How `predicted` matches the gold person whose spellings are `gold`: 'exact', 'surname' or null. */
function matchKind(gold: readonly string[][], predicted: readonly string[], lastWordCount: ReadonlyMap<string, number>): 'exact' | 'surname' | null {
  const p = predicted.join(' ');
  for (const g of gold) if (g.join(' ') === p) return 'exact';
  for (const g of gold) {
    const gl = g[g.length - 1]!;
    const pl = predicted[predicted.length - 1]!;
    if (gl !== pl || (g.length > 1 && predicted.length > 1)) continue;
    if ((lastWordCount.get(gl) ?? 0) === 1) return 'surname';
  }
  return null;
}

export interface PeopleScore {
  gold: number;
  predicted: number;
  matched: number;
  missed: string[];
  wrong: string[];
}

/** One article's gold people against a predicted list (see the header for the rule). */
export function scorePeople(label: Pick<LabelledPeople, 'people' | 'also'>, predicted: readonly string[]): PeopleScore {
  const gold = label.people.map((n) => [n, ...(label.also?.[n] ?? [])].map(nameWords));
  const lastWordCount = new Map<string, number>();
  for (const spellings of gold) {
    for (const last of new Set(spellings.map((w) => w[w.length - 1]!))) lastWordCount.set(last, (lastWordCount.get(last) ?? 0) + 1);
  }
  const pred = predicted.map(nameWords);
  const goldTaken = new Array<boolean>(gold.length).fill(false);
  const predTaken = new Array<boolean>(pred.length).fill(false);
  for (const pass of ['exact', 'surname'] as const) {
    for (let i = 0; i < pred.length; i++) {
      if (predTaken[i] || pred[i]!.length === 0) continue;
      for (let j = 0; j < gold.length; j++) {
        if (goldTaken[j]) continue;
        const kind = matchKind(gold[j]!, pred[i]!, lastWordCount);
        if (kind === null || (pass === 'exact' && kind !== 'exact')) continue;
        goldTaken[j] = predTaken[i] = true;
        break;
      }
    }
  }
  return {
    gold: gold.length,
    predicted: pred.length,
    matched: goldTaken.filter(Boolean).length,
    missed: label.people.filter((_, j) => !goldTaken[j]),
    wrong: predicted.filter((_, i) => !predTaken[i]),
  };
}

const SENTENCE_END_RE = /[.!?]["'’”)]*\s+|\n+/g;
const CAPITALISED_RUN_RE = /\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)+/gu;

/** The baseline: distinct runs of 2+ capitalised words, less a sentence's opening word. */
export function capitalisedRuns(text: string): string[] {
  const out = new Set<string>();
  let from = 0;
  const ends = [...text.matchAll(SENTENCE_END_RE)].map((m) => m.index! + m[0].length);
  ends.push(text.length);
  for (const end of ends) {
    const sentence = text.slice(from, end);
    const lead = sentence.length - sentence.trimStart().length;
    for (const m of sentence.matchAll(CAPITALISED_RUN_RE)) {
      let run = m[0].replace(/['’]s$/u, '');
      if (m.index === lead) run = run.replace(/^\S+\s+/u, '');
      if (/\s/.test(run)) out.add(run.replace(/\s+/g, ' '));
    }
    from = end;
  }
  return [...out];
}

interface Tally {
  gold: number;
  predicted: number;
  matched: number;
}

function add(t: Tally, s: PeopleScore): void {
  t.gold += s.gold;
  t.predicted += s.predicted;
  t.matched += s.matched;
}

function row(name: string, t: Tally): string {
  const p = t.predicted === 0 ? 0 : t.matched / t.predicted;
  const r = t.gold === 0 ? 0 : t.matched / t.gold;
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  const pct = (x: number): string => (100 * x).toFixed(1).padStart(6);
  return `| ${name.padEnd(36)} | ${pct(p)} | ${pct(r)} | ${pct(f)} | ${String(t.predicted).padStart(5)} | ${String(t.matched).padStart(5)} |`;
}

function loadLabels(path: string): LabelledPeople[] {
  return readJsonLines<LabelledPeople>(path);
}

/** The articles of an eval file (`{id, article}` lines) by id. */
function evalArticles(evalPath: string): Map<string, Article> {
  return new Map([...articleTextsById(evalPath)].map(([id, text]) => [id, { text }]));
}

/** The articles the labels' `source` fields name, read from the clone at `gitDir`. */
function gitArticles(labels: readonly LabelledPeople[], gitDir: string): Map<string, Article> {
  const out = new Map<string, Article>();
  for (const l of labels) {
    const article = l.source === undefined ? undefined : readSourceArticle(gitDir, l.source);
    if (article !== undefined) out.set(l.id, article);
  }
  return out;
}

/**
 * Ours beside the baseline on the labelled articles of `labelsPath` found in `articles`, as a printable table.
 * `verbose` adds each article's missed and wrong names (never for a held-out set).
 */
function scoreSet(articles: ReadonlyMap<string, Article>, labelsPath: string, from: string, verbose: boolean): string {
  const labels = loadLabels(labelsPath);
  const ours: Tally = { gold: 0, predicted: 0, matched: 0 };
  const base: Tally = { gold: 0, predicted: 0, matched: 0 };
  const details: string[] = [];
  let missing = 0;
  for (const label of labels) {
    const article = articles.get(label.id);
    if (article === undefined) {
      missing++;
      continue;
    }
    const people = analyze(article).entities.people.map((p) => p.name);
    const s = scorePeople(label, people);
    add(ours, s);
    add(base, scorePeople(label, capitalisedRuns(article.text)));
    if (verbose && (s.missed.length > 0 || s.wrong.length > 0)) {
      details.push(`${label.id.slice(0, 8)}  missed: ${s.missed.join('; ') || '-'}\n          wrong:  ${s.wrong.join('; ') || '-'}`);
    }
  }
  return [
    `People list: ${labels.length - missing} labelled articles, ${ours.gold} gold people (${labelsPath.split('/').slice(-2).join('/')})${missing ? `, ${missing} labelled ids not in ${from}` : ''}`,
    '| system                               | precis | recall |     F1 | named | right |',
    '| ------------------------------------ | -----: | -----: | -----: | ----: | ----: |',
    row('briefbot (entities.people)', ours),
    row('baseline (2+ capitalised words)', base),
    ...(details.length > 0 ? ['', ...details] : []),
  ].join('\n');
}

/** Ours beside the baseline on the labelled articles of `labelsPath` whose texts `evalPath` holds. */
export function evaluatePeople(evalPath: string, labelsPath: string, verbose = false): string {
  return scoreSet(evalArticles(evalPath), labelsPath, evalPath, verbose);
}

const BBC_HOW = 'pass --bbc-git <git dir of a clone of DokahlSoZoor/DieNeueKrone> (it needs the commit the labels name)';

/** The BBC held-out table (texts read from a clone), or a note saying why it was skipped. Totals only. */
export function bbcSection(gitDir: string | undefined, labelsPath = BBC_LABELS): string {
  const title = 'People list, held out (15 BBC politics stories, labelled before the engine ran on them; totals only):';
  const labels = loadLabels(labelsPath);
  const ref = labels[0]?.source === undefined ? undefined : parseSourceRef(labels[0].source);
  if (gitDir === undefined || ref === undefined) return `${title}\nskipped: the texts are not in this repository; ${BBC_HOW}`;
  const dir = resolve(process.cwd(), gitDir);
  if (!hasCommit(dir, ref.commit)) return `${title}\nskipped: ${dir} has no commit ${ref.commit}; ${BBC_HOW}`;
  return `${title}\n${scoreSet(gitArticles(labels, dir), labelsPath, dir, false)}`;
}

const CNN_VAL_HOW = 'build it with bench/cnn-val-to-jsonl.ts (see its header) and pass --cnn-val <path>';

/** The held-out table, or a note saying why it was skipped. Totals only. */
export function heldOutSection(given: string | undefined, labelsPath = HELDOUT_LABELS): string {
  const title = 'People list, held out (15 CNN validation articles, labelled before the engine ran on them; totals only):';
  if (given === undefined) return `${title}\nskipped: the texts are not in this repository; ${CNN_VAL_HOW}`;
  const path = resolve(process.cwd(), given);
  if (!existsSync(path)) return `${title}\nskipped: ${path} does not exist; ${CNN_VAL_HOW}`;
  const first = loadLabels(labelsPath)[0];
  if (first !== undefined && !articleTextsById(path).has(first.id)) return `${title}\nskipped: ${path} does not hold the labelled articles (no ${first.id}); ${CNN_VAL_HOW}`;
  return `${title}\n${evaluatePeople(path, labelsPath, false)}`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  console.log(evaluatePeople(pathArg(argv, '--eval', DEFAULT_EVAL), pathArg(argv, '--labels', DEFAULT_LABELS), argv.includes('--verbose')));
  console.log(`\n${heldOutSection(argValue(argv, '--cnn-val'))}`);
  console.log(`\n${bbcSection(argValue(argv, '--bbc-git'))}`);
}
