import { firstTerm, terms } from './text-terms.js';

export interface SearchDocument {
  id: string;
  title: string;
  tags: readonly string[];
  text: string;
}

export interface SearchHit {
  id: string;
  score: number;
  snippet: string;
}

interface Posting {
  doc: number;
  /** Field-weighted term frequency. */
  tf: number;
}

const K1 = 1.2;
const B = 0.75;
// A word in the title or tags says more about what a briefing is about than one in its body.
const FIELD_WEIGHT = { title: 3, tags: 2, text: 1 } as const;
const SNIPPET_LENGTH = 160;

interface IndexParts {
  postings: Map<string, Posting[]>;
  lengths: number[];
  docs: SearchDocument[];
}

function sameDocument(a: SearchDocument, b: SearchDocument): boolean {
  return a.id === b.id && a.title === b.title && a.text === b.text && a.tags.length === b.tags.length && a.tags.every((t, i) => t === b.tags[i]);
}

/**
 * Builds the index of a list of documents one document at a time, so that a caller with a large
 * library can pause between documents (and keep answering other requests) instead of blocking
 * while all of it is indexed. Started from the index of the previous version of the list, it
 * carries over the postings of every document that did not change and only reads the others:
 * after an edit to one briefing of 10,000, one pass over the postings instead of a re-read.
 */
export class Bm25Builder {
  private readonly parts: IndexParts;
  /** Positions in the list of the documents still to read, in order. */
  readonly pending: readonly number[];
  private next = 0;

  constructor(docs: readonly SearchDocument[], previous?: Bm25Index) {
    this.parts = { postings: new Map(), lengths: new Array<number>(docs.length).fill(0), docs: [...docs] };
    this.pending = previous ? previous.carryOver(this.parts) : docs.map((_, i) => i);
  }

  /** Whether every document has been read. */
  get done(): boolean {
    return this.next >= this.pending.length;
  }

  /** Reads the next pending document; false when there was none. */
  step(): boolean {
    if (this.done) return false;
    const i = this.pending[this.next++] as number;
    const doc = this.parts.docs[i] as SearchDocument;
    const tf = new Map<string, number>();
    let length = 0;
    for (const [field, weight] of [
      [doc.title, FIELD_WEIGHT.title],
      [doc.tags.join(' '), FIELD_WEIGHT.tags],
      [doc.text, FIELD_WEIGHT.text],
    ] as const) {
      for (const t of terms(field)) {
        tf.set(t, (tf.get(t) ?? 0) + weight);
        length += weight;
      }
    }
    for (const [t, f] of tf) {
      let list = this.parts.postings.get(t);
      if (!list) this.parts.postings.set(t, (list = []));
      list.push({ doc: i, tf: f });
    }
    this.parts.lengths[i] = length;
    return true;
  }

  /** The index, once every document has been read. */
  build(): Bm25Index {
    return new Bm25Index(this.finish());
  }

  /** @internal Reads what is left and hands over the parts. */
  finish(): IndexParts {
    while (this.step());
    return this.parts;
  }
}

/**
 * An Okapi BM25 index over title, tags and text. Built once per library version; queries are
 * proportional to the postings of the query's terms, not to the size of the library.
 */
export class Bm25Index {
  private readonly postings: Map<string, Posting[]>;
  private readonly lengths: number[];
  private readonly docs: SearchDocument[];
  private readonly avgLength: number;

  constructor(source: readonly SearchDocument[] | IndexParts) {
    const parts = 'postings' in source ? source : new Bm25Builder(source).finish();
    this.postings = parts.postings;
    this.lengths = parts.lengths;
    this.docs = parts.docs;
    const total = parts.lengths.reduce((n, l) => n + l, 0);
    this.avgLength = parts.docs.length ? total / parts.docs.length : 1;
  }

  get size(): number {
    return this.docs.length;
  }

  /**
   * @internal For Bm25Builder: copies into `into` the postings and lengths of the documents of
   * `into.docs` this index holds unchanged, renumbered to their new positions, and returns the
   * positions of the documents that still need reading.
   */
  carryOver(into: IndexParts): number[] {
    const oldAt = new Map<string, number>();
    this.docs.forEach((d, j) => {
      if (!oldAt.has(d.id)) oldAt.set(d.id, j);
    });
    const renumber = new Int32Array(this.docs.length).fill(-1);
    const pending: number[] = [];
    into.docs.forEach((doc, i) => {
      const j = oldAt.get(doc.id);
      if (j !== undefined && renumber[j] === -1 && sameDocument(this.docs[j] as SearchDocument, doc)) {
        renumber[j] = i;
        into.lengths[i] = this.lengths[j] as number;
      } else pending.push(i);
    });
    for (const [term, list] of this.postings) {
      const kept: Posting[] = [];
      for (const { doc, tf } of list) {
        const i = renumber[doc] as number;
        if (i >= 0) kept.push({ doc: i, tf });
      }
      if (kept.length > 0) into.postings.set(term, kept);
    }
    return pending;
  }

  search(query: string, limit = 10): SearchHit[] {
    const queryTerms = [...new Set(terms(query))];
    if (queryTerms.length === 0 || limit <= 0) return [];
    const n = this.docs.length;
    const scores = new Float64Array(n);
    const touched: number[] = [];
    for (const t of queryTerms) {
      const list = this.postings.get(t);
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const { doc, tf } of list) {
        const norm = tf + K1 * (1 - B + (B * (this.lengths[doc] ?? 0)) / this.avgLength);
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] = (scores[doc] as number) + (idf * (tf * (K1 + 1))) / norm;
      }
    }
    return bestOf(touched, scores, limit).map((i) => {
      const doc = this.docs[i] as SearchDocument;
      return { id: doc.id, score: scores[i] as number, snippet: snippet(doc.text, queryTerms) };
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
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET_LENGTH) return flat;
  const wanted = new Set(queryTerms);
  const re = /[\p{L}\p{N}]+/gu;
  const hits: number[] = [];
  for (let m = re.exec(flat); m; m = re.exec(flat)) {
    const t = firstTerm(m[0]);
    if (t !== undefined && wanted.has(t)) hits.push(m.index);
    if (hits.length > 200) break;
  }
  let best = 0;
  let bestCount = 0;
  for (let i = 0, j = 0; i < hits.length; i++) {
    while ((hits[j] ?? 0) < (hits[i] ?? 0) - SNIPPET_LENGTH + 20) j++;
    if (i - j + 1 > bestCount) {
      bestCount = i - j + 1;
      best = hits[j] ?? 0;
    }
  }
  let start = Math.max(0, best - 30);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space === -1 ? start : space + 1;
  }
  let end = Math.min(flat.length, start + SNIPPET_LENGTH);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    end = space > start ? space : end;
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
