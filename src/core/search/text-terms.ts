import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';

const STOP = new Set(
  'a an and are as at be but by for from has have he her his i in is it its of on or she that the their them they this to was were will with not no'.split(' '),
);

/** Lowercased, accent-folded word tokens of a text (letters and digits only: quotes, stars and SQL are just noise). */
export function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

const stemCache = new Map<string, string>();

/** Search terms: words without stopwords, Porter-stemmed, so "sanctions" finds "sanction". */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    if (STOP.has(w) || w.length > 40) continue;
    let s = stemCache.get(w);
    if (s === undefined) {
      s = PorterStemmer.stem(w);
      if (stemCache.size < 200_000) stemCache.set(w, s);
    }
    out.push(s);
  }
  return out;
}
