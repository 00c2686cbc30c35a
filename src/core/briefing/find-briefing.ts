export interface Findable {
  slug: string;
  title: string;
}

export type SlugResolution = { kind: 'found'; slug: string } | { kind: 'not-found'; suggestions: string[] };

const NOT_ASCII = /[^\x00-\x7f]/;

/** "Korea Japan", "korea_japan " and "KOREA--JAPAN" all normalise to "korea-japan". */
export function normaliseSlugInput(input: string): string {
  // Plain ASCII is already in NFKD form with no accents to strip: most titles skip both steps.
  const folded = NOT_ASCII.test(input) ? input.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : input;
  return folded
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * A title or what someone typed as one, normalised as `normaliseSlugInput` does but keeping the
 * letters and digits of every script: "日韓外相会談" and "Переговоры в Сеуле" have no a-z to keep.
 * The same as `normaliseSlugInput` for ASCII.
 */
export function normaliseTitleKey(input: string): string {
  if (!NOT_ASCII.test(input)) return normaliseSlugInput(input);
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

export const compactSlug = (s: string) => s.replace(/-/g, '');

/**
 * The three rows editDistance rolls through, shared by every call (each runs to its end at once):
 * the near-miss scans call it for thousands of slugs, and three new arrays a call were most of its cost.
 */
let scratchRows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rolling rows (two back, for transpositions) instead of the whole matrix.
  const width = b.length + 1;
  if (width > scratchRows[0].length) scratchRows = [new Int32Array(2 * width), new Int32Array(2 * width), new Int32Array(2 * width)];
  // Every entry is written before it is read: `older` only from the third row on.
  let [older, prev, row] = scratchRows;
  for (let j = 0; j < width; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (ai === bj ? 0 : 1));
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) v = Math.min(v, (older[j - 2] as number) + 1);
      row[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [older, prev, row] = [prev, row, older];
  }
  return prev[b.length] as number;
}

/** How many typos a slug of this length may carry and still resolve to one briefing. */
export function typoBudget(length: number): number {
  return length <= 4 ? 0 : length <= 8 ? 1 : 2;
}

/**
 * Finds the briefing a person meant. Exact slugs and slugs that differ only in spacing, case or
 * hyphens resolve at once; so does a single briefing within a small typo budget. Anything else
 * returns the closest candidates for a "did you mean" reply.
 *
 * A scan of every candidate; BriefingFinder gives the same answers from an index.
 */
export function resolveSlug(input: string, candidates: readonly Findable[]): SlugResolution {
  const wanted = normaliseSlugInput(input);
  const titleWanted = normaliseTitleKey(input);
  if (!titleWanted) return { kind: 'not-found', suggestions: [] };
  const exact = wanted ? candidates.find((c) => c.slug === wanted) : undefined;
  if (exact) return { kind: 'found', slug: exact.slug };
  const squeezed = compactSlug(wanted);
  const compactMatches = wanted ? candidates.filter((c) => compactSlug(c.slug) === squeezed) : [];
  if (compactMatches.length === 1) return { kind: 'found', slug: (compactMatches[0] as Findable).slug };
  // The whole title, as the list shows it, opens its briefing when no other has that title.
  const titleMatches = candidates.filter((c) => normaliseTitleKey(c.title) === titleWanted);
  if (titleMatches.length === 1) return { kind: 'found', slug: (titleMatches[0] as Findable).slug };
  // Nothing a slug could be made of was typed (a title in another script): only the ranking can help.
  if (!wanted) return { kind: 'not-found', suggestions: rankBriefings(input, candidates, 3).map((c) => c.slug) };

  const budget = typoBudget(squeezed.length);
  const close = candidates
    .map((c) => ({ slug: c.slug, d: editDistance(compactSlug(c.slug), squeezed, budget) }))
    .filter((c) => c.d <= budget)
    .sort((a, b) => a.d - b.d || a.slug.localeCompare(b.slug));
  if (close.length === 1 || (close.length > 1 && (close[0] as { d: number }).d < (close[1] as { d: number }).d)) {
    return { kind: 'found', slug: (close[0] as { slug: string }).slug };
  }
  return { kind: 'not-found', suggestions: rankBriefings(input, candidates, 3).map((c) => c.slug) };
}

/** The normalised forms of a candidate that ranking compares against. */
export interface FindKeys {
  slug: string;
  title: string;
  /** The slug and the normalised title joined by a hyphen: "korea-japan-s-korea-japan-foreign-…". */
  hay: string;
  hayWords: ReadonlySet<string>;
  compactSlug: string;
  /** The normalised title: "s-korea-japan-foreign-ministers-hold-talks". */
  titleKey: string;
}

export function findKeysOf(c: Findable): FindKeys {
  const titleKey = normaliseTitleKey(c.title);
  const hay = `${c.slug}-${titleKey}`;
  return { slug: c.slug, title: c.title, hay, hayWords: new Set(hay.split('-')), compactSlug: compactSlug(c.slug), titleKey };
}

/** What someone typed, normalised once for scoring every candidate. */
export interface RankQuery {
  /** Normalised: "korea-jap". */
  text: string;
  words: readonly string[];
  compact: string;
}

/** The query to rank with, or undefined when nothing searchable was typed. */
export function rankQueryOf(query: string): RankQuery | undefined {
  const text = normaliseTitleKey(query);
  return text ? { text, words: text.split('-'), compact: compactSlug(text) } : undefined;
}

function startsAny(words: Iterable<string>, prefix: string): boolean {
  for (const w of words) if (w.startsWith(prefix)) return true;
  return false;
}

/**
 * How well a candidate matches on its slug and title: a slug prefix, a substring, whole words and
 * word prefixes. Zero when nothing matches, and then only `nearMissScore` can rank it.
 */
export function matchScore(keys: FindKeys, q: RankQuery): number {
  let score = 0;
  if (keys.slug.startsWith(q.text)) score += 100;
  else if (keys.compactSlug.startsWith(q.compact)) score += 90;
  else if (keys.hay.includes(q.text)) score += 60;
  for (const w of q.words) {
    if (keys.hayWords.has(w)) score += 15;
    else if (startsAny(keys.hayWords, w)) score += 8;
  }
  return score;
}

/** The score of a slug whose beginning is a few typos away from what was typed (at most 30), or 0. */
export function nearMissScore(keys: FindKeys, q: RankQuery): number {
  const d = editDistance(keys.compactSlug.slice(0, q.compact.length + 2), q.compact, 3);
  return d <= 3 ? 30 - d * 8 : 0;
}

/** The highest score nearMissScore gives. */
export const NEAR_MISS_MAX = 30;

/**
 * The normalised forms of a candidate, computed once per candidate object: the scan ranks the
 * whole list at every call, and normalising 10,000 titles each time cost more than the ranking
 * itself. A memo, not state: the result depends only on the candidate's slug and title.
 */
const keysOf = new WeakMap<Findable, FindKeys>();

function memoKeys(c: Findable): FindKeys {
  const hit = keysOf.get(c);
  if (hit && hit.slug === c.slug && hit.title === c.title) return hit;
  const keys = findKeysOf(c);
  keysOf.set(c, keys);
  return keys;
}

/**
 * Ranks briefings against what someone has typed so far, for autocomplete and suggestions:
 * prefix and substring matches on slug and title words first, then by edit distance.
 *
 * A scan of every candidate, the reference for BriefingFinder, which ranks a whole library the
 * same way from an index.
 */
export function rankBriefings<T extends Findable>(query: string, candidates: readonly T[], limit: number): T[] {
  const q = rankQueryOf(query);
  if (!q) return candidates.slice(0, limit);
  const scored: { c: T; score: number }[] = [];
  for (const c of candidates) {
    const keys = memoKeys(c);
    const score = matchScore(keys, q) || nearMissScore(keys, q);
    if (score > 0) scored.push({ c, score });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.c.slug.localeCompare(b.c.slug))
    .slice(0, limit)
    .map((s) => s.c);
}

/** The reply to a slug that names nothing: the closest matches, or a pointer to the list. */
export function unknownBriefingMessage(input: string, suggestions: readonly string[]): string {
  const shown = input.length > 60 ? `${input.slice(0, 60)}…` : input;
  if (suggestions.length === 0) return `There is no briefing "${shown}". Try /briefing list or /briefing search.`;
  const [first, ...others] = suggestions;
  const more = others.length ? ` (or ${others.join(', ')})` : '';
  return `There is no briefing "${shown}". Did you mean ${first}${more}?`;
}
