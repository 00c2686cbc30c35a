import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/check-command.js';
import { capture } from '../support/capture-stream.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefbot-check-'));
  await mkdir(join(dir, 'lib'));
  await writeFile(join(dir, 'lib', 'ok.md'), '---\ntitle: Fine\n---\nText.');
  await writeFile(join(dir, 'lib', 'bad.md'), '---\ntitle: Bad\ntags: x\n---\nText.');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function check(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = capture();
  const stderr = capture();
  const code = await runCheck(args, { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('briefbot check', () => {
  it('GIVEN a folder that does not exist THEN it fails instead of reporting "0 briefings, all valid"', async () => {
    const run = await check([join(dir, 'briefngs')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`cannot check ${join(dir, 'briefngs')}: no such folder or file\n`);
  });

  it('GIVEN a story saved as .txt or .markdown in the folder THEN check says the bot will not read it, instead of passing the folder as all valid', async () => {
    const lib = join(dir, 'with-txt');
    await mkdir(lib);
    await writeFile(join(lib, 'ok.md'), '---\ntitle: Fine\n---\nText.');
    await writeFile(join(lib, 'story.txt'), 'A title\n\nThe text.');
    await writeFile(join(lib, 'other.markdown'), '---\ntitle: Other\n---\nText.');
    await writeFile(join(lib, '.gitkeep'), '');
    const run = await check([lib]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^other\.markdown: file: only \.md files in a folder are briefings; the bot does not read this one/m);
    expect(run.stdout).toMatch(/^story\.txt: file: only \.md files/m);
    expect(run.stdout).not.toContain('gitkeep');
    expect(run.stdout).toMatch(/2 problems in 2 files; 1 briefing valid\.$/m);
  });

  it('GIVEN one briefing file THEN that file alone is checked, as the library would read it', async () => {
    const good = await check([join(dir, 'lib', 'ok.md')]);
    expect(good.code).toBe(0);
    expect(good.stdout).toBe(`1 briefing in ${join(dir, 'lib', 'ok.md')}, all valid.\n`);
    const bad = await check([join(dir, 'lib', 'bad.md')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^bad\.md: tags: tags must be a list/);
    expect(bad.stdout).toMatch(/1 problem in 1 file; 0 briefings valid\.\n$/);
  });

  it('GIVEN BRIEFING_MAX_BYTES and BRIEFINGS_DIR configured THEN check applies the limit the bot applies and checks that folder by default', async () => {
    await mkdir(join(dir, 'big'));
    await writeFile(join(dir, 'big', 'long.md'), `---\ntitle: Long\n---\n${'The minister said the plan would work. '.repeat(6000)}`);
    const settings = async () => ({ briefingsDir: join(dir, 'big'), maxBodyBytes: 400 * 1024 });
    const stdout = capture();
    const stderr = capture();
    expect(await runCheck([], { stdout: stdout.stream, stderr: stderr.stream }, settings)).toBe(0);
    expect(stdout.text()).toBe(`1 briefing in ${join(dir, 'big')}, all valid.\n`);
    const strict = await check(['--max-bytes', '204800', join(dir, 'big')]);
    expect(strict.stdout).toMatch(/long\.md: body: the text is 229 KB; the limit is 200 KB/);
  });

  it('GIVEN one .txt file, as /briefing add takes THEN it is checked as add reads it: first line the title', async () => {
    await writeFile(join(dir, 'story.txt'), 'Port reopens after storm\nShips sailed again on Monday.\n');
    await writeFile(join(dir, 'empty.txt'), 'Only a title\n');
    const good = await check([join(dir, 'story.txt')]);
    expect(good.code).toBe(0);
    expect(good.stdout).toBe(`1 briefing in ${join(dir, 'story.txt')}, all valid.\n`);
    const bad = await check([join(dir, 'empty.txt')]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^empty\.txt: body: the text is empty: in a \.txt file the first line is the title \("Only a title"\)/);
  });

  it('GIVEN a folder THEN every file in it is checked', async () => {
    const run = await check([join(dir, 'lib')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/bad\.md: tags:/);
    expect(run.stdout).toMatch(/1 briefing valid\.\n$/);
  });
});
