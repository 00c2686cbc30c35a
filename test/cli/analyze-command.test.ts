import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalyze } from '../../src/cli/analyze-command.js';
import { capture } from '../support/capture-stream.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefbot-analyze-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Runs `briefbot analyze ARGS` in this process with `stdin` as standard input. */
async function analyzeCli(args: string[], stdin: string | Buffer = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = capture();
  const stderr = capture();
  const code = await runAnalyze(args, { stdin: Readable.from([Buffer.from(stdin)]), stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

const STORY = '"We will win," said Jane Smith, the coach. The team trained on Monday. Fans were hopeful.';

describe('briefbot analyze FILE|-', () => {
  it('GIVEN a story on standard input THEN it prints the readable analysis and exits 0', async () => {
    const run = await analyzeCli(['-'], STORY);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('TL;DR:');
    expect(run.stdout).toContain('— Jane Smith');
  });

  it('GIVEN two files, or a file with --jsonl THEN it refuses with exit 2 instead of silently analysing one of them', async () => {
    const a = join(dir, 'a.txt');
    const b = join(dir, 'b.txt');
    await writeFile(a, STORY);
    await writeFile(b, 'The council met on Tuesday. It approved the budget.');
    const two = await analyzeCli([a, b]);
    expect(two.code).toBe(2);
    expect(two.stdout).toBe('');
    expect(two.stderr).toContain(`got ${a} and ${b}`);
    const withJsonl = await analyzeCli([a, '--jsonl'], '{"id":"x","text":"Hello there."}\n');
    expect(withJsonl.code).toBe(2);
    expect(withJsonl.stderr).toContain('--jsonl reads JSON Lines on standard input');
    expect((await analyzeCli(['-', '--jsonl'], '{"id":"x","text":"The council met."}\n')).code).toBe(0);
  });

  it('GIVEN a missing file or a folder THEN the error says so in words and the exit code is 1', async () => {
    const missing = await analyzeCli([join(dir, 'nope.md')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`cannot read ${join(dir, 'nope.md')}: no such file\n`);
    const folder = await analyzeCli([dir]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain('it is a folder, not a file');
  });

  it('GIVEN bytes that are not UTF-8, or binary text THEN nothing is analysed and the error names the problem', async () => {
    const latin1 = join(dir, 'latin1.txt');
    await writeFile(latin1, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73, 0x2e]));
    const bad = await analyzeCli([latin1]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe(`${latin1} is not valid UTF-8 text; nothing was analysed\n`);
    const binary = await analyzeCli(['-'], Buffer.from('PK\u0003\u0004\u0000\u0000 zip'));
    expect(binary.code).toBe(1);
    expect(binary.stderr).toContain('standard input is binary, not text');
  });

  it('GIVEN empty or blank input THEN it says there is no text to analyse instead of printing an empty analysis', async () => {
    for (const blank of ['', ' \n\t\n']) {
      const run = await analyzeCli(['-'], blank);
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('standard input holds no text to analyse\n');
    }
  });

  it('GIVEN a briefing whose front-matter is wrong THEN its problems are listed instead of analysing the YAML as story text', async () => {
    const file = join(dir, 'bad.md');
    await writeFile(file, `---\ntitle: [unclosed\n---\n${STORY}\n`);
    const run = await analyzeCli([file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^.*bad\.md is not a valid briefing:\n {2}\S/);
  });

  it('GIVEN a valid briefing THEN its title heads the output and its body, not its front-matter, is analysed', async () => {
    const file = join(dir, 'good.md');
    await writeFile(file, `---\ntitle: Coach confident before the final\n---\n${STORY}\n`);
    const run = await analyzeCli([file]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('Coach confident before the final');
    expect(run.stdout).not.toContain('title:');
  });
});

describe('briefbot analyze --jsonl', () => {
  it('GIVEN a line with empty text THEN that line gets an error and the batch goes on', async () => {
    const input = [JSON.stringify({ id: 'e', text: '  ' }), JSON.stringify({ id: 'f', text: STORY })].join('\n');
    const run = await analyzeCli(['--jsonl'], input);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toEqual({ id: 'e', error: '"text" is empty' });
    expect(lines[1]).toMatchObject({ id: 'f', quotes: [expect.objectContaining({ speaker: 'Jane Smith' })] });
  });
});
