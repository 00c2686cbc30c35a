import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../../fakes/fake-discord.js';

const run = promisify(execFile);

describe('npm run discord:register (scripts/register-discord-commands.ts)', () => {
  const fake = new FakeDiscord();
  beforeAll(() => fake.start());
  afterAll(() => fake.stop());

  const env = (extra: Record<string, string>) => ({
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    DISCORD_TOKEN: 'fake-bot-token',
    DISCORD_APP_ID: fake.appId,
    DISCORD_API_URL: fake.apiUrl,
    LOG_LEVEL: 'silent',
    ...extra,
  });
  const script = ['--import', 'tsx', 'scripts/register-discord-commands.ts'];

  it('GIVEN DISCORD_GUILD_ID THEN one bulk overwrite registers every command to that server, and a second run sends the same body', async () => {
    const first = await run(process.execPath, script, { env: env({ DISCORD_GUILD_ID: fake.guildId }), cwd: process.cwd() });
    expect(first.stdout).toMatch(/Registered \d+ commands for server/);
    await run(process.execPath, script, { env: env({ DISCORD_GUILD_ID: fake.guildId }), cwd: process.cwd() });
    const puts = fake.requests.filter((r) => r.method === 'PUT');
    expect(puts).toHaveLength(2);
    expect(puts[0]?.path).toBe(`/applications/${fake.appId}/guilds/${fake.guildId}/commands`);
    expect(puts[0]?.body.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['briefing', 'briefings', 'briefing-admin', 'help']));
    expect(puts[1]?.body).toEqual(puts[0]?.body);
  }, 60_000);

  it('GIVEN no guild THEN the commands are registered globally', async () => {
    await run(process.execPath, script, { env: env({}), cwd: process.cwd() });
    expect(fake.requests.filter((r) => r.method === 'PUT').at(-1)?.path).toBe(`/applications/${fake.appId}/commands`);
  }, 60_000);

  it('GIVEN no Discord credentials THEN it explains what to set and exits with 2', async () => {
    const failure = await run(process.execPath, script, { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' }, cwd: process.cwd() }).catch((e: { code: number; stderr: string }) => e);
    expect((failure as { code: number }).code).toBe(2);
    expect((failure as { stderr: string }).stderr).toContain('DISCORD_TOKEN');
  }, 60_000);
});
