import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  App,
  HTTPReceiver,
  LogLevel,
  type BlockAction,
  type ButtonAction,
  type Logger as BoltLogger,
  type RespondArguments,
  type RespondFn,
  type SlashCommand,
  SocketModeReceiver,
  type StaticSelectAction,
  type types,
  type ViewResponseAction,
  type ViewSubmitAction,
  type webApi,
} from '@slack/bolt';
import { normaliseSlugInput } from '../../core/briefing/find-briefing.js';
import { DEFAULT_MAX_BODY_BYTES } from '../../core/briefing/parse-briefing.js';
import { type CommandData, commandKey } from '../../core/commands/command-data.js';
import { parseCommandLine } from '../../core/commands/parse-command-line.js';
import { BriefbotError } from '../../core/errors.js';
import { buildBriefingCard } from '../../core/render/briefing-card.js';
import { type ReplyDocument, textReply, trimAtSentence } from '../../core/render/document.js';
import type { Dispatcher, Invocation } from '../../dispatch/dispatcher.js';
import type { HttpRoute, RouteHost } from '../../http/http-server.js';
import type { ChatPlatform } from '../../ports/chat-platform.js';
import type { Attachment } from '../../ports/command.js';
import type { BriefingLibrary, LibraryEntry } from '../../ports/library.js';
import type { Logger } from '../../ports/logger.js';
import { FORM_CALLBACK, FORM_TEXT_MAX, type FormMeta, formView, PREVIEW_CALLBACK, previewView, readForm, readMeta, replyView, submissionOf } from './briefing-form.js';
import { escapeMrkdwn, unescapeSlackText } from './escape-mrkdwn.js';
import { SlackModerators } from './moderators.js';
import { MORE_ACTION_ID, parseMoreValue, renderAllPages, renderPage, RUN_ACTION_PREFIX, type SlackMessage } from './to-block-kit.js';

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
  /** Where the HTTP receiver (or, in Socket Mode, the custom routes) listens. */
  port: number;
  host?: string;
  /** Extra Web API client options, e.g. retry timing. */
  clientOptions?: Omit<webApi.WebClientOptions, 'slackApiUrl' | 'logger'>;
  /** BRIEFING_MAX_BYTES, for validating forms before the preview. */
  maxBodyBytes?: number;
}

/** Where Slack sends slash commands, interactions and events (the manifest's URLs). */
export const SLACK_EVENTS_PATH = '/slack/events';
const PICK_ACTION_PREFIX = 'briefbot:pick:';
const CANCEL_ACTION_ID = 'briefbot:cancel';
const PICKER_MAX_OPTIONS = 100;
/** A modal must be answered within 3 seconds; past this the save finishes in the background. */
const SAVE_WAIT_MS = 2500;
const PENDING_TTL_MS = 30 * 60_000;

/**
 * Commands that need more than a line of text. Slack has no file attachments on slash commands,
 * so adding and editing a briefing go through a form; removing asks for confirmation first.
 */
const FORM_COMMANDS: Readonly<Record<string, 'add' | 'edit'>> = { 'briefing add': 'add', 'briefing edit': 'edit' };
const CONFIRM_FIRST = new Set(['briefing remove']);

interface PendingSave {
  line: string;
  attachment: Attachment;
  userId: string;
  channelId: string;
  responseUrl?: string;
  expires: number;
}

type RespondMessage = RespondArguments & SlackMessage;

/**
 * Slack as a chat platform, on Bolt: every slash command of a served command family goes
 * through the dispatcher's text grammar; replies become Block Kit; buttons run the command
 * line they carry; moderators add and edit briefings in a modal with a preview.
 * HTTP mode serves `/slack/events` and any routes added with `addRoute` on one port.
 */
export class SlackPlatform implements ChatPlatform, RouteHost {
  readonly name = 'slack' as const;
  private readonly routes: HttpRoute[] = [];
  private readonly pending = new Map<string, PendingSave>();
  private app: App | undefined;
  private server: Server | undefined;
  private ready = false;
  private moderators: SlackModerators | undefined;
  private readonly log: Logger;

  constructor(private readonly options: SlackPlatformOptions) {
    this.log = options.logger.child({ platform: 'slack' });
  }

  /** Serves another route (health, metrics, Discord interactions) on Slack's port; call before `start()`. */
  addRoute(route: HttpRoute): void {
    if (this.app) throw new Error('SlackPlatform.addRoute must be called before start()');
    this.routes.push(route);
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
    const clientOptions: webApi.WebClientOptions = { ...this.options.clientOptions, ...(settings.apiUrl && { slackApiUrl: withSlash(settings.apiUrl) }) };
    const receiver = settings.appToken
      ? new SocketModeReceiver({ appToken: settings.appToken, customRoutes: this.routes, installerOptions: { port, clientOptions }, logger })
      : new HTTPReceiver({ signingSecret: settings.signingSecret, endpoints: SLACK_EVENTS_PATH, customRoutes: this.routes, logger });
    const app = new App({ token: settings.botToken, receiver, logger, clientOptions, deferInitialization: true });
    this.app = app;
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
    this.ready = false;
    await this.app?.stop();
  }

  /** Posts a document to a channel as one or more messages (never truncated). */
  async post(channelId: string, doc: ReplyDocument): Promise<void> {
    const app = this.app;
    if (!app) throw new BriefbotError('UNAVAILABLE', 'Slack is not connected.');
    for (const message of renderAllPages(doc)) {
      await app.client.chat.postMessage({ channel: channelId, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
    }
  }

  private families(): Map<string, CommandData[]> {
    const out = new Map<string, CommandData[]>();
    for (const c of this.options.dispatcher.commandsFor('slack')) out.set(c.data.name, [...(out.get(c.data.name) ?? []), c.data]);
    return out;
  }

  private register(app: App): void {
    for (const family of this.families().keys()) {
      app.command(`/${family}`, async ({ command, ack, respond, client }) => {
        await ack();
        await this.guard(respond, () => this.onSlash(command, respond, client));
      });
    }
    app.action<BlockAction<ButtonAction>>(new RegExp(`^${RUN_ACTION_PREFIX}`), async ({ ack, body, action, respond }) => {
      await ack();
      await this.guard(respond, () => this.onRun(action.value ?? '', body, respond));
    });
    app.action<BlockAction<ButtonAction>>(MORE_ACTION_ID, async ({ ack, body, action, respond }) => {
      await ack();
      await this.guard(respond, () => this.onMore(action.value ?? '', body, respond));
    });
    app.action<BlockAction<StaticSelectAction>>(new RegExp(`^${PICK_ACTION_PREFIX}`), async ({ ack, body, action, respond }) => {
      await ack();
      const family = action.action_id.slice(PICK_ACTION_PREFIX.length);
      await this.guard(respond, () => this.onRun(`/${family} ${action.selected_option.value}`, body, respond));
    });
    app.action(CANCEL_ACTION_ID, async ({ ack, respond }) => {
      await ack();
      await respond({ delete_original: true });
    });
    app.view<ViewSubmitAction>(FORM_CALLBACK, async ({ ack, body, view }) => {
      const meta = readMeta(view.private_metadata);
      if (!meta) return ack();
      await ack(await this.onFormSubmit(meta, readForm(view.state.values), body.user));
    });
    app.view<ViewSubmitAction>(PREVIEW_CALLBACK, async ({ ack, body, view }) => {
      await this.onPreviewSubmit(view.private_metadata, body.user, ack);
    });
    app.error(async (error) => {
      this.log.error({ err: error }, 'slack listener failed');
    });
  }

  /** Runs slow work after the ack; anything unexpected is logged once and answered politely. */
  private async guard(respond: RespondFn, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (err) {
      this.log.error({ err }, 'slack handler failed');
      await respond(this.message(textReply('Sorry, something went wrong on my side while answering that. It has been logged; please try again later.', { tone: 'error' }), {})).catch(() => {});
    }
  }

  private async invocation(user: { id: string; name?: string; username?: string }, channelId: string, channelName?: string): Promise<Invocation> {
    const isModerator = (await this.moderators?.isModerator(user.id)) ?? false;
    return {
      actor: { platform: 'slack', userId: user.id, userName: user.username ?? user.name ?? user.id, isModerator },
      channel: { platform: 'slack', id: channelId, ...(channelName && { name: channelName }) },
    };
  }

  /**
   * The command line a slash command stands for. "/briefing digest at 08:00" reaches the /digest
   * family when the manifest has no /digest command, unless "digest" is a /briefing subcommand.
   */
  private lineOf(family: string, text: string): string {
    const families = this.families();
    const first = text.split(/\s+/)[0]?.toLowerCase() ?? '';
    const ownSub = families.get(family)?.some((c) => c.subcommand === first) ?? false;
    if (first && first !== family && families.has(first) && !ownSub) return `/${text}`;
    return text ? `/${family} ${text}` : `/${family}`;
  }

  private parse(line: string): { key: string; args: Record<string, unknown> } | undefined {
    try {
      const parsed = parseCommandLine(line, this.options.dispatcher.commandsFor('slack').map((c) => c.data));
      return { key: commandKey(parsed.data), args: { ...parsed.args } };
    } catch {
      return undefined;
    }
  }

  /** A family whose default command takes a briefing gets a menu when typed with no text (Slack has no autocomplete). */
  private offersPicker(family: string): boolean {
    const main = this.families().get(family)?.find((c) => c.subcommand === undefined);
    return main?.options.some((o) => o.required && o.autocomplete === 'briefing') ?? false;
  }

  private async onSlash(command: SlashCommand, respond: RespondFn, client: App['client']): Promise<void> {
    const family = command.command.replace(/^\//, '');
    const text = unescapeSlackText(command.text ?? '').trim();
    const invocation = await this.invocation({ id: command.user_id, name: command.user_name }, command.channel_id, command.channel_name);
    if (!text && this.offersPicker(family)) {
      await respond(await this.picker(family));
      return;
    }
    const line = this.lineOf(family, text);
    const parsed = this.parse(line);
    if (parsed && invocation.actor.isModerator) {
      const mode = FORM_COMMANDS[parsed.key];
      if (mode) {
        await this.openForm(client, command.trigger_id, { line, mode, responseUrl: command.response_url, channelId: command.channel_id }, parsed.args, respond);
        return;
      }
      if (CONFIRM_FIRST.has(parsed.key)) {
        await respond(confirmation(line));
        return;
      }
    }
    const doc = await this.options.dispatcher.runLine(line, invocation);
    await respond(this.message(doc, { line }));
  }

  private async onRun(line: string, body: BlockAction, respond: RespondFn): Promise<void> {
    const invocation = await this.invocation(body.user, body.channel?.id ?? body.user.id, body.channel?.name);
    const doc = await this.options.dispatcher.runLine(line, invocation);
    // Pressing a button on your own (ephemeral) card changes it in place; on a card posted for
    // the channel, the answer is for the presser alone, and the channel's card stays as it was.
    const replace = body.container?.is_ephemeral === true && doc.visibility === 'private' && doc.tone !== 'error';
    await respond(this.message(doc, { line, replace }));
  }

  private async onMore(value: string, body: BlockAction, respond: RespondFn): Promise<void> {
    const more = parseMoreValue(value);
    if (!more) return;
    const invocation = await this.invocation(body.user, body.channel?.id ?? body.user.id, body.channel?.name);
    const doc = await this.options.dispatcher.runLine(more.line, invocation);
    const page = renderPage(doc, { from: { unit: more.unit, offset: more.offset }, withActions: false, moreLine: more.line });
    await respond({ response_type: 'ephemeral', replace_original: false, ...page.message });
  }

  /** A reply as a response_url message: ephemeral unless the document is for the channel. */
  private message(doc: ReplyDocument, options: { line?: string; replace?: boolean }): RespondMessage {
    const page = renderPage(doc, { withActions: true, ...(options.line !== undefined && { moreLine: options.line }) });
    if (doc.visibility === 'public') return { response_type: 'in_channel', replace_original: false, ...page.message };
    return { response_type: 'ephemeral', replace_original: options.replace ?? false, ...page.message };
  }

  private async picker(family: string): Promise<RespondMessage> {
    const entries = await this.options.library.list();
    if (entries.length === 0) return this.message(textReply('The library is empty. Moderators can add a briefing with /briefing add.'), {});
    const shown = entries.slice(0, PICKER_MAX_OPTIONS);
    const blocks: types.KnownBlock[] = [
      {
        type: 'section',
        text: { type: 'mrkdwn', text: 'Which briefing?' },
        accessory: {
          type: 'static_select',
          action_id: `${PICK_ACTION_PREFIX}${family}`,
          placeholder: { type: 'plain_text', text: 'Choose a briefing' },
          options: shown.map((e) => ({ text: { type: 'plain_text', text: trimAtSentence(e.briefing.title, 75) }, value: e.briefing.slug })),
        },
      },
    ];
    if (entries.length > shown.length) {
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `The newest ${shown.length} of ${entries.length}. \`/${family} search <words>\` finds the others.` }] });
    }
    return { response_type: 'ephemeral', text: 'Which briefing?', blocks };
  }

  private async entryNamedIn(args: Record<string, unknown>): Promise<LibraryEntry | undefined> {
    for (const value of Object.values(args)) {
      if (typeof value !== 'string') continue;
      const entry = await this.options.library.get(normaliseSlugInput(value));
      if (entry) return entry;
    }
    return undefined;
  }

  private async openForm(client: App['client'], triggerId: string, meta: FormMeta, args: Record<string, unknown>, respond: RespondFn): Promise<void> {
    let initial;
    if (meta.mode === 'edit') {
      const entry = await this.entryNamedIn(args);
      if (!entry) {
        await respond(this.message(textReply(`There is no briefing "${String(Object.values(args)[0] ?? '')}" to edit. Try /briefing list.`, { tone: 'error' }), {}));
        return;
      }
      if (entry.briefing.body.length > FORM_TEXT_MAX) {
        const msg = `"${entry.briefing.title}" is ${entry.briefing.body.length} characters long; Slack's form holds ${FORM_TEXT_MAX}. Edit it with a Markdown file in Discord or the shell.`;
        await respond(this.message(textReply(msg, { tone: 'error' }), {}));
        return;
      }
      initial = entry.briefing;
      meta = { ...meta, slug: entry.briefing.slug };
    }
    await client.views.open({ trigger_id: triggerId, view: formView(meta, initial) });
  }

  private async onFormSubmit(meta: FormMeta, fields: ReturnType<typeof readForm>, user: { id: string; name?: string }): Promise<ViewResponseAction> {
    const invocation = await this.invocation(user, meta.channelId);
    if (!invocation.actor.isModerator) {
      // The dispatcher words the refusal, as everywhere else.
      const refusal = await this.options.dispatcher.runLine(meta.line, invocation);
      return { response_action: 'update', view: replyView(refusal) };
    }
    const base = meta.mode === 'edit' && meta.slug ? (await this.options.library.get(meta.slug))?.briefing : undefined;
    if (meta.mode === 'edit' && !base) return { response_action: 'update', view: replyView(textReply('That briefing no longer exists.', { tone: 'error' })) };
    const submission = submissionOf(fields, { maxBodyBytes: this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES, ...(base && { base }) });
    if (!submission.ok) return { response_action: 'errors', errors: submission.errors };
    const now = new Date();
    const analysis = await this.options.library.analysisOf({ briefing: submission.briefing, origin: 'store', revision: 0, createdAt: now, updatedAt: now });
    this.sweepPending();
    const id = randomUUID();
    this.pending.set(id, {
      line: meta.line,
      attachment: submission.attachment,
      userId: user.id,
      channelId: meta.channelId,
      ...(meta.responseUrl && { responseUrl: meta.responseUrl }),
      expires: Date.now() + PENDING_TTL_MS,
    });
    return { response_action: 'push', view: previewView(buildBriefingCard({ briefing: submission.briefing, analysis }), id) };
  }

  private async onPreviewSubmit(id: string, user: { id: string; name?: string }, ack: (response: ViewResponseAction) => Promise<void>): Promise<void> {
    const saved = this.pending.get(id);
    if (!saved || saved.userId !== user.id || saved.expires < Date.now()) {
      await ack({ response_action: 'update', view: replyView(textReply('This preview has expired. Please open the form again.', { tone: 'error' })) });
      return;
    }
    const invocation = await this.invocation(user, saved.channelId);
    const run = this.options.dispatcher.runLine(saved.line, { ...invocation, attachments: [saved.attachment] });
    const early = await Promise.race([run, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), SAVE_WAIT_MS).unref())]);
    if (early && early.tone === 'error') {
      // Back returns to the form with what the moderator typed, to fix and try again.
      await ack({ response_action: 'update', view: replyView(early, 'Not saved') });
      return;
    }
    this.pending.delete(id);
    await ack({ response_action: 'clear' });
    const doc = early ?? (await run);
    if (saved.responseUrl) await postToResponseUrl(saved.responseUrl, this.message(doc, {})).catch((err: unknown) => this.log.warn({ err }, 'could not report a saved briefing'));
  }

  private sweepPending(): void {
    const now = Date.now();
    for (const [id, p] of this.pending) if (p.expires < now) this.pending.delete(id);
  }
}

function confirmation(line: string): RespondMessage {
  return {
    response_type: 'ephemeral',
    text: `Run ${escapeMrkdwn(line)}?`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `Really run \`${escapeMrkdwn(line)}\`? Its text is archived and can be restored, but it disappears from the library now.`, verbatim: true } },
      {
        type: 'actions',
        elements: [
          { type: 'button', action_id: `${RUN_ACTION_PREFIX}confirm`, text: { type: 'plain_text', text: 'Remove' }, style: 'danger', value: line },
          { type: 'button', action_id: CANCEL_ACTION_ID, text: { type: 'plain_text', text: 'Cancel' } },
        ],
      },
    ],
  };
}

/** The same POST Bolt's respond() makes, for a modal's outcome after the modal has closed. */
async function postToResponseUrl(url: string, message: RespondMessage): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(message) });
  if (!res.ok) throw new Error(`response_url answered ${res.status}`);
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** Bolt's logger interface on top of ours, so Bolt's messages carry our redaction and format. */
function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  const text = (parts: unknown[]) => parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? (p.stack ?? p.message) : JSON.stringify(p))).join(' ');
  const log = logger.child({ lib: 'bolt' });
  return {
    debug: (...m) => log.debug({}, text(m)),
    info: (...m) => log.info({}, text(m)),
    warn: (...m) => log.warn({}, text(m)),
    error: (...m) => log.error({}, text(m)),
    setLevel: (l) => (level = l),
    getLevel: () => level,
    setName: () => {},
  };
}
