import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MANAGE_GUILD } from '../fakes/fake-discord.js';
import { discordHeaders, discordPayload, discordTestKeys } from '../http/signed-requests.js';
import { discordHttpOnStack, type DiscordHttpOnStack, SLACK_SECRET, slackOnStack, type SlackOnStack, slackSignature, slackSlash } from './platforms.js';
import { actorOf, type Stack, startStack } from './real-stack.js';

const enc = (s: string) => new TextEncoder().encode(s);
const MOD = 'U0MODHARD';

describe('forged and replayed Slack requests', () => {
  let stack: Stack;
  let slack: SlackOnStack;
  beforeAll(async () => {
    stack = await startStack();
    slack = await slackOnStack(stack, { moderatorIds: [MOD] });
  });
  afterAll(async () => {
    await slack?.stop();
    await stack?.close();
  });

  it('GIVEN a missing, wrong, stale, re-keyed or tampered signature THEN every one is answered 401 and nothing runs', async () => {
    const runLine = vi.spyOn(stack.dispatcher, 'runLine');
    const responsesBefore = slack.fake.responses.length;
    const now = Math.floor(Date.now() / 1000);
    const valid = () => slackSlash('subscribe at 07:00', { user: MOD, responseUrl: slack.fake.responseUrl(), command: '/digest' });
    const forgeries: { why: string; req: { body: string; headers: Record<string, string> } }[] = [];
    {
      const r = valid();
      forgeries.push({ why: 'no signature headers', req: { body: r.body, headers: { 'content-type': r.headers['content-type'] as string } } });
    }
    {
      const r = valid();
      const { ['x-slack-signature']: _s, ...rest } = r.headers;
      forgeries.push({ why: 'no signature', req: { body: r.body, headers: rest } });
    }
    {
      const r = valid();
      const { ['x-slack-request-timestamp']: _t, ...rest } = r.headers;
      forgeries.push({ why: 'no timestamp', req: { body: r.body, headers: rest } });
    }
    forgeries.push({ why: 'zero signature', req: { ...valid(), headers: { ...valid().headers, 'x-slack-signature': `v0=${'0'.repeat(64)}` } } });
    forgeries.push({ why: 'garbage signature', req: { ...valid(), headers: { ...valid().headers, 'x-slack-signature': 'not-a-signature' } } });
    forgeries.push({ why: 'wrong secret', req: slackSlash('subscribe at 07:00', { user: MOD, responseUrl: slack.fake.responseUrl(), command: '/digest', secret: 'guessed-secret' }) });
    forgeries.push({ why: 'stale (6 minutes old)', req: slackSlash('subscribe at 07:00', { user: MOD, responseUrl: slack.fake.responseUrl(), command: '/digest', timestamp: now - 6 * 60 }) });
    {
      const r = valid();
      forgeries.push({ why: 'tampered body (another user)', req: { body: r.body.replace(`user_id=${MOD}`, 'user_id=U0OTHER'), headers: r.headers } });
      forgeries.push({ why: 'tampered body (appended field)', req: { body: `${r.body}&user_id=${MOD}`, headers: r.headers } });
      forgeries.push({ why: 'tampered timestamp', req: { body: r.body, headers: { ...r.headers, 'x-slack-request-timestamp': String(now - 1) } } });
      forgeries.push({ why: 'signature of v1 scheme', req: { body: r.body, headers: { ...r.headers, 'x-slack-signature': r.headers['x-slack-signature']?.replace('v0=', 'v1=') as string } } });
    }
    for (const f of forgeries) {
      const res = await slack.send(f.req);
      expect(res.status, f.why).toBe(401);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(runLine).not.toHaveBeenCalled();
    expect(slack.fake.responses.length).toBe(responsesBefore);
    expect(await stack.subscriptions('slack')).toEqual([]);

    // The same request, validly signed, does run: the refusals were about the signatures.
    const ok = await slack.send(valid());
    expect(ok.status).toBe(200);
    await vi.waitFor(async () => expect(await stack.subscriptions('slack')).toHaveLength(1), { timeout: 8000 });
    runLine.mockRestore();
  });

  it('GIVEN a valid signed request replayed within 5 minutes THEN Bolt serves it again, and a changing command has no second effect', async () => {
    // Decision (SECURITY.md): a replay inside Slack's 5-minute window is accepted by Bolt; what
    // protects the library is that every change is refused when repeated.
    const body = slackSlash('restore replay-me', { user: MOD, responseUrl: slack.fake.responseUrl() });
    await stack.run('/briefing add', actorOf('shell', 'local', true), [{ name: 'replay-me.md', content: enc('---\ntitle: Replay me\n---\n\nA story that will be removed once.') }]);
    await stack.moderation.remove('replay-me', actorOf('shell', 'local', true));
    const before = (await stack.store.audit({ slug: 'replay-me' })).length;
    expect((await slack.send(body)).status).toBe(200);
    expect((await slack.send(body)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 500));
    const after = await stack.store.audit({ slug: 'replay-me' });
    expect(after.length).toBe(before + 1);
    expect(after.filter((e) => e.action === 'restore')).toHaveLength(1);
  });

  it('GIVEN a forged button press or form submission THEN it is refused like a command', async () => {
    const runLine = vi.spyOn(stack.dispatcher, 'runLine');
    const payload = { type: 'block_actions', user: { id: MOD, username: 'mod', team_id: 'T0HARD' }, actions: [{ action_id: 'briefbot:run:0', value: '/briefing remove replay-me', type: 'button', block_id: 'b' }], response_url: slack.fake.responseUrl(), trigger_id: 't', team: { id: 'T0HARD' }, channel: { id: 'C0HARD' }, container: { type: 'message' } };
    const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
    const ts = Math.floor(Date.now() / 1000);
    const res = await slack.send({ body, headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': slackSignature('wrong', ts, body) } });
    expect(res.status).toBe(401);
    expect(runLine).not.toHaveBeenCalled();
    runLine.mockRestore();
    expect(SLACK_SECRET).not.toBe('wrong');
  });
});

describe('forged Discord HTTP interactions (Ed25519)', () => {
  let stack: Stack;
  let discord: DiscordHttpOnStack;
  const mod = { id: '810000000000000001', username: 'mod' };
  beforeAll(async () => {
    stack = await startStack();
    discord = await discordHttpOnStack(stack);
    await stack.run('/briefing add', actorOf('shell', 'local', true), [{ name: 'target.md', content: enc('---\ntitle: Target\n---\n\nThe story a forger wants removed.') }]);
  });
  afterAll(async () => {
    await discord?.stop();
    await stack?.close();
  });

  const post = async (body: string, headers: Record<string, string>) => {
    const res = await fetch(discord.url, { method: 'POST', body, headers });
    return res.status;
  };

  it('GIVEN a wrong key, a tampered body or timestamp, or a malformed signature THEN each is answered 401 and nothing runs', async () => {
    const run = vi.spyOn(stack.dispatcher, 'run');
    const runLine = vi.spyOn(stack.dispatcher, 'runLine');
    const ctx = { appId: discord.fake.appId, guildId: discord.fake.guildId, channelId: discord.fake.channelId };
    const payload = discordPayload.command(ctx, mod, 'briefing-admin', [{ type: 1, name: 'remove', options: [{ type: 3, name: 'slug', value: 'target' }] }], { permissions: MANAGE_GUILD });
    const body = JSON.stringify(payload);
    const good = discordHeaders(discord.keys.privateKey, body);
    const other = discordTestKeys();
    const cases: [string, string, Record<string, string>][] = [
      ['no headers', body, { 'content-type': 'application/json' }],
      ['signed by another key', body, discordHeaders(other.privateKey, body)],
      ['tampered body', body.replace('"target"', '"targeT"'), good],
      ['tampered body (whitespace)', `${body} `, good],
      ['tampered timestamp', body, { ...good, 'x-signature-timestamp': String(Number(good['x-signature-timestamp']) + 1) }],
      ['truncated signature', body, { ...good, 'x-signature-ed25519': (good['x-signature-ed25519'] as string).slice(0, 64) }],
      ['non-hex signature', body, { ...good, 'x-signature-ed25519': 'z'.repeat(128) }],
      ['empty timestamp', body, { ...good, 'x-signature-timestamp': '' }],
    ];
    for (const [why, b, h] of cases) expect(await post(b, h), why).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(run).not.toHaveBeenCalled();
    expect(runLine).not.toHaveBeenCalled();
    expect(await stack.library.get('target')).toBeDefined();
    expect((await stack.store.audit({ slug: 'target' })).map((e) => e.action)).toEqual(['add']);

    // The genuine request removes it: the refusals were about the signatures alone.
    expect(await post(body, good)).toBe(200);
    await vi.waitFor(async () => expect((await stack.store.audit({ slug: 'target' })).map((e) => e.action).sort()).toEqual(['add', 'remove']), { timeout: 8000 });
    run.mockRestore();
    runLine.mockRestore();
  });

  it('GIVEN a body over the limit THEN it is answered 413 before any signature work, and the connection is closed so shutdown is not held up', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    expect(await post(big, { 'content-type': 'application/json', 'x-signature-ed25519': 'a'.repeat(128), 'x-signature-timestamp': '1' })).toBe(413);
  });
});
