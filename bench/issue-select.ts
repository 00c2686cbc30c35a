/**
 * The deterministic rule that chose held-out set 4 of the issue breakdown (bench/issues/heldout4.jsonl)
 * from the 100 CNN/DM training-split articles of /work/notes/dm-train.jsonl (bench/quotes/README.md,
 * `dmtrain.jsonl`, says where they come from). It prints ids, rows and counts only, never text.
 *
 *   npx tsx bench/issue-select.ts --eval <dm-train.jsonl>
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
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { argValue } from './args.js';
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
export function selectHeldout(articles: readonly { id: string; article: string }[]): Candidate[] {
  const pool = articles
    .map((a, i) => ({ row: i + 1, id: a.id, text: a.article }))
    .filter((a) => a.row >= FIRST_ROW)
    .filter((a) => stemCounts(a.text, SPORT_STEMS).distinct < SPORT_MIN)
    .map((a) => ({ row: a.row, id: a.id, words: a.text.split(/\s+/).filter(Boolean).length, ...stemCounts(a.text, CUE_STEMS) }))
    .filter((a) => a.words <= MAX_WORDS);
  const ranked = [...pool].sort((a, b) => b.distinct - a.distinct || b.total - a.total || a.id.localeCompare(b.id));
  const rich = ranked.slice(0, ISSUE_RICH).map((a) => ({ ...a, kind: 'issue-rich' as const }));
  const taken = new Set(rich.map((a) => a.id));
  const ordinary = pool
    .filter((a) => !taken.has(a.id) && a.distinct <= 3)
    .sort((a, b) => a.id.localeCompare(b.id))
    .slice(0, ORDINARY)
    .map((a) => ({ ...a, kind: 'ordinary' as const }));
  return [...rich, ...ordinary];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const path = argValue(process.argv.slice(2), '--eval');
  if (path === undefined) throw new Error('usage: npx tsx bench/issue-select.ts --eval <dm-train.jsonl>');
  const articles = readJsonLines<{ id: string; article: string }>(resolve(process.cwd(), path));
  for (const c of selectHeldout(articles)) console.log(`${c.id.slice(0, 10)} row ${c.row} ${c.kind} stems ${c.distinct}/${c.total} words ${c.words}`);
}
