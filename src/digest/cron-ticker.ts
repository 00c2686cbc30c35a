import cron, { type ScheduledTask } from 'node-cron';
import type { Ticker } from './digest-scheduler.js';

/**
 * The scheduler's tick, from node-cron. node-cron is only the clock here, in UTC: each
 * subscription's local time and zone are turned into instants by src/core/digest/slots.ts,
 * because node-cron 4.6 with a `timezone` skips a day whose local time falls in the
 * spring-forward gap (02:30 in New York on 8 March 2026 never runs) and its `match()` accepts
 * both passes through a fall-back hour, and because 10,000 subscriptions should not be 10,000
 * timers that know nothing of restarts or other replicas.
 */
export class CronTicker implements Ticker {
  private task: ScheduledTask | undefined;

  start(onTick: () => void): void {
    // Every 15 s rather than every minute: a slot is still found within its minute, and the
    // claims of a replica that died are picked up soon after its heartbeat stops.
    this.task = cron.schedule('*/15 * * * * *', () => onTick(), { timezone: 'UTC', name: 'digest-tick', noOverlap: true });
  }

  stop(): void {
    void this.task?.destroy();
    this.task = undefined;
  }
}
