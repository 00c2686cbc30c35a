import { describe, expect, it } from 'vitest';
import { SlackModerators } from '../../../src/adapters/slack/moderators.js';
import { silentLogger } from '../../../src/ports/logger.js';

function roles(table: Record<string, { is_admin?: boolean; is_owner?: boolean }>) {
  const asked: string[] = [];
  const usersInfo = async ({ user }: { user: string }) => {
    asked.push(user);
    const u = table[user];
    return u ? { ok: true, user: u } : { ok: false };
  };
  return { asked, usersInfo };
}

describe('SlackModerators', () => {
  it('GIVEN admins, owners, listed users and members THEN only the first three moderate', async () => {
    const { usersInfo } = roles({ A: { is_admin: true }, O: { is_owner: true }, M: {} });
    const m = new SlackModerators({ listed: ['L'], usersInfo, logger: silentLogger });
    expect(await Promise.all(['A', 'O', 'L', 'M', 'X'].map((u) => m.isModerator(u)))).toEqual([true, true, true, false, false]);
  });

  it('GIVEN the same user twice within the cache time THEN Slack is asked once, and again after it', async () => {
    const { asked, usersInfo } = roles({ A: { is_admin: true } });
    let now = 0;
    const m = new SlackModerators({ listed: [], usersInfo, logger: silentLogger, ttlMs: 1000, now: () => now });
    await m.isModerator('A');
    await m.isModerator('A');
    expect(asked).toEqual(['A']);
    now = 1500;
    await m.isModerator('A');
    expect(asked).toEqual(['A', 'A']);
  });

  it('GIVEN users.info fails THEN the user is not a moderator', async () => {
    const m = new SlackModerators({ listed: [], usersInfo: async () => Promise.reject(new Error('boom')), logger: silentLogger });
    expect(await m.isModerator('A')).toBe(false);
  });

  it('GIVEN users.info fails THEN Slack is not asked again, nor a warning logged, until the short failure time has passed', async () => {
    let calls = 0;
    let failing = true;
    const usersInfo = async () => {
      calls += 1;
      if (failing) throw new Error('user_not_found');
      return { ok: true, user: { is_admin: true } };
    };
    const warnings: string[] = [];
    const logger = { ...silentLogger, warn: (_o: object, msg?: string) => void warnings.push(msg ?? '') };
    let now = 0;
    const m = new SlackModerators({ listed: [], usersInfo, logger, ttlMs: 60_000, failureTtlMs: 1000, now: () => now });
    for (let i = 0; i < 50; i += 1) expect(await m.isModerator('A')).toBe(false);
    expect(calls).toBe(1);
    expect(warnings).toHaveLength(1);
    now = 999;
    expect(await m.isModerator('A')).toBe(false);
    expect(calls).toBe(1);
    // Once the failure has expired Slack is asked again, and a recovered Slack is believed.
    now = 1000;
    failing = false;
    expect(await m.isModerator('A')).toBe(true);
    expect(calls).toBe(2);
    expect(warnings).toHaveLength(1);
  });

  it('GIVEN a burst of commands from one user before Slack answers THEN Slack is asked once', async () => {
    let calls = 0;
    let answer: (v: { ok: boolean; user: { is_admin: boolean } }) => void = () => {};
    const usersInfo = () => {
      calls += 1;
      return new Promise<{ ok: boolean; user: { is_admin: boolean } }>((resolve) => (answer = resolve));
    };
    const m = new SlackModerators({ listed: [], usersInfo, logger: silentLogger });
    const burst = Promise.all(Array.from({ length: 20 }, () => m.isModerator('A')));
    answer({ ok: true, user: { is_admin: true } });
    expect(await burst).toEqual(Array.from({ length: 20 }, () => true));
    expect(calls).toBe(1);
  });
});
