import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  App,
  type BlockAction,
  HTTPReceiver,
  type RespondFn,
  type SlashCommand,
  SocketModeReceiver,
  type ViewSubmitAction,
  webApi,
} from '@slack/bolt';
import { normaliseSlugInput, unknownBriefingMessage } from '../../core/briefing/find-briefing.js';
import { type CommandData, commandKey } from '../../core/commands/command-data.js';
import { parseCommandLine } from '../../core/commands/parse-command-line.js';
import { BriefbotError } from '../../core/errors.js';
import { DEFAULT_MAX_BODY_BYTES } from '../../core/briefing/parse-briefing.js';
import { type ReplyDocument, textReply } from '../../core/render/document.js';
import { type Dispatcher, type Invocation, nearSlugs } from '../../dispatch/dispatcher.js';
import type { HttpRoute, RouteHost } from '../../http/http-server.js';
import type { ChatPlatform } from '../../ports/chat-platform.js';
import { type IdempotentPost, POST_TIMEOUT_MS, TransientDeliveryError } from '../../ports/delivery-errors.js';
import type { BriefingLibrary } from '../../ports/library.js';
import type { Logger } from '../../ports/logger.js';
import type { PendingSubmissionStore } from '../../ports/pending-submissions.js';
import { MemoryPendingStore } from '../../store/memory-pending-store.js';
import { boltLogger } from './bolt-logger.js';
import { FORM_CALLBACK, PREVIEW_CALLBACK, readForm, readMeta, replyView } from './form-views.js';
import { unescapeSlackText } from './escape-mrkdwn.js';
import { FormFlow } from './form-flow.js';
import { SlackModerators } from './moderators.js';
import { toDeliveryError } from './slack-delivery-errors.js';
import { briefingOptions, CANCEL_ACTION_ID, type Confirmation, confirmationMessage, PICK_ACTION_PREFIX, pickerMessage, replyMessage, type RespondMessage } from './slack-messages.js';
import { ANSWER_IN_ACK_WITHIN_MS, SlashReply } from './slash-reply.js';
import { MORE_ACTION_ID, parseMoreValue, renderAllPages, renderPage, RUN_ACTION_PREFIX } from './to-block-kit.js';

export interface SlackSettings {
  botToken: string;
  signingSecret: string;
  /** With an app-level token, Socket Mode instead of HTTP. */
  appToken?: string;
  /** Web API base (SLACK_API_URL); tests point it at a fake on loopback. */
  apiUrl?: string;
  moderatorIds: readonly string[];
}

export interface SlackPlatformOptions {
  settings: SlackSettings;
  dispatcher: Dispatcher;
  library: BriefingLibrary;
  logger: Logger;
  /** Where the HTTP receiver listens (HTTP mode; in Socket Mode briefbot serves its routes itself). */
  port: number;
  host?: string;
  /** Extra Web API client options, e.g. retry timing. */
  clientOptions?: Omit<webApi.WebClientOptions, 'slackApiUrl' | 'logger'>;
  /**
   * The digest queue's wait for one post (its `timeoutMs`; default POST_TIMEOUT_MS). Posts are made to end within it: their
   * requests are not retried inside the Web API client and each gives up after 60% of it, and no page of a long post is
   * begun after 30% of it (the queue's retry goes on from there), so a post the queue abandons is never still running.
   */
  postTimeoutMs?: number;
  /** BRIEFING_MAX_BYTES, for validating forms before the preview. */
  maxBodyBytes?: number;
  /**
   * Where previews wait for Save. The composition root passes the database's, so that Save works
   * on any replica and after a restart; the default keeps them in this process only.
   */
  pending?: PendingSubmissionStore;
  /**
   * How long a slash command's answer may take to go back in Slack's acknowledgement itself;
   * slower answers follow on the response_url (default ANSWER_IN_ACK_WITHIN_MS, 1.5 s).
   */
  answerInAckWithinMs?: number;
}

/** Where Slack sends slash commands, interactions and events (the manifest's URLs). */
export const SLACK_EVENTS_PATH = '/slack/events';

/**
 * Commands that need more than a line of text. Slack has no file attachments on slash commands,
 * so adding and editing a briefing go through a form; removing asks for confirmation first.
 */
const FORM_COMMANDS: Readonly<Record<string, 'add' | 'edit'>> = { 'briefing add': 'add', 'briefing edit': 'edit' };
const CONFIRM_FIRST: Readonly<Record<string, Confirmation>> = {
  'briefing remove': { consequence: 'It disappears from the library now; every revision is kept and /briefing restore brings it back.', button: 'Remove' },
};

/**
 * The WebClient honours Retry-After on 429 by itself. Its default keeps retrying other failures
 * for about 30 minutes, far past a 3-second trigger_id or a digest's delivery timeout, so a
 * few quick retries here, and the digest queue's own backoff beyond that.
 */
const DEFAULT_CLIENT_OPTIONS: webApi.WebClientOptions = {
  retryConfig: { retries: 4, factor: 2, minTimeout: 500, maxTimeout: 10_000 },
  timeout: 15_000,
};

/** How many posts' progress (pages already shown) `postOnce` remembers for their retries. */
const MAX_POSTS_IN_PROGRESS = 1000;

/** The action ids of briefbot's buttons and menus (command lines, "Show the rest", briefing menus, Cancel). */
const ACTION_IDS = new RegExp(`^(${escapeRegExp(RUN_ACTION_PREFIX)}|${escapeRegExp(PICK_ACTION_PREFIX)}|${escapeRegExp(MORE_ACTION_ID)}$|${escapeRegExp(CANCEL_ACTION_ID)}$)`);

/** Who sent a request, as Slack's payloads name them (`team_id`: their workspace, where Slack gives it). */
export interface SlackUserRef {
  id: string;
  name?: string;
  username?: string;
  team_id?: string;
}

/** The scope of a request that names no workspace (Slack always names one; this keeps such a request apart). */
const UNKNOWN_TEAM = 'slack:unknown-team';

const SORRY = 'Sorry, something went wrong on my side while answering that. It has been logged; please try again later.';

/**
 * Slack as a chat platform, on Bolt: every slash command of a served command family goes
 * through the dispatcher's text grammar; replies become Block Kit; buttons run the command
 * line they carry; moderators add and edit briefings in a modal with a preview.
 * HTTP mode serves `/slack/events` and any routes added with `addRoute` on one port.
 */
export class SlackPlatform implements ChatPlatform, IdempotentPost, RouteHost {
  readonly name = 'slack' as const;
  private readonly routes: HttpRoute[] = [];
  private app: App | undefined;
  /** The client posts go through: no retries of its own (the digest queue retries), a request timeout within the queue's. */
  private postClient: webApi.WebClient | undefined;
  /** Pages already posted of a post that failed part-way, by its idempotency key, so that its retry goes on from there. */
  private readonly pagesPosted = new Map<string, number>();
  private server: Server | undefined;
  private ready = false;
  private stopping = false;
  private moderators: SlackModerators | undefined;
  private readonly forms: FormFlow;
  private readonly log: Logger;
  /** The commands served on Slack, and by family (the slash command's name): fixed once loaded. */
  private readonly commands: readonly CommandData[];
  private readonly families: ReadonlyMap<string, readonly CommandData[]>;
  private readonly answerWithinMs: number;

  constructor(private readonly options: SlackPlatformOptions) {
    this.log = options.logger.child({ platform: 'slack' });
    this.commands = options.dispatcher.commandsFor('slack').map((c) => c.data);
    const families = new Map<string, CommandData[]>();
    for (const c of this.commands) families.set(c.name, [...(families.get(c.name) ?? []), c]);
    this.families = families;
    this.answerWithinMs = options.answerInAckWithinMs ?? ANSWER_IN_ACK_WITHIN_MS;
    this.forms = new FormFlow({
      dispatcher: options.dispatcher,
      library: options.library,
      logger: this.log,
      invocation: (user, channelId) => this.invocation(user, channelId),
      maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      pending: options.pending ?? new MemoryPendingStore(),
    });
  }

  /** Serves another route (health, metrics, Discord interactions) on Slack's port; call before `start()`. */
  addRoute(route: HttpRoute): void {
    if (this.app) throw new Error('SlackPlatform.addRoute must be called before start()');
    this.routes.push(route);
  }

  /**
   * Only over HTTP: in Socket Mode, Bolt's receiver would serve added routes on a server of its own
   * that listens on every interface whatever HTTP_HOST says, so briefbot serves them itself.
   */
  hostsRoutes(): boolean {
    return !this.options.settings.appToken;
  }

  isReady(): boolean {
    return this.ready;
  }

  /** The port actually bound in HTTP mode (useful when started on port 0). */
  port(): number | undefined {
    const address = this.server?.address();
    return address && typeof address === 'object' ? (address as AddressInfo).port : undefined;
  }

  async start(): Promise<void> {
    const { settings, port, host } = this.options;
    const logger = boltLogger(this.log);
    const clientOptions: webApi.WebClientOptions = {
      ...DEFAULT_CLIENT_OPTIONS,
      ...this.options.clientOptions,
      ...(settings.apiUrl && { slackApiUrl: withSlash(settings.apiUrl) }),
    };
    const receiver = settings.appToken
      ? new SocketModeReceiver({ appToken: settings.appToken, installerOptions: { clientOptions }, logger })
      : new HTTPReceiver({ signingSecret: settings.signingSecret, endpoints: SLACK_EVENTS_PATH, customRoutes: this.routes, logger });
    if (receiver instanceof SocketModeReceiver) {
      // Readiness follows the socket: a dropped connection is not ready until Slack says hello again.
      receiver.client.on('connected', () => (this.ready = !this.stopping));
      receiver.client.on('close', () => (this.ready = false));
    }
    // No conversation store (briefbot keeps no per-channel state in Bolt, and its lookup builds an
    // Error for every request) and no self-filter (it only reads Events API events, which
    // briefbot does not subscribe to): both are global middleware that every request would pass.
    const app = new App({ token: settings.botToken, receiver, logger, clientOptions, deferInitialization: true, convoStore: false, ignoreSelf: false });
    this.app = app;
    const postTimeout = this.options.postTimeoutMs ?? POST_TIMEOUT_MS;
    this.postClient = new webApi.WebClient(settings.botToken, {
      ...clientOptions,
      logger,
      // A 429 goes back to the queue, which waits the Retry-After within the platform's limits.
      rejectRateLimitedCalls: true,
      retryConfig: { retries: 0 },
      timeout: Math.floor(postTimeout * 0.6),
    });
    this.moderators = new SlackModerators({ listed: settings.moderatorIds, usersInfo: (args) => app.client.users.info(args), logger: this.log });
    this.register(app);
    // auth.test: a wrong token fails here, at start-up, rather than on the first command.
    await app.init();
    const started = settings.appToken ? await app.start() : await app.start({ port, host: host ?? '0.0.0.0' });
    if (!settings.appToken) this.server = started as Server;
    this.ready = true;
    this.log.info({ mode: settings.appToken ? 'socket' : 'http', port: this.port() ?? port }, 'slack ready');
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.ready = false;
    await this.app?.stop();
  }

  /** Posts a document to a channel as one or more messages (never truncated). */
  async post(channelId: string, doc: ReplyDocument): Promise<void> {
    await this.postPages(channelId, doc, undefined);
  }

  /**
   * The same post, each page shown once while this process lives: Slack has no idempotency key, so a retry after a
   * failure part-way goes on after the pages already posted instead of posting them again.
   */
  async postOnce(channelId: string, doc: ReplyDocument, key: string): Promise<void> {
    await this.postPages(channelId, doc, key);
  }

  private async postPages(channelId: string, doc: ReplyDocument, key: string | undefined): Promise<void> {
    const client = this.postClient;
    if (!client) throw new BriefbotError('UNAVAILABLE', 'Slack is not connected.');
    const messages = renderAllPages(doc);
    const startedAt = Date.now();
    const lastStart = startedAt + (this.options.postTimeoutMs ?? POST_TIMEOUT_MS) * 0.3;
    const from = key === undefined ? 0 : (this.pagesPosted.get(key) ?? 0);
    for (let i = from; i < messages.length; i++) {
      // A page begun now ends within the queue's wait (each request gives up after 60% of it): later ones wait for the retry,
      // which goes on from here (only a keyed post can: a plain one would start again from its first page).
      if (key !== undefined && i > from && Date.now() > lastStart) throw new TransientDeliveryError(`posted ${i} of ${messages.length} messages; the rest follow on the next attempt`);
      const message = messages[i]!;
      try {
        await client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
      } catch (error) {
        throw toDeliveryError(error, channelId);
      }
      if (key !== undefined) this.remember(key, i + 1);
    }
    if (key !== undefined) this.pagesPosted.delete(key);
  }

  private remember(key: string, pages: number): void {
    this.pagesPosted.delete(key);
    this.pagesPosted.set(key, pages);
    // The oldest entries go first (a Map keeps insertion order): a post left unfinished long ago is not retried any more.
    if (this.pagesPosted.size > MAX_POSTS_IN_PROGRESS) this.pagesPosted.delete(this.pagesPosted.keys().next().value!);
  }

  private register(app: App): void {
    // One listener for every slash command and one for every button and menu: Bolt runs each
    // listener's filters on every request, so fewer listeners make every request cheaper.
    app.command(new RegExp(`^/(${[...this.families.keys()].map(escapeRegExp).join('|')})$`), async ({ command, ack, respond, client }) => {
      const reply = new SlashReply(ack, respond, this.answerWithinMs, this.log);
      try {
        await this.onSlash(command, reply, client);
      } catch (err) {
        this.log.error({ err }, 'slack handler failed');
        await reply.send(replyMessage(textReply(SORRY, { tone: 'error' }))).catch(() => {});
      }
    });
    app.action<BlockAction>(ACTION_IDS, async ({ ack, body, action, respond }) => {
      await ack();
      await this.guard(respond, () => this.onAction(action, body, respond));
    });
    // The type-ahead briefing menu of a large library asks for matches as the user types.
    app.options<'block_suggestion'>(new RegExp(`^${PICK_ACTION_PREFIX}`), async ({ ack, options }) => {
      try {
        const query = options.value.trim();
        const ranked = query ? await this.options.library.suggest(query, 100) : await this.options.library.list();
        await ack({ options: briefingOptions(ranked) });
      } catch (err) {
        this.log.error({ err }, 'briefing menu suggestions failed');
        await ack({ options: [] });
      }
    });
    // A modal's answer is the ack itself, so these run before it, and must never leave it unsent.
    app.view<ViewSubmitAction>(FORM_CALLBACK, async ({ ack, body, view }) => {
      const meta = readMeta(view.private_metadata);
      if (!meta) return ack();
      try {
        await ack(await this.forms.submitForm(meta, readForm(view.state.values), body.user));
      } catch (err) {
        this.log.error({ err }, 'slack form submission failed');
        await ack({ response_action: 'update', view: replyView(textReply(SORRY, { tone: 'error' })) });
      }
    });
    app.view<ViewSubmitAction>(PREVIEW_CALLBACK, async ({ ack, body, view }) => {
      let acked = false;
      const once = async (r: Parameters<typeof ack>[0]) => {
        acked = true;
        await ack(r);
      };
      try {
        await this.forms.submitPreview(view.private_metadata, body.user, once);
      } catch (err) {
        this.log.error({ err }, 'slack save failed');
        if (!acked) await ack({ response_action: 'update', view: replyView(textReply(SORRY, { tone: 'error' })) });
      }
    });
    app.error(async (error) => {
      this.log.error({ err: error }, 'slack listener failed');
    });
  }

  /** Runs a button's or menu's work after the ack; anything unexpected is logged once and answered politely. */
  private async guard(respond: RespondFn, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.log.error({ err }, 'slack handler failed');
      await respond(replyMessage(textReply(SORRY, { tone: 'error' }))).catch(() => {});
    }
  }

  /**
   * Who asked, where. The scope is the workspace (team) the request came from, so a process that
   * serves several workspaces shows and changes only that workspace's digests.
   */
  private async invocation(user: SlackUserRef, channelId: string, channelName?: string, teamId?: string): Promise<Invocation> {
    const isModerator = (await this.moderators?.isModerator(user.id)) ?? false;
    return {
      actor: { platform: 'slack', userId: user.id, userName: user.username ?? user.name ?? user.id, isModerator },
      channel: { platform: 'slack', id: channelId, scope: teamId ?? user.team_id ?? UNKNOWN_TEAM, ...(channelName && { name: channelName }) },
    };
  }

  /**
   * The command line a slash command stands for. "/briefing digest at 08:00" reaches the /digest
   * family when the manifest has no /digest command, unless "digest" is a /briefing subcommand.
   */
  private lineOf(family: string, text: string): string {
    const first = text.split(/\s+/, 1)[0]?.toLowerCase() ?? '';
    const ownSub = this.families.get(family)?.some((c) => c.subcommand === first) ?? false;
    if (first && first !== family && this.families.has(first) && !ownSub) return `/${text}`;
    return text ? `/${family} ${text}` : `/${family}`;
  }

  private parse(line: string): { key: string; args: Record<string, unknown> } | undefined {
    try {
      const parsed = parseCommandLine(line, this.commands);
      return { key: commandKey(parsed.data), args: { ...parsed.args } };
    } catch {
      return undefined;
    }
  }

  /** A family whose default command takes a briefing gets a menu when typed with no text (Slack has no autocomplete). */
  private offersPicker(family: string): boolean {
    const main = this.families.get(family)?.find((c) => c.subcommand === undefined);
    return main?.options.some((o) => o.required && o.autocomplete === 'briefing') ?? false;
  }

  /**
   * Answers a slash command through `reply`: in the acknowledgement when the answer is ready in
   * time, else on the response_url. Forms are the exception: they are acknowledged first, as a
   * modal opens on its own (views.open with the command's trigger_id) and answers nothing.
   */
  private async onSlash(command: SlashCommand, reply: SlashReply, client: App['client']): Promise<void> {
    const family = command.command.replace(/^\//, '');
    const text = unescapeSlackText(command.text ?? '').trim();
    const invocation = await this.invocation({ id: command.user_id, name: command.user_name }, command.channel_id, command.channel_name, command.team_id);
    if (!text && this.offersPicker(family)) {
      const entries = await this.options.library.list();
      await reply.send(entries.length ? pickerMessage(family, entries) : replyMessage(textReply('The library is empty. Moderators can add a briefing with /briefing add.')));
      return;
    }
    const line = this.lineOf(family, text);
    // Only moderators reach forms and confirmations; everyone else's line is parsed once, by the dispatcher.
    const parsed = invocation.actor.isModerator ? this.parse(line) : undefined;
    if (parsed) {
      const mode = FORM_COMMANDS[parsed.key];
      if (mode) {
        await reply.acknowledge();
        const respond = (message: RespondMessage) => reply.send(message);
        const opening = await this.forms.open({ line, mode, responseUrl: command.response_url, channelId: command.channel_id }, parsed.args);
        if ('view' in opening) await this.openView(client, command.trigger_id, opening.view, respond);
        else await respond(replyMessage(opening.reply));
        return;
      }
      const confirm = CONFIRM_FIRST[parsed.key];
      if (confirm) {
        // Asking to confirm the removal of a mistyped slug would only end in "no such briefing".
        const typed = typeof parsed.args.slug === 'string' ? parsed.args.slug : '';
        const entry = await this.options.library.get(normaliseSlugInput(typed));
        if (!entry) {
          const near = await nearSlugs(this.options.library, typed);
          const unknown = near.length ? unknownBriefingMessage(typed, near) : `There is no briefing "${typed.slice(0, 60)}". Try /briefing list.`;
          await reply.send(replyMessage(textReply(`${unknown} Nothing was changed.`, { tone: 'error' })));
          return;
        }
        await reply.send(confirmationMessage(line, { ...confirm, subject: entry.briefing.title }));
        return;
      }
    }
    const doc = await this.options.dispatcher.runLine(line, invocation);
    await reply.send(replyMessage(doc, { line }));
  }

  /** Opens a modal; a trigger is valid for 3 seconds, so a slow Slack gets a "try again", not an error page. */
  private async openView(client: App['client'], triggerId: string, view: Parameters<App['client']['views']['open']>[0]['view'], respond: (message: RespondMessage) => Promise<unknown>): Promise<void> {
    try {
      await client.views.open({ trigger_id: triggerId, view });
    } catch (error) {
      const code = (error as { data?: { error?: string } }).data?.error;
      if (code !== 'expired_trigger_id') throw error;
      await respond(replyMessage(textReply('Slack took too long to open the form. Please run the command again.', { tone: 'error' })));
    }
  }

  /** A button or menu of briefbot's: a command line to run, the rest of a card, a briefing picked, or Cancel. */
  private async onAction(action: BlockAction['actions'][number], body: BlockAction, respond: RespondFn): Promise<void> {
    const id = action.action_id;
    if (id === CANCEL_ACTION_ID) {
      await respond({ delete_original: true });
    } else if (action.type === 'button') {
      if (id === MORE_ACTION_ID) await this.onMore(action.value ?? '', body, respond);
      else if (id.startsWith(RUN_ACTION_PREFIX)) await this.onRun(action.value ?? '', body, respond);
    } else if ((action.type === 'static_select' || action.type === 'external_select') && id.startsWith(PICK_ACTION_PREFIX)) {
      const slug = action.selected_option?.value;
      if (slug) await this.onRun(`/${id.slice(PICK_ACTION_PREFIX.length)} ${slug}`, body, respond);
    }
  }

  private async onRun(line: string, body: BlockAction, respond: RespondFn): Promise<void> {
    const invocation = await this.invocation(body.user, body.channel?.id ?? body.user.id, body.channel?.name, body.team?.id);
    const doc = await this.options.dispatcher.runLine(line, invocation);
    // Pressing a button on your own (ephemeral) card changes it in place; on a card posted for
    // the channel, the answer is for the presser alone, and the channel's card stays as it was.
    const replace = body.container?.is_ephemeral === true && doc.visibility === 'private' && doc.tone !== 'error';
    await respond(replyMessage(doc, { line, replace }));
  }

  private async onMore(value: string, body: BlockAction, respond: RespondFn): Promise<void> {
    const more = parseMoreValue(value);
    if (!more) return;
    const invocation = await this.invocation(body.user, body.channel?.id ?? body.user.id, body.channel?.name, body.team?.id);
    const doc = await this.options.dispatcher.runLine(more.line, invocation);
    const page = renderPage(doc, { from: { unit: more.unit, offset: more.offset }, withActions: false, moreLine: more.line });
    await respond({ response_type: 'ephemeral', replace_original: false, ...page.message });
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
