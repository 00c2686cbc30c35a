import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Analysis, AnalysisInput } from '../../src/core/analysis/types.js';
import type { PlatformName } from '../../src/core/commands/command-data.js';
import type { ReplyDocument } from '../../src/core/render/document.js';
import { createDigests, type Digests } from '../../src/digest/create-digests.js';
import { SqlDigestStore } from '../../src/digest/sql-digest-store.js';
import type { DigestSubscription } from '../../src/ports/digests.js';
import { Dispatcher } from '../../src/dispatch/dispatcher.js';
import { loadCommands } from '../../src/dispatch/load-commands.js';
import { FileBriefingSource } from '../../src/library/file-source.js';
import { Library } from '../../src/library/library.js';
import { MergedBriefingSource } from '../../src/library/merged-source.js';
import { ModerationService } from '../../src/library/moderation-service.js';
import { readLocalFile } from '../../src/library/read-local-file.js';
import type { Actor, Attachment } from '../../src/ports/command.js';
import type { Logger } from '../../src/ports/logger.js';
import { silentLogger } from '../../src/ports/logger.js';
import type { OpenDatabase } from '../../src/store/database.js';
import { openStore } from '../../src/store/open-store.js';
import type { SqlBriefingStore } from '../../src/store/sql-store.js';
import { fakeAnalysis } from '../fakes/memory-library.js';
import { dropSchema } from '../store/store-factories.js';

/** A logger that keeps every entry, for "logged once" and "no secret in logs" checks. */
export class RecordingLogger implements Logger {
  constructor(readonly entries: { level: string; obj: object; msg?: string }[] = []) {}
  debug(obj: object, msg?: string) {
    this.entries.push({ level: 'debug', obj, ...(msg !== undefined && { msg }) });
  }
  info(obj: object, msg?: string) {
    this.entries.push({ level: 'info', obj, ...(msg !== undefined && { msg }) });
  }
  warn(obj: object, msg?: string) {
    this.entries.push({ level: 'warn', obj, ...(msg !== undefined && { msg }) });
  }
  error(obj: object, msg?: string) {
    this.entries.push({ level: 'error', obj, ...(msg !== undefined && { msg }) });
  }
  child(): Logger {
    return new RecordingLogger(this.entries);
  }
  errors() {
    return this.entries.filter((e) => e.level === 'error');
  }
}

export interface StackOptions {
  /** PostgreSQL URL; SQLite in a temp folder when absent. */
  pgUrl?: string;
  analyze?: (input: AnalysisInput) => Analysis;
  logger?: Logger;
  /** Per-user command budget (the dispatcher's allow hook, as compose.ts wires it). */
  rateLimit?: { commands: number; windowMs: number };
  maxBodyBytes?: number;
}

/**
 * The real pieces compose.ts wires, in-process: a migrated SQL store (SQLite or PostgreSQL), the
 * briefings folder, the library, moderation, digests (not ticking) and the dispatcher.
 */
export interface Stack {
  dir: string;
  briefingsDir: string;
  store: SqlBriefingStore;
  database: OpenDatabase;
  library: Library;
  moderation: ModerationService;
  digests: Digests;
  dispatcher: Dispatcher;
  logger: Logger;
  run(line: string, actor: Actor, attachments?: Attachment[]): Promise<ReplyDocument>;
  /** Every digest subscription of a platform, whichever server or workspace set it up (what the database holds). */
  subscriptions(platform: PlatformName): Promise<DigestSubscription[]>;
  close(): Promise<void>;
}

/** The server or workspace the hardening platforms' requests come from (Slack's team T0HARD, the fake Discord's guild). */
export const HARD_SCOPES: Readonly<Record<PlatformName, string>> = { shell: 'shell', slack: 'T0HARD', discord: '900000000000000003' };

export const actorOf = (platform: PlatformName, userId: string, isModerator: boolean): Actor => ({ platform, userId, userName: `${userId}-name`, isModerator });

/** The plain text of a reply, for assertions. */
export function textOf(doc: ReplyDocument): string {
  const parts: string[] = [doc.title ?? '', doc.subtitle ?? ''];
  for (const s of doc.sections) {
    parts.push(s.title ?? '');
    for (const b of s.blocks) parts.push(JSON.stringify(b));
  }
  return parts.join('\n');
}

let schemaCounter = 0;

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const { SlidingWindowLimiter } = await import('../../src/core/limits/rate-limiter.js');
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-hard-'));
  const briefingsDir = join(dir, 'briefings');
  const logger = options.logger ?? silentLogger;
  const maxBodyBytes = options.maxBodyBytes ?? 200 * 1024;
  const pgSchema = options.pgUrl ? `bb_hard_${process.pid}_${Date.now().toString(36)}_${schemaCounter++}` : undefined;
  const { store, database } = await openStore({
    ...(options.pgUrl && { databaseUrl: options.pgUrl, pgSchema }),
    sqlitePath: join(dir, 'data', 'briefbot.db'),
  });
  const files = new FileBriefingSource(briefingsDir, maxBodyBytes, logger);
  const source = new MergedBriefingSource(store, files);
  const library = new Library({
    source,
    analyze: options.analyze ?? ((input) => fakeAnalysis({ cleanedText: input.text, sentences: [], summary: [input.text.slice(0, 100)], tldr: input.text.slice(0, 100) })),
    cacheKey: (input) => `${input.title ?? ''}\u0000${input.text}`,
    logger,
    recheckMs: 0,
  });
  const clock = { now: () => new Date() };
  const moderation = new ModerationService({ store, files, clock, maxBodyBytes, onChange: () => library.invalidate(), readLocalFile });
  const digests = createDigests({ db: database.db, library, clock, logger, catchupHours: 0, ticker: { start() {}, stop() {} } });
  const limiter = options.rateLimit ? new SlidingWindowLimiter(options.rateLimit.commands, options.rateLimit.windowMs) : undefined;
  const dispatcher = new Dispatcher({
    commands: await loadCommands(),
    library,
    clock,
    logger,
    services: { moderation, digests: digests.port },
    ...(limiter && { allow: (actor: Actor) => actor.platform === 'shell' || limiter.tryTake(`${actor.platform}:${actor.userId}`, Date.now()) }),
  });
  return {
    dir,
    briefingsDir,
    store,
    database,
    library,
    moderation,
    digests,
    dispatcher,
    logger,
    run: (line, actor, attachments = []) => dispatcher.runLine(line, { actor, channel: { platform: actor.platform, id: 'C-HARD', scope: HARD_SCOPES[actor.platform] }, attachments }),
    subscriptions: (platform) => new SqlDigestStore(database.db).listSubscriptions(platform),
    async close() {
      await store.close().catch(() => {});
      if (options.pgUrl && pgSchema) await dropSchema(options.pgUrl, pgSchema).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
