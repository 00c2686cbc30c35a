import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { PlatformName } from '../core/commands/command-data.js';

export type CommandOutcome = 'ok' | 'refused' | 'error';
export type DigestOutcome = 'delivered' | 'late' | 'failed' | 'skipped';

export interface MetricsOptions {
  /** How many briefings the library holds, read at each scrape. */
  librarySize?: () => Promise<number>;
  /** Node's process metrics (memory, event-loop lag, GC); off in unit tests for speed. */
  processMetrics?: boolean;
}

/**
 * Everything /metrics exposes, on a registry of its own (never prom-client's global one, so two
 * apps in one test process do not collide). Label values come from fixed sets (command keys,
 * platform names, outcomes), never from user input, so the series count stays bounded.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly commands: Counter<'command' | 'outcome' | 'platform'>;
  private readonly commandSeconds: Histogram<'command' | 'platform'>;
  private readonly digests: Counter<'outcome'>;
  private readonly rateLimited: Counter<'platform'>;
  private readonly analysisSeconds: Histogram;

  constructor(options: MetricsOptions = {}) {
    const registers = [this.registry];
    this.commands = new Counter({ name: 'briefbot_commands_total', help: 'Commands answered, by command, outcome and platform', labelNames: ['command', 'outcome', 'platform'], registers });
    this.commandSeconds = new Histogram({
      name: 'briefbot_command_duration_seconds',
      help: 'Time from receiving a command to having its reply',
      labelNames: ['command', 'platform'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    });
    this.digests = new Counter({ name: 'briefbot_digests_total', help: 'Digest slots finished, by outcome (delivered on time, late, failed, skipped)', labelNames: ['outcome'], registers });
    this.rateLimited = new Counter({ name: 'briefbot_platform_rate_limited_total', help: 'HTTP 429 answers from a chat platform', labelNames: ['platform'], registers });
    this.analysisSeconds = new Histogram({
      name: 'briefbot_analysis_duration_seconds',
      help: 'Time to analyse one briefing (cache misses only)',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    const librarySize = options.librarySize;
    new Gauge({
      name: 'briefbot_library_briefings',
      help: 'Briefings in the library (visible ones)',
      registers,
      async collect() {
        if (librarySize) this.set(await librarySize());
      },
    });
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'briefbot_' });
  }

  /** The Dispatcher's `onOutcome` hook. */
  recordCommand(event: { command: string; outcome: CommandOutcome; platform: PlatformName; ms: number }): void {
    this.commands.inc({ command: event.command, outcome: event.outcome, platform: event.platform });
    this.commandSeconds.observe({ command: event.command, platform: event.platform }, event.ms / 1000);
  }

  recordDigest(outcome: DigestOutcome): void {
    this.digests.inc({ outcome });
  }

  recordRateLimited(platform: PlatformName): void {
    this.rateLimited.inc({ platform });
  }

  recordAnalysis(ms: number): void {
    this.analysisSeconds.observe(ms / 1000);
  }

  /** Wraps a synchronous analysis function so every call is timed. */
  timed<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
    return (...args: A) => {
      const started = performance.now();
      try {
        return fn(...args);
      } finally {
        this.recordAnalysis(performance.now() - started);
      }
    };
  }

  contentType(): string {
    return this.registry.contentType;
  }

  /** The Prometheus text exposition. */
  text(): Promise<string> {
    return this.registry.metrics();
  }
}
