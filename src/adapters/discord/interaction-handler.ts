import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type InteractionReplyOptions,
  MessageFlags,
  type ModalSubmitInteraction,
} from 'discord.js';
import { normaliseSlugInput, rankBriefings } from '../../core/briefing/find-briefing.js';
import { briefingFromForm, parseSubmission } from '../../core/briefing/briefing-form.js';
import { type ParseResult, serializeBriefing } from '../../core/briefing/parse-briefing.js';
import { type ArgValue, type Args, type CommandData, commandKey } from '../../core/commands/command-data.js';
import { type ReplyDocument, textReply } from '../../core/render/document.js';
import type { Dispatcher, Invocation } from '../../dispatch/dispatcher.js';
import type { Actor } from '../../ports/actor.js';
import type { Attachment } from '../../ports/command.js';
import type { BriefingLibrary } from '../../ports/library.js';
import type { Logger } from '../../ports/logger.js';
import { briefingModal, confirmRow, FORM_COMMANDS, FORM_TEXT_MAX, type PendingSubmissions, previewDocument } from './briefing-form.js';
import { type DiscordCommandSet, FILE_OPTION } from './command-definitions.js';
import { withDiscordUsage } from './discord-usage.js';
import { lineCustomId, type LongLineStore, parseCustomId } from './custom-id.js';
import { isDiscordModerator, roleIdsOf } from './permissions.js';
import { type DiscordMessage, NO_MENTIONS, toDiscordMessage } from './to-discord-message.js';

export interface InteractionHandlerDeps {
  dispatcher: Dispatcher;
  library: BriefingLibrary;
  logger: Logger;
  commands: DiscordCommandSet;
  lines: LongLineStore;
  pending: PendingSubmissions;
  moderatorRoleId?: string;
  /** Answers slower than this are deferred first; Discord drops an interaction not answered in 3 s. */
  deferAfterMs: number;
  maxBriefingBytes: number;
  /** Downloads an uploaded file, refusing more than maxBytes. */
  fetchFile: (url: string, maxBytes: number) => Promise<Uint8Array>;
}

/** How a reply has been acknowledged so far, and where the answer must go. */
type Ack = 'none' | 'update' | 'private' | 'public';
type Repliable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

const DISCORD_TYPE = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
} as const;

const AUTOCOMPLETE_MAX = 25;
const CHOICE_MAX = 100;
// Front-matter and room for Markdown overhead on top of the body limit.
const FILE_SLACK_BYTES = 64 * 1024;

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/**
 * Answers every Discord interaction: slash commands through the dispatcher, autocomplete from the
 * library, buttons by the command line in their custom_id, and the moderators' form flow
 * (form or file, preview, Confirm). Every failure ends in one polite private reply.
 */
export class InteractionHandler {
  private readonly keys: string[];

  constructor(private readonly deps: InteractionHandlerDeps) {
    this.keys = deps.dispatcher.commandsFor('discord').map((c) => commandKey(c.data));
  }

  async handle(i: Interaction): Promise<void> {
    try {
      if (i.isAutocomplete()) await this.autocomplete(i);
      else if (i.isChatInputCommand()) await this.command(i);
      else if (i.isButton()) await this.button(i);
      else if (i.isModalSubmit()) await this.modal(i);
    } catch (error) {
      this.deps.logger.error({ err: error, interaction: i.id, user: i.user.id }, 'discord interaction failed');
      if (!i.isRepliable()) return;
      const sorry = this.render(textReply('Sorry, something went wrong on my side while answering that. It has been logged; please try again later.', { tone: 'error' }));
      const body = { embeds: sorry.embeds, components: [], allowedMentions: NO_MENTIONS };
      await (i.deferred || i.replied ? i.followUp({ ...body, flags: MessageFlags.Ephemeral }) : i.reply({ ...body, flags: MessageFlags.Ephemeral })).catch((err: unknown) =>
        this.deps.logger.warn({ err }, 'could not tell the user about the failure'),
      );
    }
  }

  private render(doc: ReplyDocument): DiscordMessage {
    const shown = withDiscordUsage(doc, this.deps.commands, this.keys);
    return toDiscordMessage(shown, (line) => lineCustomId(line, this.deps.lines));
  }

  private actorOf(i: Interaction): Actor {
    const member = i.member as { displayName?: string; nick?: string | null } | null;
    return {
      platform: 'discord',
      userId: i.user.id,
      userName: member?.displayName ?? member?.nick ?? i.user.globalName ?? i.user.username,
      isModerator: isDiscordModerator({ permissions: i.memberPermissions, roleIds: roleIdsOf(i.member) }, this.deps.moderatorRoleId),
    };
  }

  private invocationOf(i: Interaction, attachments?: readonly Attachment[]): Invocation {
    return { actor: this.actorOf(i), channel: { platform: 'discord', id: i.channelId ?? 'dm' }, ...(attachments && { attachments }) };
  }

  private async autocomplete(i: AutocompleteInteraction): Promise<void> {
    const data = this.deps.commands.resolve(i.commandName, i.options.getSubcommand(false));
    const focused = i.options.getFocused(true);
    const option = data?.options.find((o) => o.name === focused.name);
    const typed = String(focused.value ?? '');
    let choices: { name: string; value: string }[] = [];
    if (option?.autocomplete === 'briefing') {
      const entries = await this.deps.library.list();
      choices = rankBriefings(typed, entries.map((e) => e.briefing), AUTOCOMPLETE_MAX).map((b) => ({
        name: clip(`${b.title} (${b.slug})`, CHOICE_MAX),
        value: b.slug.slice(0, CHOICE_MAX),
      }));
    } else if (option?.autocomplete === 'time-zone') {
      const wanted = typed.toLowerCase().replace(/\s+/g, '_');
      choices = Intl.supportedValuesOf('timeZone')
        .filter((z) => z.toLowerCase().includes(wanted))
        .slice(0, AUTOCOMPLETE_MAX)
        .map((z) => ({ name: z, value: z }));
    }
    await i.respond(choices);
  }

  private argsOf(i: ChatInputCommandInteraction, data: CommandData): Args {
    const args: Record<string, ArgValue> = {};
    for (const o of data.options) {
      const option = i.options.get(o.name);
      // Only values of the declared type: an upload named like a text option is not its text.
      if (option?.type !== DISCORD_TYPE[o.type]) continue;
      const value = option.value;
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') args[o.name] = value;
    }
    return args;
  }

  private async command(i: ChatInputCommandInteraction): Promise<void> {
    const data = this.deps.commands.resolve(i.commandName, i.options.getSubcommand(false));
    if (!data) {
      await this.deliver(i, 'none', this.render(textReply('This command is not served any more; the bot was updated. Try /help.', { tone: 'error' })));
      return;
    }
    const key = commandKey(data);
    const args = this.argsOf(i, data);
    if (FORM_COMMANDS.has(key)) {
      await this.openForm(i, key, args, data);
      return;
    }
    const expected: Ack = args.public === true ? 'public' : 'private';
    const { result, ack } = await this.withDeferral(expected, () => i.deferReply(expected === 'private' ? { flags: MessageFlags.Ephemeral } : {}), () =>
      this.deps.dispatcher.run(key, args, this.invocationOf(i)),
    );
    await this.deliver(i, ack, this.render(result));
  }

  private async button(i: ButtonInteraction): Promise<void> {
    const ref = parseCustomId(i.customId, this.deps.lines);
    switch (ref.kind) {
      case 'confirm':
        return this.confirm(i, ref.id);
      case 'cancel':
        return this.cancel(i, ref.id);
      case 'line':
        return this.pressLine(i, ref.line);
      case 'expired':
      case 'form':
      case 'unknown':
        await this.deliver(i, 'none', this.render(textReply('This button has expired. Run the command again to get fresh buttons.', { tone: 'error' })));
        return;
    }
  }

  /**
   * A button that runs a command line. The asker's own message is updated in place; anyone else
   * gets the answer privately (a public card does not change under the channel's eyes), and only
   * the asker may press the buttons of a private reply.
   */
  private async pressLine(i: ButtonInteraction, line: string): Promise<void> {
    const ephemeral = i.message.flags.has(MessageFlags.Ephemeral);
    const owner = i.message.interactionMetadata?.user.id;
    const isOwner = owner === undefined ? ephemeral : owner === i.user.id;
    if (ephemeral && !isOwner) {
      await this.deliver(i, 'none', this.render(textReply('Only the person who asked can use these buttons. Run the command yourself to get your own copy.', { tone: 'error' })));
      return;
    }
    const guess: Ack = isOwner ? 'update' : 'private';
    const { result, ack } = await this.withDeferral(guess, () => (isOwner ? i.deferUpdate() : i.deferReply({ flags: MessageFlags.Ephemeral })), () =>
      this.deps.dispatcher.runLine(line, this.invocationOf(i)),
    );
    const msg = this.render(result);
    let target: Ack;
    if (result.tone === 'error') target = 'private';
    else if (!msg.ephemeral && ephemeral) target = 'public';
    else target = isOwner ? 'update' : 'private';
    await this.deliver(i, ack, msg, target);
  }

  /**
   * Runs `work`; if it has not finished after deferAfterMs, acknowledges the interaction with
   * `defer` first so that Discord's 3-second deadline is met, and says so in the returned ack.
   */
  private async withDeferral<T>(kind: Ack, defer: () => Promise<unknown>, work: () => Promise<T>): Promise<{ result: T; ack: Ack }> {
    let deferring: Promise<unknown> | undefined;
    const timer = setTimeout(() => {
      deferring = defer().catch((err: unknown) => this.deps.logger.warn({ err }, 'could not defer the interaction'));
    }, this.deps.deferAfterMs);
    try {
      const result = await work();
      return { result, ack: deferring ? kind : 'none' };
    } finally {
      clearTimeout(timer);
      if (deferring) await deferring;
    }
  }

  /** Sends a rendered answer the way the interaction's state allows. */
  private async deliver(i: Repliable, ack: Ack, msg: DiscordMessage, target: Ack = msg.ephemeral ? 'private' : 'public'): Promise<void> {
    const body = {
      embeds: msg.embeds,
      components: msg.components,
      allowedMentions: NO_MENTIONS,
      ...(msg.file && { files: [{ attachment: msg.file.content, name: msg.file.name }] }),
    };
    const flagged: InteractionReplyOptions = { ...body, ...(target === 'private' && { flags: MessageFlags.Ephemeral }) };
    if (ack === 'none' && msg.file) {
      // Files go with a webhook edit: an HTTP-interactions first response cannot carry them.
      if (target === 'update' && i.isButton()) await i.deferUpdate();
      else await i.deferReply(target === 'private' ? { flags: MessageFlags.Ephemeral } : {});
      ack = target === 'update' && i.isButton() ? 'update' : target;
    }
    if (ack === 'none') {
      if (target === 'update' && i.isButton()) await i.update(body);
      else await i.reply(flagged);
      return;
    }
    if (ack === target) {
      await i.editReply(body);
      return;
    }
    // Acknowledged one way, answered another: a deferred update keeps its message and the answer
    // follows as a new one; a "thinking" reply of the wrong visibility is replaced.
    if (ack !== 'update') await i.deleteReply().catch(() => undefined);
    await i.followUp(flagged);
  }

  private async openForm(i: ChatInputCommandInteraction, key: string, args: Args, data: CommandData): Promise<void> {
    const actor = this.actorOf(i);
    if (!actor.isModerator) {
      await this.deliver(i, 'none', this.render(textReply(`Only moderators can use /${this.deps.commands.discordUsage(key)?.slice(1) ?? key}. Nothing was changed.`, { tone: 'error' })));
      return;
    }
    const slugOption = data.options.find((o) => o.autocomplete === 'briefing');
    const slugArg = slugOption ? args[slugOption.name] : undefined;
    const base = typeof slugArg === 'string' ? (await this.deps.library.get(normaliseSlugInput(slugArg)))?.briefing : undefined;
    if (typeof slugArg === 'string' && !base) {
      await this.deliver(i, 'none', this.render(textReply(`There is no briefing "${clip(slugArg, 60)}". Nothing was changed.`, { tone: 'error' })));
      return;
    }
    const file = i.options.getAttachment(FILE_OPTION);
    if (file) {
      const max = this.deps.maxBriefingBytes + FILE_SLACK_BYTES;
      if (!/\.(md|markdown|txt)$/i.test(file.name) || file.size > max) {
        const why = file.size > max ? `is larger than ${Math.round(max / 1024)} KB` : 'is not a .md or .txt file';
        await this.deliver(i, 'none', this.render(textReply(`${clip(file.name, 80)} ${why}. Nothing was changed.`, { tone: 'error' })));
        return;
      }
      await i.deferReply({ flags: MessageFlags.Ephemeral });
      const content = await this.deps.fetchFile(file.url, max);
      const attachment = { name: file.name, content };
      const pending = this.deps.pending.create({ key, args, userId: i.user.id, attachment, ...(base && { base }) });
      const parsed = parseSubmission(attachment, { maxBodyBytes: this.deps.maxBriefingBytes, ...(base && { slug: base.slug }) });
      await this.sendPreview(i, 'private', pending.id, parsed, key);
      return;
    }
    if (base && base.body.length > FORM_TEXT_MAX) {
      await this.deliver(
        i,
        'none',
        this.render(textReply(`The text of ${base.slug} is longer than a Discord form holds (${FORM_TEXT_MAX} characters). Attach the edited Markdown file in the ${FILE_OPTION} option instead.`, { tone: 'error' })),
      );
      return;
    }
    const pending = this.deps.pending.create({ key, args, userId: i.user.id, ...(base && { base }) });
    await i.showModal(briefingModal(pending.id, base ? `Edit ${base.slug}` : 'Add a briefing', base));
  }

  private async sendPreview(i: Repliable, ack: Ack, pendingId: string, parsed: ParseResult, key: string): Promise<void> {
    const msg = this.render(previewDocument(parsed, this.deps.commands.discordUsage(key)?.slice(1) ?? key));
    if (parsed.ok) msg.components = [confirmRow(pendingId)];
    else this.deps.pending.delete(pendingId);
    await this.deliver(i, ack, msg, 'private');
  }

  private async modal(i: ModalSubmitInteraction): Promise<void> {
    const ref = parseCustomId(i.customId, this.deps.lines);
    const pending = ref.kind === 'form' ? this.deps.pending.get(ref.id) : undefined;
    if (!pending || pending.userId !== i.user.id) {
      await this.deliver(i, 'none', this.render(textReply('This form has expired. Run the command again. Nothing was changed.', { tone: 'error' })), 'private');
      return;
    }
    if (!this.actorOf(i).isModerator) {
      this.deps.pending.delete(pending.id);
      await this.deliver(i, 'none', this.render(textReply('Only moderators can add or edit briefings. Nothing was changed.', { tone: 'error' })), 'private');
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
      pending.attachment = { name: `${briefing.slug}.md`, content: new TextEncoder().encode(serializeBriefing(briefing)) };
      await this.sendPreview(i, 'none', pending.id, { ok: true, briefing }, pending.key);
    } else await this.sendPreview(i, 'none', pending.id, parsed, pending.key);
  }

  private async confirm(i: ButtonInteraction, id: string): Promise<void> {
    const pending = this.deps.pending.get(id);
    if (!pending?.attachment) {
      await i.update({ embeds: this.render(textReply('This preview has expired. Run the command again. Nothing was changed.', { tone: 'error' })).embeds, components: [], allowedMentions: NO_MENTIONS });
      return;
    }
    if (pending.userId !== i.user.id) {
      await this.deliver(i, 'none', this.render(textReply('Only the moderator who submitted this can confirm it.', { tone: 'error' })), 'private');
      return;
    }
    // Saving writes to the store and re-analyses: always heavy enough to defer.
    await i.deferUpdate();
    this.deps.pending.delete(id);
    const result = await this.deps.dispatcher.run(pending.key, pending.args, this.invocationOf(i, [pending.attachment]));
    await this.deliver(i, 'update', { ...this.render(result), ephemeral: true }, 'update');
  }

  private async cancel(i: ButtonInteraction, id: string): Promise<void> {
    this.deps.pending.delete(id);
    await i.update({ embeds: this.render(textReply('Cancelled. Nothing was saved.')).embeds, components: [], allowedMentions: NO_MENTIONS });
  }
}
