import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBriefing, serializeBriefing } from '../../src/core/briefing/parse-briefing.js';
import { SLUG_PATTERN } from '../../src/core/briefing/slug.js';

/**
 * Extends test/properties (JSON-shaped values) with YAML's own hostility: anchors and aliases,
 * tags, merge keys, block scalars, special numbers, invisible characters and chat syntax.
 */
const KEYS = ['title', 'slug', 'source', 'url', 'published', 'tags', 'participants', '__proto__', 'constructor', 'prototype', '<<', 'x'];
const VALUES = [
  'Talks resume', '"Quoted title"', "'single'", '&a Anchored', '*a', '[*a, *a, *a]', '&b [x, y]', '[*b, *b]', '{<<: *b}',
  '!!binary aGVsbG8=', '!custom x', '!!js/function "f(){}"', '!!str 5', '!!int "5"', '!!map {a: 1}',
  '|\n  line one\n  line two', '>-\n  folded', '~', 'null', '.inf', '-.nan', '0x1F', '0o17', '1e400', 'true', 'yes', '2024-01-01', '2024-13-45',
  '[a, b]', '[]', '{}', '{name: Ann}', '[{name: Ann, side: A}]', '[{name: "\\u202EnnA"}]', '[{role: x}]',
  '"\\u200B\\u200B"', '"Ta\\u200Blks"', '"\\u202Eevil"', '"@everyone <!channel> <@&1>"', '"../../etc/passwd"', 'CON', 'korea-japan', '"kore\\u0430"',
  '"https://news.example/a"', '"javascript:alert(1)"', '"\\x07bell"', `"${'x'.repeat(300)}"`, `[${Array.from({ length: 60 }, (_, i) => `t${i}`).join(', ')}]`,
];

const key = fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...KEYS) }, { weight: 3, arbitrary: fc.constantFrom('source', 'tags', 'participants', 'published', 'url') });
// A title first (often a plain one) so that some documents are accepted and the property bites.
const title = fc.oneof({ weight: 2, arbitrary: fc.constant('Talks resume') }, { weight: 1, arbitrary: fc.constantFrom(...VALUES) });
const document = fc
  .tuple(title, fc.array(fc.tuple(key, fc.constantFrom(...VALUES)), { maxLength: 4 }))
  .map(([t, pairs]) => [`title: ${t}`, ...pairs.map(([k, v]) => `${k}: ${v}`)].join('\n'));
const body = fc.oneof(fc.constant('The council met on Monday.'), fc.constant(''), fc.string({ maxLength: 200 }));

describe('front-matter validation, on hostile YAML', () => {
  it('GIVEN any mix of anchors, tags, merge keys, odd scalars and hostile text THEN parsing never throws and an accepted briefing is clean and stable', () => {
    let accepted = 0;
    fc.assert(
      fc.property(document, body, (yaml, text) => {
        const started = performance.now();
        const result = parseBriefing(`---\n${yaml}\n---\n\n${text}`, { fileName: 'story.md' });
        expect(performance.now() - started).toBeLessThan(1000);
        expect(({} as Record<string, unknown>).name).toBeUndefined();
        expect(({} as Record<string, unknown>).a).toBeUndefined();
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          return;
        }
        accepted++;
        const b = result.briefing;
        expect(b.slug).toMatch(SLUG_PATTERN);
        expect(typeof b.title).toBe('string');
        // eslint-disable-next-line no-control-regex
        for (const s of [b.title, b.source ?? '', ...b.tags, ...b.participants.flatMap((p) => [p.name, p.role ?? '', p.side ?? '', ...p.aliases])]) expect(s).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/);
        expect(b.tags.length).toBeLessThanOrEqual(50);
        for (const t of b.tags) expect(t).toBe(t.toLowerCase());
        if (b.url) expect(b.url).toMatch(/^https?:\/\//);
        expect(parseBriefing(serializeBriefing(b))).toEqual({ ok: true, briefing: b });
      }),
      { numRuns: 600 },
    );
    // The property says something about accepted briefings only if some are accepted.
    expect(accepted).toBeGreaterThan(5);
  });
});
