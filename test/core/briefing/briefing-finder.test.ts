import { describe, expect, it } from 'vitest';
import { BriefingFinder } from '../../../src/core/briefing/briefing-finder.js';
import { type Findable, rankBriefings, resolveSlug } from '../../../src/core/briefing/find-briefing.js';
import { seededRandom as random } from '../../support/seeded-random.js';

// A small vocabulary, so that prefixes, substrings and ties are everywhere.
const WORDS = 'korea japan talks minister ministers summit rates bank central strike union court ruling chip chipmaker fine eu climate river port workers vote budget police report trade china seoul tokyo'.split(' ');

function generatedLibrary(count: number, seed: number): Findable[] {
  const rnd = random(seed);
  const pick = () => WORDS[Math.floor(rnd() * WORDS.length)] as string;
  const library: Findable[] = [];
  for (let i = 0; i < count; i++) {
    const slugWords = Array.from({ length: 1 + Math.floor(rnd() * 3) }, pick);
    // Some slugs start with a number (b123-…), some are plain words, some repeat others' words.
    const slug = rnd() < 0.4 ? [`b${i}`, ...slugWords].join('-') : [...slugWords, String(i)].join('-');
    const titleWords = Array.from({ length: 2 + Math.floor(rnd() * 6) }, pick);
    const decorate = rnd();
    const title =
      decorate < 0.1
        ? `S. ${titleWords.join(' ').toUpperCase()}!`
        : decorate < 0.15
          ? `Café «${titleWords.join(' ')}» – Zürich`
          : decorate < 0.17
            ? '!!!'
            : decorate < 0.2
              ? `${['日韓外相会談', '北朝鮮の核問題', 'Переговоры в Сеуле', 'Σύνοδος κορυφής'][i % 4]} ${i % 3 ? titleWords[0] : ''}`.trim()
              : titleWords.join(' ');
    library.push({ slug, title });
  }
  return library;
}

function queries(library: readonly Findable[], seed: number): string[] {
  const rnd = random(seed);
  const out = ['', ' ', 'k', 'b', '1', 'b1', 'kor', '日韓', '核問題', 'переговоры', 'Σύνοδος κορυφής', '日韓外相会談', 'KOREA JAPAN', 'korea_japan', 'koreajapan', 'inister', 'ministr', 'chip fine', 'zzzzqqq', 'zurich', 'cafe', 'b12tal', 'talks-9'];
  for (let i = 0; i < 150; i++) {
    const c = library[Math.floor(rnd() * library.length)] as Findable;
    const w = WORDS[Math.floor(rnd() * WORDS.length)] as string;
    const r = rnd();
    if (r < 0.2) out.push(w.slice(0, 1 + Math.floor(rnd() * w.length)));
    else if (r < 0.35) out.push(w.slice(1 + Math.floor(rnd() * 2)));
    else if (r < 0.5) out.push(c.slug.slice(0, 1 + Math.floor(rnd() * c.slug.length)));
    else if (r < 0.6) out.push(c.slug.replace(/-/g, ''));
    else if (r < 0.7) out.push(`${w} ${WORDS[Math.floor(rnd() * WORDS.length)] as string}`);
    else if (r < 0.8) {
      // A typo: two letters swapped, or one dropped.
      const s = c.slug;
      const at = Math.floor(rnd() * (s.length - 1));
      out.push(rnd() < 0.5 ? `${s.slice(0, at)}${s[at + 1] ?? ''}${s[at] ?? ''}${s.slice(at + 2)}` : `${s.slice(0, at)}${s.slice(at + 1)}`);
    } else if (r < 0.9) out.push(c.title.slice(0, 3 + Math.floor(rnd() * 12)));
    else out.push(`${w.slice(0, 2)}x${w.slice(2)}`);
  }
  return out;
}

describe('BriefingFinder', () => {
  const library = generatedLibrary(3000, 42);
  const finder = new BriefingFinder(library, (c) => c);

  it('GIVEN a generated library THEN it ranks every query exactly as the scan of every briefing does', () => {
    for (const q of queries(library, 7)) {
      // The scan's best 100 begin with its best 25, 3 and 1.
      const scanned = rankBriefings(q, library, 100).map((c) => c.slug);
      for (const limit of [1, 3, 25, 100]) {
        expect(finder.rank(q, limit).map((c) => c.slug), `${JSON.stringify(q)} limit ${limit}`).toEqual(scanned.slice(0, limit));
      }
    }
  });

  it('GIVEN a generated library THEN it resolves every input exactly as the scan does', () => {
    for (const q of [...queries(library, 11), ...library.slice(0, 50).map((c) => c.slug), ...library.slice(50, 100).map((c) => c.title)]) {
      expect(finder.resolve(q), JSON.stringify(q)).toEqual(resolveSlug(q, library));
    }
  });

  it('GIVEN a query that few slugs match well THEN near misses of the other slugs still rank', () => {
    const small = [
      { slug: 'korea-japan', title: 'Korea and Japan' },
      { slug: 'kroea-talks', title: 'Unrelated' },
      { slug: 'central-bank', title: 'Rates' },
    ];
    const f = new BriefingFinder(small, (c) => c);
    expect(f.rank('korea', 5).map((c) => c.slug)).toEqual(['korea-japan', 'kroea-talks']);
    expect(f.rank('korea', 5)).toEqual(rankBriefings('korea', small, 5));
  });

  it('GIVEN items that are not briefings THEN it ranks them by the briefing each carries', () => {
    const entries = library.slice(0, 200).map((b, i) => ({ briefing: b, n: i }));
    const f = new BriefingFinder(entries, (e) => e.briefing);
    expect(f.rank('min', 10).map((e) => e.briefing.slug)).toEqual(rankBriefings('min', library.slice(0, 200), 10).map((b) => b.slug));
  });
});
