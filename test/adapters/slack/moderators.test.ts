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
});
