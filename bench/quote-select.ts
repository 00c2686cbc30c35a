/**
 * The deterministic rule that chooses the BBC News quote held-out sets (bench/quotes/README.md): `bbc.jsonl`
 * (session 8, politics files whose number ends in 1; that rule was written down and applied by an uncommitted
 * script), `bbc2.jsonl` (session 9, politics files whose number ends in 2) and `bbc3.jsonl` (session 10, politics
 * files whose number ends in 6, the same rule with that digit). It prints file names only, never text, so it can be
 * run before anyone reads a candidate.
 *
 *   npx tsx bench/quote-select.ts --git <git dir of DokahlSoZoor/DieNeueKrone> [--set bbc|bbc2|bbc3]
 *
 * Rule (written down and committed before any candidate of `bbc2` was read, and for `bbc3` before any of its candidates
 * was read):
 * 1. the files of `data/bbc/politics` at `BBC_COMMIT` whose number ends in the set's digit, in path order
 *    (`git ls-tree` order: 002, 012, 022, ...);
 * 2. keeping those whose body (the text after the headline line and its blank line, `splitHeadline`) has a span of
 *    three or more words between quotation marks (`quotedSpanOfThreeWords`): `"` `“”` `'` `‘’`, the opening mark at
 *    the start or after white space or a bracket, the span on one line; a span between single marks holds no single
 *    mark and ends at a `’`, or at a `'` not followed by a letter (the test of outside, cnnval, dmfresh and bbc);
 * 3. the first 20 of those.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { argValue } from './args.js';
import { BBC_COMMIT, bbcSource } from './issue-select.js';
import { readSourceText, splitHeadline } from './git-texts.js';

export interface QuoteSetRule {
  folder: string;
  lastDigit: string;
  size: number;
}

export const QUOTE_SETS: Readonly<Record<string, QuoteSetRule>> = {
  bbc: { folder: 'data/bbc/politics', lastDigit: '1', size: 20 },
  bbc2: { folder: 'data/bbc/politics', lastDigit: '2', size: 20 },
  bbc3: { folder: 'data/bbc/politics', lastDigit: '6', size: 20 },
};

const OPEN = String.raw`(?:^|(?<=[\s(\[]))`;
const DOUBLE_SPAN = new RegExp(String.raw`${OPEN}["“]([^"“”\n]+)["”]`, 'gm');
const SINGLE_SPAN = new RegExp(String.raw`${OPEN}['‘]([^'‘’\n]+)(?:’|'(?![A-Za-z]))`, 'gm');

/** Whether `body` has a span of three or more words between quotation marks (rule step 2). */
export function quotedSpanOfThreeWords(body: string): boolean {
  for (const re of [DOUBLE_SPAN, SINGLE_SPAN]) {
    for (const m of body.matchAll(re)) {
      if (m[1]!.trim().split(/\s+/).filter(Boolean).length >= 3) return true;
    }
  }
  return false;
}

/** The rule over `files` (path and raw text, in path order): the first `rule.size` pool files that pass step 2. */
export function selectQuoteSet(files: readonly { path: string; text: string }[], rule: QuoteSetRule): string[] {
  return files
    .filter((f) => f.path.startsWith(`${rule.folder}/`) && f.path.endsWith(`${rule.lastDigit}.txt`))
    .filter((f) => quotedSpanOfThreeWords(splitHeadline(f.text).text))
    .slice(0, rule.size)
    .map((f) => f.path);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const gitDir = argValue(argv, '--git');
  const rule = QUOTE_SETS[argValue(argv, '--set') ?? 'bbc2'];
  if (gitDir === undefined || rule === undefined) {
    throw new Error('usage: npx tsx bench/quote-select.ts --git <git dir of DokahlSoZoor/DieNeueKrone> [--set bbc|bbc2|bbc3]');
  }
  const dir = resolve(process.cwd(), gitDir);
  const names = execFileSync('git', ['-C', dir, 'ls-tree', '--name-only', `${BBC_COMMIT}:${rule.folder}`], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .sort();
  const files = names.map((n) => {
    const path = `${rule.folder}/${n}`;
    return { path, text: readSourceText(dir, bbcSource(path)) ?? '' };
  });
  for (const path of selectQuoteSet(files, rule)) console.log(path);
}
