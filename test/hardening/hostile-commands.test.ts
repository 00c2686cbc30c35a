import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/core/commands/parse-command-line.js';
import { BriefbotError } from '../../src/core/errors.js';
import { loadCommands } from '../../src/dispatch/load-commands.js';
import { postgresForTests } from '../support/postgres.js';
import { actorOf, RecordingLogger, type Stack, startStack, textOf } from './real-stack.js';

const enc = (s: string) => new TextEncoder().encode(s);
const fm = (yaml: string, body: string) => `---\n${yaml}\n---\n\n${body}\n`;

const SQL = ["' OR 1=1 --", "'; DROP TABLE briefing_revisions; --", '" OR ""="', '1; SELECT pg_sleep(5)', "x') UNION SELECT * FROM briefing_heads --", '%', '_', '\\', '*', '"', "'", '$1', '?', ':name', '\u0000'];

/** Command lines a member (or a curious moderator) might send; each must be answered, nothing else. */
const HOSTILE_LINES = [
  '/briefing frobnicate',
  '/digest frobnicate now',
  '/nosuchcommand',
  '/',
  '',
  '   ',
  '/briefing edit',
  '/briefing revert seed-one',
  '/briefing revert seed-one banana',
  '/briefing revert seed-one -1',
  '/briefing revert seed-one 99999999999999999999',
  '/briefing remove',
  '/briefing history',
  '/briefing list a b c d e f',
  '/briefing history seed-one extra words here',
  `/briefing ${'x'.repeat(3990)}`,
  `/briefing search ${'y'.repeat(3980)}`,
  `/briefing remove ${'z'.repeat(3980)}`,
  `/briefing ${'w'.repeat(4001)}`,
  '/digest subscribe',
  '/digest subscribe at',
  '/digest subscribe at 25:00',
  '/digest subscribe at 12:60',
  '/digest subscribe at 9',
  '/digest subscribe at -1:00',
  '/digest subscribe at 07:00 tz Mars/Olympus',
  '/digest subscribe at 07:00 tz ../../etc/localtime',
  "/digest subscribe at 07:00 tz UTC';DROP",
  '/digest subscribe at 07:00 tz',
  '/digest subscribe at 07:00 days someday',
  '/digest subscribe at 07:00 style loud',
  `/digest subscribe at 07:00 tags ${'t,'.repeat(150)}`,
  '/digest unsubscribe <#C0OTHER> extra',
  ...SQL.flatMap((s) => [`/briefing ${s}`, `/briefing history ${s}`, `/briefing remove ${s}`, `/briefing export ${s}`, `/briefing revert ${s} 1`, `/briefing list ${s}`]),
  '/briefing "unterminated',
  '/briefing “curly',
  '/help ' + '@everyone <!channel> <@&1>',
];

function stackSuite(name: string, pgUrl: () => string | undefined, skip: () => boolean) {
  describe(`hostile commands against the real store (${name})`, () => {
    let stack: Stack;
    const logger = new RecordingLogger();
    const mod = actorOf('slack', 'UMOD', true);
    const member = actorOf('slack', 'UMEMBER', false);
    const shell = actorOf('shell', 'local', true);

    beforeAll(async () => {
      if (skip()) return;
      const url = pgUrl();
      stack = await startStack({ logger, ...(url && { pgUrl: url }) });
      for (const [slug, body] of [
        ['seed-one', 'The harbour authority approved a new ferry route. Critics said the fares were too high.'],
        ['seed-two', "Ministers from both countries met in Seoul. \"We agreed to talk again,\" the minister said."],
      ]) {
        const reply = await stack.run('/briefing add', mod, [{ name: `${slug}.md`, content: enc(fm(`title: ${slug}\nslug: ${slug}\ntags: [drop, "table"]`, body as string)) }]);
        expect(reply.tone, textOf(reply)).not.toBe('error');
      }
    });
    afterAll(async () => {
      await stack?.close();
    });

    const snapshot = async () => ({
      audit: (await stack.store.audit({})).length,
      list: (await stack.library.list()).map((e) => `${e.briefing.slug}@${e.revision}`).sort(),
      subscriptions: (await stack.subscriptions('slack')).length,
    });

    it.skipIf(skip())('GIVEN every hostile line from a moderator, a member and the shell THEN each gets an answer, no unexpected error, and nothing changes', async () => {
      const before = await snapshot();
      for (const actor of [member, mod, shell]) {
        for (const line of HOSTILE_LINES) {
          const reply = await stack.run(line, actor);
          expect(reply.sections.length + (reply.title ? 1 : 0), line).toBeGreaterThan(0);
          // An answer is bounded however long the question was.
          expect(textOf(reply).length, line.slice(0, 60)).toBeLessThan(20_000);
        }
      }
      expect(logger.errors().map((e) => e.msg)).toEqual([]);
      const after = await snapshot();
      // Removing "seed-one" by a moderator with a 4,000-character slug or SQL must not have matched it.
      expect(after).toEqual(before);
    });

    it.skipIf(skip())('GIVEN search text with quotes, wildcards and SQL THEN the search answers normally and the tables are intact', async () => {
      for (const q of [...SQL, '"ferry', 'ferry*', 'ferry OR 1=1', 'fer%', '"" ""', '(ferry', 'ferry)']) {
        const reply = await stack.run(`/briefing search ${q}`, member);
        expect(reply.tone, q).not.toBe('error');
      }
      const hit = await stack.run("/briefing search ferry' OR 1=1 --", member);
      expect(textOf(hit)).toContain('seed-one');
      expect(textOf(hit)).not.toContain('seed-two');
      expect((await stack.library.list()).length).toBe(2);
      expect((await stack.store.audit({ slug: "seed-one' OR '1'='1" })).length).toBe(0);
      expect((await stack.store.audit({ slug: 'seed-one' })).length).toBe(1);
    });

    it.skipIf(skip())('GIVEN invalid times and zones THEN the refusal names the problem and no subscription is made', async () => {
      for (const line of ['/digest subscribe at 25:00', '/digest subscribe at 07:00 tz Mars/Olympus', '/digest subscribe at 07:00 days someday']) {
        const reply = await stack.run(line, mod);
        expect(reply.tone, line).toBe('error');
        expect(textOf(reply), line).toMatch(/time|zone|day/i);
      }
      expect(await stack.subscriptions('slack')).toEqual([]);
      // And a valid one still works afterwards: the process is alive and well.
      const ok = await stack.run('/digest subscribe at 07:30 tz Europe/London', mod);
      expect(ok.tone, textOf(ok)).not.toBe('error');
      expect(await stack.subscriptions('slack')).toHaveLength(1);
      await stack.run('/digest unsubscribe', mod);
    });
  });
}

stackSuite('SQLite', () => undefined, () => false);
let pgUrl: string | undefined;
beforeAll(async () => {
  pgUrl = await postgresForTests();
});
describe('PostgreSQL', () => {
  // Decided at collection time: REQUIRE_POSTGRES=1 makes postgresForTests throw, failing the file.
  const wanted = process.env.TEST_DATABASE_URL !== undefined || process.env.REQUIRE_POSTGRES === '1';
  stackSuite('PostgreSQL', () => pgUrl, () => !wanted);
});

describe('the command grammar, on hostile words (extends test/properties)', () => {
  it('GIVEN any line THEN a parsed option never exceeds its declared length, names only declared options, and lines over 4,000 characters are refused', async () => {
    const data = [...(await loadCommands()).values()].map((c) => c.data);
    const word = fc.oneof(fc.constantFrom(...SQL, 'at', 'tz', 'days', 'tags', 'style', 'note', 'full', 'quotes', '"', '“', '”'), fc.string({ maxLength: 30 }), fc.string({ minLength: 150, maxLength: 700 }));
    fc.assert(
      fc.property(fc.constantFrom('/briefing', '/digest', '/help'), fc.array(word, { maxLength: 15 }), (head, words) => {
        const line = [head, ...words].join(' ');
        try {
          const parsed = parseCommandLine(line, data);
          expect(line.length).toBeLessThanOrEqual(4000);
          const declared = new Map(parsed.data.options.map((o) => [o.name, o]));
          for (const [k, v] of Object.entries(parsed.args)) {
            const o = declared.get(k);
            expect(o, k).toBeDefined();
            if (typeof v === 'string') expect(v.length).toBeLessThanOrEqual(o?.maxLength ?? 200);
            if (typeof v === 'number') expect(Number.isSafeInteger(v)).toBe(true);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(BriefbotError);
          // The refusal is short even when the line was not: no echo of kilobytes of input.
          expect((e as BriefbotError).userMessage.length).toBeLessThan(1500);
        }
      }),
      { numRuns: 400 },
    );
  });
});
