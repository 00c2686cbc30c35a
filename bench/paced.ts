/**
 * An open-loop load generator in the manner of wrk2: requests are sent at a fixed rate whatever the
 * server does, over a pool of keep-alive connections, and each one's latency is measured from the
 * moment it was *scheduled* to go, not from when a free connection let it go. A server that falls
 * behind therefore shows its queue in the latencies instead of silently slowing the generator down
 * (the "coordinated omission" that closed-loop generators such as autocannon's default mode have,
 * and that its `overallRate` option answers by sending in bursts).
 */
import { Agent, request } from 'node:http';
import { PerformanceObserver, performance } from 'node:perf_hooks';

export interface PacedRequest {
  path: string;
  body: string;
  headers: Record<string, string>;
}

export interface PacedOptions {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  /** Requests a second. */
  rate: number;
  /** Seconds of sending. */
  duration: number;
  /** Keep-alive connections; a request that finds them all busy waits for one, and the wait counts. */
  connections: number;
  /** The request to send as the `index`-th one. */
  next: (index: number) => PacedRequest;
  /** Called with each response (a Slack command's answer may be its body, or come later on its response_url). */
  onResponse?: (index: number, status: number, body: string) => void;
  /** Milliseconds to wait for stragglers after the last request was sent. */
  drainMs?: number;
}

export interface PacedResult {
  /** Requests sent. */
  sent: number;
  /** Responses received with status 2xx. */
  ok: number;
  /** Non-2xx responses, socket errors and requests still unanswered at the end. */
  errors: number;
  /** Scheduled send time of each request, on the `clock()` timeline (ms). */
  scheduledAt: Float64Array;
  /** When each response arrived (NaN when none did), on the same timeline. */
  respondedAt: Float64Array;
  /** How late the generator itself sent requests behind schedule: p99 and max, ms (its own event-loop lag). */
  sendLagP99: number;
  sendLagMax: number;
  /** The generator process's own longest garbage-collection pause during the row, ms: a pause here delays reading answers too. */
  ownGcMaxMs: number;
}

/** Milliseconds since the epoch with sub-millisecond resolution, comparable with Date.now(). */
export function clock(): number {
  return performance.timeOrigin + performance.now();
}

export async function paced(options: PacedOptions): Promise<PacedResult> {
  const total = Math.round(options.rate * options.duration);
  const interval = 1000 / options.rate;
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections, maxFreeSockets: options.connections });
  const target = new URL(options.url);
  const scheduledAt = new Float64Array(total);
  const respondedAt = new Float64Array(total).fill(Number.NaN);
  const lags: number[] = [];
  let ok = 0;
  let errors = 0;
  let settled = 0;
  let sent = 0;

  const send = (index: number): void => {
    const r = options.next(index);
    const req = request(
      { host: target.hostname, port: target.port, method: 'POST', path: r.path, agent, headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          respondedAt[index] = clock();
          const status = res.statusCode ?? 0;
          if (status >= 200 && status < 300) ok += 1;
          else errors += 1;
          options.onResponse?.(index, status, Buffer.concat(chunks).toString('utf8'));
          settled += 1;
        });
      },
    );
    req.on('error', () => {
      errors += 1;
      settled += 1;
    });
    req.end(r.body);
  };

  let ownGcMaxMs = 0;
  const gcObserver = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) ownGcMaxMs = Math.max(ownGcMaxMs, entry.duration);
  });
  gcObserver.observe({ entryTypes: ['gc'] });
  const start = clock() + 20;
  for (let i = 0; i < total; i += 1) scheduledAt[i] = start + i * interval;
  await new Promise<void>((resolve) => {
    const tick = (): void => {
      const now = clock();
      while (sent < total && scheduledAt[sent]! <= now) {
        lags.push(now - scheduledAt[sent]!);
        send(sent);
        sent += 1;
      }
      if (sent >= total) resolve();
      else setTimeout(tick, Math.max(0, Math.min(1, scheduledAt[sent]! - clock())));
    };
    setTimeout(tick, 20);
  });
  const drainUntil = clock() + (options.drainMs ?? 5000);
  while (settled < total && clock() < drainUntil) await new Promise((r) => setTimeout(r, 10));
  agent.destroy();
  gcObserver.disconnect();
  errors += total - settled;
  lags.sort((a, b) => a - b);
  return {
    sent,
    ok,
    errors,
    scheduledAt,
    respondedAt,
    sendLagP99: lags[Math.floor(lags.length * 0.99)] ?? 0,
    sendLagMax: lags[lags.length - 1] ?? 0,
    ownGcMaxMs,
  };
}

/** p-th quantile (0..1) of ascending `sorted`, nearest rank. */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}
