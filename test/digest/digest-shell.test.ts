import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { ROOT } from '../support/tsx-loader.js';


/** The shell with digests on, as a user would run it. */
function shell(input: string, env: Record<string, string>, cwd: string) {
  return runCli(['start'], input, { BRIEFBOT_SHELL: 'on', LOG_LEVEL: 'warn', ...env }, cwd);
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

  it('GIVEN a tag that is only a zero-width space, in a digest\'s tags or a list filter THEN it is refused naming the character, and nothing is subscribed', async () => {
    const env = { BRIEFINGS_DIR: join(work, 'briefings'), SQLITE_PATH: join(work, 'data', 'invisible.db') };
    const run = await shell('/digest subscribe at 08:00 tags diplomacy,\u200b\n/briefing list \u200b\n/digest subscribe at 08:00 tags \u3164\n/digest list\n', env, work);
    expect(run.code).toBe(0);
    const out = run.stdout.replace(/\s+/g, ' ');
    expect(out.match(/a tag cannot be only invisible characters \(this one is U\+200B\)/g)).toHaveLength(2);
    expect(out).toContain('(this one is U+3164)');
    expect(run.stdout).not.toContain('Digest subscribed');
    expect(run.stdout).not.toContain('\u200b');
    expect(out).toMatch(/No channel|no digest|No digest/i);
  }, 60_000);

  it('GIVEN tags that name no tag at all (",,," or "#") THEN subscribe refuses them, rather than saving a digest of every briefing', async () => {
    const env = { BRIEFINGS_DIR: join(work, 'briefings'), SQLITE_PATH: join(work, 'data', 'no-tags.db') };
    const run = await shell('/digest subscribe at 08:00 tags ,,,\n/digest subscribe at 08:00 tags #\n/digest list\n', env, work);
    expect(run.code).toBe(0);
    const out = run.stdout.replace(/\s+/g, ' ');
    expect(out.match(/names no tag/g)).toHaveLength(2);
    expect(run.stdout).not.toContain('Digest subscribed');
  }, 60_000);
});
