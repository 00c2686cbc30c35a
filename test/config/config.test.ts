import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return [...e.problems];
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('GIVEN no settings THEN the shell runs on SQLite with the documented defaults', () => {
    const c = loadConfig({ SHELL: '/bin/bash' });
    expect(c.shell).toBe(true);
    expect(c.discord).toBeUndefined();
    expect(c.env.BRIEFING_MAX_BYTES).toBe(204800);
    expect(c.env.SQLITE_PATH).toBe('./data/briefbot.db');
    expect(c.env.RATE_LIMIT_COMMANDS).toBe(10);
  });

  it('GIVEN Discord credentials THEN the shell is off unless asked for', () => {
    expect(loadConfig({ DISCORD_TOKEN: 'abc', DISCORD_APP_ID: '1' }).shell).toBe(false);
    expect(loadConfig({ DISCORD_TOKEN: 'abc', DISCORD_APP_ID: '1', BRIEFBOT_SHELL: 'on' }).shell).toBe(true);
  });

  it('GIVEN variables left empty in .env (LOG_LEVEL=, SHELL_USER=) THEN each takes its default, as the numeric ones already did', () => {
    const c = loadConfig({ LOG_LEVEL: '', LOG_FORMAT: ' ', SHELL_USER: '', BRIEFBOT_SHELL: '', BRIEFINGS_DIR: '', SQLITE_PATH: '', HTTP_HOST: '', DIGESTS: '', PORT: '' });
    expect(c.env).toMatchObject({ LOG_LEVEL: 'info', LOG_FORMAT: 'auto', SHELL_USER: 'local', BRIEFBOT_SHELL: 'auto', BRIEFINGS_DIR: './briefings', SQLITE_PATH: './data/briefbot.db', HTTP_HOST: '0.0.0.0', DIGESTS: 'on', PORT: 3000 });
    expect(c.shell).toBe(true);
  });

  it('GIVEN a moderator role, server or user written as a name or a mention instead of an id THEN start-up lists it, rather than no one ever matching', () => {
    const list = problems({ DISCORD_TOKEN: 'abc', DISCORD_APP_ID: '900000000000000001', DISCORD_MODERATOR_ROLE_ID: 'Editors', DISCORD_GUILD_ID: '<#123>', SLACK_MODERATOR_IDS: 'U0123ABCD, @alice' }).join('\n');
    expect(list).toMatch(/DISCORD_MODERATOR_ROLE_ID: must be a role id/);
    expect(list).toMatch(/DISCORD_GUILD_ID: must be a server id/);
    expect(list).toMatch(/SLACK_MODERATOR_IDS: "@alice" is not a Slack user id/);
    const ok = loadConfig({ DISCORD_TOKEN: 'abc', DISCORD_APP_ID: '900000000000000001', DISCORD_MODERATOR_ROLE_ID: ' 900000000000000123 ', SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 'y', SLACK_MODERATOR_IDS: 'U0123ABCD,W0456EFGH' });
    expect(ok.discord?.moderatorRoleId).toBe('900000000000000123');
    expect(ok.slack?.moderatorIds).toEqual(['U0123ABCD', 'W0456EFGH']);
  });

  it('GIVEN several mistakes THEN every one is listed with its variable', () => {
    const list = problems({ PORT: 'eighty', DISCORD_TOKEN: 'abc', SLACK_APP_TOKEN: 'xapp', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
    expect(list.join('\n')).toMatch(/PORT: must be a whole number/);
    expect(list.join('\n')).toMatch(/DISCORD_APP_ID: DISCORD_TOKEN and DISCORD_APP_ID go together/);
    expect(list.join('\n')).toMatch(/SLACK_BOT_TOKEN/);
    expect(list.join('\n')).toMatch(/DATABASE_URL: must start with postgres/);
    expect(list.join('\n')).toMatch(/LOG_LEVEL/);
  });

  it('GIVEN a malformed Discord public key THEN it is refused', () => {
    expect(problems({ DISCORD_TOKEN: 't', DISCORD_APP_ID: '1', DISCORD_PUBLIC_KEY: 'xyz' }).join()).toMatch(/DISCORD_PUBLIC_KEY/);
  });

  it('GIVEN Discord credentials with neither a gateway nor an HTTP endpoint to reach it THEN start-up says so, rather than running with Discord silently unserved', () => {
    const key = 'a'.repeat(64);
    const discord = { DISCORD_TOKEN: 't', DISCORD_APP_ID: '900000000000000001' };
    expect(problems({ ...discord, DISCORD_GATEWAY: 'off' }).join('\n')).toMatch(/DISCORD_GATEWAY: off leaves Discord unserved.*DISCORD_PUBLIC_KEY/);
    expect(problems({ ...discord, DISCORD_PUBLIC_KEY: key, HTTP_SERVER: 'off' }).join('\n')).toMatch(/HTTP_SERVER: off.*POST \/discord\/interactions/);
    // Slack's HTTP receiver serves briefbot's routes on its port, Discord's included.
    expect(loadConfig({ ...discord, DISCORD_PUBLIC_KEY: key, HTTP_SERVER: 'off', SLACK_BOT_TOKEN: 'x', SLACK_SIGNING_SECRET: 'y' }).discord?.publicKey).toBe(key);
    expect(loadConfig({ ...discord, DISCORD_GATEWAY: 'off', DISCORD_PUBLIC_KEY: key }).discord?.publicKey).toBe(key);
    expect(loadConfig({ ...discord, DISCORD_GATEWAY: 'on' }).discord?.token).toBe('t');
  });
});
