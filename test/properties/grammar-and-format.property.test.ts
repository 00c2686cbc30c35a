import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/core/briefing/parse-briefing.js';
import { SLUG_PATTERN } from '../../src/core/briefing/slug.js';
import { parseCommandLine } from '../../src/core/commands/parse-command-line.js';
import { BriefbotError } from '../../src/core/errors.js';
import { loadCommands } from '../../src/dispatch/load-commands.js';
import { renderText } from '../../src/adapters/shell/render-text.js';
import type { ReplyDocument } from '../../src/core/render/document.js';

const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('@everyone', '<!channel>', '<@&123>', '"', '*', "' OR 1=1 --", '\u202E', '\u200B', '\u001b[2J', 'at', 'tz', 'public', 'list'),
);

describe('the command grammar, on any input', () => {
  it('GIVEN any line THEN it parses or fails with a typed error, never anything else', async () => {
    const data = [...(await loadCommands()).values()].map((c) => c.data);
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 12 }), fc.constantFrom('/briefing', '/help', '/digest', '/x', ''), (words, head) => {
        const line = [head, ...words].join(' ');
        try {
          const parsed = parseCommandLine(line, data);
          for (const o of parsed.data.options) {
            const v = parsed.args[o.name];
            if (v === undefined) expect(o.required).not.toBe(true);
            else if (o.choices) expect(o.choices).toContain(v);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(BriefbotError);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('front-matter validation, on any input', () => {
  it('GIVEN any front-matter THEN parsing never throws, and an accepted briefing is well-formed', () => {
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }));
    const key = fc.constantFrom('title', 'slug', 'source', 'url', 'published', 'tags', 'participants', '__proto__', 'constructor', 'x');
    fc.assert(
      fc.property(fc.dictionary(key, value), fc.string(), (fm, body) => {
        const yaml = Object.entries(fm)
          .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
          .join('\n');
        const result = parseBriefing(`---\n${yaml}\n---\n${body}`, { fileName: 'story.md' });
        if (result.ok) {
          expect(result.briefing.slug).toMatch(SLUG_PATTERN);
          expect(result.briefing.title.trim().length).toBeGreaterThan(0);
          expect(result.briefing.body.trim().length).toBeGreaterThan(0);
          expect(Array.isArray(result.briefing.tags)).toBe(true);
        } else {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const p of result.problems) expect(p.file).toBe('story.md');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('the shell renderer, on any document', () => {
  it('GIVEN hostile text THEN no terminal control sequence reaches the terminal', () => {
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('\u001b', '\u0007', '\u009b', '\r'), fc.string({ maxLength: 1 })) });
    fc.assert(
      fc.property(text, text, text, (title, body, quote) => {
        const doc: ReplyDocument = {
          title,
          sections: [{ title: body, blocks: [{ kind: 'text', text: body }, { kind: 'quote', text: quote, attribution: title }] }],
          actions: [{ label: quote, command: body }],
          visibility: 'private',
        };
        // eslint-disable-next-line no-control-regex
        expect(renderText(doc)).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
      }),
      { numRuns: 300 },
    );
  });
});
