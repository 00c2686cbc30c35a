import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KeyObject } from 'node:crypto';
import { Client, Events, type Interaction } from 'discord.js';
import { FORM_COMMANDS } from '../discord/briefing-form.js';
import { buildDiscordCommands } from '../discord/command-definitions.js';
import { ButtonLines } from '../discord/button-lines.js';
import { InteractionHandler } from '../discord/interaction-handler.js';
import { PendingSteps } from '../discord/pending-steps.js';
import { cachedSnakeCase } from '../discord/reply-payload.js';
import { postDocument } from '../discord/post-document.js';
import { NO_MENTIONS } from '../discord/to-discord-message.js';
import type { ReplyDocument } from '../../core/render/document.js';
import { BodyTooLargeError, type HttpRoute, readBody, sendJson } from '../../http/http-server.js';
import { InFlight } from '../../observability/in-flight.js';
import type { ChatPlatform } from '../../ports/chat-platform.js';
import type { IdempotentPost } from '../../ports/delivery-errors.js';
import type { Logger } from '../../ports/logger.js';
import { MemoryPendingStore } from '../../store/memory-pending-store.js';
import { fetchAttachment } from '../discord/fetch-attachment.js';
import type { DiscordAdapterOptions } from '../discord/discord-platform.js';
import { InteractionRest } from './interaction-rest.js';
import { discordPublicKey, verifyDiscordRequest } from './verify-signature.js';

/** Where Discord sends interactions (the portal's "Interactions Endpoint URL"). */
export const DISCORD_INTERACTIONS_PATH = '/discord/interactions';

/** `token` is the bot token: follow-ups use the interaction token, but digests post with this one. */
export interface DiscordHttpOptions extends DiscordAdapterOptions {
  /** The application's public key, 64 hex digits. */
  publicKey: string;
  /** Answer "thinking…" (a deferred response) when the work takes longer than this (default 1500 ms). */
  deferAfterMs?: number;
  /** Give up on a request nothing answered after this long (default 2800 ms; Discord waits 3 s). */
  answerTimeoutMs?: number;
  /** Counts each interaction as in flight until its last follow-up is sent. */
  inFlight?: InFlight;
  /** Called on each 429 from Discord's API (metrics). */
  onRateLimited?: () => void;
}

const INTERACTION_PING = 1;
const BODY_LIMIT = 4 * 1024 * 1024;

/** discord.js's internal action that turns a raw payload into an Interaction (not in its typings). */
type InteractionCreateAction = { handle(data: unknown): void };
const interactionAction = (client: Client) => (client as unknown as { actions: { InteractionCreate: InteractionCreateAction } }).actions.InteractionCreate;

/**
 * Discord over HTTP interactions, without a gateway connection: Discord POSTs each interaction,
 * signed with Ed25519, to /discord/interactions; the gateway adapter's InteractionHandler answers
 * it (the same commands, autocomplete, buttons and forms), its first answer becoming the HTTP
 * response and later ones (after "thinking…") going to the interaction webhook. Any replica can
 * take any request, which is how briefbot scales out on Discord. Digests post through REST.
 */
export class DiscordHttpPlatform implements ChatPlatform, IdempotentPost {
  readonly name = 'discord' as const;
  private readonly key: KeyObject;
  private readonly inFlight: InFlight;
  private readonly lines: ButtonLines;
  private client: Client | undefined;
  private rest: InteractionRest | undefined;
  private handler: InteractionHandler | undefined;
  private captured: Interaction | undefined;
  private accepting = false;

  constructor(private readonly options: DiscordHttpOptions) {
    this.key = discordPublicKey(options.publicKey);
    this.inFlight = options.inFlight ?? new InFlight();
    this.lines = new ButtonLines(options.buttonLines);
  }

  /** The route to serve on the process's HTTP port. */
  routes(): HttpRoute[] {
    return [{ path: DISCORD_INTERACTIONS_PATH, method: 'POST', handler: (req, res) => void this.onRequest(req, res) }];
  }

  isReady(): boolean {
    return this.accepting;
  }

  async start(): Promise<void> {
    const { options } = this;
    const rest = new InteractionRest({ ...(options.apiUrl && { api: options.apiUrl }) }).setToken(options.token);
    rest.on('response', (_request, response) => {
      if (response.status === 429) options.onRateLimited?.();
    });
    const client = new Client({ intents: [], allowedMentions: NO_MENTIONS, jsonTransformer: cachedSnakeCase });
    client.rest = rest;
    // The action builds the right Interaction class from the payload and emits it synchronously.
    client.on(Events.InteractionCreate, (interaction) => (this.captured = interaction));
    this.rest = rest;
    this.client = client;
    this.handler = new InteractionHandler({
      dispatcher: options.dispatcher,
      library: options.library,
      logger: options.logger,
      commands: buildDiscordCommands(
        options.dispatcher.commandsFor('discord').map((c) => c.data),
        { fileCommands: FORM_COMMANDS },
      ),
      lines: this.lines,
      pending: new PendingSteps(options.pending ?? new MemoryPendingStore()),
      ...(options.moderatorRoleId !== undefined && { moderatorRoleId: options.moderatorRoleId }),
      ...(options.moderation && { moderation: options.moderation }),
      deferAfterMs: options.deferAfterMs ?? 1500,
      maxBriefingBytes: options.maxBriefingBytes,
      fetchFile: (url, max) => fetchAttachment(url, max, options.apiUrl),
    });
    this.accepting = true;
    options.logger.info({ path: DISCORD_INTERACTIONS_PATH }, 'discord http interactions ready');
  }

  /** Refuses new interactions, then waits for the follow-ups of those in flight. */
  async stop(): Promise<void> {
    this.accepting = false;
    await this.inFlight.drain(10_000);
    await this.client?.destroy();
    this.client = undefined;
  }

  /** Posts a document to a channel as one or several messages, split (never cut) to fit. */
  async post(channelId: string, doc: ReplyDocument): Promise<void> {
    await postDocument(this.started().rest, channelId, doc, this.lines);
  }

  /** The same post, shown once even when retried by another replica (Discord's enforce_nonce). */
  async postOnce(channelId: string, doc: ReplyDocument, key: string): Promise<void> {
    await postDocument(this.started().rest, channelId, doc, this.lines, key);
  }

  private started(): { rest: InteractionRest } {
    if (!this.rest) throw new Error('the Discord HTTP platform is not started');
    return { rest: this.rest };
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!this.accepting || !this.client || !this.rest || !this.handler) {
      sendJson(res, 503, { error: 'shutting down' });
      return;
    }
    // In flight from arrival: a request accepted before shutdown is answered in full.
    await this.inFlight.track(() => this.serve(req, res));
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw: Buffer;
    try {
      raw = await readBody(req, BODY_LIMIT);
    } catch (error) {
      // The rest of the body is never read: close the connection, or it stays busy and holds up shutdown.
      res.setHeader('connection', 'close');
      res.once('finish', () => req.destroy());
      sendJson(res, error instanceof BodyTooLargeError ? 413 : 400, { error: 'unreadable body' });
      return;
    }
    const signature = req.headers['x-signature-ed25519'];
    const timestamp = req.headers['x-signature-timestamp'];
    if (!(await verifyDiscordRequest(this.key, typeof signature === 'string' ? signature : undefined, typeof timestamp === 'string' ? timestamp : undefined, raw))) {
      sendJson(res, 401, { error: 'invalid request signature' });
      return;
    }
    let data: { id?: unknown; type?: unknown };
    try {
      data = JSON.parse(raw.toString('utf8')) as typeof data;
    } catch {
      sendJson(res, 400, { error: 'body is not JSON' });
      return;
    }
    if (data.type === INTERACTION_PING) {
      sendJson(res, 200, { type: INTERACTION_PING });
      return;
    }
    if (typeof data.id !== 'string') {
      sendJson(res, 400, { error: 'not an interaction' });
      return;
    }
    await this.answer(data.id, data, res, this.options.logger);
  }

  /** Runs the handler; its first answer is written to `res`, later ones go to the webhook. */
  private async answer(id: string, data: unknown, res: ServerResponse, log: Logger): Promise<void> {
    const rest = this.rest as InteractionRest;
    let answered = false;
    const cancel = rest.expect(id, (body) => {
      answered = true;
      return new Promise<void>((resolve) => {
        const text = JSON.stringify(body);
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
        res.end(text, () => resolve());
      });
    });
    const timeout = setTimeout(() => {
      if (answered) return;
      cancel();
      log.error({ interaction: id }, 'discord interaction not answered in time');
      if (!res.headersSent) sendJson(res, 500, { error: 'no answer in time' });
    }, this.options.answerTimeoutMs ?? 2800);
    try {
      this.captured = undefined;
      interactionAction(this.client as Client).handle(data);
      const interaction = this.captured as Interaction | undefined;
      this.captured = undefined;
      if (!interaction) {
        sendJson(res, 400, { error: 'unsupported interaction type' });
        return;
      }
      await (this.handler as InteractionHandler).handle(interaction);
    } finally {
      clearTimeout(timeout);
      cancel();
      if (!answered && !res.headersSent) sendJson(res, 500, { error: 'no answer' });
    }
  }
}
