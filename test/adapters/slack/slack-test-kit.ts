import { createHmac } from 'node:crypto';
import { SlackPlatform } from '../../../src/adapters/slack/slack-platform.js';
import type { Analysis, AnalysisInput } from '../../../src/core/analysis/types.js';
import type { Briefing } from '../../../src/core/briefing/briefing.js';
import { briefingFromForm, parseSubmission, requireValid } from '../../../src/core/briefing/briefing-form.js';
import { BriefbotError } from '../../../src/core/errors.js';
import { DeliveryQueue } from '../../../src/digest/delivery-queue.js';
import { DigestScheduler } from '../../../src/digest/digest-scheduler.js';
import { DigestService } from '../../../src/digest/digest-service.js';
import { MemoryDigestStore } from '../../../src/digest/memory-digest-store.js';
import { Dispatcher } from '../../../src/dispatch/dispatcher.js';
import { loadCommands } from '../../../src/dispatch/load-commands.js';
import { Library } from '../../../src/library/library.js';
import { systemClock } from '../../../src/ports/clock.js';
import type { Actor, Attachment } from '../../../src/ports/command.js';
import { silentLogger } from '../../../src/ports/logger.js';
import type { EditOptions, ModerationPort, RevisionInfo } from '../../../src/ports/moderation.js';
import { FakeSlack, type FakeSlackUser } from '../../fakes/fake-slack.js';
import { MemorySource, fakeAnalysis } from '../../fakes/memory-library.js';

export const SIGNING_SECRET = 'fake-signing-secret-for-tests-0001';
export const BOT_TOKEN = 'xoxb-fake-bot-token-for-tests';

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SendOptions {
  secret?: string;
  /** Unix seconds; defaults to now. */
  timestamp?: number;
  /** Replaces the computed signature (forgeries). */
  signature?: string;
}

/** POSTs a form-encoded body to Bolt's endpoint, signed as Slack signs requests (v0, HMAC-SHA256). */
export async function sendSigned(url: string, body: string, options: SendOptions = {}): Promise<{ status: number; text: string }> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.signature ?? signatureOf(options.secret ?? SIGNING_SECRET, timestamp, body);
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
    },
    body,
  });
  return { status: res.status, text: await res.text() };
}

/** A ModerationPort that keeps what it is asked to do, with the real validation and permission rule. */
export class RecordingModeration implements ModerationPort {
  readonly added: { briefing: Briefing; actor: Actor }[] = [];
  readonly edited: { slug: string; briefing: Briefing; actor: Actor; basedOn?: number }[] = [];
  readonly removed: { slug: string; actor: Actor }[] = [];
  /** Slugs already in use: adding one fails as the real service does. */
  readonly taken = new Set<string>();
  /** How long each change takes (a slow database). */
  delayMs = 0;

  private info(slug: string, action: RevisionInfo['action'], actor: Actor): RevisionInfo {
    return { slug, revision: this.added.length + this.edited.length + this.removed.length, action, platform: actor.platform, userId: actor.userId, userName: actor.userName, at: new Date('2026-01-01T00:00:00Z'), change: 'changed' };
  }

  private check(actor: Actor): void {
    if (!actor.isModerator) throw new BriefbotError('FORBIDDEN', 'Only moderators can change the library.');
  }

  async add(briefing: Briefing, actor: Actor) {
    this.check(actor);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.taken.has(briefing.slug)) throw new BriefbotError('SLUG_TAKEN', `"${briefing.slug}" is already taken.`);
    this.added.push({ briefing, actor });
    return this.info(briefing.slug, 'add', actor);
  }
  async removedBriefings() {
    return [];
  }
  async edit(slug: string, briefing: Briefing, actor: Actor, options: EditOptions = {}) {
    this.check(actor);
    this.edited.push({ slug, briefing, actor, ...options });
    return this.info(slug, 'edit', actor);
  }
  async remove(slug: string, actor: Actor) {
    this.check(actor);
    this.removed.push({ slug, actor });
    return this.info(slug, 'remove', actor);
  }
  async restore(slug: string, actor: Actor) {
    return this.info(slug, 'restore', actor);
  }
  async revert(slug: string, _revision: number, actor: Actor) {
    return this.info(slug, 'revert', actor);
  }
  async history() {
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    return [];
  }
  async exportMarkdown() {
    return '';
  }
  async audit() {
    return [];
  }
  async readSubmission(source: { attachment: Attachment } | { path: string }, _actor: Actor, slug?: string) {
    if (!('attachment' in source)) throw new BriefbotError('BAD_ARGUMENTS', 'no files here');
    return requireValid(parseSubmission(source.attachment, { maxBodyBytes: 200 * 1024, ...(slug && { slug }) }));
  }
  fromForm(form: Parameters<ModerationPort['fromForm']>[0], slug?: string) {
    return requireValid(briefingFromForm(form, { maxBodyBytes: 200 * 1024, ...(slug && { slug }) }));
  }
}

export interface HarnessOptions {
  briefings?: (Partial<Briefing> & { slug: string })[];
  /** The analysis engine stand-in; by default a short summary of the first sentences. */
  analyze?: (input: AnalysisInput) => Analysis;
  users?: Record<string, FakeSlackUser>;
  moderatorIds?: string[];
  /** Run in Socket Mode (the fake hands out a WebSocket) instead of HTTP. */
  socketMode?: boolean;
  /** How long a slash command's answer may take to go in the acknowledgement (the platform's default otherwise). */
  answerInAckWithinMs?: number;
}

/** A plain analysis of any text: the first two sentences as the summary, no quotes or issues. */
export function sentencesAnalysis(input: AnalysisInput): Analysis {
  const sentences = input.text.split(/(?<=[.!?])\s+/).filter(Boolean);
  let pos = 0;
  return fakeAnalysis({
    cleanedText: input.text,
    sentences: sentences.map((text, index) => {
      const start = input.text.indexOf(text, pos);
      pos = start + text.length;
      return { index, text, start, end: pos, paragraph: 0 };
    }),
    tldr: sentences[0] ?? '',
    summary: sentences.slice(0, 2),
    summaryIndices: sentences.slice(0, 2).map((_, i) => i),
  });
}

export interface SlashOptions {
  user?: string;
  userName?: string;
  channel?: string;
  command?: string;
  /** The workspace the command comes from (default T0FAKE). */
  team?: string;
  timestamp?: number;
  secret?: string;
  signature?: string;
}

/**
 * The real Bolt app of SlackPlatform on loopback, its Web API pointed at a FakeSlack, a library
 * in memory and a recording moderation port: tests talk to it only through signed HTTP requests.
 */
export class SlackHarness {
  readonly fake = new FakeSlack();
  readonly source = new MemorySource();
  readonly moderation = new RecordingModeration();
  /** Digests in memory; nothing is delivered (no platform in the queue). */
  readonly digestStore = new MemoryDigestStore();
  platform!: SlackPlatform;
  library!: Library;
  url = '';
  private triggers = 0;
  /** Runs between building the platform and starting it (to add routes). */
  beforeStart?: (platform: SlackPlatform) => void;

  constructor(private readonly options: HarnessOptions = {}) {}

  async start(clientOptions: ConstructorParameters<typeof SlackPlatform>[0]['clientOptions'] = { retryConfig: { retries: 2, minTimeout: 10, maxTimeout: 20, factor: 1 } }): Promise<this> {
    await this.fake.start();
    if (this.options.socketMode) this.fake.enableSocketMode();
    for (const [id, user] of Object.entries(this.options.users ?? {})) this.fake.users.set(id, user);
    for (const b of this.options.briefings ?? []) this.source.add(b);
    this.library = new Library({ source: this.source, analyze: this.options.analyze ?? sentencesAnalysis, cacheKey: (i) => `${i.title ?? ''}\n${i.text}`, logger: silentLogger, recheckMs: 0 });
    const scheduler = new DigestScheduler({ store: this.digestStore, queue: new DeliveryQueue({ platforms: [], logger: silentLogger }), library: this.library, clock: systemClock, logger: silentLogger, catchupHours: 6 });
    const digests = new DigestService({ store: this.digestStore, scheduler, library: this.library, clock: systemClock });
    const dispatcher = new Dispatcher({ commands: await loadCommands(), library: this.library, clock: systemClock, logger: silentLogger, services: { moderation: this.moderation, digests } });
    this.platform = new SlackPlatform({
      settings: {
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        apiUrl: this.fake.apiUrl,
        moderatorIds: this.options.moderatorIds ?? [],
        ...(this.options.socketMode && { appToken: 'xapp-fake-app-token' }),
      },
      dispatcher,
      library: this.library,
      logger: silentLogger,
      port: 0,
      host: '127.0.0.1',
      clientOptions,
      ...(this.options.answerInAckWithinMs !== undefined && { answerInAckWithinMs: this.options.answerInAckWithinMs }),
    });
    this.beforeStart?.(this.platform);
    await this.platform.start();
    this.url = `http://127.0.0.1:${this.platform.port()}/slack/events`;
    return this;
  }

  async stop(): Promise<void> {
    await this.platform?.stop();
    await this.fake.stop();
  }

  /** Sends `/briefing <text>` (or another command) as Slack would; returns the HTTP answer and the response_url used. */
  async slash(text: string, options: SlashOptions = {}): Promise<{ status: number; text: string; responseUrl: string; triggerId: string }> {
    const responseUrl = this.fake.responseUrl();
    const triggerId = `trigger-${++this.triggers}`;
    const body = new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: options.team ?? 'T0FAKE',
      team_domain: 'fake',
      channel_id: options.channel ?? 'C0NEWS',
      channel_name: 'news',
      user_id: options.user ?? 'U0READER',
      user_name: options.userName ?? 'reader',
      command: options.command ?? '/briefing',
      text,
      api_app_id: 'A0APP',
      is_enterprise_install: 'false',
      response_url: responseUrl,
      trigger_id: triggerId,
    }).toString();
    const res = await sendSigned(this.url, body, options);
    return { ...res, responseUrl, triggerId };
  }

  /** Sends an interaction payload (button, select, modal submission) as Slack would. */
  async interact(payload: Record<string, unknown>, options: SendOptions = {}): Promise<{ status: number; text: string }> {
    return sendSigned(this.url, `payload=${encodeURIComponent(JSON.stringify(payload))}`, options);
  }

  /** Presses a button or picks an option in a message Slack showed the user. */
  async press(
    action: Record<string, unknown>,
    context: { user?: string; channel?: string; ephemeral?: boolean } = {},
  ): Promise<{ status: number; responseUrl: string }> {
    const responseUrl = this.fake.responseUrl();
    const user = context.user ?? 'U0READER';
    const res = await this.interact({
      type: 'block_actions',
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0FAKE' },
      api_app_id: 'A0APP',
      token: 'legacy-verification-token',
      container: { type: 'message', message_ts: '1700000000.000100', channel_id: context.channel ?? 'C0NEWS', is_ephemeral: context.ephemeral ?? true },
      trigger_id: `trigger-${++this.triggers}`,
      team: { id: 'T0FAKE', domain: 'fake' },
      channel: { id: context.channel ?? 'C0NEWS', name: 'news' },
      response_url: responseUrl,
      actions: [{ block_id: 'b1', action_ts: '1700000001.000200', ...action }],
    });
    return { status: res.status, responseUrl };
  }

  /** Submits a modal view with these values as Slack would; the HTTP answer is Bolt's ack body. */
  async submitView(view: Record<string, unknown>, values: Record<string, string>, user = 'U0MOD'): Promise<{ status: number; ack: Record<string, unknown> }> {
    const state = { values: Object.fromEntries(Object.entries(values).map(([block, value]) => [block, { value: { type: 'plain_text_input', value } }])) };
    const res = await this.interact({
      type: 'view_submission',
      team: { id: 'T0FAKE', domain: 'fake' },
      user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: 'T0FAKE' },
      api_app_id: 'A0APP',
      token: 'legacy-verification-token',
      trigger_id: `trigger-${++this.triggers}`,
      view: { id: 'V0VIEW', team_id: 'T0FAKE', type: 'modal', state, hash: 'h', ...view },
    });
    return { status: res.status, ack: res.text ? (JSON.parse(res.text) as Record<string, unknown>) : {} };
  }

  /**
   * A slash command's answer wherever Slack gets it: the body of the acknowledgement when there
   * is one, else the first message posted to its response_url.
   */
  async answer(sent: { text: string; responseUrl: string }): Promise<Record<string, unknown>> {
    return sent.text ? (JSON.parse(sent.text) as Record<string, unknown>) : this.reply(sent.responseUrl);
  }

  /** The first message posted to a response_url. */
  async reply(responseUrl: string, index = 0): Promise<Record<string, unknown>> {
    return this.fake.waitFor(() => this.fake.responsesTo(responseUrl)[index]?.body, 5000, `reply ${index} to ${responseUrl}`);
  }
}

type Json = Record<string, unknown>;

/** All text Slack would show for a message's blocks (mrkdwn and plain_text, as sent). */
export function textOfBlocks(blocks: unknown): string {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Json;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') out.push(o.text);
      else Object.values(o).forEach(walk);
    }
  };
  walk(blocks);
  return out.join('\n');
}

/** The buttons of a message's actions blocks. */
export function buttonsOf(blocks: unknown): { action_id: string; value: string; text: string; style?: string }[] {
  return ((blocks as Json[]) ?? [])
    .filter((b) => b.type === 'actions')
    .flatMap((b) => b.elements as Json[])
    .filter((e) => e.type === 'button')
    .map((e) => ({ action_id: String(e.action_id), value: String(e.value ?? ''), text: String((e.text as Json).text), ...(e.style ? { style: String(e.style) } : {}) }));
}
