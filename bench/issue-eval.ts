/**
 * Issue breakdowns against hand labels (bench/issues/labels.jsonl: the topics a careful reader lists
 * for 17 CNN/Daily Mail dev articles and the Korea-Japan seed, labelled by reading the articles
 * before running the engine on them; see bench/issues/README.md).
 *
 *   npx tsx bench/issue-eval.ts [--eval ../shared/eval/cnndm-dev.jsonl] [--labels bench/issues/labels.jsonl] [--verbose | --totals]
 *
 * `--totals` prints only the totals table: the way to score a held-out set, whose per-article results must
 * not be read. `--verbose` is refused on the sets that stay held out (heldout3.jsonl, heldout4.jsonl, heldout5.jsonl):
 *
 *   npx tsx bench/issue-eval.ts --eval <dm-train.jsonl> --labels bench/issues/heldout4.jsonl --totals
 *
 * `--texts-from-git <gitdir>` reads each label line's text from a clone instead of the eval file, at the
 * `owner/name@commit:path` its `source` names (bench/git-texts.ts), for sets whose texts are not ours to copy
 * (heldout6.jsonl, BBC News). A text whose first line is followed by a blank line (a BBC file: title, blank
 * line, body) is analysed with that line as its title and the rest as its text:
 *
 *   npx tsx bench/issue-eval.ts --labels bench/issues/heldout6.jsonl --texts-from-git <DieNeueKrone clone> --totals
 *
 * Scoring:
 * - Each article goes through analyze() as the product sees it: CNN/DM articles as plain text, the
 *   seed ("korea-japan") from briefings/korea-japan.md with its title and participants as parsed.
 * - Every gold evidence fragment is mapped to the index of the engine's sentence that contains it
 *   (normalised: lower case, every quote mark one straight quote, straight dashes, single spaces;
 *   a fragment that crosses a sentence boundary maps to every sentence it touches). Unmapped
 *   fragments are counted and shown.
 * - A predicted issue MATCHES a gold topic when (a) its sentences include at least one of the gold
 *   topic's evidence sentences AND (b) its label shares at least one Porter-stemmed content word
 *   (tokenize.ts contentStems) with the gold label or keywords. Pairs are made one-to-one, greedily,
 *   best first: most shared evidence sentences, then most shared label stems, then document order.
 * - Topic precision = matched predicted / predicted; recall = matched gold / gold; F1 of the two
 *   (micro-averaged over all articles).
 * - Stance accuracy: share of matched pairs whose stance equals the gold stance. Below the table, the
 *   accuracy answering "statement" for every one of the same pairs would get (the floor a stance
 *   tagger must beat to be worth its cues).
 * - Position recall: gold positions whose party is among the matched predicted issue's parties
 *   (unmatched topics count as misses); "pos|match" only counts gold positions of matched topics.
 *   Parties compare after the gazetteer (partyOf: "Seoul" -> "South Korea"), case-insensitively,
 *   against the gold party and its aliases, or as one person's name inside the other's with the
 *   same last word ("Brown" ~ "Gordon Brown").
 * - Baseline, same run: "top-3 keywords" - one topic per each of the engine's first 3 keywords
 *   (analysis.keywords), labelled with the keyword, supported by every sentence containing all of
 *   its content stems, stance "statement", no positions.
 * - Below the tables, why the rest did not pair: an unmatched issue either splits off a gold topic
 *   another issue matched, or sits on a gold topic's evidence with a label sharing no word, or on no
 *   gold evidence at all; a missed gold topic has an issue with the wrong label on its evidence, was
 *   merged into an issue matched elsewhere, or has nothing on its evidence. Wrong stances are counted
 *   as "gold -> predicted".
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze } from '../src/core/analysis/analyze.js';
import { partyOf } from '../src/core/analysis/gazetteer.js';
import { contentStems } from '../src/core/analysis/tokenize.js';
import type { Analysis, AnalysisInput, Issue, Stance } from '../src/core/analysis/types.js';
import { parseBriefing } from '../src/core/briefing/parse-briefing.js';
import { argValue, pathArg } from './args.js';
import { readSourceText, splitHeadline } from './git-texts.js';
import { articleTextsById, readJsonLines } from './jsonl.js';

export interface GoldPosition {
  party: string;
  position: string;
  /** Other names the story uses for the party ("Brown", "Labour"). */
  aliases?: string[];
}
export interface GoldTopic {
  label: string;
  keywords: string[];
  /** 1-3 verbatim fragments of the article that support the topic. */
  evidence: string[];
  stance: Stance;
  positions: GoldPosition[];
}
export interface LabelledArticle {
  id: string;
  /** Where the text comes from: "owner/name@commit:path" (read with --texts-from-git), or a description. */
  source?: string | Record<string, string>;
  topics: GoldTopic[];
}

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '..');
const DEFAULT_EVAL = resolve(REPO_ROOT, '../shared/eval/cnndm-dev.jsonl');
const DEFAULT_LABELS = resolve(HERE, 'issues/labels.jsonl');
/** Labelled ids that are repository briefings rather than lines of the eval file. */
const BRIEFING_FILES: Readonly<Record<string, string>> = { 'korea-japan': 'briefings/korea-japan.md' };
const BASELINE_KEYWORDS = 3;

export function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’`"“”]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Sentence indices that contain a fragment: the sentence whose normalised text includes it, else
 * every sentence its occurrence in the cleaned text overlaps. Empty when the fragment is not found.
 */
export function evidenceSentences(analysis: Pick<Analysis, 'sentences' | 'cleanedText'>, fragment: string): number[] {
  const f = normalise(fragment);
  if (f === '') return [];
  for (const s of analysis.sentences) if (normalise(s.text).includes(f)) return [s.index];
  // Normalising keeps string length except for whitespace runs, so search the raw text with a regex instead.
  const pattern = fragment
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['‘’`"“”]/g, `['‘’\`"“”]`).replace(/[-–—]/g, '[-–—]'))
    .join('\\s+');
  const m = new RegExp(pattern, 'i').exec(analysis.cleanedText);
  if (m === null) return [];
  const start = m.index;
  const end = m.index + m[0].length;
  return analysis.sentences.filter((s) => s.start < end && s.end > start).map((s) => s.index);
}

/** A predicted topic as the scorer sees it (the engine's Issue, or a baseline's). */
export type PredictedTopic = Pick<Issue, 'topic' | 'stance' | 'positions' | 'sentences'>;

export interface Pair {
  gold: number;
  predicted: number;
}

/** How one gold topic and one predicted issue relate: evidence sentences and label stems they share. */
function overlap(gold: GoldTopic, goldSentences: readonly number[], predicted: PredictedTopic): { sentences: number; stems: number } {
  const evidence = new Set(goldSentences);
  const stems = labelStems(gold);
  return {
    sentences: predicted.sentences.filter((s) => evidence.has(s)).length,
    stems: new Set(contentStems(predicted.topic).filter((s) => stems.has(s))).size,
  };
}

function labelStems(topic: GoldTopic): Set<string> {
  return new Set([topic.label, ...topic.keywords].flatMap((t) => contentStems(t)));
}

/**
 * One-to-one matching of predicted issues to gold topics (see the file comment): eligible pairs share
 * an evidence sentence and a label stem; the best pairs are taken first.
 */
export function matchTopics(gold: readonly GoldTopic[], goldSentences: readonly (readonly number[])[], predicted: readonly PredictedTopic[]): Pair[] {
  const candidates: Array<Pair & { sentences: number; stems: number }> = [];
  gold.forEach((g, gi) => {
    predicted.forEach((p, pi) => {
      const o = overlap(g, goldSentences[gi]!, p);
      if (o.sentences > 0 && o.stems > 0) candidates.push({ gold: gi, predicted: pi, ...o });
    });
  });
  candidates.sort((a, b) => b.sentences - a.sentences || b.stems - a.stems || a.predicted - b.predicted || a.gold - b.gold);
  const usedGold = new Set<number>();
  const usedPredicted = new Set<number>();
  const pairs: Pair[] = [];
  for (const c of candidates) {
    if (usedGold.has(c.gold) || usedPredicted.has(c.predicted)) continue;
    usedGold.add(c.gold);
    usedPredicted.add(c.predicted);
    pairs.push({ gold: c.gold, predicted: c.predicted });
  }
  return pairs.sort((a, b) => a.gold - b.gold);
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'lord', 'lady', 'dame', 'prof']);

function nameWords(name: string): string[] {
  return (normalise(name).match(/[\p{L}\p{N}']+/gu) ?? []).filter((w) => !TITLES.has(w));
}

function canonicalParty(name: string): string {
  return normalise(partyOf(name) ?? name);
}

/** Same party: equal after the gazetteer, or one person's name inside the other's with the same last word. */
export function sameParty(gold: GoldPosition, predictedParty: string): boolean {
  const p = canonicalParty(predictedParty);
  const pw = nameWords(predictedParty);
  for (const name of [gold.party, ...(gold.aliases ?? [])]) {
    if (canonicalParty(name) === p) return true;
    const gw = nameWords(name);
    if (gw.length === 0 || pw.length === 0 || gw[gw.length - 1] !== pw[pw.length - 1]) continue;
    if (gw.every((w) => pw.includes(w)) || pw.every((w) => gw.includes(w))) return true;
  }
  return false;
}

export interface Tally {
  articles: number;
  gold: number;
  predicted: number;
  matched: number;
  stanceRight: number;
  /** Matched pairs whose gold stance is "statement": what answering "statement" every time would get right. */
  statementRight: number;
  goldPositions: number;
  goldPositionsInMatched: number;
  positionsFound: number;
  /** Unmatched predicted issues that would match a gold topic another issue already took (a topic split in two). */
  extraSplit: number;
  /** Unmatched predicted issues on a gold topic's evidence sentence whose label shares no word with it. */
  extraOffLabel: number;
  /** Unmatched predicted issues on no gold evidence sentence (minor details, captions, junk). */
  extraElsewhere: number;
  /** Missed gold topics: an issue covers the evidence, but its label shares no word. */
  missedLabel: number;
  /** Missed gold topics: an issue qualifies but was paired with another gold topic (two topics merged). */
  missedMerged: number;
  /** Missed gold topics: no issue covers any evidence sentence. */
  missedAbsent: number;
}

export function emptyTally(): Tally {
  return {
    articles: 0,
    gold: 0,
    predicted: 0,
    matched: 0,
    stanceRight: 0,
    statementRight: 0,
    goldPositions: 0,
    goldPositionsInMatched: 0,
    positionsFound: 0,
    extraSplit: 0,
    extraOffLabel: 0,
    extraElsewhere: 0,
    missedLabel: 0,
    missedMerged: 0,
    missedAbsent: 0,
  };
}

export interface ArticleScore {
  pairs: Pair[];
  tally: Tally;
  /** "gold -> predicted" stance of each matched pair whose stance is wrong. */
  stanceErrors: string[];
  /** Why each unmatched predicted issue (by index) and each missed gold topic (by index) did not pair. */
  unmatchedPredicted: Map<number, 'split' | 'off-label' | 'elsewhere'>;
  missedGold: Map<number, 'label' | 'merged' | 'absent'>;
}

/** Scores one article's predicted topics against its gold topics (evidence already mapped to sentences). */
export function scoreArticle(gold: readonly GoldTopic[], goldSentences: readonly (readonly number[])[], predicted: readonly PredictedTopic[]): ArticleScore {
  const pairs = matchTopics(gold, goldSentences, predicted);
  const tally = emptyTally();
  tally.articles = 1;
  tally.gold = gold.length;
  tally.predicted = predicted.length;
  tally.matched = pairs.length;
  for (const g of gold) tally.goldPositions += g.positions.length;
  const stanceErrors: string[] = [];
  for (const { gold: gi, predicted: pi } of pairs) {
    const g = gold[gi]!;
    const p = predicted[pi]!;
    if (g.stance === 'statement') tally.statementRight++;
    if (g.stance === p.stance) tally.stanceRight++;
    else stanceErrors.push(`${g.stance} -> ${p.stance}`);
    tally.goldPositionsInMatched += g.positions.length;
    for (const gp of g.positions) if (p.positions.some((pp) => sameParty(gp, pp.party))) tally.positionsFound++;
  }
  const pairedGold = new Set(pairs.map((p) => p.gold));
  const pairedPredicted = new Set(pairs.map((p) => p.predicted));
  const overlaps = gold.map((g, gi) => predicted.map((p) => overlap(g, goldSentences[gi]!, p)));
  const unmatchedPredicted = new Map<number, 'split' | 'off-label' | 'elsewhere'>();
  predicted.forEach((_, pi) => {
    if (pairedPredicted.has(pi)) return;
    const withGold = overlaps.map((row) => row[pi]!);
    if (withGold.some((o) => o.sentences > 0 && o.stems > 0)) unmatchedPredicted.set(pi, 'split');
    else if (withGold.some((o) => o.sentences > 0)) unmatchedPredicted.set(pi, 'off-label');
    else unmatchedPredicted.set(pi, 'elsewhere');
  });
  const missedGold = new Map<number, 'label' | 'merged' | 'absent'>();
  gold.forEach((_, gi) => {
    if (pairedGold.has(gi)) return;
    const row = overlaps[gi]!;
    if (row.some((o) => o.sentences > 0 && o.stems > 0)) missedGold.set(gi, 'merged');
    else if (row.some((o) => o.sentences > 0)) missedGold.set(gi, 'label');
    else missedGold.set(gi, 'absent');
  });
  for (const kind of unmatchedPredicted.values()) {
    if (kind === 'split') tally.extraSplit++;
    else if (kind === 'off-label') tally.extraOffLabel++;
    else tally.extraElsewhere++;
  }
  for (const kind of missedGold.values()) {
    if (kind === 'merged') tally.missedMerged++;
    else if (kind === 'label') tally.missedLabel++;
    else tally.missedAbsent++;
  }
  return { pairs, tally, stanceErrors, unmatchedPredicted, missedGold };
}

export function addTally(into: Tally, t: Tally): void {
  for (const k of Object.keys(into) as Array<keyof Tally>) into[k] += t[k];
}

/** The baseline: one topic per each of the first `k` keywords, with every sentence containing all its stems. */
export function keywordBaseline(analysis: Pick<Analysis, 'sentences' | 'keywords'>, k = BASELINE_KEYWORDS): PredictedTopic[] {
  const sentenceStems = analysis.sentences.map((s) => new Set(contentStems(s.text)));
  return analysis.keywords.slice(0, k).map((keyword) => {
    const stems = contentStems(keyword);
    const sentences = analysis.sentences.filter((s) => stems.length > 0 && stems.every((st) => sentenceStems[s.index]!.has(st))).map((s) => s.index);
    return { topic: keyword, stance: 'statement' as Stance, positions: [], sentences };
  });
}

export function loadLabels(path: string): LabelledArticle[] {
  return readJsonLines<LabelledArticle>(path);
}

function briefingInput(file: string): AnalysisInput {
  const parsed = parseBriefing(readFileSync(resolve(REPO_ROOT, file), 'utf8'), { fileName: file.split('/').pop() });
  if (!parsed.ok) throw new Error(`${file}: ${parsed.problems.map((p) => p.message).join('; ')}`);
  return { text: parsed.briefing.body, title: parsed.briefing.title, participants: parsed.briefing.participants };
}

function pct(n: number, d: number, width = 6): string {
  return (d === 0 ? 'n/a' : ((100 * n) / d).toFixed(1)).padStart(width);
}

function f1(t: Tally): string {
  const p = t.predicted === 0 ? 0 : t.matched / t.predicted;
  const r = t.gold === 0 ? 0 : t.matched / t.gold;
  return (p + r === 0 ? '0.0' : ((200 * p * r) / (p + r)).toFixed(1)).padStart(5);
}

function totalsRow(name: string, t: Tally): string {
  return `| ${name.padEnd(30)} | ${String(t.predicted).padStart(4)} | ${String(t.matched).padStart(5)} | ${pct(t.matched, t.predicted)} | ${pct(t.matched, t.gold)} | ${f1(t)} | ${pct(t.stanceRight, t.matched)} | ${pct(t.positionsFound, t.goldPositions, 7)} | ${pct(t.positionsFound, t.goldPositionsInMatched, 9)} | ${(t.predicted / Math.max(1, t.articles)).toFixed(1).padStart(8)} |`;
}

/** Label files whose per-article output is never printed (bench/issues/README.md): totals only. */
const UNREAD_SETS = ['heldout3.jsonl', 'heldout4.jsonl', 'heldout5.jsonl', 'heldout6.jsonl', 'heldout7.jsonl', 'heldout8.jsonl'];

/** True when `labelsPath` is a held-out set whose per-article results must not be read. */
export function isHeldOut(labelsPath: string): boolean {
  return UNREAD_SETS.includes(labelsPath.split('/').pop() ?? '');
}

export interface IssueEvalOptions {
  /** Also list every predicted issue (matched or not) and every missed gold topic, per article. */
  verbose?: boolean;
  /** Only the totals: for a held-out set, whose per-article results must not be read. */
  totalsOnly?: boolean;
  /** A clone to read each label's `source` from, instead of the eval file. */
  textsFromGit?: string;
}

/** Runs the evaluation and returns a printable report (markdown tables). */
export function evaluateIssues(evalPath: string = DEFAULT_EVAL, labelsPath: string = DEFAULT_LABELS, options: IssueEvalOptions = {}): string {
  if (isHeldOut(labelsPath) && !options.totalsOnly) throw new Error(`${labelsPath} is held out: score it with --totals only`);
  const labels = loadLabels(labelsPath);
  const gitDir = options.textsFromGit;
  const articles = gitDir === undefined ? articleTextsById(evalPath) : new Map<string, string>();
  const inputOf = (l: LabelledArticle): AnalysisInput | undefined => {
    const briefing = BRIEFING_FILES[l.id];
    if (briefing !== undefined) return briefingInput(briefing);
    if (gitDir === undefined) {
      const text = articles.get(l.id);
      return text === undefined ? undefined : { text };
    }
    const raw = typeof l.source === 'string' ? readSourceText(gitDir, l.source) : undefined;
    // A held-out set's file is a title line, a blank line and the body; any other text is all text.
    return raw === undefined ? undefined : splitHeadline(raw);
  };
  const ours = emptyTally();
  const base = emptyTally();
  const oursNews = emptyTally();
  const baseNews = emptyTally();
  const rows: string[] = [];
  const details: string[] = [];
  const unmapped: string[] = [];
  const stanceErrors = new Map<string, number>();
  let missing = 0;
  for (const l of labels) {
    const briefing = BRIEFING_FILES[l.id];
    const input = inputOf(l);
    if (input === undefined) {
      missing++;
      continue;
    }
    const analysis = analyze(input);
    const goldSentences = l.topics.map((g) =>
      g.evidence.flatMap((fragment) => {
        const found = evidenceSentences(analysis, fragment);
        if (found.length === 0) unmapped.push(`${l.id.slice(0, 10)}: "${fragment}"`);
        return found;
      }),
    );
    const scored = scoreArticle(l.topics, goldSentences, analysis.issues);
    const baseline = scoreArticle(l.topics, goldSentences, keywordBaseline(analysis));
    addTally(ours, scored.tally);
    for (const e of scored.stanceErrors) stanceErrors.set(e, (stanceErrors.get(e) ?? 0) + 1);
    addTally(base, baseline.tally);
    if (briefing === undefined) {
      addTally(oursNews, scored.tally);
      addTally(baseNews, baseline.tally);
    }
    const t = scored.tally;
    rows.push(
      `| ${l.id.slice(0, 10).padEnd(11)} | ${String(t.gold).padStart(4)} | ${String(t.predicted).padStart(4)} | ${String(t.matched).padStart(4)} | ${String(t.stanceRight).padStart(6)} | ${`${t.positionsFound}/${t.goldPositions}`.padStart(5)} | ${String(baseline.tally.matched).padStart(6)} |`,
    );
    if (options.verbose) {
      details.push(`\n### ${l.id.slice(0, 10)} (gold ${t.gold}, predicted ${t.predicted}, matched ${t.matched})`);
      const byPredicted = new Map(scored.pairs.map((p) => [p.predicted, p.gold]));
      analysis.issues.forEach((issue, pi) => {
        const gi = byPredicted.get(pi);
        const gold = gi === undefined ? undefined : l.topics[gi];
        const positions = issue.positions.map((p) => p.party).join(', ');
        const why = gold ? '' : ` (${scored.unmatchedPredicted.get(pi)})`;
        details.push(
          `${gold ? '  +' : '  -'} "${issue.topic}" [${issue.stance}] s${issue.sentences.join(',')}${positions ? ` {${positions}}` : ''}${gold ? ` = "${gold.label}" [${gold.stance}]` : why}`,
        );
      });
      l.topics.forEach((g, gi) => {
        const why = scored.missedGold.get(gi);
        if (why !== undefined) details.push(`  MISSED "${g.label}" [${g.stance}] evidence s${goldSentences[gi]!.join(',')} (${why})`);
      });
    }
  }
  const totals = [
    '| system                         | pred | match | precis | recall |    F1 | stance | pos rec | pos|match | pred/art |',
    '| ------------------------------ | ---: | ----: | -----: | -----: | ----: | -----: | ------: | --------: | -------: |',
    totalsRow('briefbot extractIssues', ours),
    totalsRow(`baseline: top-${BASELINE_KEYWORDS} keywords`, base),
    totalsRow('briefbot, news only (no seed)', oursNews),
    totalsRow('baseline, news only (no seed)', baseNews),
  ];
  const floor = `always "statement" on the same matched pairs: briefbot ${pct(ours.statementRight, ours.matched).trim()} (news only ${pct(oursNews.statementRight, oursNews.matched).trim()}), baseline ${pct(base.statementRight, base.matched).trim()}`;
  totals.push(floor);
  const heading = `Issue breakdown: ${ours.articles} labelled articles, ${ours.gold} gold topics, ${ours.goldPositions} gold positions (${labelsPath.split('/').slice(-2).join('/')})${missing ? `, ${missing} labelled ids not in the ${gitDir === undefined ? 'eval file' : 'clone'}` : ''}`;
  if (options.totalsOnly) return [heading, '', ...totals, ...(unmapped.length > 0 ? [`${unmapped.length} evidence fragments not found in the engine's sentences`] : [])].join('\n');
  const out = [
    heading,
    '',
    '| article     | gold | pred | match | stance | pos   | base m |',
    '| ----------- | ---: | ---: | ----: | -----: | ----: | -----: |',
    ...rows,
    '',
    ...totals,
    `(gold topics per article: ${(ours.gold / Math.max(1, ours.articles)).toFixed(1)}, news only ${(oursNews.gold / Math.max(1, oursNews.articles)).toFixed(1)}; stance: right on matched pairs; pos rec: gold positions whose party the matched issue names, over all gold positions; pos|match: over gold positions of matched topics)`,
  ];
  const errors = [...stanceErrors].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k, n]) => `${k} ${n}`);
  out.push(
    '',
    `briefbot, unmatched predicted issues (${ours.predicted - ours.matched}): ${ours.extraSplit} split off a gold topic another issue matched; ${ours.extraOffLabel} on a gold topic's evidence with a label sharing no word; ${ours.extraElsewhere} on no gold evidence sentence`,
    `briefbot, missed gold topics (${ours.gold - ours.matched}): ${ours.missedLabel} covered by an issue whose label shares no word; ${ours.missedMerged} merged into an issue matched to another topic; ${ours.missedAbsent} with no issue on their evidence`,
    `briefbot, wrong stances (gold -> predicted): ${errors.join(', ') || 'none'}`,
  );
  if (unmapped.length > 0) out.push(`${unmapped.length} evidence fragments not found in the engine's sentences: ${unmapped.join('; ')}`);
  if (options.verbose) out.push(...details);
  return out.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const textsFromGit = argValue(argv, '--texts-from-git');
  console.log(
    evaluateIssues(pathArg(argv, '--eval', DEFAULT_EVAL), pathArg(argv, '--labels', DEFAULT_LABELS), {
      verbose: argv.includes('--verbose'),
      totalsOnly: argv.includes('--totals'),
      textsFromGit: textsFromGit === undefined ? undefined : resolve(process.cwd(), textsFromGit),
    }),
  );
}
