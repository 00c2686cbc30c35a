/**
 * The deterministic rules that chose held-out sets 4 and 5 of the issue breakdown (bench/issues/heldout4.jsonl,
 * heldout5.jsonl). Set 4 comes from the 100 CNN/DM training-split articles of /work/notes/dm-train.jsonl
 * (bench/quotes/README.md, `dmtrain.jsonl`, says where they come from); set 5 from lines 891-1000 of the 1000
 * CNN validation articles of /work/notes/cnn-val.jsonl (heldout3's file). It prints ids, rows and counts only,
 * never text.
 *
 *   npx tsx bench/issue-select.ts --eval <dm-train.jsonl>
 *   npx tsx bench/issue-select.ts --set heldout5 --eval <cnn-val.jsonl>
 *   npx tsx bench/issue-select.ts --set heldout6 --git <git dir of DokahlSoZoor/DieNeueKrone>
 *   npx tsx bench/issue-select.ts --set heldout7 --git <git dir of DokahlSoZoor/DieNeueKrone>
 *   npx tsx bench/issue-select.ts --set heldout8 --git <git dir of DokahlSoZoor/DieNeueKrone>
 *
 * Set 5 applies the same rule with `HELDOUT5`: rows 891-1000, at most 600 words, no id that any file under
 * bench/quotes, bench/issues or bench/entities names, 8 issue-rich and 3 ordinary.
 *
 * Set 6 (`HELDOUT6`) comes from BBC News politics (2004-05), read from a clone at `BBC_COMMIT`: only the files
 * data/bbc/politics/NNN.txt whose number ends in 5 (the issue sets' pool; the others belong to other sets or are
 * read for rules). Each file is a title line, a blank line and the body; stems and words are counted over the
 * whole file. No sport filter (the folder is politics). At most 600 words; issue-rich: the 9 best by the same
 * ranking (ties by file number); ordinary: of the rest, the 3 with the fewest distinct cue stems, then the fewest
 * occurrences, then the smallest number (BBC politics has almost no story with at most 3 distinct stems, so the
 * "at most 3" cut of the earlier sets would leave this part empty; this keeps its meaning: the least issue-laden).
 *
 * Set 7 (`HELDOUT7`, session 9) is set 6's rule over the politics files whose number ends in 0 (reserved for the
 * issue sets in session 9; nobody had read them): at most 600 words, 9 issue-rich and 3 ordinary, same ranking.
 *
 * Set 8 (`HELDOUT8`, session 10) is set 7's rule exactly, over the politics files whose number ends in 4 (reserved
 * for the issue helper in session 10; nobody had read them).
 *
 * Rule (written down and committed before any candidate article was read):
 * - rows 44-100 (1-based) only; rows 1-43 hold the fresh Daily Mail quote set and the rows read to choose it;
 * - skip sport: the file has no URLs, so a story is sport when it holds at least `SPORT_MIN` distinct
 *   stems of `SPORT_STEMS` (as word starts, lower-cased);
 * - skip articles of more than `MAX_WORDS` whitespace-separated words (keeps the labelling within one session);
 * - issue-rich: the 41 cue stems of bench/issues/README.md, ranked by distinct stems found, then total
 *   occurrences, then id; the first `ISSUE_RICH`;
 * - ordinary: of the rest with at most 3 distinct cue stems, the `ORDINARY` with the smallest ids.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { argValue } from './args.js';
import { readSourceText } from './git-texts.js';
import { readJsonLines } from './jsonl.js';

/** The 41 cue stems of bench/issues/README.md (the first set's selection rule). */
export const CUE_STEMS = [
  'government', 'minister', 'election', 'vote', 'parliament', 'congress', 'senat', 'law', 'court', 'judge', 'trial',
  'charge', 'lawyer', 'policy', 'policies', 'deal', 'talks', 'negotiat', 'agree', 'contract', 'dispute', 'ban',
  'referendum', 'campaign', 'president', 'labour', 'tory', 'tories', 'conservative', 'democrat', 'republican',
  'sanction', 'union', 'strike', 'regulat', 'council', 'party', 'treaty', 'protest', 'urge', 'demand',
] as const;

/** Words that only sport stories use often; four distinct ones mark a sport story. */
export const SPORT_STEMS = [
  'football', 'soccer', 'rugby', 'cricket', 'tennis', 'golf', 'premier league', 'champions league', 'striker',
  'midfield', 'goalkeeper', 'tournament', 'championship', 'olympi', 'fifa', 'uefa', 'nba', 'nfl', 'coach', 'season',
  'match', 'goal', 'scored', 'stadium', 'fans', 'player', 'manager', 'club',
] as const;
export const SPORT_MIN = 4;
export const MAX_WORDS = 800;
export const FIRST_ROW = 44;
export const ISSUE_RICH = 8;
export const ORDINARY = 4;

/** One set's pool and sizes; the ranking (cue stems, sport stems) is the same for every set. */
export interface SelectRule {
  firstRow: number;
  lastRow: number;
  maxWords: number;
  issueRich: number;
  ordinary: number;
  /** Ids already used by a labelled set, never chosen again. */
  exclude: ReadonlySet<string>;
}

export const HELDOUT4: SelectRule = {
  firstRow: FIRST_ROW, lastRow: Infinity, maxWords: MAX_WORDS, issueRich: ISSUE_RICH, ordinary: ORDINARY, exclude: new Set(),
};

/** Set 5: the least used lines of cnn-val.jsonl (heldout3 drew on lines 421-1000), heldout3's word cap. */
export const HELDOUT5: Omit<SelectRule, 'exclude'> = { firstRow: 891, lastRow: 1000, maxWords: 600, issueRich: 8, ordinary: 3 };

/** Set 6: BBC News politics files whose number ends in 5, at most 600 words, 9 issue-rich and 3 ordinary. */
export const BBC_REPO = 'DokahlSoZoor/DieNeueKrone';
export const BBC_COMMIT = '4abe2d2ac2eb677e40bc2d770b7484b9745d4094';
export interface BbcRule {
  folder: string;
  lastDigit: string;
  maxWords: number;
  issueRich: number;
  ordinary: number;
}
export const HELDOUT6: BbcRule = { folder: 'data/bbc/politics', lastDigit: '5', maxWords: 600, issueRich: 9, ordinary: 3 };
/** Set 7: set 6's rule over the politics files whose number ends in 0. */
export const HELDOUT7: BbcRule = { ...HELDOUT6, lastDigit: '0' };
/** Set 8: set 7's rule over the politics files whose number ends in 4. */
export const HELDOUT8: BbcRule = { ...HELDOUT7, lastDigit: '4' };
const BBC_SETS: Readonly<Record<string, BbcRule>> = { heldout6: HELDOUT6, heldout7: HELDOUT7, heldout8: HELDOUT8 };

/** The `source` a label line gives a BBC file ("owner/name@commit:path", bench/git-texts.ts). */
export function bbcSource(path: string): string {
  return `${BBC_REPO}@${BBC_COMMIT}:${path}`;
}

/**
 * Set 6's rule over `files` (path and raw text, any order): the pool is the files of `HELDOUT6.folder` whose
 * number ends in `HELDOUT6.lastDigit`; issue-rich by distinct stems, total, then path; ordinary the least issue-laden
 * of the rest (fewest distinct stems, then total, then path). `row` is the file number.
 */
export function selectBbc(files: readonly { path: string; text: string }[], rule: BbcRule = HELDOUT6): Candidate[] {
  const pool = files
    .filter((f) => f.path.startsWith(`${rule.folder}/`) && new RegExp(`${rule.lastDigit}\\.txt$`).test(f.path))
    .map((f) => ({ row: Number(/(\d+)\.txt$/.exec(f.path)?.[1] ?? 0), id: f.path, words: f.text.split(/\s+/).filter(Boolean).length, ...stemCounts(f.text, CUE_STEMS) }))
    .filter((a) => a.words <= rule.maxWords);
  const ranked = [...pool].sort((a, b) => b.distinct - a.distinct || b.total - a.total || a.id.localeCompare(b.id));
  const rich = ranked.slice(0, rule.issueRich).map((a) => ({ ...a, kind: 'issue-rich' as const }));
  const taken = new Set(rich.map((a) => a.id));
  const ordinary = pool
    .filter((a) => !taken.has(a.id))
    .sort((a, b) => a.distinct - b.distinct || a.total - b.total || a.id.localeCompare(b.id))
    .slice(0, rule.ordinary)
    .map((a) => ({ ...a, kind: 'ordinary' as const }));
  return [...rich, ...ordinary];
}

/** The files under `folder` at `commit` of the clone at `gitDir`, with their texts. */
function gitFolder(gitDir: string, commit: string, folder: string): { path: string; text: string }[] {
  const names = execFileSync('git', ['-C', gitDir, 'ls-tree', '--name-only', `${commit}:${folder}`], { encoding: 'utf8' }).split('\n').filter(Boolean);
  return names.map((n) => {
    const path = `${folder}/${n}`;
    return { path, text: readSourceText(gitDir, bbcSource(path)) ?? '' };
  });
}

/** The bench folders whose label files name article ids (40 hex digits) that a new set must not reuse. */
export const USED_ID_DIRS = ['bench/quotes', 'bench/issues', 'bench/entities'] as const;

/** Every 40-hex-digit id named in any file of `dirs` (relative to `root`) but `own`, the set being chosen,
 *  so the rule still gives the same ids once that set's labels are written. */
export function usedIds(root: string, own: string, dirs: readonly string[] = USED_ID_DIRS): Set<string> {
  const ids = new Set<string>();
  for (const dir of dirs) {
    for (const name of readdirSync(join(root, dir)).filter((n) => n !== own)) {
      for (const id of readFileSync(join(root, dir, name), 'utf8').match(/\b[0-9a-f]{40}\b/g) ?? []) ids.add(id);
    }
  }
  return ids;
}

function escape(stem: string): string {
  return stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Distinct stems of `stems` that start a word of `text` (lower-cased), and their total occurrences. */
export function stemCounts(text: string, stems: readonly string[]): { distinct: number; total: number } {
  const lower = text.toLowerCase();
  let distinct = 0;
  let total = 0;
  for (const stem of stems) {
    const n = lower.match(new RegExp(`\\b${escape(stem)}`, 'g'))?.length ?? 0;
    if (n > 0) distinct++;
    total += n;
  }
  return { distinct, total };
}

export interface Candidate {
  row: number;
  id: string;
  words: number;
  distinct: number;
  total: number;
  kind: 'issue-rich' | 'ordinary';
}

/** Applies the rule to the articles in file order (row = 1-based line). */
export function selectHeldout(articles: readonly { id: string; article: string }[], rule: SelectRule = HELDOUT4): Candidate[] {
  const pool = articles
    .map((a, i) => ({ row: i + 1, id: a.id, text: a.article }))
    .filter((a) => a.row >= rule.firstRow && a.row <= rule.lastRow && !rule.exclude.has(a.id))
    .filter((a) => stemCounts(a.text, SPORT_STEMS).distinct < SPORT_MIN)
    .map((a) => ({ row: a.row, id: a.id, words: a.text.split(/\s+/).filter(Boolean).length, ...stemCounts(a.text, CUE_STEMS) }))
    .filter((a) => a.words <= rule.maxWords);
  const ranked = [...pool].sort((a, b) => b.distinct - a.distinct || b.total - a.total || a.id.localeCompare(b.id));
  const rich = ranked.slice(0, rule.issueRich).map((a) => ({ ...a, kind: 'issue-rich' as const }));
  const taken = new Set(rich.map((a) => a.id));
  const ordinary = pool
    .filter((a) => !taken.has(a.id) && a.distinct <= 3)
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(0, rule.ordinary)
    .map((a) => ({ ...a, kind: 'ordinary' as const }));
  return [...rich, ...ordinary];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const path = argValue(process.argv.slice(2), '--eval');
  const set = argValue(process.argv.slice(2), '--set') ?? 'heldout4';
  const gitDir = argValue(process.argv.slice(2), '--git');
  const bbcRule = BBC_SETS[set];
  if (bbcRule !== undefined) {
    if (gitDir === undefined) throw new Error(`usage: npx tsx bench/issue-select.ts --set ${set} --git <git dir of DokahlSoZoor/DieNeueKrone>`);
    for (const c of selectBbc(gitFolder(resolve(process.cwd(), gitDir), BBC_COMMIT, bbcRule.folder), bbcRule)) {
      console.log(`${c.id} ${c.kind} stems ${c.distinct}/${c.total} words ${c.words}`);
    }
    process.exit(0);
  }
  if (path === undefined || !['heldout4', 'heldout5'].includes(set)) {
    throw new Error('usage: npx tsx bench/issue-select.ts [--set heldout4|heldout5] --eval <dm-train.jsonl | cnn-val.jsonl>');
  }
  const rule = set === 'heldout5' ? { ...HELDOUT5, exclude: usedIds(fileURLToPath(new URL('..', import.meta.url)), 'heldout5.jsonl') } : HELDOUT4;
  const articles = readJsonLines<{ id: string; article: string }>(resolve(process.cwd(), path));
  for (const c of selectHeldout(articles, rule)) console.log(`${c.id.slice(0, 10)} row ${c.row} ${c.kind} stems ${c.distinct}/${c.total} words ${c.words}`);
}
