import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parseBriefing } from '../../src/core/briefing/parse-briefing.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresForTests, uniqueSchema } from '../support/postgres.js';
import { runCli } from '../support/run-cli.js';
import { ROOT } from '../support/tsx-loader.js';

const pgUrl = await postgresForTests();


/** Splits the shell's output into one reply per command (each starts with "■ " or an error line). */
const lines = (s: string) => s.split('\n');

let work: string;
const schemas: string[] = [];
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'briefbot-moderation-'));
  await cp(join(ROOT, 'briefings'), join(work, 'briefings'), { recursive: true });
  await writeFile(
    join(work, 'harbour.md'),
    '---\ntitle: Harbour ferry fares frozen for a year\ntags: [transport, local]\nparticipants:\n  - name: Dana Okafor\n    role: transport commissioner\n---\n\nThe city froze ferry fares for a year, the transport commissioner said on Monday.\n"Fares will not rise while the new boats are delivered," Okafor said.\n',
  );
  await writeFile(join(work, 'harbour-copy.txt'), 'A copy under another title\n\nThe city froze ferry fares for a year,   the transport commissioner said on Monday.\n"Fares will not rise while the new boats are delivered," Okafor said.\n');
  await writeFile(join(work, 'rail.txt'), 'Night trains return to the coast line\n\nOperators restored two night services after a five-year gap.\n');
  await writeFile(join(work, 'korea-fix.txt'), 'Korea and Japan ministers meet in Seoul\n\nThe foreign ministers met in Seoul and agreed to keep talking about the North.\n');
  await writeFile(join(work, 'no-title.md'), '---\ntags: [x]\n---\n\nA body without a title.\n');
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
  if (pgUrl) {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    for (const s of schemas) await client.query(`drop schema if exists "${s}" cascade`);
    await client.end();
  }
});

const sqliteEnv = () => ({
  BRIEFINGS_DIR: join(work, 'briefings'),
  SQLITE_PATH: join(work, 'data', 'nested', 'briefbot.db'),
  BRIEFBOT_SHELL: 'on',
  LOG_LEVEL: 'warn',
  DIGESTS: 'off',
});

const SESSION = [
  '/briefing add harbour.md',
  '/briefing add rail.txt',
  '/briefing add harbour-copy.txt',
  '/briefing add briefings/korea-japan.md',
  '/briefing add no-title.md',
  '/briefing add missing-file.md',
  '/briefing edit korea-japan korea-fix.txt',
  '/briefing korea-japan',
  '/briefing remove night-trains-return-to-the-coast-line',
  '/briefing list',
  '/briefing restore night-trains-return-to-the-coast-line',
  '/briefing revert korea-japan 0',
  '/briefing history korea-japan',
  '/briefing export harbour',
  '/briefing export korea-japan to exported/korea-japan.md',
].join('\n');

async function moderationSession(env: Record<string, string>): Promise<void> {
  await rm(join(work, 'exported'), { recursive: true, force: true });
  await mkdir(join(work, 'exported'));
  const run = await runCli(['start'], `${SESSION}\n`, env, work);
  expect(run.code, run.stderr).toBe(0);
  const out = run.stdout;
  // Adds: Markdown with front-matter (slug from the file name), and .txt with the first line as title.
  expect(out).toContain('■ Added "harbour" (revision 1)');
  expect(out).toContain('■ Added "night-trains-return-to-the-coast-line" (revision 1)');
  // The same text under another title, a file's slug, a missing title, a missing file: refused, each saying why.
  expect(out).toMatch(/The same text is already the briefing "harbour"/);
  expect(out).toMatch(/"korea-japan" is already a briefing \(a file in briefings\/\)/);
  expect(out).toMatch(/title/);
  expect(out).toMatch(/Cannot read missing-file\.md: there is no such file/);
  // A file briefing edited in chat: the new text is what readers get.
  expect(out).toContain('■ Saved "korea-japan" as revision 1');
  expect(out).toContain('■ Korea and Japan ministers meet in Seoul');
  // Removed: hidden from the list, then restored.
  expect(out).toContain('■ Removed "night-trains-return-to-the-coast-line" (revision 2)');
  const list = out.slice(out.indexOf('■ Briefings'), out.indexOf('■ Restored'));
  expect(list).toContain('harbour');
  expect(list).not.toContain('night-trains-return-to-the-coast-line');
  expect(out).toContain('■ Restored "night-trains-return-to-the-coast-line" (revision 3)');
  // Revert 0: back to the file's text, as revision 2; history lists 0, 1, 2.
  expect(out).toContain('■ Reverted "korea-japan" (now revision 2)');
  const history = out.slice(out.indexOf('■ History of "korea-japan"'));
  expect(history).toMatch(/r2 \(current\) · revert/);
  expect(history).toMatch(/r1 · edit · .* · local \(shell\)/);
  expect(history).toMatch(/r0 · add · .* · briefings\/korea-japan\.md/);
  // Export: the Markdown file with front-matter.
  const exported = out.slice(out.indexOf('■ harbour.md'));
  expect(exported).toContain('title: Harbour ferry fares frozen for a year');
  expect(exported).toContain('slug: harbour');
  expect(exported).toContain('Fares will not rise while the new boats are delivered');
  // Exported to a file (the shell): byte for byte what the file in briefings/ parses to.
  const file = parseBriefing(await readFile(join(work, 'exported', 'korea-japan.md')));
  const original = parseBriefing(await readFile(join(work, 'briefings', 'korea-japan.md')), { fileName: 'korea-japan.md' });
  expect(file.ok && original.ok && file.briefing).toEqual(original.ok && original.briefing);

  // A second process: everything is still there, and the audit log has every change.
  const again = await runCli(['start'], '/briefing list\n/briefing korea-japan\n', env, work);
  expect(again.code, again.stderr).toBe(0);
  expect(again.stdout).toContain('Harbour ferry fares frozen for a year');
  expect(again.stdout).toContain('Night trains return to the coast line');
  expect(again.stdout).toContain("■ S. Korea-Japan foreign ministers hold talks on bilateral ties and N. Korea's nuclear issue");

  const audit = await runCli(['audit'], '', env, work);
  expect(audit.code, audit.stderr).toBe(0);
  const rows = lines(audit.stdout).filter((l) => /\sshell\s/.test(l));
  expect(rows.map((r) => r.split(/\s{2,}/).slice(3).join(' '))).toEqual([
    'revert korea-japan r2',
    'restore night-trains-return-to-the-coast-line r3',
    'remove night-trains-return-to-the-coast-line r2',
    'edit korea-japan r1',
    'add night-trains-return-to-the-coast-line r1',
    'add harbour r1',
  ]);
}

describe('moderation from the shell (child process)', () => {
  it('GIVEN SQLite (the default) THEN add, edit, remove, restore, revert, history and export work and survive a restart', async () => {
    await moderationSession(sqliteEnv());
  }, 240_000);

  it.skipIf(!pgUrl)('GIVEN DATABASE_URL=postgres://... THEN the same session works on PostgreSQL', async () => {
    const schema = uniqueSchema('bb_e2e');
    schemas.push(schema);
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    await client.query(`create schema "${schema}"`);
    await client.end();
    const url = new URL(pgUrl as string);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const { SQLITE_PATH: _unused, ...env } = sqliteEnv();
    await moderationSession({ ...env, DATABASE_URL: url.toString(), SQLITE_PATH: join(work, 'must-not-exist', 'x.db') });
    expect(existsSync(join(work, 'must-not-exist'))).toBe(false);
  }, 240_000);
});
