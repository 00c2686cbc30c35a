import { once } from 'node:events';
import { fetchAttachment } from './fetch-attachment.js';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { ReplyDocument } from '../../core/render/document.js';
import type { Dispatcher } from '../../dispatch/dispatcher.js';
import { InFlight } from '../../observability/in-flight.js';
import type { ChatPlatform } from '../../ports/chat-platform.js';
import type { IdempotentPost } from '../../ports/delivery-errors.js';
import type { BriefingLibrary } from '../../ports/library.js';
import type { Logger } from '../../ports/logger.js';
import type { ModerationPort } from '../../ports/moderation.js';
import type { ButtonLineStore } from '../../ports/button-lines.js';
import type { PendingSubmissionStore } from '../../ports/pending-submissions.js';
import { MemoryPendingStore } from '../../store/memory-pending-store.js';
import { FORM_COMMANDS } from './briefing-form.js';
import { buildDiscordCommands } from './command-definitions.js';
import { ButtonLines } from './button-lines.js';
import { InteractionHandler } from './interaction-handler.js';
import { PendingSteps } from './pending-steps.js';
import { postDocument } from './post-document.js';
import { cachedSnakeCase } from './reply-payload.js';
import { NO_MENTIONS } from './to-discord-message.js';

/** What both Discord adapters (gateway and HTTP interactions) are built from. */
export interface DiscordAdapterOptions {
  token: string;
  /** REST base ("https://discord.com/api" by default); tests point it at a loopback fake. */
  apiUrl?: string;
  moderatorRoleId?: string;
  dispatcher: Dispatcher;
  library: BriefingLibrary;
  logger: Logger;
  maxBriefingBytes: number;
  /**
   * Where a moderator's form and preview wait for the next interaction. The composition root
   * passes the database's, so any replica (or this one after a restart) can finish them; the
   * default keeps them in this process only.
   */
  pending?: PendingSubmissionStore;
  /**
   * Where buttons' command lines too long for a custom_id are kept. The composition root passes
   * the database's, so a button works on any replica; the default keeps them in this process.
   */
  buttonLines?: ButtonLineStore;
  /** Where restore's autocomplete finds removed briefings (for moderators); without it, it offers none. */
  moderation?: ModerationPort;
}

export interface DiscordPlatformOptions extends DiscordAdapterOptions {
  /** Defer an answer not ready after this long (default 2000 ms; Discord's deadline is 3 s). */
  deferAfterMs?: number;
  /** How long start() waits for the gateway's READY (default 30 s). */
  readyTimeoutMs?: number;
  /** Counts each interaction until its last answer is sent, so shutdown can wait for it. */
  inFlight?: InFlight;
  /** How long stop() waits for interactions in flight (default 10 s). */
  drainMs?: number;
  /** Called on each 429 from Discord's API (metrics); discord.js waits it out by itself. */
  onRateLimited?: () => void;
}


/**
 * Discord through discord.js: a gateway connection with the Guilds intent only (nothing
 * privileged), slash commands, buttons and forms answered by the InteractionHandler, and digests
 * posted through REST. Commands are registered by scripts/register-discord-commands.ts, not here.
 */
export class DiscordPlatform implements ChatPlatform, IdempotentPost {
  readonly name = 'discord' as const;
  private client: Client | undefined;
  private readonly lines: ButtonLines;
  private readonly inFlight: InFlight;

  constructor(private readonly options: DiscordPlatformOptions) {
    this.inFlight = options.inFlight ?? new InFlight();
    this.lines = new ButtonLines(options.buttonLines);
  }

  isReady(): boolean {
    return this.client?.isReady() ?? false;
  }

  async start(): Promise<void> {
    const { options } = this;
    const commands = buildDiscordCommands(
      options.dispatcher.commandsFor('discord').map((c) => c.data),
      { fileCommands: FORM_COMMANDS },
    );
    const handler = new InteractionHandler({
      dispatcher: options.dispatcher,
      library: options.library,
      logger: options.logger,
      commands,
      lines: this.lines,
      pending: new PendingSteps(options.pending ?? new MemoryPendingStore()),
      ...(options.moderatorRoleId !== undefined && { moderatorRoleId: options.moderatorRoleId }),
      ...(options.moderation && { moderation: options.moderation }),
      deferAfterMs: options.deferAfterMs ?? 2000,
      maxBriefingBytes: options.maxBriefingBytes,
      fetchFile: (url, max) => fetchAttachment(url, max, this.options.apiUrl),
    });
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      allowedMentions: NO_MENTIONS,
      jsonTransformer: cachedSnakeCase,
      ...(options.apiUrl !== undefined && { rest: { api: options.apiUrl } }),
    });
    this.client = client;
    client.on(Events.InteractionCreate, (interaction) => void this.inFlight.track(() => handler.handle(interaction)));
    client.on(Events.Error, (err) => options.logger.error({ err }, 'discord client error'));
    client.on(Events.Warn, (message) => options.logger.warn({ message }, 'discord client warning'));
    client.on(Events.ShardDisconnect, (event, shard) => options.logger.warn({ code: event.code, shard }, 'discord gateway disconnected'));
    client.rest.on('rateLimited', (info) => {
      options.onRateLimited?.();
      options.logger.warn({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'discord rate limit: waiting');
    });

    const ready = once(client, Events.ClientReady, { signal: AbortSignal.timeout(options.readyTimeoutMs ?? 30_000) });
    await client.login(options.token);
    await ready;
    options.logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'discord connected');
  }

  /** Takes no new interactions, lets those in flight send their answers, then disconnects. */
  async stop(): Promise<void> {
    const client = this.client;
    if (!client) return;
    client.removeAllListeners(Events.InteractionCreate);
    if (!(await this.inFlight.drain(this.options.drainMs ?? 10_000))) {
      this.options.logger.warn({ inFlight: this.inFlight.size }, 'discord: interactions still in flight at shutdown were abandoned');
    }
    this.client = undefined;
    await client.destroy();
  }

  /** Posts a document to a channel as one or several messages, split (never cut) to fit. */
  async post(channelId: string, doc: ReplyDocument): Promise<void> {
    await postDocument(this.started().rest, channelId, doc, this.lines);
  }

  /** The same post, shown once even when retried (a nonce derived from `key`). */
  async postOnce(channelId: string, doc: ReplyDocument, key: string): Promise<void> {
    await postDocument(this.started().rest, channelId, doc, this.lines, key);
  }

  private started(): Client {
    if (!this.client) throw new Error('the Discord platform is not started');
    return this.client;
  }
}
