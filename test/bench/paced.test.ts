import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { paced, quantile } from '../../bench/paced.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

/** A server that answers each request after `delayMs`, one request at a time (a queue in front). */
async function serialServer(delayMs: number): Promise<string> {
  let busyUntil = 0;
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const start = Math.max(Date.now(), busyUntil);
      busyUntil = start + delayMs;
      setTimeout(() => res.end('ok'), busyUntil - Date.now());
    });
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe('paced load generator', () => {
  it('sends at the given rate and answers every request', async () => {
    const url = await serialServer(0);
    const started = Date.now();
    const r = await paced({ url, rate: 200, duration: 0.5, connections: 4, next: () => ({ path: '/', body: 'x', headers: {} }) });
    expect(r.sent).toBe(100);
    expect(r.ok).toBe(100);
    expect(r.errors).toBe(0);
    // 100 requests at 200/s take about half a second to send, not the instant a burst would.
    expect(Date.now() - started).toBeGreaterThanOrEqual(480);
    for (let i = 1; i < r.sent; i += 1) expect(r.scheduledAt[i]! - r.scheduledAt[i - 1]!).toBeCloseTo(5, 5);
  });

  it('counts time queued behind a slow server from the scheduled send time (no coordinated omission)', async () => {
    // 20 ms of work per request, one at a time, asked for 100 a second: the server falls behind by
    // 10 ms a request, so the last of 30 waits about 300 ms. A closed-loop generator would report ~20 ms.
    const url = await serialServer(20);
    const r = await paced({ url, rate: 100, duration: 0.3, connections: 8, next: () => ({ path: '/', body: 'x', headers: {} }) });
    const latencies = Array.from(r.respondedAt, (t, i) => t - r.scheduledAt[i]!).sort((a, b) => a - b);
    expect(r.ok).toBe(30);
    expect(quantile(latencies, 1)).toBeGreaterThan(250);
    expect(quantile(latencies, 0)).toBeLessThan(150);
  });

  it('reports requests the server never answered as errors', async () => {
    server = createServer(() => {
      // never answers
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const r = await paced({ url, rate: 100, duration: 0.05, connections: 2, drainMs: 100, next: () => ({ path: '/', body: 'x', headers: {} }) });
    expect(r.sent).toBe(5);
    expect(r.errors).toBe(5);
    server.closeAllConnections();
  });
});

describe('quantile', () => {
  it('is the nearest rank', () => {
    const xs = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(xs, 0.5)).toBe(50);
    expect(quantile(xs, 0.99)).toBe(99);
    expect(quantile(xs, 1)).toBe(100);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
