import type { Actor } from '../ports/actor.js';
import type { ChatPlatform } from '../ports/chat-platform.js';
import type { Logger } from '../ports/logger.js';
import { InFlight } from '../observability/in-flight.js';
import { Metrics } from '../observability/metrics.js';
import { healthRoutes } from './health-routes.js';
import { type HttpRoute, HttpServer, type RouteHost } from './http-server.js';

export interface OperationsOptions {
  port: number;
  host: string;
  logger: Logger;
  /** Answers when the store is reachable; throws otherwise (for /readyz). */
  pingStore?: () => Promise<void>;
  librarySize?: () => Promise<number>;
  processMetrics?: boolean;
}

const isRouteHost = (p: ChatPlatform): p is ChatPlatform & RouteHost => {
  const host = p as Partial<RouteHost>;
  return typeof host.addRoute === 'function' && (host.hostsRoutes?.() ?? true);
};

/**
 * The operational side of one process: metrics, the HTTP routes (/healthz, /readyz, /metrics and
 * whatever adapters add, such as Discord interactions), the count of work in flight, and the
 * "draining" state shutdown starts with. The routes go on the Slack receiver's port when Slack
 * owns one, on a server of our own otherwise: either way one port.
 */
export class Operations {
  readonly metrics: Metrics;
  readonly inFlight = new InFlight();
  private readonly routes: HttpRoute[] = [];
  private added = 0;
  private server: HttpServer | undefined;
  private draining = false;
  private platforms: readonly ChatPlatform[] = [];

  constructor(private readonly options: OperationsOptions) {
    this.metrics = new Metrics({
      ...(options.librarySize && { librarySize: options.librarySize }),
      ...(options.processMetrics !== undefined && { processMetrics: options.processMetrics }),
    });
    this.routes.push(
      ...healthRoutes({
        metrics: this.metrics,
        readiness: {
          // The shell is not a connection a balancer cares about.
          platforms: () => this.platforms.filter((p) => p.name !== 'shell'),
          draining: () => this.draining,
          ...(options.pingStore && { pingStore: options.pingStore }),
          reportStore: (err) => this.reportStore(err),
        },
      }),
    );
  }

  /**
   * The dispatcher's hooks: every command counts as in flight from its permission check to its
   * outcome (the dispatcher calls `allow` first and `onOutcome` exactly once per command).
   */
  dispatcherHooks(allow?: (actor: Actor) => boolean): {
    allow: (actor: Actor) => boolean;
    onOutcome: (e: Parameters<Metrics['recordCommand']>[0]) => void;
  } {
    return {
      allow: (actor) => {
        this.inFlight.begin();
        return allow ? allow(actor) : true;
      },
      onOutcome: (event) => {
        this.inFlight.end();
        this.metrics.recordCommand(event);
      },
    };
  }

  /**
   * Adds a route; call before `serve`. Added routes go ahead of the health routes: Slack's
   * receiver tries custom routes in order, compiling each one's pattern on every request, and an
   * adapter's route (Discord interactions) takes a request per command.
   */
  addRoute(route: HttpRoute): void {
    this.routes.splice(this.added++, 0, route);
  }

  private storeDown = false;

  /** Logs the store's error when readiness first finds it down, not at every probe of the balancer. */
  private reportStore(err: unknown): void {
    if (err === undefined) {
      if (this.storeDown) this.options.logger.info({}, 'readiness: the store answers again');
      this.storeDown = false;
      return;
    }
    if (!this.storeDown) this.options.logger.warn({ err }, 'readiness: the store does not answer');
    this.storeDown = true;
  }

  isDraining(): boolean {
    return this.draining;
  }

  /**
   * Serves the routes: on a platform that hosts routes (Slack's receiver), else on our own server
   * when `standalone` (a chat platform is configured, or HTTP_SERVER=on). Call after the platforms
   * are built and before they start.
   */
  async serve(platforms: readonly ChatPlatform[], standalone: boolean): Promise<void> {
    this.platforms = platforms;
    const host = platforms.find(isRouteHost);
    if (host) {
      for (const r of this.routes) host.addRoute(r);
      return;
    }
    if (!standalone) return;
    this.server = new HttpServer({ port: this.options.port, host: this.options.host, routes: this.routes, logger: this.options.logger.child({ component: 'http' }) });
    await this.server.start();
  }

  /** The port our own server bound, when it runs. */
  port(): number | undefined {
    return this.server?.port();
  }

  /** Shutdown begins: /readyz answers 503 from now on. */
  startDraining(): void {
    this.draining = true;
  }

  /** Waits for work in flight, at most `timeoutMs`; says whether everything finished. */
  drain(timeoutMs: number): Promise<boolean> {
    return this.inFlight.drain(timeoutMs);
  }

  async stopServer(): Promise<void> {
    await this.server?.stop();
  }
}
