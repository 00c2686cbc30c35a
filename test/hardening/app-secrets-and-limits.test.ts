import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackPlatform } from '../../src/adapters/slack/slack-platform.js';
import { type RunningApp, startApp } from '../../src/app/compose.js';
import { loadConfig } from '../../src/config/config.js';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { FakeSlack } from '../fakes/fake-slack.js';
import { slackSlash } from './platforms.js';

/**
 * The whole app as compose.ts builds it (Slack and Discord against loopback fakes), with real
 * secrets in its configuration: errors are provoked and every byte written to stderr and every
 * reply is searched for them. The per-user rate limit is checked end to end on Slack.
 */
const SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-SECRETBOTTOKEN-hardening',
  SLACK_SIGNING_SECRET: 'SECRETSIGNING0123456789abcdef',
  DISCORD_TOKEN: 'MTE5.SECRET-DISCORD-TOKEN.hardening-zzz',
};

let dir: string;
let app: RunningApp;
let slackFake: FakeSlack;
let discordFake: FakeDiscord;
let stderr = '';
let slackUrl: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'briefbot-app-'));
  mkdirSync(join(dir, 'briefings'));
  writeFileSync(join(dir, 'briefings', 'port-strike.md'), '---\ntitle: Port strike\n---\n\nDock workers walked out on Monday. Ships waited offshore.\n');
  slackFake = new FakeSlack();
  await slackFake.start();
  discordFake = new FakeDiscord();
  await discordFake.start();
  const config = loadConfig({
    ...SECRETS,
    SLACK_API_URL: slackFake.apiUrl,
    SLACK_MODERATOR_IDS: 'U0MOD',
    DISCORD_APP_ID: discordFake.appId,
    DISCORD_API_URL: discordFake.apiUrl,
    BRIEFINGS_DIR: join(dir, 'briefings'),
    SQLITE_PATH: join(dir, 'data', 'briefbot.db'),
    PORT: '0',
    HTTP_HOST: '127.0.0.1',
    BRIEFBOT_SHELL: 'off',
    LOG_LEVEL: 'trace',
    LOG_FORMAT: 'json',
    RATE_LIMIT_COMMANDS: '3',
    RATE_LIMIT_WINDOW_SECONDS: '60',
  });
  const err = new PassThrough();
  err.on('data', (c) => (stderr += String(c)));
  app = await startApp(config, { stdin: new PassThrough(), stdout: new PassThrough(), stderr: err });
  const slack = app.platforms.find((p) => p.name === 'slack') as SlackPlatform;
  slackUrl = `http://127.0.0.1:${slack.port()}/slack/events`;
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await slackFake?.stop();
  await discordFake?.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function slash(text: string, user: string, command = '/briefing'): Promise<string> {
  const responseUrl = slackFake.responseUrl();
  const req = slackSlash(text, { user, responseUrl, command, secret: SECRETS.SLACK_SIGNING_SECRET });
  const res = await fetch(slackUrl, { method: 'POST', headers: req.headers, body: req.body });
  expect(res.status).toBe(200);
  // The answer is the acknowledgement's body when it was ready in time, else it follows on the response_url.
  const ack = await res.text();
  if (ack) return ack;
  const body = await slackFake.waitFor(() => slackFake.responsesTo(responseUrl)[0]?.body, 8000, 'a reply');
  return JSON.stringify(body);
}

describe('the app with secrets in its configuration', () => {
  it('GIVEN one Slack user sends more than RATE_LIMIT_COMMANDS in the window THEN the extra ones get a polite wait message, and other users are still served', async () => {
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) answers.push(await slash('list', 'U0HASTY'));
    expect(answers.slice(0, 3).every((a) => a.includes('Port strike'))).toBe(true);
    for (const a of answers.slice(3)) {
      expect(a).toMatch(/faster than I can answer/);
      expect(a).not.toContain('Port strike');
    }
    expect(await slash('list', 'U0CALM')).toContain('Port strike');
  });

  it('GIVEN errors on every side (store closed, Slack failing, bad requests) THEN no secret appears in any log line or reply', async () => {
    const replies: string[] = [];
    // Slack's Web API failing with auth errors and 500s while posting.
    slackFake.fail('chat.postMessage', { error: 'invalid_auth' }, 2);
    slackFake.fail('chat.postMessage', { status: 500 }, 4);
    for (const p of app.platforms) {
      await p.post('C0NEWS', { title: 'Test', sections: [{ blocks: [{ kind: 'text', text: 'Hello.' }] }], actions: [], visibility: 'public' }).catch((e: unknown) => replies.push(String(e), JSON.stringify(e)));
    }
    // A forged request and a request with a body Bolt cannot parse.
    await fetch(slackUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': '1', 'x-slack-signature': 'v0=00' }, body: 'command=/briefing' });
    // The database gone mid-flight: every command fails unexpectedly and is logged.
    await app.database.db.destroy();
    for (const [text, user, command] of [['list', 'U0OTHER', '/briefing'], ['history port-strike', 'U0OTHER2', '/briefing'], ['subscribe at 07:00', 'U0MOD', '/digest']] as const) replies.push(await slash(text, user, command));
    expect(replies.join('\n')).toMatch(/something went wrong on my side/);
    await new Promise((r) => setTimeout(r, 300));
    expect(stderr.length).toBeGreaterThan(1000);
    expect(stderr).toMatch(/"level":50/);
    for (const secret of Object.values(SECRETS)) {
      expect(stderr.includes(secret), `secret in logs: ${secret.slice(0, 8)}…`).toBe(false);
      for (const r of replies) expect(r.includes(secret), 'secret in a reply').toBe(false);
    }
    // The Authorization header is what libraries put in errors: never in the logs, in any form.
    expect(stderr).not.toMatch(/Bearer xox|Bot MTE5/);
  });
});
