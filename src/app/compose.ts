import type { Readable, Writable } from 'node:stream';
import { analysisCacheKey, analyze } from '../core/analysis/analyze.js';
import type { Config } from '../config/config.js';
import { secretsOf } from '../config/config.js';
import { ShellPlatform } from '../adapters/shell/shell-platform.js';
import { Dispatcher } from '../dispatch/dispatcher.js';
import { loadCommands } from '../dispatch/load-commands.js';
import { FileBriefingSource } from '../library/file-source.js';
import { Library } from '../library/library.js';
import type { ChatPlatform } from '../ports/chat-platform.js';
import { systemClock } from '../ports/clock.js';
import type { Logger } from '../ports/logger.js';
import { createLogger } from './logger.js';
import { MergedBriefingSource } from '../library/merged-source.js';
import { ModerationService } from '../library/moderation-service.js';
import { readLocalFile, writeNewLocalFile } from '../library/read-local-file.js';
import { type OpenDatabase } from '../store/database.js';
import { openStore } from '../store/open-store.js';
import { SlidingWindowLimiter } from '../core/limits/rate-limiter.js';
import { createDigests } from '../digest/create-digests.js';
import { sql } from 'kysely';
import { SqlDigestStore } from '../digest/sql-digest-store.js';
import { Operations } from '../http/operations.js';
import { MeteredDigestStore } from '../observability/metered-digest-store.js';
import { pendingPayloadLimit } from '../ports/pending-submissions.js';
import { SqlPendingStore } from '../store/sql-pending-store.js';
import { SqlButtonLineStore } from '../store/sql-button-lines.js';

export interface AppIO {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable;
  stderr: Writable & { isTTY?: boolean };
}

export interface RunningApp {
  logger: Logger;
  dispatcher: Dispatcher;
  library: Library;
  /** The migrated database the briefing store uses; other stores (digests) share its kysely instance. */
  database: OpenDatabase;
  platforms: ChatPlatform[];
  /** Metrics, health routes and the HTTP port (when this process serves one). */
  operations: Operations;
  /** Resolves when the app has nothing left to serve (the shell's input ended). */
  done: Promise<void>;
  stop(): Promise<void>;
}

export function loggerFor(config: Config, io: AppIO, interactive: boolean): Logger {
  const format = config.env.LOG_FORMAT === 'auto' ? (interactive || io.stderr.isTTY ? 'pretty' : 'json') : config.env.LOG_FORMAT;
  return createLogger({ level: config.env.LOG_LEVEL, format, secrets: secretsOf(config), output: io.stderr });
}

/** The composition root: builds every concrete adapter from the validated configuration. */
export async function startApp(config: Config, io: AppIO): Promise<RunningApp> {
  const logger = loggerFor(config, io, config.shell && io.stdin.isTTY === true);
  // Milliseconds since the process started (wall clock and CPU) at the end of each start-up step, logged once (debug).
  const steps: Record<string, { wallMs: number; cpuMs: number }> = {};
  const step = (name: string) => {
    const cpu = process.cpuUsage();
    steps[name] = { wallMs: Math.round(performance.now()), cpuMs: Math.round((cpu.user + cpu.system) / 1000) };
  };
  step('modules');
  const commands = await loadCommands();
  step('commands');
  const { store, database } = await openStore({
    ...(config.env.DATABASE_URL && { databaseUrl: config.env.DATABASE_URL }),
    sqlitePath: config.env.SQLITE_PATH,
    onIdleError: (err) => logger.warn({ err }, 'a database connection failed; it will be replaced'),
    onRetry: (err, attempt, delayMs) => logger.warn({ err, attempt, retryInMs: delayMs }, 'the database is not reachable yet; retrying'),
    onNewer: (migrations) => logger.warn({ migrations }, 'a newer release has migrated the database; this one runs on it unchanged (migrations only add)'),
  });
  step('store');
  // Parsed files are kept in the store: a restart hashes the files but parses only new ones.
  const files = new FileBriefingSource(config.env.BRIEFINGS_DIR, config.env.BRIEFING_MAX_BYTES, logger, { cache: store });
  // Operations: /healthz, /readyz and /metrics on PORT, and the count of work shutdown waits for.
  const ops: Operations = new Operations({
    port: config.env.PORT,
    host: config.env.HTTP_HOST,
    logger,
    pingStore: async () => void (await sql`select 1`.execute(database.db)),
    librarySize: async (): Promise<number> => (await library.list()).length,
  });
  const source = new MergedBriefingSource(store, files);
  const library: Library = new Library({ source, analyze: ops.metrics.timed(analyze), cacheKey: (input) => analysisCacheKey(input), cache: store, logger, staleWhileRevalidate: true, indexAhead: false });
  const moderation = new ModerationService({
    store,
    files,
    clock: systemClock,
    maxBodyBytes: config.env.BRIEFING_MAX_BYTES,
    onChange: () => library.invalidate(),
    ...(config.shell && { readLocalFile, writeLocalFile: writeNewLocalFile }),
  });
  // Digests share the store's database, so replicas on one PostgreSQL post each slot once.
  const digests =
    config.env.DIGESTS === 'on'
      ? createDigests({ store: new MeteredDigestStore(new SqlDigestStore(database.db), (o) => ops.metrics.recordDigest(o)), library, clock: systemClock, logger, catchupHours: config.env.DIGEST_CATCHUP_HOURS })
      : undefined;
  const limiter = new SlidingWindowLimiter(config.env.RATE_LIMIT_COMMANDS, config.env.RATE_LIMIT_WINDOW_SECONDS * 1000);
  const dispatcher = new Dispatcher({
    commands,
    library,
    clock: systemClock,
    logger,
    services: { moderation, ...(digests && { digests: digests.port }) },
    // The local shell user is the operator; chat users share a per-user budget.
    ...ops.dispatcherHooks((actor) => actor.platform === 'shell' || limiter.tryTake(`${actor.platform}:${actor.userId}`, systemClock.now().getTime())),
  });

  // Moderators' previews wait for Confirm in the database, so any replica (or this one after a restart) can finish them.
  const pending = new SqlPendingStore(database.db, { clock: systemClock, maxPayloadBytes: pendingPayloadLimit(config.env.BRIEFING_MAX_BYTES) });
  // Discord buttons whose command line is too long for a custom_id: kept there too, so a press works on any replica.
  const buttonLines = new SqlButtonLineStore(database.db, { clock: systemClock });

  const platforms: ChatPlatform[] = [];
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  if (config.shell) {
    platforms.push(new ShellPlatform({ dispatcher, input: io.stdin, output: io.stdout, user: config.env.SHELL_USER, onClose: () => finish() }));
  }
  if (config.slack) {
    // HTTP mode serves /slack/events on PORT; more routes go on the same port with slack.addRoute() before start.
    // Platform SDKs load only when configured: discord.js and Bolt cost seconds at start-up.
    const { SlackPlatform } = await import('../adapters/slack/slack-platform.js');
    const slack = new SlackPlatform({ settings: config.slack, dispatcher, library, logger, port: config.env.PORT, host: config.env.HTTP_HOST, maxBodyBytes: config.env.BRIEFING_MAX_BYTES, pending });
    platforms.push(slack);
  }
  // With DISCORD_PUBLIC_KEY, Discord reaches any replica over HTTP; the gateway is then off unless asked for.
  const discordGateway = config.env.DISCORD_GATEWAY === 'on' || (config.env.DISCORD_GATEWAY === 'auto' && !config.discord?.publicKey);
  if (config.discord?.publicKey) {
    const d = config.discord;
    const { DiscordHttpPlatform } = await import('../adapters/discord-http/discord-http-platform.js');
    const discordHttp = new DiscordHttpPlatform({
      publicKey: d.publicKey as string,
      token: d.token,
      ...(d.apiUrl && { apiUrl: d.apiUrl }),
      ...(d.moderatorRoleId && { moderatorRoleId: d.moderatorRoleId }),
      dispatcher,
      library,
      moderation,
      logger: logger.child({ platform: 'discord', mode: 'http' }),
      maxBriefingBytes: config.env.BRIEFING_MAX_BYTES,
      pending,
      buttonLines,
      onRateLimited: () => ops.metrics.recordRateLimited('discord'),
    });
    for (const route of discordHttp.routes()) ops.addRoute(route);
    platforms.push(discordHttp);
  }
  if (config.discord && discordGateway) {
    const d = config.discord;
    const { DiscordPlatform } = await import('../adapters/discord/discord-platform.js');
    platforms.push(
      new DiscordPlatform({
        token: d.token,
        ...(d.apiUrl && { apiUrl: d.apiUrl }),
        ...(d.moderatorRoleId && { moderatorRoleId: d.moderatorRoleId }),
        dispatcher,
        library,
        moderation,
        logger: logger.child({ platform: 'discord' }),
        maxBriefingBytes: config.env.BRIEFING_MAX_BYTES,
        pending,
        buttonLines,
        inFlight: ops.inFlight,
        drainMs: Math.floor(config.env.SHUTDOWN_TIMEOUT_MS / 2),
        onRateLimited: () => ops.metrics.recordRateLimited('discord'),
      }),
    );
  }
  step('platforms');
  // Load the library before serving, so that a replica reporting ready answers at once.
  const loaded = await library.list();
  step('library');
  await ops.serve(platforms, config.env.HTTP_SERVER === 'on' || (config.env.HTTP_SERVER === 'auto' && (!!config.discord || !!config.slack)));
  for (const p of platforms) await p.start();
  digests?.start(platforms);
  step('serving');
  // Only now: indexing 10,000 briefings takes seconds of slices that would delay readiness.
  library.indexAhead();
  logger.debug({ platforms: platforms.map((p) => p.name), commands: commands.size, briefings: loaded.length, steps }, 'briefbot started');

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      const deadline = Date.now() + config.env.SHUTDOWN_TIMEOUT_MS;
      // /readyz answers 503 from now on, so a load balancer sends new work to the other replicas.
      ops.startDraining();
      // Before the platforms close: posts in flight may finish, undelivered claims are released.
      await digests?.stop(config.env.SHUTDOWN_TIMEOUT_MS / 2).catch((err: unknown) => logger.warn({ err }, 'digests did not stop cleanly'));
      await Promise.all(platforms.map((p) => p.stop().catch((err: unknown) => logger.warn({ err, platform: p.name }, 'platform did not stop cleanly'))));
      if (!(await ops.drain(Math.max(0, deadline - Date.now())))) logger.warn({ inFlight: ops.inFlight.size }, 'shutdown timeout: commands still in flight were abandoned');
      await ops.stopServer().catch((err: unknown) => logger.warn({ err }, 'the http server did not stop cleanly'));
      await store.close().catch((err: unknown) => logger.warn({ err }, 'the store did not close cleanly'));
      finish();
    })());
  if (platforms.length === 0) logger.warn({}, 'no platform to serve: set Discord or Slack credentials, or BRIEFBOT_SHELL=on');
  return { logger, dispatcher, library, database, platforms, operations: ops, done, stop };
}
