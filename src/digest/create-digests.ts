import type { Kysely } from 'kysely';
import type { ChatPlatform } from '../ports/chat-platform.js';
import type { Clock } from '../ports/clock.js';
import type { DigestPort, DigestStore } from '../ports/digests.js';
import type { BriefingLibrary } from '../ports/library.js';
import type { Logger } from '../ports/logger.js';
import { CronTicker } from './cron-ticker.js';
import { DeliveryQueue } from './delivery-queue.js';
import { DigestScheduler, type Ticker } from './digest-scheduler.js';
import { DigestService } from './digest-service.js';
import { SqlDigestStore } from './sql-digest-store.js';

export interface DigestsDeps {
  /** The shared, migrated database; without one, digests live in memory (one replica only). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the store's kysely instance, whatever its table types
  db?: Kysely<any>;
  store?: DigestStore;
  library: BriefingLibrary;
  clock: Clock;
  logger: Logger;
  catchupHours: number;
  ticker?: Ticker;
}

export interface Digests {
  port: DigestPort;
  scheduler: DigestScheduler;
  /** Attaches the platforms that deliver digests and starts the minute tick (with catch-up). */
  start(platforms: readonly ChatPlatform[]): void;
  /** Stops the tick, lets posts in flight finish, releases undelivered claims. */
  stop(graceMs?: number): Promise<void>;
}

/** Builds the digest feature: store adapter, delivery queue, scheduler and the commands' service. */
export function createDigests(deps: DigestsDeps): Digests {
  const logger = deps.logger.child({ feature: 'digests' });
  const store = deps.store ?? (deps.db ? new SqlDigestStore(deps.db) : undefined);
  if (!store) throw new Error('digests need a database or a store');
  let scheduler: DigestScheduler | undefined;
  const queue = new DeliveryQueue({ logger, share: () => scheduler?.replicas() ?? 1 });
  scheduler = new DigestScheduler({ store, queue, library: deps.library, clock: deps.clock, logger, catchupHours: deps.catchupHours, ticker: deps.ticker ?? new CronTicker() });
  const running = scheduler;
  const port = new DigestService({ store, scheduler: running, library: deps.library, clock: deps.clock });
  return {
    port,
    scheduler: running,
    start(platforms) {
      for (const p of platforms) queue.attach(p);
      running.start();
    },
    stop: (graceMs) => running.stop(graceMs),
  };
}
