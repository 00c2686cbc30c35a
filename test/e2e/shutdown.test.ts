import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from '../fakes/fake-discord.js';
import { TSX_IMPORT } from '../support/tsx-loader.js';
import { discordHeaders, discordPayload, discordTestKeys } from '../http/signed-requests.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = join(ROOT, 'src', 'cli', 'main.ts');
const TOKEN = 'MTE5.discord-bot-token-that-must-never-be-logged.XYZ';

interface Started {
  child: ChildProcess;
  port: number;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** Starts `briefbot start` as a child process and waits for its HTTP port. */
async function startBot(env: Record<string, string>, cwd: string): Promise<Started> {
  const child = spawn(process.execPath, ['--import', TSX_IMPORT, CLI, 'start'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stdout?.resume();
  started.push(child);
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  const port = await new Promise<number>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`no port announced:\n${stderr}`)), 90_000);
    child.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
      const m = /"port":(\d+)[^\n]*http server listening/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        done(Number(m[1]));
      }
    });
    child.on('exit', () => fail(new Error(`exited early:\n${stderr}`)));
  });
  return { child, port, stderr: () => stderr, exited };
}

async function waitFor(check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

let work: string;
let fake: FakeDiscord;
const started: ChildProcess[] = [];
const keys = discordTestKeys();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'briefbot-shutdown-'));
  await mkdir(join(work, 'briefings'));
  // A briefing of some length, so that answering it does real work.
  const story = await readFile(join(ROOT, 'test', 'fixtures', 'korea-japan.txt'), 'utf8');
  const body = Array.from({ length: 10 }, (_, i) => story.replace(/Kang/g, `Kang ${i}`)).join('\n\n');
  await writeFile(join(work, 'briefings', 'long-talks.md'), `---\ntitle: Long talks\ntags: [diplomacy]\n---\n\n${body}\n`);
  fake = new FakeDiscord();
  await fake.start();
});
afterAll(async () => {
  // A failed assertion must not leave a bot running.
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await fake.stop();
  await rm(work, { recursive: true, force: true });
});

describe('graceful shutdown of a replica', () => {
  it('GIVEN a command in flight WHEN SIGTERM arrives THEN readiness fails, new interactions are refused, the one in flight is still answered, and the process exits 0 without ever logging the token', async () => {
    const bot = await startBot(
      {
        BRIEFINGS_DIR: join(work, 'briefings'),
        SQLITE_PATH: join(work, 'data', 'bot.db'),
        PORT: '0',
        HTTP_HOST: '127.0.0.1',
        BRIEFBOT_SHELL: 'off',
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'debug',
        DIGESTS: 'off',
        DISCORD_TOKEN: TOKEN,
        DISCORD_APP_ID: fake.appId,
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        DISCORD_API_URL: fake.apiUrl,
        SHUTDOWN_TIMEOUT_MS: '15000',
      },
      work,
    );
    const base = `http://127.0.0.1:${bot.port}`;
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    const payload = discordPayload.command({ appId: fake.appId, guildId: fake.guildId, channelId: fake.channelId }, { id: '800000000000000001', username: 'ann' }, 'briefing', [
      { name: 'topic', type: 3, value: 'long-talks' },
    ]);
    const body = JSON.stringify(payload);
    // The request is sent in two halves: after the first, it is in flight for certain when the
    // signal arrives; the second half comes once the replica is already draining.
    const headers = discordHeaders(keys.privateKey, body);
    const half = Math.floor(body.length / 2);
    const req = request({ host: '127.0.0.1', port: bot.port, path: '/discord/interactions', method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } });
    const answered = new Promise<{ status: number; text: string }>((done, fail) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => done({ status: res.statusCode ?? 0, text }));
      });
      req.on('error', fail);
    });
    req.write(body.slice(0, half));
    await new Promise((r) => setTimeout(r, 500));
    bot.child.kill('SIGTERM');
    await waitFor(() => /"msg":"shutting down/.test(bot.stderr()));

    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(503);
    const late = JSON.stringify(discordPayload.ping({ appId: fake.appId, guildId: fake.guildId, channelId: fake.channelId }));
    expect((await fetch(`${base}/discord/interactions`, { method: 'POST', body: late, headers: discordHeaders(keys.privateKey, late) })).status).toBe(503);

    req.end(body.slice(half));
    const first = await answered;
    expect(first.status).toBe(200);
    const reply = JSON.parse(first.text) as { type: number; data: { embeds: { title: string }[] } };
    // Answered in full (type 4), or "thinking" (type 5) followed by the webhook edit.
    if (reply.type === 4) expect(reply.data.embeds[0]?.title).toBe('Long talks');
    else {
      expect(reply.type).toBe(5);
      const edit = await fake.waitFor(() => fake.requests.find((r) => r.method === 'PATCH' && decodeURIComponent(r.path).endsWith(`/${payload.token}/messages/@original`)), 30_000);
      expect(JSON.stringify(edit.body)).toContain('Long talks');
    }
    expect(await bot.exited).toBe(0);

    const logs = bot.stderr();
    expect(logs).toMatch(/"msg":"shutting down/);
    expect(logs).toMatch(/"msg":"stopped"/);
    expect(logs).not.toContain(TOKEN);
    expect(logs).not.toContain('discord-bot-token-that-must-never-be-logged');
  }, 180_000);
});
