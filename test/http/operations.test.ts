import { afterEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/dispatch/dispatcher.js';
import { loadCommands } from '../../src/dispatch/load-commands.js';
import { Operations } from '../../src/http/operations.js';
import type { HttpRoute } from '../../src/http/http-server.js';
import { Library } from '../../src/library/library.js';
import type { ChatPlatform } from '../../src/ports/chat-platform.js';
import { systemClock } from '../../src/ports/clock.js';
import { silentLogger } from '../../src/ports/logger.js';
import { fakeAnalysis, MemorySource } from '../fakes/memory-library.js';

/** A chat platform whose connection the test switches on and off. */
class SwitchPlatform implements ChatPlatform {
  readonly name = 'discord' as const;
  connected = true;
  async start() {}
  async stop() {}
  isReady() {
    return this.connected;
  }
  async post() {}
}

/** A platform that serves extra routes on a server of its own, like Slack's receiver. */
class HostPlatform extends SwitchPlatform {
  readonly added: HttpRoute[] = [];
  addRoute(route: HttpRoute) {
    this.added.push(route);
  }
}

const running: Operations[] = [];
afterEach(async () => {
  for (const ops of running.splice(0)) await ops.stopServer();
});

async function serve(options: { pingStore?: () => Promise<void>; platforms?: ChatPlatform[]; librarySize?: () => Promise<number> } = {}) {
  const ops = new Operations({ port: 0, host: '127.0.0.1', logger: silentLogger, processMetrics: false, ...options });
  running.push(ops);
  await ops.serve(options.platforms ?? [], true);
  const base = `http://127.0.0.1:${ops.port()}`;
  return { ops, base };
}

describe('health, readiness and metrics over HTTP', () => {
  it('GIVEN a running process THEN /healthz answers 200 and an unknown path 404', async () => {
    const { base } = await serve();
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/healthz`, { method: 'POST' })).status).toBe(405);
  });

  it('GIVEN the store stops answering or a platform disconnects THEN /readyz says 503 and names the check', async () => {
    let storeUp = true;
    const platform = new SwitchPlatform();
    const { base } = await serve({ platforms: [platform], pingStore: async () => { if (!storeUp) throw new Error('connection refused'); } });
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    storeUp = false;
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { checks: Record<string, string> }).checks.store).toMatch(/unreachable/);
    storeUp = true;
    platform.connected = false;
    const off = await fetch(`${base}/readyz`);
    expect(off.status).toBe(503);
    expect(((await off.json()) as { checks: Record<string, string> }).checks.discord).toBe('not connected');
  });

  it('GIVEN the database cannot be reached THEN /readyz, served on the public port, says the store is unreachable without the driver\'s error (addresses, users), which goes to the log once', async () => {
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: 'postgres://briefbot:hunter2@127.0.0.1:1/briefbot', connectionTimeoutMillis: 1000 });
    const logged: unknown[] = [];
    const logger = { ...silentLogger, warn: (fields: unknown) => void logged.push(fields), child: () => logger };
    const ops = new Operations({ port: 0, host: '127.0.0.1', logger, processMetrics: false, pingStore: async () => void (await pool.query('select 1')) });
    running.push(ops);
    await ops.serve([], true);
    try {
      for (let k = 0; k < 2; k++) {
        const res = await fetch(`http://127.0.0.1:${ops.port()}/readyz`);
        expect(res.status).toBe(503);
        const body = await res.text();
        expect(body).toContain('unreachable');
        expect(body).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|briefbot|:1\b/);
      }
      expect(logged).toHaveLength(1);
      expect(JSON.stringify(logged[0], (_k, v: unknown) => (v instanceof Error ? v.message : v))).toMatch(/ECONNREFUSED/);
    } finally {
      await pool.end();
    }
  });

  it('GIVEN shutdown has begun THEN /readyz answers 503 while /healthz still answers 200', async () => {
    const { ops, base } = await serve();
    ops.startDraining();
    expect((await fetch(`${base}/readyz`)).status).toBe(503);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('GIVEN commands ran through the dispatcher THEN /metrics counts them by name and outcome, with latency and library size', async () => {
    const source = new MemorySource();
    source.add({ slug: 'korea-japan', title: 'Korea-Japan talks', body: 'The ministers met in Seoul.' });
    source.add({ slug: 'central-bank', title: 'Central bank holds rates', body: 'Rates stay.' });
    const library = new Library({ source, analyze: () => fakeAnalysis({ summary: ['They met.'] }), cacheKey: (i) => i.text, logger: silentLogger });
    const { ops, base } = await serve({ librarySize: async () => (await library.list()).length });
    const dispatcher = new Dispatcher({ commands: await loadCommands(), library, clock: systemClock, logger: silentLogger, services: {}, ...ops.dispatcherHooks() });
    const actor = { platform: 'slack' as const, userId: 'U1', userName: 'ann', isModerator: false };
    const channel = { platform: 'slack' as const, id: 'C1', scope: 'T0FAKE' };
    await dispatcher.runLine('/briefing korea-japan', { actor, channel });
    await dispatcher.runLine('/briefing korea-japan', { actor, channel });
    await dispatcher.runLine('/briefing list', { actor, channel });
    await dispatcher.runLine('/briefing zzzz-nothing-like-it', { actor, channel });
    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toMatch(/briefbot_commands_total\{command="briefing",outcome="ok",platform="slack"\} 2/);
    expect(text).toMatch(/briefbot_commands_total\{command="briefing list",outcome="ok",platform="slack"\} 1/);
    expect(text).toMatch(/briefbot_commands_total\{command="briefing",outcome="refused",platform="slack"\} 1/);
    expect(text).toMatch(/briefbot_command_duration_seconds_count\{command="briefing",platform="slack"\} 3/);
    expect(text).toMatch(/briefbot_library_briefings 2/);
    expect(ops.inFlight.size).toBe(0);
  });

  it('GIVEN digests, 429s and analyses are recorded THEN each has its series', async () => {
    const { ops, base } = await serve();
    ops.metrics.recordDigest('delivered');
    ops.metrics.recordDigest('late');
    ops.metrics.recordDigest('failed');
    ops.metrics.recordRateLimited('discord');
    ops.metrics.timed((n: number) => n * 2)(21);
    const text = await (await fetch(`${base}/metrics`)).text();
    for (const outcome of ['delivered', 'late', 'failed']) expect(text).toContain(`briefbot_digests_total{outcome="${outcome}"} 1`);
    expect(text).toContain('briefbot_platform_rate_limited_total{platform="discord"} 1');
    expect(text).toContain('briefbot_analysis_duration_seconds_count 1');
  });

  it('GIVEN a platform that hosts routes (Slack) THEN the routes go on its port and no second server starts', async () => {
    const host = new HostPlatform();
    const ops = new Operations({ port: 0, host: '127.0.0.1', logger: silentLogger, processMetrics: false });
    await ops.serve([host], true);
    expect(ops.port()).toBeUndefined();
    expect(host.added.map((r) => r.path).sort()).toEqual(['/healthz', '/metrics', '/readyz']);
  });

  it('GIVEN a command in flight THEN drain waits for it, and gives up at the deadline otherwise', async () => {
    const ops = new Operations({ port: 0, host: '127.0.0.1', logger: silentLogger, processMetrics: false });
    let release: () => void = () => {};
    const slow = ops.inFlight.track(() => new Promise<void>((r) => (release = r)));
    expect(await ops.drain(30)).toBe(false);
    const drained = ops.drain(5000);
    release();
    await slow;
    expect(await drained).toBe(true);
  });
});
