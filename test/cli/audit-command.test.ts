import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseSince, runAudit } from '../../src/cli/audit-command.js';
import { loadConfig } from '../../src/config/config.js';
import { SqlDigestStore } from '../../src/digest/sql-digest-store.js';
import { openStore } from '../../src/store/open-store.js';
import { capture } from '../support/capture-stream.js';

const dir = mkdtempSync(join(tmpdir(), 'briefbot-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const now = new Date('2026-11-29T12:00:00Z');

describe('parseSince', () => {
  it('GIVEN a time ago, a date or a date-time THEN it is the instant meant, in UTC', () => {
    expect(parseSince('24h', now)?.toISOString()).toBe('2026-11-28T12:00:00.000Z');
    expect(parseSince('7d', now)?.toISOString()).toBe('2026-11-22T12:00:00.000Z');
    expect(parseSince('90m', now)?.toISOString()).toBe('2026-11-29T10:30:00.000Z');
    expect(parseSince('2026-11-01', now)?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(parseSince('2026-11-01T08:30', now)?.toISOString()).toBe('2026-11-01T08:30:00.000Z');
    expect(parseSince('2026-11-01T08:30+09:00', now)?.toISOString()).toBe('2026-10-31T23:30:00.000Z');
  });

  it('GIVEN words or impossible dates THEN it is undefined', () => {
    for (const bad of ['yesterday', '7 days', '2026-13-45', '', '2026-02-30', '2026-04-31T08:00', '2025-02-29']) expect(parseSince(bad, now), bad).toBeUndefined();
    expect(parseSince('2028-02-29', now)?.toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });
});

describe('briefbot audit', () => {
  it('GIVEN briefing and digest changes in the store THEN it prints them newest first, filtered by slug, channel and time', async () => {
    const sqlitePath = join(dir, 'audit.db');
    const { store, database } = await openStore({ sqlitePath });
    const digests = new SqlDigestStore(database.db);
    const author = { platform: 'slack', userId: 'U9', userName: 'sam' };
    const base = { origin: 'store' as const, state: 'active' as const, briefing: null, bodyHash: null, author, change: 'x' };
    await store.commit({ ...base, slug: 'old', basedOn: 0, action: 'add', at: new Date('2026-11-01T09:00:00Z') });
    await store.commit({ ...base, slug: 'new', basedOn: 0, action: 'add', at: new Date('2026-11-29T11:00:00Z') });
    await store.commit({ ...base, slug: 'new', basedOn: 1, action: 'remove', state: 'archived', at: new Date('2026-11-29T11:30:00Z') });
    const subscription = { platform: 'slack' as const, channelId: 'C42', minuteOfDay: 480, timeZone: 'Asia/Seoul', days: [1, 2, 3, 4, 5], tags: [], style: 'compact' as const, noteWhenEmpty: false };
    await digests.upsertSubscription({ ...subscription, createdBy: 'sam', createdById: 'U9', scope: 'T0FAKE' }, new Date('2026-11-29T11:40:00Z'));
    await digests.upsertSubscription({ ...subscription, minuteOfDay: 540, createdBy: 'kim', createdById: 'U7', scope: 'T0FAKE' }, new Date('2026-11-29T11:45:00Z'));
    await store.close();
    const config = () => loadConfig({ SQLITE_PATH: sqlitePath });

    const all = capture();
    expect(await runAudit([], { stdout: all.stream, stderr: all.stream }, config, () => now)).toBe(0);
    const rows = all.text().trim().split('\n');
    expect(rows[0]).toMatch(/^time\s+platform\s+user\s+action\s+subject\s+change$/);
    expect(rows.slice(1).map((r) => r.split(/\s{2,}/).slice(1).join(' | '))).toEqual([
      'slack | kim (U7) | digest-subscribe | channel C42 | time 08:00 → 09:00',
      'slack | sam (U9) | digest-subscribe | channel C42 | new: 08:00 Asia/Seoul · weekdays · compact',
      'slack | sam (U9) | remove | new | r2',
      'slack | sam (U9) | add | new | r1',
      'slack | sam (U9) | add | old | r1',
    ]);
    expect(rows[1]).toMatch(/^2026-11-29 11:45:00Z/);

    const channel = capture();
    await runAudit(['--channel', 'C42', '--json'], { stdout: channel.stream, stderr: channel.stream }, config, () => now);
    expect(channel.text().trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
      expect.objectContaining({ action: 'digest-subscribe', platform: 'slack', userId: 'U7', userName: 'kim', channelId: 'C42', change: 'time 08:00 → 09:00', at: '2026-11-29T11:45:00.000Z' }),
      expect.objectContaining({ action: 'digest-subscribe', userId: 'U9', channelId: 'C42' }),
    ]);

    const recent = capture();
    await runAudit(['--since', '2h', '--json'], { stdout: recent.stream, stderr: recent.stream }, config, () => now);
    expect(recent.text().trim().split('\n').map((l) => (JSON.parse(l) as { slug: string; action: string }).action)).toEqual(['digest-subscribe', 'digest-subscribe', 'remove', 'add']);

    const one = capture();
    await runAudit(['--slug', 'old'], { stdout: one.stream, stderr: one.stream }, config, () => now);
    expect(one.text()).toContain(' old ');
    expect(one.text()).not.toContain(' new ');
    expect(one.text()).not.toContain('C42');
  });

  it.each([['--slug'], ['--channel'], ['--slug', '--json'], ['--since', '--json']])('GIVEN %s without its value THEN it exits 2 instead of printing an empty log', async (...args) => {
    const out = capture();
    let opened = false;
    const code = await runAudit(args, { stdout: out.stream, stderr: out.stream }, () => {
      opened = true;
      return undefined;
    });
    expect(code).toBe(2);
    expect(opened).toBe(false);
    expect(out.text()).toMatch(new RegExp(`^${args[0]} needs a value`));
  });

  it('GIVEN a bad option THEN it exits 2 before opening any database', async () => {
    const out = capture();
    let opened = false;
    const code = await runAudit(['--since', 'soon'], { stdout: out.stream, stderr: out.stream }, () => {
      opened = true;
      return undefined;
    });
    expect(code).toBe(2);
    expect(opened).toBe(false);
    expect(out.text()).toMatch(/--since takes/);
  });
});

describe('briefbot help', () => {
  it('GIVEN the top-level usage THEN its audit line names every filter audit takes, --channel included', async () => {
    const { main } = await import('../../src/app/main.js');
    const out = capture();
    const err = capture();
    expect(await main(['help'], { stdin: process.stdin, stdout: out.stream, stderr: err.stream })).toBe(0);
    const line = out.text().split('\n').find((l) => l.trim().startsWith('briefbot audit')) ?? '';
    for (const option of ['--slug', '--channel', '--since', '--limit', '--json']) expect(line, option).toContain(option);
  });
});
