import type { ChatPlatform } from '../ports/chat-platform.js';
import type { Metrics } from '../observability/metrics.js';
import { type HttpRoute, sendJson } from './http-server.js';

export interface ReadinessDeps {
  /** The chat platforms to check, read at each probe. */
  platforms: () => readonly Pick<ChatPlatform, 'name' | 'isReady'>[];
  /** Answers when the store is reachable; throws otherwise. */
  pingStore?: () => Promise<void>;
  /** True once shutdown began: the balancer should send new work elsewhere. */
  draining: () => boolean;
  /** How long the store may take to answer before it counts as down. */
  storeTimeoutMs?: number;
  /** Told the store's error at each failed probe (undefined when it answers), for the log. */
  reportStore?: (error: unknown) => void;
}

export interface Readiness {
  ready: boolean;
  checks: Record<string, 'ok' | string>;
}

/** Ready = not shutting down, the store answers, and every chat platform is connected. */
export async function checkReadiness(deps: ReadinessDeps): Promise<Readiness> {
  const checks: Record<string, string> = {};
  if (deps.draining()) checks.shutdown = 'draining';
  if (deps.pingStore) {
    const timeoutMs = deps.storeTimeoutMs ?? 2000;
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    try {
      await Promise.race([
        deps.pingStore(),
        new Promise((_, reject) => (timer = setTimeout(() => ((timedOut = true), reject(new Error(`no answer in ${timeoutMs} ms`))), timeoutMs))),
      ]);
      checks.store = 'ok';
      deps.reportStore?.(undefined);
    } catch (err) {
      // /readyz is on the public port: the driver's error names hosts, ports and users, so it goes to the log only.
      checks.store = timedOut ? `unreachable: no answer in ${timeoutMs} ms` : 'unreachable (the error is in the log)';
      deps.reportStore?.(err);
    } finally {
      clearTimeout(timer);
    }
  }
  for (const p of deps.platforms()) checks[p.name] = p.isReady() ? 'ok' : 'not connected';
  return { ready: Object.values(checks).every((v) => v === 'ok'), checks };
}

/** /healthz (the process answers), /readyz (it can serve: 503 otherwise) and /metrics. */
export function healthRoutes(deps: { readiness: ReadinessDeps; metrics: Metrics }): HttpRoute[] {
  return [
    {
      path: '/healthz',
      method: 'GET',
      handler: (_req, res) => sendJson(res, 200, { status: 'ok' }),
    },
    {
      path: '/readyz',
      method: 'GET',
      handler: (_req, res) => {
        void checkReadiness(deps.readiness).then((r) => sendJson(res, r.ready ? 200 : 503, { status: r.ready ? 'ready' : 'not ready', checks: r.checks }));
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: (_req, res) => {
        deps.metrics.text().then(
          (text) => res.writeHead(200, { 'content-type': deps.metrics.contentType() }).end(text),
          () => res.writeHead(500, { 'content-type': 'text/plain' }).end('metrics unavailable\n'),
        );
      },
    },
  ];
}
