import { createServer, type Server, type Socket, connect } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisInput } from '../../src/core/analysis/types.js';
import { textReply } from '../../src/core/render/document.js';
import { DeliveryQueue } from '../../src/digest/delivery-queue.js';
import { DigestScheduler } from '../../src/digest/digest-scheduler.js';
import { SqlDigestStore } from '../../src/digest/sql-digest-store.js';
import { StoreOpenError } from '../../src/store/database.js';
import { openStore } from '../../src/store/open-store.js';
import { fakeAnalysis } from '../fakes/memory-library.js';
import { postgresForTests, uniqueSchema } from '../support/postgres.js';
import { dropSchema } from '../store/store-factories.js';
import { slackOnStack, type SlackOnStack } from './platforms.js';
import { actorOf, RecordingLogger, type Stack, startStack, textOf } from './real-stack.js';

const enc = (s: string) => new TextEncoder().encode(s);
const fm = (slug: string, body: string) => `---\ntitle: Story ${slug}\nslug: ${slug}\n---\n\n${body}\n`;
const POLITE = /something went wrong on my side/;

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

let pgUrl: string | undefined;
const wantPg = process.env.TEST_DATABASE_URL !== undefined || process.env.REQUIRE_POSTGRES === '1';
beforeAll(async () => {
  if (wantPg) pgUrl = await postgresForTests();
});

describe('the store unavailable at start-up', () => {
  it('GIVEN PostgreSQL that never answers THEN start-up retries with growing waits, then fails with a clear error that hides the password', async () => {
    const port = await closedPort();
    const retries: number[] = [];
    const error = await openStore({ databaseUrl: `postgres://briefbot:s3cret-db-password@127.0.0.1:${port}/briefbot`, sqlitePath: '', attempts: 4, retryDelayMs: 20, onRetry: (_e, _a, delay) => retries.push(delay) }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error?.message).toMatch(/cannot open the database \(PostgreSQL at postgres:\/\/briefbot:\*\*\*@127\.0\.0\.1/);
    expect(error?.message).toMatch(/ECONNREFUSED/);
    expect(error?.message).not.toContain('s3cret-db-password');
    expect(retries).toEqual([20, 40, 80]);
  });

  it('GIVEN SQLite in a folder that cannot be created THEN start-up fails at once with the path in the message', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = `${mkdtempSync(`${tmpdir()}/briefbot-hard-`)}/a-file`;
    writeFileSync(file, 'not a folder');
    const started = performance.now();
    const error = await openStore({ sqlitePath: `${file}/data/x.db`, attempts: 5, retryDelayMs: 1000 }).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error?.message).toContain(`${file}/data/x.db`);
    expect(performance.now() - started).toBeLessThan(900);
  });

  it.skipIf(!wantPg)('GIVEN PostgreSQL that comes up while briefbot waits THEN start-up succeeds by itself', async () => {
    const target = new URL(pgUrl as string);
    const port = await closedPort();
    let proxy: Server | undefined;
    const sockets: Socket[] = [];
    const schema = uniqueSchema('bb_hard_retry');
    const url = new URL(pgUrl as string);
    url.hostname = '127.0.0.1';
    url.port = String(port);
    const opened = await openStore({
      databaseUrl: url.toString(),
      pgSchema: schema,
      sqlitePath: '',
      attempts: 8,
      retryDelayMs: 50,
      onRetry: () => {
        // The database "starts" after the first failed attempt: a proxy to the real server.
        proxy ??= createServer((client) => {
          const upstream = connect(Number(target.port || 5432), target.hostname);
          sockets.push(client, upstream);
          client.pipe(upstream).pipe(client);
          client.on('error', () => upstream.destroy());
          upstream.on('error', () => client.destroy());
        }).listen(port, '127.0.0.1');
      },
    });
    try {
      expect(opened.applied.length).toBeGreaterThan(0);
      expect(await opened.store.head('nothing')).toBeUndefined();
    } finally {
      await opened.store.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((r) => (proxy ? proxy.close(() => r()) : r()));
      await dropSchema(pgUrl as string, schema);
    }
  });
});

describe('PostgreSQL restarted while running (pg_terminate_backend)', () => {
  let stack: Stack;
  const logger = new RecordingLogger();
  const app = `bbhard_${process.pid}`;
  const mod = actorOf('slack', 'UMOD', true);
  beforeAll(async () => {
    if (!wantPg) return;
    const url = new URL(pgUrl as string);
    url.searchParams.set('application_name', app);
    stack = await startStack({ pgUrl: url.toString(), logger });
  });
  afterAll(async () => {
    await stack?.close();
  });

  const terminate = async () => {
    const admin = new pg.Client({ connectionString: pgUrl });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1', [app]);
      return rowCount ?? 0;
    } finally {
      await admin.end();
    }
  };

  it.skipIf(!wantPg)('GIVEN every connection is killed between and during commands THEN commands fail politely or succeed, recover by themselves, and no revision or subscription is lost', async () => {
    const ok: string[] = [];
    const add = await stack.run('/briefing add', mod, [{ name: 'pg.md', content: enc(fm('pg-story', 'Version 0 of the story.')) }]);
    expect(add.tone, textOf(add)).not.toBe('error');
    let version = 1;
    for (let round = 0; round < 4; round++) {
      expect(await terminate()).toBeGreaterThan(0);
      // Right after the kill: a command either works (a fresh connection) or is answered politely.
      for (let tries = 0; tries < 10; tries++) {
        const reply = await stack.run('/briefing edit pg-story', mod, [{ name: 'pg.md', content: enc(fm('pg-story', `Version ${version} of the story.`)) }]);
        if (reply.tone !== 'error') {
          ok.push(`Version ${version} of the story.`);
          version++;
          break;
        }
        expect(textOf(reply)).toMatch(POLITE);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(ok).toHaveLength(4);
    // Killing connections in the middle of a burst of commands.
    const burst = Array.from({ length: 6 }, (_, i) => stack.run(`/digest subscribe at 0${i}:15`, { ...mod, userId: `U${i}` }));
    await terminate();
    const replies = await Promise.all(burst);
    for (const r of replies) if (r.tone === 'error') expect(textOf(r)).toMatch(POLITE);
    // Recovery needs no restart: at most a few more polite failures while dead connections are dropped.
    let last = await stack.run('/digest subscribe at 09:45', mod);
    for (let tries = 0; tries < 10 && last.tone === 'error'; tries++) {
      expect(textOf(last)).toMatch(POLITE);
      await new Promise((r) => setTimeout(r, 100));
      last = await stack.run('/digest subscribe at 09:45', mod);
    }
    expect(last.tone, textOf(last)).not.toBe('error');
    const subs = await stack.subscriptions('slack');
    expect(subs).toHaveLength(1);
    expect(subs[0]?.minuteOfDay).toBe(9 * 60 + 45);
    // Every successful edit is a revision, in order; nothing was lost or doubled.
    const history = await stack.moderation.history('pg-story');
    expect(history.map((h) => h.revision)).toEqual([1, 2, 3, 4, 5]);
    expect((await stack.library.get('pg-story'))?.briefing.body).toBe(ok.at(-1));
    // Unexpected failures are logged, each once, without the connection string.
    for (const e of logger.errors()) expect(JSON.stringify(e.obj)).not.toMatch(/postgres:\/\/[^*]*@/);
  }, 60_000);
});

describe('SQLite read-only or locked', () => {
  let stack: Stack;
  const mod = actorOf('discord', 'M1', true);
  beforeAll(async () => {
    stack = await startStack({ logger: new RecordingLogger() });
    await stack.run('/briefing add', mod, [{ name: 'a.md', content: enc(fm('sqlite-story', 'The first text.')) }]);
  });
  afterAll(async () => {
    await stack?.close();
  });

  it('GIVEN the database turns read-only THEN reads still work, changes are answered politely and nothing half-written remains; writes work again after', async () => {
    await sql`PRAGMA query_only = ON`.execute(stack.database.db);
    try {
      const edit = await stack.run('/briefing edit sqlite-story', mod, [{ name: 'a.md', content: enc(fm('sqlite-story', 'A second text.')) }]);
      expect(textOf(edit)).toMatch(POLITE);
      const sub = await stack.run('/digest subscribe at 07:00', mod);
      expect(textOf(sub)).toMatch(POLITE);
      const read = await stack.run('/briefing sqlite-story', mod);
      expect(read.tone).not.toBe('error');
      expect(textOf(read)).toContain('Story sqlite-story');
    } finally {
      await sql`PRAGMA query_only = OFF`.execute(stack.database.db);
    }
    expect((await stack.moderation.history('sqlite-story')).map((h) => h.revision)).toEqual([1]);
    const again = await stack.run('/briefing edit sqlite-story', mod, [{ name: 'a.md', content: enc(fm('sqlite-story', 'A second text.')) }]);
    expect(again.tone, textOf(again)).not.toBe('error');
    expect((await stack.moderation.history('sqlite-story')).map((h) => h.revision)).toEqual([1, 2]);
  });

  it('GIVEN another connection holds the write lock beyond the 5 s busy timeout THEN a change is refused politely, nothing is half-written, and it lands once the lock is gone', async () => {
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(`${stack.dir}/data/briefbot.db`);
    try {
      other.prepare('BEGIN IMMEDIATE').run();
      const refused = await stack.run('/briefing edit sqlite-story', mod, [{ name: 'a.md', content: enc(fm('sqlite-story', 'A third text.')) }]);
      expect(textOf(refused)).toMatch(POLITE);
      other.prepare('ROLLBACK').run();
    } finally {
      other.close();
    }
    expect((await stack.moderation.history('sqlite-story')).map((h) => h.revision)).toEqual([1, 2]);
    const reply = await stack.run('/briefing edit sqlite-story', mod, [{ name: 'a.md', content: enc(fm('sqlite-story', 'A third text.')) }]);
    expect(reply.tone, textOf(reply)).not.toBe('error');
    expect((await stack.moderation.history('sqlite-story')).map((h) => h.revision)).toEqual([1, 2, 3]);
  }, 30_000);
});

describe('Slack failing, timing out or rate limiting digests', () => {
  let stack: Stack;
  let slack: SlackOnStack;
  let scheduler: DigestScheduler;
  let queue: DeliveryQueue;
  const logger = new RecordingLogger();
  const mod = actorOf('slack', 'UMOD', true);
  beforeAll(async () => {
    stack = await startStack({ logger });
    // The platform is told the queue's wait, as the composition root tells it (both default to POST_TIMEOUT_MS).
    slack = await slackOnStack(stack, { moderatorIds: ['UMOD'], postTimeoutMs: 3000 });
    await stack.run('/briefing add', mod, [{ name: 'd.md', content: enc(fm('digest-story', 'Something happened today.')) }]);
    // The production scheduler and queue on the real SQL digest store, with short waits.
    queue = new DeliveryQueue({ logger, maxAttempts: 3, backoffMs: 20, maxRateLimited: 1, timeoutMs: 3000, platforms: [slack.platform] });
    scheduler = new DigestScheduler({ store: new SqlDigestStore(stack.database.db), queue, library: stack.library, clock: { now: () => new Date() }, logger, catchupHours: 0, ticker: { start() {}, stop() {} } });
  });
  afterAll(async () => {
    await scheduler?.stop(100);
    await slack?.stop();
    await stack?.close();
  });

  const subscribe = async (channel: string) => {
    const r = await stack.dispatcher.runLine('/digest subscribe at 07:00 note', { actor: mod, channel: { platform: 'slack', id: channel, scope: 'T0HARD' } });
    expect(r.tone, textOf(r)).not.toBe('error');
    return (await stack.subscriptions('slack')).find((s) => s.channelId === channel)!;
  };
  const store = () => new SqlDigestStore(stack.database.db);
  const postsTo = (channel: string) => slack.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);

  it('GIVEN Slack answers 500 every time THEN the digest is retried, then recorded as failed with the error, and never posted twice', async () => {
    const sub = await subscribe('C0FAIL500');
    // 3 queue attempts, one call each: posts are not retried inside Slack's Web API client (the queue retries them).
    slack.fake.fail('chat.postMessage', { status: 500 }, 3);
    const result = await scheduler.sendNow(sub);
    expect(result.status).toBe('failed');
    expect(postsTo('C0FAIL500')).toHaveLength(3);
    const records = await store().recentDeliveries(sub.id, 10);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 'failed', attempts: 3 });
    expect(records[0]?.error).toMatch(/500/);
  }, 30_000);

  it('GIVEN Slack answers 500 twice THEN the digest is delivered on a retry, exactly once', async () => {
    const sub = await subscribe('C0FLAKY');
    slack.fake.fail('chat.postMessage', { status: 500 }, 2);
    const result = await scheduler.sendNow(sub);
    expect(result.status).toBe('delivered');
    // Two failed calls and the third, which posts it.
    expect(postsTo('C0FLAKY')).toHaveLength(3);
    const records = await store().recentDeliveries(sub.id, 10);
    expect(records.map((r) => r.status)).toEqual(['delivered']);
  }, 30_000);

  it('GIVEN Slack answers a post slowly, then with a 500 THEN nothing still runs after the queue gives up: the retry posts it, exactly once', async () => {
    const sub = await subscribe('C0SLOW');
    // The first call is answered after 3.5 s (past the queue's 3 s wait) with a 500. Before, the Web API client retried
    // it on its own once it came, and posted it, while the queue had already posted it again on its own retry.
    slack.fake.delay('chat.postMessage', 3500);
    slack.fake.fail('chat.postMessage', { status: 500 }, 1);
    const result = await scheduler.sendNow(sub);
    expect(result.status).toBe('delivered');
    // Wait past the slow answer: no call may follow it.
    await new Promise((r) => setTimeout(r, 2500));
    expect(postsTo('C0SLOW')).toHaveLength(2);
    const records = await store().recentDeliveries(sub.id, 10);
    expect(records.map((r) => r.status)).toEqual(['delivered']);
  }, 30_000);

  it('GIVEN a long post whose second message fails THEN the retry goes on from the second: the first is not posted twice', async () => {
    const doc = textReply(Array.from({ length: 120 }, (_, i) => `Paragraph ${i}: something happened today, and it goes on for a while so that the page fills up.`).join('\n\n'));
    slack.fake.fail('chat.postMessage', {}, 1);
    slack.fake.fail('chat.postMessage', { status: 500 }, 1);
    const result = await queue.deliver('slack', 'C0LONG', doc, 'digest:long:slot-1');
    expect(result).toMatchObject({ ok: true, attempts: 2 });
    const shown = postsTo('C0LONG').map((c) => JSON.stringify(c.args.blocks));
    // The first message, the failed second, then the second again and the rest: each message shown once.
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect(shown[2]).toBe(shown[1]);
    const delivered = [shown[0]!, ...shown.slice(2)];
    expect(new Set(delivered).size).toBe(delivered.length);
  }, 30_000);

  it('GIVEN Slack rate-limits for longer than the queue tolerates THEN the digest is recorded as failed, not dropped and not duplicated', async () => {
    const sub = await subscribe('C0LIMITED');
    slack.fake.rateLimit('chat.postMessage', ...Array.from({ length: 30 }, () => 1));
    const result = await scheduler.sendNow(sub);
    expect(result.status).toBe('failed');
    const records = await store().recentDeliveries(sub.id, 10);
    expect(records).toHaveLength(1);
    expect(records[0]?.status).toBe('failed');
    expect(records[0]?.error).toBeTruthy();
  }, 60_000);
});

describe('an analysis that throws, through a platform', () => {
  let stack: Stack;
  let slack: SlackOnStack;
  const logger = new RecordingLogger();
  beforeAll(async () => {
    stack = await startStack({
      logger,
      analyze: (input: AnalysisInput) => {
        if (input.text.includes('KABOOM')) throw new Error('engine exploded');
        return fakeAnalysis({ cleanedText: input.text });
      },
    });
    slack = await slackOnStack(stack);
    await stack.run('/briefing add', actorOf('shell', 'local', true), [{ name: 'k.md', content: enc(fm('cursed', 'The text that breaks the engine. KABOOM is in it.')) }]);
  });
  afterAll(async () => {
    await slack?.stop();
    await stack?.close();
  });

  it('GIVEN a briefing whose analysis throws THEN the Slack card still shows its text, twice, and the error is logged once', async () => {
    for (let i = 0; i < 2; i++) {
      const sent = await slack.slash('cursed', 'U0READER');
      const reply = JSON.stringify(await slack.answer(sent));
      expect(reply).toContain('Story cursed');
      expect(reply).toContain('The text that breaks the engine.');
    }
    const analysisErrors = logger.entries.filter((e) => ((e.obj as { err?: Error }).err as Error | undefined)?.message === 'engine exploded');
    expect(analysisErrors).toHaveLength(1);
  });
});
