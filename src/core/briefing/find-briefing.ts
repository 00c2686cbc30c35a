export interface Findable {
  slug: string;
  title: string;
}

export type SlugResolution = { kind: 'found'; slug: string } | { kind: 'not-found'; suggestions: string[] };

/** "Korea Japan", "korea_japan " and "KOREA--JAPAN" all normalise to "korea-japan". */
export function normaliseSlugInput(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const compact = (s: string) => s.replace(/-/g, '');

/** Optimal string alignment distance (Levenshtein with adjacent transpositions), stopping early past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1);
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row[j] = j;
        continue;
      }
      const prev = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row[j] = v;
      rowMin = Math.min(rowMin, v);
    }
    rows.push(row);
    if (i > 0 && rowMin > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}

function typoBudget(length: number): number {
  return length <= 4 ? 0 : length <= 8 ? 1 : 2;
}

/**
 * Finds the briefing a person meant. Exact slugs and slugs that differ only in spacing, case or
 * hyphens resolve at once; so does a single briefing within a small typo budget. Anything else
 * returns the closest candidates for a "did you mean" reply.
 */
export function resolveSlug(input: string, candidates: readonly Findable[]): SlugResolution {
  const wanted = normaliseSlugInput(input);
  if (!wanted) return { kind: 'not-found', suggestions: [] };
  const exact = candidates.find((c) => c.slug === wanted);
  if (exact) return { kind: 'found', slug: exact.slug };
  const squeezed = compact(wanted);
  const compactMatches = candidates.filter((c) => compact(c.slug) === squeezed);
  if (compactMatches.length === 1) return { kind: 'found', slug: (compactMatches[0] as Findable).slug };

  const budget = typoBudget(squeezed.length);
  const close = candidates
    .map((c) => ({ slug: c.slug, d: editDistance(compact(c.slug), squeezed, budget) }))
    .filter((c) => c.d <= budget)
    .sort((a, b) => a.d - b.d || a.slug.localeCompare(b.slug));
  if (close.length === 1 || (close.length > 1 && (close[0] as { d: number }).d < (close[1] as { d: number }).d)) {
    return { kind: 'found', slug: (close[0] as { slug: string }).slug };
  }
  return { kind: 'not-found', suggestions: rankBriefings(input, candidates, 3).map((c) => c.slug) };
}

interface Prepared {
  slug: string;
  title: string;
  hay: string;
  hayWords: Set<string>;
  compactSlug: string;
}

/**
 * The normalised forms of a candidate, computed once per candidate object: autocomplete ranks the
 * whole library at every keystroke, and normalising 10,000 titles each time cost more than the
 * ranking itself. A memo, not state: the result depends only on the candidate's slug and title.
 */
const preparedOf = new WeakMap<Findable, Prepared>();

function prepared(c: Findable): Prepared {
  const hit = preparedOf.get(c);
  if (hit && hit.slug === c.slug && hit.title === c.title) return hit;
  const hay = `${c.slug}-${normaliseSlugInput(c.title)}`;
  const p = { slug: c.slug, title: c.title, hay, hayWords: new Set(hay.split('-')), compactSlug: compact(c.slug) };
  preparedOf.set(c, p);
  return p;
}

function startsAny(words: Iterable<string>, prefix: string): boolean {
  for (const w of words) if (w.startsWith(prefix)) return true;
  return false;
}

/**
 * Ranks briefings against what someone has typed so far, for autocomplete and suggestions:
 * prefix and substring matches on slug and title words first, then by edit distance.
 */
export function rankBriefings<T extends Findable>(query: string, candidates: readonly T[], limit: number): T[] {
  const q = normaliseSlugInput(query);
  if (!q) return candidates.slice(0, limit);
  const qWords = q.split('-');
  const qCompact = compact(q);
  const scored: { c: T; score: number }[] = [];
  for (const c of candidates) {
    const { hay, hayWords, compactSlug } = prepared(c);
    let score = 0;
    if (c.slug.startsWith(q)) score += 100;
    else if (compactSlug.startsWith(qCompact)) score += 90;
    else if (hay.includes(q)) score += 60;
    for (const w of qWords) {
      if (hayWords.has(w)) score += 15;
      else if (startsAny(hayWords, w)) score += 8;
    }
    if (score === 0) {
      const d = editDistance(compactSlug.slice(0, qCompact.length + 2), qCompact, 3);
      if (d <= 3) score = 30 - d * 8;
    }
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
