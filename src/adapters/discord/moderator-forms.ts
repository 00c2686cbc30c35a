import type { ButtonInteraction, ChatInputCommandInteraction, Interaction, ModalSubmitInteraction } from 'discord.js';
import { MessageFlags } from 'discord.js';
import { normaliseSlugInput, unknownBriefingMessage } from '../../core/briefing/find-briefing.js';
import { briefingFromForm, parseSubmission } from '../../core/briefing/briefing-form.js';
import { type ParseResult, serializeBriefing } from '../../core/briefing/parse-briefing.js';
import { type Args, BASED_ON_OPTION, type CommandData } from '../../core/commands/command-data.js';
import { type ReplyDocument, sliceWhole, textReply } from '../../core/render/document.js';
import { type Dispatcher, type Invocation, nearSlugs } from '../../dispatch/dispatcher.js';
import type { Actor } from '../../ports/actor.js';
import type { Attachment } from '../../ports/command.js';
import type { BriefingLibrary } from '../../ports/library.js';
import { briefingModal, confirmRow, FORM_TEXT_MAX, previewDocument } from './briefing-form.js';
import { type DiscordCommandSet, FILE_OPTION } from './command-definitions.js';
import { parseCustomId } from './custom-id.js';
import type { PendingSteps } from './pending-steps.js';
import { type Ack, deliver, type Repliable } from './respond.js';
import { type DiscordMessage, NO_MENTIONS } from './to-discord-message.js';

export interface ModeratorFormsDeps {
  dispatcher: Dispatcher;
  library: BriefingLibrary;
  commands: DiscordCommandSet;
  /** The form and preview steps, in the store every replica shares. */
  pending: PendingSteps;
  maxBriefingBytes: number;
  fetchFile: (url: string, maxBytes: number) => Promise<Uint8Array>;
}

/** What the forms borrow from the handler: rendering and who is asking. */
export interface FormContext {
  render(doc: ReplyDocument): Promise<DiscordMessage>;
  actorOf(i: Interaction): Actor;
  invocationOf(i: Interaction, attachments?: readonly Attachment[]): Invocation;
}

// Front-matter and room for Markdown overhead on top of the body limit.
const FILE_SLACK_BYTES = 64 * 1024;

const clip = (s: string, max: number) => (s.length <= max ? s : `${sliceWhole(s, max - 1)}…`);

/**
 * The moderators' add/edit flow: a form (or an uploaded file), then a private preview with
 * Confirm and Cancel, then the command run with the submission as its attachment, so every save
 * goes through the moderation service. Permission is checked at each step.
 */
export class ModeratorForms {
  constructor(
    private readonly deps: ModeratorFormsDeps,
    private readonly ctx: FormContext,
  ) {}

  async open(i: ChatInputCommandInteraction, key: string, args: Args, data: CommandData): Promise<void> {
    const actor = this.ctx.actorOf(i);
    if (!actor.isModerator) {
      await deliver(i, 'none', await this.ctx.render(textReply(`Only moderators can use /${this.deps.commands.discordUsage(key)?.slice(1) ?? key}. Nothing was changed.`, { tone: 'error' })));
      return;
    }
    const slugOption = data.options.find((o) => o.autocomplete === 'briefing');
    const slugArg = slugOption ? args[slugOption.name] : undefined;
    const entry = typeof slugArg === 'string' ? await this.deps.library.get(normaliseSlugInput(slugArg)) : undefined;
    const base = entry?.briefing;
    if (typeof slugArg === 'string' && !base) {
      const near = await nearSlugs(this.deps.library, slugArg);
      const unknown = near.length ? unknownBriefingMessage(slugArg, near) : `There is no briefing "${clip(slugArg, 60)}".`;
      await deliver(i, 'none', await this.ctx.render(textReply(`${unknown} Nothing was changed.`, { tone: 'error' })));
      return;
    }
    // The revision the moderator starts from, for a command that can refuse a change made since
    // (edit's `from`): Confirm may come 15 minutes later, after another moderator's save.
    if (entry && data.options.some((o) => o.name === BASED_ON_OPTION) && args[BASED_ON_OPTION] === undefined) args = { ...args, [BASED_ON_OPTION]: entry.revision };
    const file = i.options.getAttachment(FILE_OPTION);
    if (file) {
      const max = this.deps.maxBriefingBytes + FILE_SLACK_BYTES;
      if (!/\.(md|markdown|txt)$/i.test(file.name) || file.size > max) {
        const why = file.size > max ? `is larger than ${Math.round(max / 1024)} KB` : 'is not a .md or .txt file';
        await deliver(i, 'none', await this.ctx.render(textReply(`${clip(file.name, 80)} ${why}. Nothing was changed.`, { tone: 'error' })));
        return;
      }
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      const content = await this.deps.fetchFile(file.url, max);
      const attachment = { name: file.name, content };
      const parsed = parseSubmission(attachment, { maxBodyBytes: this.deps.maxBriefingBytes, ...(base && { slug: base.slug }) });
      // Only a submission that can be saved is kept for Confirm.
      const id = parsed.ok ? await this.deps.pending.keep(i.user.id, { step: 'preview', key, args, attachment }) : undefined;
      await this.sendPreview(i, 'private', parsed, key, id);
      return;
    }
    if (base && base.body.length > FORM_TEXT_MAX) {
      await deliver(
        i,
        'none',
        await this.ctx.render(textReply(`The text of ${base.slug} is longer than a Discord form holds (${FORM_TEXT_MAX} characters). Attach the edited Markdown file in the ${FILE_OPTION} option instead.`, { tone: 'error' })),
      );
      return;
    }
    const id = await this.deps.pending.keep(i.user.id, { step: 'form', key, args, ...(base && { base }) });
    await i.showModal(briefingModal(id, base ? `Edit ${base.slug}` : 'Add a briefing', base));
  }

  private async sendPreview(i: Repliable, ack: Ack, parsed: ParseResult, key: string, pendingId: string | undefined): Promise<void> {
    const msg = await this.ctx.render(previewDocument(parsed, this.deps.commands.discordUsage(key)?.slice(1) ?? key));
    if (parsed.ok && pendingId !== undefined) msg.components = [confirmRow(pendingId)];
    await deliver(i, ack, msg, 'private');
  }

  async submit(i: ModalSubmitInteraction): Promise<void> {
    const ref = parseCustomId(i.customId);
    // Taken whatever happens next: a form is submitted once, and someone else's take changes nothing.
    const taken = ref.kind === 'form' ? await this.deps.pending.take(ref.id, i.user.id) : undefined;
    const pending = taken?.status === 'taken' && taken.step.step === 'form' ? taken.step : undefined;
    if (!pending) {
      await deliver(i, 'none', await this.ctx.render(textReply('This form has expired. Run the command again. Nothing was changed.', { tone: 'error' })), 'private');
      return;
    }
    if (!this.ctx.actorOf(i).isModerator) {
      await deliver(i, 'none', await this.ctx.render(textReply('Only moderators can add or edit briefings. Nothing was changed.', { tone: 'error' })), 'private');
      return;
    }
    const field = (id: string) => {
      try {
        return i.fields.getTextInputValue(id);
      } catch {
        return '';
      }
    };
    const base = pending.base;
    const form = { title: field('title'), slug: field('slug'), tags: field('tags'), text: field('text') };
    const parsed = briefingFromForm(form, { maxBodyBytes: this.deps.maxBriefingBytes, ...(base && { slug: base.slug }) });
    if (parsed.ok) {
      // An edit keeps what the form does not show: source, link, date, participants.
      const briefing = base ? { ...base, ...parsed.briefing, participants: base.participants } : parsed.briefing;
      const attachment = { name: `${briefing.slug}.md`, content: new TextEncoder().encode(serializeBriefing(briefing)) };
      const id = await this.deps.pending.keep(i.user.id, { step: 'preview', key: pending.key, args: pending.args, attachment });
      await this.sendPreview(i, 'none', { ok: true, briefing }, pending.key, id);
    } else await this.sendPreview(i, 'none', parsed, pending.key, undefined);
  }

  /**
   * Confirm, on whichever replica Discord sends it to. Taking the preview is atomic across
   * replicas: a second Confirm (a double click, or a retry on another replica) finds nothing.
   */
  async confirm(i: ButtonInteraction, id: string): Promise<void> {
    const taken = await this.deps.pending.take(id, i.user.id);
    if (taken.status === 'not-owner') {
      await deliver(i, 'none', await this.ctx.render(textReply('Only the moderator who submitted this can confirm it. Nothing was changed.', { tone: 'error' })), 'private');
      return;
    }
    const pending = taken.status === 'taken' && taken.step.step === 'preview' ? taken.step : undefined;
    if (!pending) {
      const gone = 'This preview was already confirmed or cancelled, or has expired (after 15 minutes). Nothing more was changed; run the command again if you need to.';
      await i.update({ embeds: (await this.ctx.render(textReply(gone, { tone: 'error' }))).embeds, components: [], allowedMentions: NO_MENTIONS });
      return;
    }
    // Saving writes to the store and re-analyses: always heavy enough to defer.
    await i.deferUpdate();
    const result = await this.deps.dispatcher.run(pending.key, pending.args, this.ctx.invocationOf(i, [pending.attachment]));
    await deliver(i, 'update', { ...(await this.ctx.render(result)), ephemeral: true }, 'update');
  }

  async cancel(i: ButtonInteraction, id: string): Promise<void> {
    if ((await this.deps.pending.take(id, i.user.id)).status === 'not-owner') {
      await deliver(i, 'none', await this.ctx.render(textReply('Only the moderator who submitted this can cancel it.', { tone: 'error' })), 'private');
      return;
    }
    await i.update({ embeds: (await this.ctx.render(textReply('Cancelled. Nothing was saved.'))).embeds, components: [], allowedMentions: NO_MENTIONS });
  }
}
