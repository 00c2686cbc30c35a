import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { type RunningApp, startApp } from '../../../src/app/compose.js';
import { loadConfig } from '../../../src/config/config.js';
import { FakeDiscord } from '../../fakes/fake-discord.js';

describe('npm start with Discord settings', () => {
  const fake = new FakeDiscord();
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-discord-start-'));
  let app: RunningApp | undefined;
  afterAll(async () => {
    await app?.stop();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN DISCORD_TOKEN, DISCORD_APP_ID and DISCORD_API_URL THEN the app connects to the gateway and answers /briefing with a card from the library', async () => {
    await fake.start();
    const config = loadConfig({
      DISCORD_TOKEN: 'fake-bot-token',
      DISCORD_APP_ID: fake.appId,
      DISCORD_API_URL: fake.apiUrl,
      BRIEFINGS_DIR: join(process.cwd(), 'test', 'fixtures', 'discord-briefings'),
      SQLITE_PATH: join(dir, 'briefbot.db'),
      HTTP_SERVER: 'off',
      DIGESTS: 'off',
      BRIEFBOT_SHELL: 'off',
      LOG_LEVEL: 'silent',
    });
    app = await startApp(config, { stdin: Readable.from([]), stdout: new PassThrough(), stderr: new PassThrough() });
    expect(app.platforms.map((p) => p.name)).toEqual(['discord']);
    expect(app.platforms[0]?.isReady()).toBe(true);

    const i = fake.slashCommand('briefing', [{ type: 3, name: 'topic', value: 'harbour ferry' }], { id: '800000000000000001', username: 'alice' });
    const cb = await fake.waitFor(() => fake.answersTo(i).find((r) => r.path.endsWith('/callback')), 15_000);
    const reply = cb.body.type === 5 ? await fake.waitFor(() => fake.answersTo(i).find((r) => r.method === 'PATCH')) : cb;
    const embed = (reply.body.data ?? reply.body).embeds[0];
    expect(embed.title).toBe('Harbour ferry returns');
    expect(JSON.stringify(embed)).toContain('Summary');
  }, 60_000);
});
