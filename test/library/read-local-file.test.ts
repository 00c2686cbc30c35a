import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLocalFile, writeNewLocalFile } from '../../src/library/read-local-file.js';

describe('files named in the shell', () => {
  let home: string;
  const saved = process.env.HOME;
  beforeEach(async () => {
    home = await mkdtemp(join(tmpdir(), 'briefbot-home-'));
    process.env.HOME = home;
  });
  afterEach(() => {
    process.env.HOME = saved;
  });

  it('GIVEN a path starting with ~/ THEN it is read from the home folder, as a shell user expects', async () => {
    await writeFile(join(home, 'story.txt'), 'Port reopens\nShips sailed.');
    expect(new TextDecoder().decode(await readLocalFile('~/story.txt', 10_000))).toBe('Port reopens\nShips sailed.');
  });

  it('GIVEN export to ~/new.md THEN the file is written in the home folder', async () => {
    await writeNewLocalFile('~/new.md', 'text');
    expect(await readFile(join(home, 'new.md'), 'utf8')).toBe('text');
  });

  it('GIVEN ~someone/x, another user\'s home THEN it is taken literally, and a missing file says so', async () => {
    await expect(readLocalFile('~nobody/x.txt', 10_000)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
