import type { types, ViewResponseAction } from '@slack/bolt';
import { z } from 'zod';
import type { Briefing } from '../../core/briefing/briefing.js';
import { normaliseSlugInput, unknownBriefingMessage } from '../../core/briefing/find-briefing.js';
import { BASED_ON_KEYWORD, BASED_ON_OPTION } from '../../core/commands/command-data.js';
import { buildBriefingCard } from '../../core/render/briefing-card.js';
import { type ReplyDocument, textReply } from '../../core/render/document.js';
import { type Dispatcher, type Invocation, nearSlugs } from '../../dispatch/dispatcher.js';
import type { Attachment } from '../../ports/command.js';
import type { BriefingLibrary, LibraryEntry } from '../../ports/library.js';
import type { Logger } from '../../ports/logger.js';
import type { PendingSubmissionStore } from '../../ports/pending-submissions.js';
import { FORM_TEXT_MAX, type FormFields, type FormMeta, formView, previewView, replyView, submissionOf } from './form-views.js';
import { postToResponseUrl, replyMessage } from './slack-messages.js';

/** A modal must be answered within 3 seconds; past this the save finishes in the background. */
const SAVE_WAIT_MS = 2500;
/** A slash command's response_url lives 30 minutes: the outcome of a later save could not be told. */
const PENDING_TTL_MS = 30 * 60_000;

/** What Save needs, kept in the PendingSubmissionStore under an id only the preview view knows. */
interface PendingSave {
  line: string;
  attachment: Attachment;
  channelId: string;
  responseUrl?: string;
}

const pendingSave = z.object({
  line: z.string(),
  file: z.object({ name: z.string(), base64: z.string() }),
  channelId: z.string(),
  responseUrl: z.string().optional(),
});

function encodeSave(save: PendingSave): string {
  const { attachment, ...rest } = save;
  return JSON.stringify({ ...rest, file: { name: attachment.name, base64: Buffer.from(attachment.content).toString('base64') } });
}

function decodeSave(payload: string): PendingSave | undefined {
  let parsed;
  try {
    parsed = pendingSave.safeParse(JSON.parse(payload));
  } catch {
    return undefined;
  }
  if (!parsed.success) return undefined;
  const { file, responseUrl, ...rest } = parsed.data;
  return { ...rest, attachment: { name: file.name, content: new Uint8Array(Buffer.from(file.base64, 'base64')) }, ...(responseUrl !== undefined && { responseUrl }) };
}

const ownerOf = (userId: string) => `slack:${userId}`;

export interface FormFlowDeps {
  dispatcher: Dispatcher;
  library: BriefingLibrary;
  logger: Logger;
  /** Who is acting, with their moderator status, as the platform decides it. */
  /** `user.team_id` is the workspace the form was submitted from (the request's scope). */
  invocation: (user: { id: string; name?: string; username?: string; team_id?: string }, channelId: string) => Promise<Invocation>;
  maxBodyBytes: number;
  /** Where previews wait for Save: the shared database's, so any replica can save them. */
  pending: PendingSubmissionStore;
  now?: () => number;
}

/** What opening a form gives: the view to open, or a reply saying why there is none. */
export type FormOpening = { view: types.View } | { reply: ReplyDocument };

/**
 * Adding and editing a briefing in Slack: form → preview (pushed over the form, so Back keeps
 * what was typed) → save, which runs the same command line as everywhere else with the form's
 * content as the attached Markdown file. The dispatcher and the moderation service decide.
 */
export class FormFlow {
  constructor(private readonly deps: FormFlowDeps) {}

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /** The form for `/briefing add` or `/briefing edit <slug>`; `args` are the parsed command's. */
  async open(meta: FormMeta, args: Readonly<Record<string, unknown>>): Promise<FormOpening> {
    if (meta.mode === 'add') return { view: formView(meta) };
    let entry: LibraryEntry | undefined;
    for (const value of Object.values(args)) {
      if (typeof value === 'string') entry ??= await this.deps.library.get(normaliseSlugInput(value));
    }
    const initial: Briefing | undefined = entry?.briefing;
    if (!initial) {
      const typed = String(Object.values(args)[0] ?? '');
      const near = await nearSlugs(this.deps.library, typed);
      const unknown = near.length ? unknownBriefingMessage(typed, near) : `There is no briefing "${typed}" to edit. Try /briefing list.`;
      return { reply: textReply(unknown, { tone: 'error' }) };
    }
    if (initial.body.length > FORM_TEXT_MAX) {
      const msg = `"${initial.title}" is ${initial.body.length} characters long; Slack's form holds ${FORM_TEXT_MAX}. Edit it with a Markdown file in Discord or the shell.`;
      return { reply: textReply(msg, { tone: 'error' }) };
    }
    // Save runs the line with the revision the form shows, so a change saved meanwhile is refused, not replaced.
    const line = args[BASED_ON_OPTION] === undefined && entry ? `${meta.line} ${BASED_ON_KEYWORD} ${entry.revision}` : meta.line;
    return { view: formView({ ...meta, line, slug: initial.slug }, initial) };
  }

  /** The form was submitted: check who and what, then push the preview (or show the problems). */
  async submitForm(meta: FormMeta, fields: FormFields, user: { id: string; name?: string; team_id?: string }): Promise<ViewResponseAction> {
    const invocation = await this.deps.invocation(user, meta.channelId);
    if (!invocation.actor.isModerator) {
      // The dispatcher words the refusal, as everywhere else, and changes nothing.
      const refusal = await this.deps.dispatcher.runLine(meta.line, invocation);
      return { response_action: 'update', view: replyView(refusal) };
    }
    const base = meta.mode === 'edit' && meta.slug ? (await this.deps.library.get(meta.slug))?.briefing : undefined;
    if (meta.mode === 'edit' && !base) return { response_action: 'update', view: replyView(textReply('That briefing no longer exists.', { tone: 'error' })) };
    const submission = submissionOf(fields, { maxBodyBytes: this.deps.maxBodyBytes, ...(base && { base }) });
    if (!submission.ok) return { response_action: 'errors', errors: submission.errors };
    const at = new Date(this.now());
    const analysis = await this.deps.library.analysisOf({ briefing: submission.briefing, origin: 'store', revision: 0, createdAt: at, updatedAt: at });
    const save: PendingSave = { line: meta.line, attachment: submission.attachment, channelId: meta.channelId, ...(meta.responseUrl && { responseUrl: meta.responseUrl }) };
    const id = await this.deps.pending.put({ owner: ownerOf(user.id), payload: encodeSave(save), expiresAt: new Date(this.now() + PENDING_TTL_MS) });
    return { response_action: 'push', view: previewView(buildBriefingCard({ briefing: submission.briefing, analysis }), id) };
  }

  /**
   * Save was pressed on the preview, on whichever replica Slack sent it to. The preview is taken
   * atomically, so a second Save (a retry, another replica) finds nothing. A refusal or a problem
   * replaces the preview (Back returns to the form, to preview again); success closes the modal
   * and the outcome goes to the moderator privately.
   */
  async submitPreview(id: string, user: { id: string; name?: string; team_id?: string }, ack: (response: ViewResponseAction) => Promise<void>): Promise<void> {
    const taken = await this.deps.pending.take(id, ownerOf(user.id));
    if (taken.status === 'not-owner') {
      await ack({ response_action: 'update', view: replyView(textReply('Only the moderator who made this preview can save it. Nothing was changed.', { tone: 'error' })) });
      return;
    }
    const saved = taken.status === 'taken' ? decodeSave(taken.payload) : undefined;
    if (!saved) {
      await ack({ response_action: 'update', view: replyView(textReply('This preview was already saved, or has expired (after 30 minutes). Nothing more was changed; open the form again if you need to.', { tone: 'error' })) });
      return;
    }
    const invocation = await this.deps.invocation(user, saved.channelId);
    const run = this.deps.dispatcher.runLine(saved.line, { ...invocation, attachments: [saved.attachment] });
    const early = await Promise.race([run, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), SAVE_WAIT_MS).unref())]);
    if (early && early.tone === 'error') {
      await ack({ response_action: 'update', view: replyView(early, 'Not saved') });
      return;
    }
    await ack({ response_action: 'clear' });
    const doc = early ?? (await run);
    if (saved.responseUrl) {
      await postToResponseUrl(saved.responseUrl, replyMessage(doc)).catch((err: unknown) => this.deps.logger.warn({ err }, 'could not tell the moderator the outcome of a save'));
    }
  }
}
