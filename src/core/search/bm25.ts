import { hasAsciiWords, indexTerms, isCjkChar, runTerms, termOfWord, terms } from './text-terms.js';

export interface SearchDocument {
  id: string;
  title: string;
  tags: readonly string[];
  text: string;
}

/** Options of an index. */
export interface IndexOptions {
  /**
   * The text as readers see it (pasted web-page leftovers removed), indexed and quoted in snippets
   * instead of the text as stored; must give the same answer for the same text every time.
   */
  clean?: (text: string) => string;
}

const asStored = (text: string) => text;

export interface SearchHit {
  id: string;
  score: number;
  snippet: string;
}

const K1 = 1.2;
const B = 0.75;
// A word in the title or tags says more about what a briefing is about than one in its body.
const FIELD_WEIGHT = { title: 3, tags: 2, text: 1 } as const;
const SNIPPET_LENGTH = 160;

/** The documents that hold one term while an index is being built, and its field-weighted frequency in each. */
interface TermList {
  docs: number[];
  tfs: number[];
}

/**
 * Where each word of a text that has a search term starts in the flattened text (whitespace runs
 * made one space), and that term's number, in pairs: what a snippet needs, worked out when the
 * text is indexed. Empty for a text short enough to be its own snippet.
 */
type WordRuns = Int32Array;

/**
 * An index's parts. Terms are numbered in the order first seen; an updated index keeps the
 * numbers of the previous one (so carried-over word runs stay valid), terms no document holds
 * any more included, with no postings.
 */
interface IndexParts {
  termIds: Map<string, number>;
  /**
   * Postings in compressed-row form: those of term `t` are entries `start[t]` up to `start[t + 1]`
   * of `postedDocs` (the document's position) and `tfs` (its field-weighted term frequency).
   * Typed arrays instead of an object a posting: 8 bytes a posting instead of about 40.
   */
  start: Int32Array;
  postedDocs: Int32Array;
  tfs: Int32Array;
  /** Field-weighted length of each document. */
  lengths: Int32Array;
  runs: WordRuns[];
  docs: SearchDocument[];
  clean: (text: string) => string;
}

/** What a builder fills in as it reads, and what an index carries over into it. */
interface BuildState {
  docs: SearchDocument[];
  lengths: Int32Array;
  runs: WordRuns[];
  termIds: Map<string, number>;
  /** The postings read so far, by term number. */
  lists: TermList[];
}

function sameDocument(a: SearchDocument, b: SearchDocument): boolean {
  return a.id === b.id && a.title === b.title && a.text === b.text && a.tags.length === b.tags.length && a.tags.every((t, i) => t === b.tags[i]);
}

const NO_RUNS: WordRuns = new Int32Array(0);
/** Words whose term numbers a builder remembers, at most (a library of 10,000 news texts has about 30,000). */
const WORD_IDS_KEPT = 200_000;

/** A text with every run of whitespace made one space, as snippets show it. */
function flatten(text: string): string {
  // A TV transcript's ",..." (a pause that carries the sentence on to the next line) reads as a comma, as on the card.
  const paused = text.includes(',') ? text.replace(TRANSCRIPT_PAUSE, ',') : text;
  // Replacing only the runs that are not already one space (most of them are) is four times faster.
  return paused.replace(/\s{2,}|[^\S ]/g, ' ').trim();
}
const TRANSCRIPT_PAUSE = /,\s*(?:\.\.\.|…)(?=\s|$)/g;

/** A lowercase ASCII letter or digit. */
function isAsciiWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
}

/**
 * Builds the index of a list of documents one document at a time, so that a caller with a large
 * library can pause between documents (and keep answering other requests) instead of blocking
 * while all of it is indexed. Started from the index of the previous version of the list, it
 * carries over the postings of every document that did not change and only reads the others:
 * after an edit to one briefing of 10,000, one pass over the postings instead of a re-read.
 */
export class Bm25Builder {
  private readonly state: BuildState;
  /** Positions in the list of the documents still to read, in order. */
  readonly pending: readonly number[];
  private next = 0;
  /** Scratch for the document being read: its frequency of each term, by number. */
  private counts: Int32Array;
  /** Each word's term number, so that a word repeated across the library costs one lookup. */
  private readonly wordIds = new Map<string, number>();

  private readonly clean: (text: string) => string;

  /** `previous`, an index of an earlier version of the library, must have been built with the same `clean`. */
  constructor(docs: readonly SearchDocument[], previous?: Bm25Index, options: IndexOptions = {}) {
    this.clean = options.clean ?? asStored;
    this.state = { docs: [...docs], lengths: new Int32Array(docs.length), runs: new Array<WordRuns>(docs.length).fill(NO_RUNS), termIds: new Map(), lists: [] };
    this.pending = previous ? previous.carryOver(this.state) : docs.map((_, i) => i);
    this.counts = new Int32Array(Math.max(1024, 2 * this.state.termIds.size));
  }

  /** Whether every document has been read. */
  get done(): boolean {
    return this.next >= this.pending.length;
  }

  private idOf(term: string): number {
    const { termIds } = this.state;
    let id = termIds.get(term);
    if (id === undefined) {
      termIds.set(term, (id = termIds.size));
      if (id >= this.counts.length) {
        const grown = new Int32Array(this.counts.length * 2);
        grown.set(this.counts);
        this.counts = grown;
      }
    }
    return id;
  }

  /** The term number of a lowercase word as `words` gives it, or -1 when it has no term. */
  private idOfWord(word: string): number {
    let id = this.wordIds.get(word);
    if (id === undefined) {
      const term = termOfWord(word);
      id = term === null ? -1 : this.idOf(term);
      if (this.wordIds.size < WORD_IDS_KEPT) this.wordIds.set(word, id);
    }
    return id;
  }

  /** Reads the next pending document; false when there was none. */
  step(): boolean {
    if (this.done) return false;
    const i = this.pending[this.next++] as number;
    const doc = this.state.docs[i] as SearchDocument;
    // The document's field-weighted frequencies, by term number, in `counts`: zero again after.
    const seen: number[] = [];
    let length = 0;
    const add = (id: number, weight: number) => {
      if (this.counts[id] === 0) seen.push(id);
      this.counts[id] += weight;
      length += weight;
    };
    for (const t of indexTerms(doc.title)) add(this.idOf(t), FIELD_WEIGHT.title);
    for (const t of indexTerms(doc.tags.join(' '))) add(this.idOf(t), FIELD_WEIGHT.tags);
    this.state.runs[i] = this.readText(this.clean(doc.text), (id) => add(id, FIELD_WEIGHT.text));
    for (const id of seen) {
      const list = (this.state.lists[id] ??= { docs: [], tfs: [] });
      list.docs.push(i);
      list.tfs.push(this.counts[id] as number);
      this.counts[id] = 0;
    }
    this.state.lengths[i] = length;
    return true;
  }

  /**
   * Passes the number of each search term of a text to `add`, in order, and returns its word
   * runs. A text whose words are its ASCII runs (most news text) is read once for both; any
   * other as `terms` and `snippet` each read it.
   */
  private readText(text: string, add: (id: number) => void): WordRuns {
    const flat = flatten(text);
    const long = flat.length > SNIPPET_LENGTH;
    if (!hasAsciiWords(text)) {
      for (const t of indexTerms(text)) add(this.idOf(t));
      if (!long) return NO_RUNS;
      const pairs: number[] = [];
      const re = /[\p{L}\p{N}]+/gu;
      for (let m = re.exec(flat); m; m = re.exec(flat)) {
        const ts = runTerms(m[0]);
        // A CJK run's character pairs start one character apart (near enough where NFKD changed its length).
        for (let k = 0; k < ts.length; k++) pairs.push(m.index + Math.min(k, m[0].length - 1), this.idOf(ts[k] as string));
      }
      return Int32Array.from(pairs);
    }
    // The words are the runs of ASCII letters and digits, which no whitespace breaks or joins.
    const lower = flat.toLowerCase();
    const pairs: number[] = [];
    for (let at = 0; at < lower.length; ) {
      if (!isAsciiWordCode(lower.charCodeAt(at))) {
        at += 1;
        continue;
      }
      let end = at + 1;
      while (end < lower.length && isAsciiWordCode(lower.charCodeAt(end))) end += 1;
      const id = this.idOfWord(lower.slice(at, end));
      if (id >= 0) {
        add(id);
        if (long) pairs.push(at, id);
      }
      at = end;
    }
    return long ? Int32Array.from(pairs) : NO_RUNS;
  }

  /** The index, once every document has been read. */
  build(): Bm25Index {
    return new Bm25Index(this.finish());
  }

  /** @internal Reads what is left and hands over the parts. */
  finish(): IndexParts {
    while (this.step());
    const { termIds, lists, lengths, runs, docs } = this.state;
    const start = new Int32Array(termIds.size + 1);
    for (let t = 0; t < termIds.size; t++) start[t + 1] = (start[t] as number) + (lists[t]?.docs.length ?? 0);
    const postedDocs = new Int32Array(start[termIds.size] as number);
    const tfs = new Int32Array(postedDocs.length);
    lists.forEach((list, t) => {
      postedDocs.set(list.docs, start[t]);
      tfs.set(list.tfs, start[t]);
    });
    this.state.lists = [];
    return { termIds, start, postedDocs, tfs, lengths, runs, docs, clean: this.clean };
  }
}

/**
 * An Okapi BM25 index over title, tags and text. Built once per library version; queries are
 * proportional to the postings of the query's terms, not to the size of the library.
 */
export class Bm25Index {
  private readonly parts: IndexParts;
  /** K1 × (1 − B + B × length ÷ average length) of each document: its share of every BM25 denominator. */
  private readonly lengthNorms: Float64Array;
  /**
   * The scores of the query being answered, all zero between queries: reused, so that a query
   * allocates nothing the size of the library. (A query runs to its end without awaiting.)
   */
  private readonly scores: Float64Array;

  constructor(source: readonly SearchDocument[] | IndexParts, options: IndexOptions = {}) {
    this.parts = 'termIds' in source ? source : new Bm25Builder(source, undefined, options).finish();
    const { lengths } = this.parts;
    const n = lengths.length;
    let total = 0;
    for (const l of lengths) total += l;
    const avgLength = n ? total / n : 1;
    this.lengthNorms = new Float64Array(n);
    for (let i = 0; i < n; i++) this.lengthNorms[i] = K1 * (1 - B + (B * (lengths[i] as number)) / avgLength);
    this.scores = new Float64Array(n);
  }

  get size(): number {
    return this.parts.docs.length;
  }

  /**
   * @internal For Bm25Builder: copies into `into` the lengths, word runs and postings of the
   * documents of `into.docs` this index holds unchanged, renumbered to their new positions, with
   * this index's term numbers, and returns the positions of the documents that still need reading.
   */
  carryOver(into: BuildState): number[] {
    const { docs, lengths, runs, termIds, start, postedDocs, tfs } = this.parts;
    for (const [term, t] of termIds) into.termIds.set(term, t);
    const oldAt = new Map<string, number>();
    docs.forEach((d, j) => {
      if (!oldAt.has(d.id)) oldAt.set(d.id, j);
    });
    const renumber = new Int32Array(docs.length).fill(-1);
    const pending: number[] = [];
    into.docs.forEach((doc, i) => {
      const j = oldAt.get(doc.id);
      if (j !== undefined && renumber[j] === -1 && sameDocument(docs[j] as SearchDocument, doc)) {
        renumber[j] = i;
        into.lengths[i] = lengths[j] as number;
        into.runs[i] = runs[j] as WordRuns;
      } else pending.push(i);
    });
    for (let t = 0; t < termIds.size; t++) {
      for (let p = start[t] as number; p < (start[t + 1] as number); p++) {
        const i = renumber[postedDocs[p] as number] as number;
        if (i < 0) continue;
        const list = (into.lists[t] ??= { docs: [], tfs: [] });
        list.docs.push(i);
        list.tfs.push(tfs[p] as number);
      }
    }
    return pending;
  }

  search(query: string, limit = 10): SearchHit[] {
    const queryTerms = [...new Set(terms(query))];
    if (queryTerms.length === 0 || limit <= 0) return [];
    const chars = queryTerms.filter(isCjkChar);
    const { termIds, start, postedDocs, tfs, docs, runs, clean } = this.parts;
    const { scores, lengthNorms } = this;
    const n = docs.length;
    const wanted: number[] = [];
    const touched: number[] = [];
    let best: { doc: number; score: number }[];
    try {
      for (const term of queryTerms) {
        const t = termIds.get(term);
        if (t === undefined) continue;
        wanted.push(t);
        const from = start[t] as number;
        const to = start[t + 1] as number;
        const idf = Math.log(1 + (n - (to - from) + 0.5) / (to - from + 0.5));
        for (let p = from; p < to; p++) {
          const doc = postedDocs[p] as number;
          const tf = tfs[p] as number;
          if (scores[doc] === 0) touched.push(doc);
          scores[doc] = (scores[doc] as number) + (idf * (tf * (K1 + 1))) / (tf + (lengthNorms[doc] as number));
        }
      }
      best = bestOf(touched, scores, limit).map((doc) => ({ doc, score: scores[doc] as number }));
    } finally {
      for (const doc of touched) scores[doc] = 0;
    }
    return best.map(({ doc, score }) => {
      const { id, text } = docs[doc] as SearchDocument;
      // Cleaned again for the few hits rather than kept cleaned: that would be a second copy of the library's text.
      return { id, score, snippet: snippetOf(flatten(clean(text)), runs[doc] as WordRuns, wanted, chars) };
    });
  }
}

/**
 * The `limit` documents with the highest scores, ties to the earlier document, best first:
 * the order a full sort gives, without sorting the thousands of documents two common words hit.
 */
function bestOf(docs: readonly number[], scores: Float64Array, limit: number): number[] {
  const better = (a: number, b: number) => (scores[a] as number) > (scores[b] as number) || (scores[a] === scores[b] && a < b);
  const top: number[] = [];
  for (const doc of docs) {
    if (top.length === limit && !better(doc, top[limit - 1] as number)) continue;
    let at = top.length;
    while (at > 0 && better(doc, top[at - 1] as number)) at--;
    top.splice(at, 0, doc);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** The stretch of text (about a tweet long) that holds the most query terms, cut at word boundaries. */
export function snippet(text: string, queryTerms: readonly string[]): string {
  const flat = flatten(text);
  if (flat.length <= SNIPPET_LENGTH) return flat;
  // The words of the text numbered by the query's terms, -1 for any other term.
  const pairs: number[] = [];
  const re = /[\p{L}\p{N}]+/gu;
  for (let m = re.exec(flat); m; m = re.exec(flat)) {
    const ts = runTerms(m[0]);
    for (let k = 0; k < ts.length; k++) pairs.push(m.index + Math.min(k, m[0].length - 1), queryTerms.indexOf(ts[k] as string));
  }
  return snippetOf(flat, Int32Array.from(pairs), queryTerms.map((_, i) => i), queryTerms.filter(isCjkChar));
}

/** `hits` and the places of `chars` in the text, in order (at most about 200, as for word runs). */
function withCharHits(flat: string, hits: readonly number[], chars: readonly string[]): number[] {
  const found: number[] = [];
  for (const c of chars) {
    for (let at = flat.indexOf(c); at !== -1 && found.length <= 200; at = flat.indexOf(c, at + c.length)) found.push(at);
  }
  return found.length ? [...hits, ...found].sort((a, b) => a - b).slice(0, 201) : [...hits];
}

/** How far a snippet's end may move to reach a space. */
const SNAP = 25;

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The snippet of a flattened text from its word runs, for the terms numbered `wanted` and the
 * single CJK characters `chars` (which word runs, holding pairs, do not list: found in the text).
 */
function snippetOf(flat: string, runs: WordRuns, wanted: readonly number[], chars: readonly string[] = []): string {
  if (flat.length <= SNIPPET_LENGTH) return flat;
  let hits: number[] = [];
  for (let r = 0; r < runs.length && hits.length <= 200; r += 2) {
    if (wanted.includes(runs[r + 1] as number)) hits.push(runs[r] as number);
  }
  if (chars.length) hits = withCharHits(flat, hits, chars);
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < hits.length; i++) {
    while ((hits[j] ?? 0) < (hits[i] ?? 0) - SNIPPET_LENGTH + 20) j++;
    if (i - j + 1 > bestCount) {
      bestCount = i - j + 1;
      best = hits[j] ?? 0;
    }
  }
  // Cut at a space near each end; text without spaces nearby (Chinese, Japanese) is cut where it
  // stands, or the snippet would slide to a distant space and past the hit.
  let start = Math.max(0, best - 30);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space !== -1 && space - start <= SNAP ? space + 1 : start;
    if (isLowSurrogate(flat.charCodeAt(start))) start += 1;
  }
  let end = Math.min(flat.length, start + SNIPPET_LENGTH);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    end = space > start && end - space <= SNAP ? space : end;
    if (isLowSurrogate(flat.charCodeAt(end))) end -= 1;
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
