import {
  compactSlug,
  editDistance,
  type Findable,
  type FindKeys,
  findKeysOf,
  matchScore,
  NEAR_MISS_MAX,
  nearMissScore,
  normaliseSlugInput,
  normaliseTitleKey,
  rankQueryOf,
  type SlugResolution,
  typoBudget,
} from './find-briefing.js';

/** Words are indexed by their three-letter grams, for matches inside a word ("inister"). */
const GRAM = 3;
/** The near-miss filter keeps the letters of each slug's first this many characters. */
const MASKED_PREFIX = 24;
/** nearMissScore's edit-distance bound. */
const NEAR_MISS_EDITS = 3;

/** The first index in `sorted` whose value is not below `key`. */
function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The range [from, to) of `sorted` whose values start with `prefix`. */
function prefixRange(sorted: readonly string[], prefix: string): [number, number] {
  const from = lowerBound(sorted, prefix);
  let to = from;
  while (to < sorted.length && (sorted[to] as string).startsWith(prefix)) to++;
  return [from, to];
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A character's bit in a letter mask: a-z their own, the ten digits folded into six, anything else anywhere. */
function letterBit(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97);
  if (code >= 48 && code <= 57) return 1 << (26 + ((code - 48) % 6));
  return 1 << (code & 31);
}

/** The set of characters of `s` (from `from` to `to`) as 32 bits. */
function letterMask(s: string, from = 0, to = s.length): number {
  let mask = 0;
  for (let i = from; i < to; i++) mask |= letterBit(s.charCodeAt(i));
  return mask;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * A lower bound of the edit distance between two strings from their letter masks: each edit
 * brings in or takes away at most one letter, so every letter one has and the other lacks costs
 * an edit. (Folding letters into 32 bits only makes the bound smaller, never wrong.)
 */
function editsAtLeast(a: number, b: number): number {
  return Math.max(bitCount(a & ~b), bitCount(b & ~a));
}

/**
 * The best `limit` items offered so far, best first: higher score, then earlier slug. The same
 * answer as sorting every item offered and keeping the first `limit`, without the sort.
 */
class BestItems {
  readonly items: number[] = [];
  readonly scores: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly slugRank: Int32Array,
  ) {}

  offer(i: number, score: number): void {
    const { items, scores, limit, slugRank } = this;
    const beats = (at: number) => score > (scores[at] as number) || (score === scores[at] && (slugRank[i] as number) < (slugRank[items[at] as number] as number));
    if (items.length === limit && !beats(limit - 1)) return;
    let at = items.length;
    while (at > 0 && beats(at - 1)) at--;
    items.splice(at, 0, i);
    scores.splice(at, 0, score);
    if (items.length > limit) {
      items.pop();
      scores.pop();
    }
  }
}

/**
 * An index of a library's slugs and titles that ranks and resolves exactly as `rankBriefings` and
 * `resolveSlug` do over the whole list, but scores only the briefings that can match: those with a
 * word starting with a typed word, a word containing the typed text, or a slug starting with it.
 * The others can only score as near misses of their slug (at most 30 points), so they are looked
 * at only when fewer than `limit` candidates score above that, and then a letter filter skips
 * those too far off to need an edit distance.
 *
 * Immutable: built once per library version. Passing the previous version's finder reuses the
 * normalised forms of the briefings whose slug and title did not change.
 */
export class BriefingFinder<T> {
  private readonly keys: FindKeys[];
  /** Position of each item's slug in slug order (String#localeCompare), for the tie-break. */
  private readonly slugRank: Int32Array;
  /** Every distinct slug and title word, sorted, and the items that hold each. */
  private readonly words: string[];
  private readonly itemsOfWord: number[][];
  /** Words holding each three-letter gram. */
  private readonly wordsOfGram = new Map<string, number[]>();
  /** Compact slugs ("koreajapan"), sorted, and their items. */
  private readonly compactSlugs: string[];
  private readonly itemsOfCompact: number[];
  private readonly bySlug = new Map<string, number>();
  private readonly byCompact = new Map<string, number[]>();
  private readonly byTitle = new Map<string, number[]>();
  /**
   * Letter masks of each compact slug's first 0..MASKED_PREFIX characters, a row a length (the
   * mask of length `len` for item `i` at `len * size + i`), so that the near-miss scan of every
   * item reads one row in order. Past its end a slug's mask stays that of the whole slug.
   */
  private readonly prefixMasks: Int32Array;
  /**
   * Scratch for `ranked`: an item was scored by the current query when its entry is the query's
   * stamp. Kept between queries, so that a keystroke allocates nothing the size of the library.
   */
  private readonly seenBy: Uint32Array;
  private stamp = 0;

  constructor(
    private readonly items: readonly T[],
    findable: (item: T) => Findable,
    previous?: BriefingFinder<unknown>,
  ) {
    this.keys = items.map((item) => {
      const f = findable(item);
      const known = previous?.keysOf(f.slug);
      return known && known.title === f.title ? known : findKeysOf(f);
    });
    const n = this.keys.length;

    const bySlugOrder = Array.from({ length: n }, (_, i) => i);
    bySlugOrder.sort((a, b) => (this.keys[a] as FindKeys).slug.localeCompare((this.keys[b] as FindKeys).slug) || a - b);
    this.slugRank = new Int32Array(n);
    bySlugOrder.forEach((item, rank) => (this.slugRank[item] = rank));

    const itemsOf = new Map<string, number[]>();
    this.prefixMasks = new Int32Array(n * (MASKED_PREFIX + 1));
    this.seenBy = new Uint32Array(n);
    this.keys.forEach((k, i) => {
      for (const w of k.hayWords) push(itemsOf, w, i);
      if (!this.bySlug.has(k.slug)) this.bySlug.set(k.slug, i);
      push(this.byCompact, k.compactSlug, i);
      push(this.byTitle, k.titleKey, i);
      let mask = 0;
      for (let len = 1; len <= MASKED_PREFIX; len++) {
        if (len <= k.compactSlug.length) mask |= letterBit(k.compactSlug.charCodeAt(len - 1));
        this.prefixMasks[len * n + i] = mask;
      }
    });
    this.words = [...itemsOf.keys()].sort();
    this.itemsOfWord = this.words.map((w) => itemsOf.get(w) as number[]);
    this.words.forEach((w, wi) => {
      for (let at = 0; at + GRAM <= w.length; at++) {
        const gram = w.slice(at, at + GRAM);
        const list = this.wordsOfGram.get(gram);
        // A gram repeated in a word ("banana") lists the word once.
        if (list?.[list.length - 1] !== wi) push(this.wordsOfGram, gram, wi);
      }
    });

    const byCompactOrder = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
      const x = (this.keys[a] as FindKeys).compactSlug;
      const y = (this.keys[b] as FindKeys).compactSlug;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
    this.compactSlugs = byCompactOrder.map((i) => (this.keys[i] as FindKeys).compactSlug);
    this.itemsOfCompact = byCompactOrder;
  }

  get size(): number {
    return this.items.length;
  }

  /** The normalised forms of the item with this slug, for the next version's finder. */
  private keysOf(slug: string): FindKeys | undefined {
    const i = this.bySlug.get(slug);
    return i === undefined ? undefined : this.keys[i];
  }

  /** The same answer as `rankBriefings(query, items, limit)`. */
  rank(query: string, limit: number): T[] {
    return this.ranked(query, limit).map((i) => this.items[i] as T);
  }

  /** The same answer as `resolveSlug(input, items)`. */
  resolve(input: string): SlugResolution {
    const wanted = normaliseSlugInput(input);
    const titleWanted = normaliseTitleKey(input);
    if (!titleWanted) return { kind: 'not-found', suggestions: [] };
    const exact = wanted ? this.bySlug.get(wanted) : undefined;
    if (exact !== undefined) return { kind: 'found', slug: (this.keys[exact] as FindKeys).slug };
    const squeezed = compactSlug(wanted);
    const compactMatches = wanted ? (this.byCompact.get(squeezed) ?? []) : [];
    if (compactMatches.length === 1) return { kind: 'found', slug: (this.keys[compactMatches[0] as number] as FindKeys).slug };
    const titleMatches = this.byTitle.get(titleWanted) ?? [];
    if (titleMatches.length === 1) return { kind: 'found', slug: (this.keys[titleMatches[0] as number] as FindKeys).slug };
    if (!wanted) return { kind: 'not-found', suggestions: this.ranked(input, 3).map((i) => (this.keys[i] as FindKeys).slug) };

    const budget = typoBudget(squeezed.length);
    const wantedMask = letterMask(squeezed);
    const close: { i: number; d: number }[] = [];
    this.keys.forEach((k, i) => {
      if (Math.abs(k.compactSlug.length - squeezed.length) > budget) return;
      if (editsAtLeast(this.maskOf(i, k.compactSlug.length), wantedMask) > budget) return;
      const d = editDistance(k.compactSlug, squeezed, budget);
      if (d <= budget) close.push({ i, d });
    });
    close.sort((a, b) => a.d - b.d || (this.slugRank[a.i] as number) - (this.slugRank[b.i] as number));
    const [first, second] = close;
    if (first && (!second || first.d < second.d)) return { kind: 'found', slug: (this.keys[first.i] as FindKeys).slug };
    return { kind: 'not-found', suggestions: this.ranked(input, 3).map((i) => (this.keys[i] as FindKeys).slug) };
  }

  /** Indexes of the best `limit` items, best first. */
  private ranked(query: string, limit: number): number[] {
    const q = rankQueryOf(query);
    if (!q) return Array.from({ length: Math.max(0, Math.min(limit, this.items.length)) }, (_, i) => i);
    if (limit <= 0) return [];
    const n = this.keys.length;
    const { seenBy } = this;
    if (++this.stamp === 2 ** 32) {
      seenBy.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    const best = new BestItems(limit, this.slugRank);
    const consider = (items: readonly number[]) => {
      for (const i of items) {
        if (seenBy[i] === stamp) continue;
        seenBy[i] = stamp;
        // Every item reached here matches somehow, so its score is above zero.
        best.offer(i, matchScore(this.keys[i] as FindKeys, q));
      }
    };
    for (const w of q.words) {
      const [from, to] = prefixRange(this.words, w);
      for (let wi = from; wi < to; wi++) consider(this.itemsOfWord[wi] as number[]);
    }
    // A single word may also sit inside a longer one ("inister" in "minister"); several words
    // joined by hyphens only match where a word starts with the last of them, found above.
    if (q.words.length === 1) for (const wi of this.wordsContaining(q.text)) consider(this.itemsOfWord[wi] as number[]);
    const [from, to] = prefixRange(this.compactSlugs, q.compact);
    consider(this.itemsOfCompact.slice(from, to));

    if (best.items.length < limit || (best.scores[limit - 1] as number) <= NEAR_MISS_MAX) {
      // Too few clear matches: near misses of the other slugs may make the list.
      const length = q.compact.length + 2;
      const wantedMask = letterMask(q.compact);
      const row = length <= MASKED_PREFIX ? this.prefixMasks.subarray(length * n, (length + 1) * n) : undefined;
      for (let i = 0; i < n; i++) {
        if (seenBy[i] === stamp) continue;
        const mask = row ? (row[i] as number) : this.maskOf(i, Math.min(length, (this.keys[i] as FindKeys).compactSlug.length));
        if (editsAtLeast(mask, wantedMask) > NEAR_MISS_EDITS) continue;
        const score = nearMissScore(this.keys[i] as FindKeys, q);
        if (score > 0) best.offer(i, score);
      }
    }
    return best.items;
  }

  /** The letter mask of item `i`'s compact slug's first `length` characters. */
  private maskOf(i: number, length: number): number {
    if (length <= MASKED_PREFIX) return this.prefixMasks[length * this.keys.length + i] as number;
    return letterMask((this.keys[i] as FindKeys).compactSlug, 0, length);
  }

  /** Indexes into `words` of the words that contain `text`. */
  private wordsContaining(text: string): number[] {
    if (text.length < GRAM) {
      const out: number[] = [];
      this.words.forEach((w, wi) => {
        if (w.includes(text)) out.push(wi);
      });
      return out;
    }
    // The rarest of its grams narrows the words down; each is then checked.
    let rarest: number[] | undefined;
    for (let at = 0; at + GRAM <= text.length; at++) {
      const list = this.wordsOfGram.get(text.slice(at, at + GRAM));
      if (!list) return [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    return (rarest ?? []).filter((wi) => (this.words[wi] as string).includes(text));
  }
}
