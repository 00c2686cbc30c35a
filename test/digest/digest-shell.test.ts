import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, TSX_IMPORT } from '../support/tsx-loader.js';

const CLI = join(ROOT, 'src', 'cli', 'main.ts');

function shell(input: string, env: Record<string, string>, cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', TSX_IMPORT, CLI, 'start'], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', BRIEFBOT_SHELL: 'on', LOG_LEVEL: 'warn', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'briefbot-digest-shell-'));
  // Copied now, so every briefing counts as updated since the previous digest.
  await cp(join(ROOT, 'briefings'), join(work, 'briefings'), { recursive: true });
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('digests in the shell', () => {
  it('GIVEN a subscription made in the shell THEN send-now posts the digest there, and after a restart status still shows the subscription and that delivery', async () => {
    const env = { BRIEFINGS_DIR: join(work, 'briefings'), SQLITE_PATH: join(work, 'data', 'digests.db') };
    const first = await shell('/digest subscribe at 07:15 tz europe/london days weekdays style full\n/digest send-now\n', env, work);
    expect(first.code).toBe(0);
    const out = first.stdout.replace(/\s+/g, ' ');
    expect(first.stdout).toContain('Digest subscribed');
    expect(out).toContain('07:15 Europe/London · weekdays');
    expect(first.stdout).toMatch(/■ Digest · \w{3} \d+ \w{3} \d{4}/);
    expect(out).toMatch(/Posted the digest \(\d+ briefings?\) in the shell/);
    expect(first.stdout).toContain('/briefing ');

    const second = await shell('/digest status\n', env, work);
    expect(second.code).toBe(0);
    // The shell wraps long lines.
    const status = second.stdout.replace(/\s+/g, ' ');
    expect(status).toMatch(/Next run: \w{3} \d+ \w{3} \d{4}, 07:15 \(Europe\/London\)/);
    expect(status).toMatch(/delivered \(sent on request, \d+ briefings?\)/);
  }, 60_000);
});
