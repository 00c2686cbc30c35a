import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../ports/logger.js';

/**
 * One HTTP route. The same shape as Bolt's `customRoutes`, so the routes can be served by this
 * server or plugged into the Slack receiver's when Slack owns the port.
 */
export interface HttpRoute {
  path: string;
  method: string | string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/** Something that serves extra routes on its own port (the Slack adapter in HTTP or Socket Mode). */
export interface RouteHost {
  addRoute(route: HttpRoute): void;
  /** False when this platform will not serve added routes on PORT and HTTP_HOST (default true). */
  hostsRoutes?(): boolean;
}

export interface HttpServerOptions {
  port: number;
  host: string;
  routes: readonly HttpRoute[];
  logger: Logger;
}

const methodsOf = (route: HttpRoute) => (Array.isArray(route.method) ? route.method : [route.method]).map((m) => m.toUpperCase());

/** Finds the route for a request by exact path and method; 404 or 405 otherwise. */
export function routeRequest(routes: readonly HttpRoute[], req: IncomingMessage, res: ServerResponse): void {
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  const method = (req.method ?? 'GET').toUpperCase();
  const onPath = routes.filter((r) => r.path === path);
  const route = onPath.find((r) => methodsOf(r).includes(method) || (method === 'HEAD' && methodsOf(r).includes('GET')));
  if (route) return route.handler(req, res);
  if (onPath.length > 0) {
    res.writeHead(405, { allow: [...new Set(onPath.flatMap(methodsOf))].join(', '), 'content-type': 'text/plain' }).end('method not allowed\n');
    return;
  }
  res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
}

/**
 * The process's HTTP server (health, metrics, Discord interactions) when no Slack receiver owns
 * the port. Stopping it refuses new connections, closes idle keep-alive ones and waits for
 * requests in progress.
 */
export class HttpServer {
  private server: Server | undefined;

  constructor(private readonly options: HttpServerOptions) {}

  async start(): Promise<void> {
    const log = this.options.logger;
    const server = createServer((req, res) => {
      try {
        routeRequest(this.options.routes, req, res);
      } catch (err) {
        log.error({ err, path: req.url }, 'http handler failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end('internal error\n');
      }
    });
    // Behind a load balancer, idle keep-alive sockets must outlive the balancer's own timeout.
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.options.port, this.options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    log.info({ port: this.port(), host: this.options.host }, 'http server listening');
  }

  /** The bound port (useful when started on port 0). */
  port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
  }
}

/** Reads a request body, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new BodyTooLargeError(limit);
    chunks.push(buf);
  }
  // A small body comes in one chunk: no copy then.
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
}

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
  readonly code = 'BODY_TOO_LARGE' as const;
  constructor(readonly limit: number) {
    super(`request body over ${limit} bytes`);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}
