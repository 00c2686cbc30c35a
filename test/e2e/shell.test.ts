import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.js';
import { ROOT } from '../support/tsx-loader.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';



let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'briefbot-shell-'));
  await cp(join(ROOT, 'briefings'), join(work, 'briefings'), { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

const env = () => ({ BRIEFINGS_DIR: join(work, 'briefings'), SQLITE_PATH: join(work, 'data', 'test.db'), LOG_LEVEL: 'warn', DIGESTS: 'off' });

describe('the shell as a child process', { timeout: 60_000 }, () => {
  it('GIVEN piped commands THEN each is answered on stdout in order, logs stay on stderr, and it exits 0 at end of input', async () => {
    const run = await runCli(['start'], '/briefing korea-japan\n/briefing list\n/briefing search fishing quotas\n/briefing korea japn quotes\n', env(), work);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("■ S. Korea-Japan foreign ministers hold talks on bilateral ties and N. Korea's nuclear issue");
    expect(out).toContain('Arirang News · 2018-04-11');
    expect(out).toMatch(/Summary\n/);
    expect(out).toMatch(/Key quotes\n/);
    expect(out).toContain('— Kang Kyung-wha');
    expect(out).toContain('— Taro Kono');
    expect(out).toMatch(/Issues\n/);
    expect(out.indexOf('■ S. Korea-Japan')).toBeLessThan(out.indexOf('■ Briefings'));
    expect(out).toContain('■ Search: fishing quotas');
    expect(out).not.toMatch(/"level":/);
  });

  it('GIVEN an unknown slug THEN the shell suggests the closest one and carries on', async () => {
    const run = await runCli([], 'briefing koreajapan-talks\n/help\n', env(), work);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Did you mean korea-japan/);
    expect(run.stdout).toContain('/briefing search <query>');
  });

  it('GIVEN an invalid setting THEN start-up fails listing it, before reading any input', async () => {
    const run = await runCli(['start'], '/help\n', { ...env(), PORT: 'eighty', DISCORD_TOKEN: 'x' }, work);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/PORT: must be a whole number/);
    expect(run.stderr).toMatch(/DISCORD_APP_ID/);
    expect(run.stdout).toBe('');
  });
});

describe('briefbot check', { timeout: 60_000 }, () => {
  it('GIVEN the bundled library THEN every briefing is valid', async () => {
    const run = await runCli(['check', join(ROOT, 'briefings')], '', env(), work);
    expect(run.stdout).toMatch(/all valid/);
    expect(run.code).toBe(0);
  });

  it('GIVEN a bad file THEN it prints each problem and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'check-'));
    await writeFile(join(dir, 'ok.md'), '---\ntitle: Fine\n---\nText.');
    await writeFile(join(dir, 'Bad Name.md'), '---\ntitle: 3\ntags: x\n---\n');
    const run = await runCli(['check', dir], '', env(), work);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Bad Name\.md: tags: tags must be a list/);
    expect(run.stdout).toMatch(/Bad Name\.md: body: the text of the briefing is empty/);
    expect(run.stdout).toMatch(/1 briefing valid/);
  });
});

describe('briefbot analyze', { timeout: 60_000 }, () => {
  it('GIVEN --jsonl THEN one line per input, and a bad line gets an error with its id while the batch goes on', async () => {
    const input = [
      JSON.stringify({ id: 'a', text: '"We will win," said Jane Smith, the coach. The team trained on Monday. Fans were hopeful.' }),
      '{not json',
      JSON.stringify({ id: 'c', text: 42 }),
      JSON.stringify({ id: 'd', text: 'The council met on Tuesday. It approved the budget. Critics objected.' }),
    ].join('\n');
    const run = await runCli(['analyze', '--jsonl'], input, env(), work);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id)).toEqual(['a', 'line-2', 'c', 'd']);
    expect(lines[0]).toMatchObject({ quotes: [expect.objectContaining({ text: expect.stringMatching(/^We will win/), speaker: 'Jane Smith' })] });
    expect(Object.keys(lines[0] as object)).toEqual(['id', 'tldr', 'summary', 'quotes', 'issues', 'entities', 'keywords']);
    expect(lines[1]?.error).toMatch(/not JSON/);
    expect(lines[2]?.error).toMatch(/"text" must be a string/);
    expect((lines[3]?.summary as string[]).length).toBeGreaterThan(0);
  });
});
