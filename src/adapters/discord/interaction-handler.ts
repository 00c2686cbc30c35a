import {
  ApplicationCommandOptionType,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  type RepliableInteraction,
  MessageFlags,
} from 'discord.js';
import { rankBriefings } from '../../core/briefing/find-briefing.js';
import { type ArgValue, type Args, type CommandData, commandKey } from '../../core/commands/command-data.js';
import { type ReplyDocument, sliceWhole, textReply } from '../../core/render/document.js';
import { parseChannelMention, zonesMatching } from '../../core/digest/schedule-input.js';
import type { Dispatcher, Invocation } from '../../dispatch/dispatcher.js';
import type { Actor } from '../../ports/actor.js';
import type { Attachment } from '../../ports/command.js';
import type { BriefingLibrary } from '../../ports/library.js';
import type { Logger } from '../../ports/logger.js';
import type { ModerationPort } from '../../ports/moderation.js';
import { FORM_COMMANDS } from './briefing-form.js';
import type { DiscordCommandSet } from './command-definitions.js';
import type { ButtonLines } from './button-lines.js';
import { discordUsageRewriter } from './discord-usage.js';
import { ModeratorForms } from './moderator-forms.js';
import type { PendingSteps } from './pending-steps.js';
import { isDiscordModerator, roleIdsOf } from './permissions.js';
import { preparedPayload, respondWithChoices } from './reply-payload.js';
import { type Ack, deliver, withDeferral } from './respond.js';
import { type DiscordMessage, NO_MENTIONS, toDiscordMessage } from './to-discord-message.js';

export interface InteractionHandlerDeps {
  dispatcher: Dispatcher;
  library: BriefingLibrary;
  logger: Logger;
  commands: DiscordCommandSet;
  /** Keeps the long command lines of buttons where every replica finds them. */
  lines: ButtonLines;
  pending: PendingSteps;
  moderatorRoleId?: string;
  /** Removed briefings, for restore's autocomplete. */
  moderation?: Pick<ModerationPort, 'removedBriefings'>;
  /** Answers slower than this are deferred first; Discord drops an interaction not answered in 3 s. */
  deferAfterMs: number;
  maxBriefingBytes: number;
  /** Downloads an uploaded file, refusing more than maxBytes. */
  fetchFile: (url: string, maxBytes: number) => Promise<Uint8Array>;
}


const DISCORD_TYPE = {
  string: ApplicationCommandOptionType.String,
  integer: ApplicationCommandOptionType.Integer,
  boolean: ApplicationCommandOptionType.Boolean,
} as const;

const AUTOCOMPLETE_MAX = 25;
const CHOICE_MAX = 100;

const clip = (s: string, max: number) => (s.length <= max ? s : `${sliceWhole(s, max - 1)}…`);

/**
 * Answers every Discord interaction: slash commands through the dispatcher, autocomplete from the
 * library, buttons by the command line in their custom_id, and the moderators' form flow
 * (form or file, preview, Confirm). Every failure ends in one polite private reply.
 */
export class InteractionHandler {
  private readonly keys: string[];
  private readonly forms: ModeratorForms;
  private readonly usage: (doc: ReplyDocument) => ReplyDocument;

  constructor(private readonly deps: InteractionHandlerDeps) {
    this.keys = deps.dispatcher.commandsFor('discord').map((c) => commandKey(c.data));
    this.usage = discordUsageRewriter(deps.commands, this.keys);
    this.forms = new ModeratorForms(deps, {
      render: (doc) => this.render(doc),
      actorOf: (i) => this.actorOf(i),
      invocationOf: (i, attachments) => this.invocationOf(i, attachments),
    });
  }

  async handle(i: Interaction): Promise<void> {
    try {
      if (i.isAutocomplete()) await this.autocomplete(i);
      else if (i.isChatInputCommand()) await this.command(i);
      else if (i.isButton()) await this.button(i);
      else if (i.isModalSubmit()) await this.forms.submit(i);
      else if (i.isRepliable()) await this.unsupported(i);
    } catch (error) {
      this.deps.logger.error({ err: error, interaction: i.id, user: i.user.id }, 'discord interaction failed');
      if (!i.isRepliable()) return;
      const sorry = await this.render(textReply('Sorry, something went wrong on my side while answering that. It has been logged; please try again later.', { tone: 'error' }));
      const body = { embeds: sorry.embeds, components: [], allowedMentions: NO_MENTIONS };
      await (i.deferred || i.replied ? i.followUp({ ...body, flags: MessageFlags.Ephemeral }) : i.reply(preparedPayload(i, body, MessageFlags.Ephemeral) ?? { ...body, flags: MessageFlags.Ephemeral })).catch((err: unknown) =>
        this.deps.logger.warn({ err }, 'could not tell the user about the failure'),
      );
    }
  }

  /**
   * A select menu, context-menu command or other interaction briefbot never makes (a message or a
   * registration left by another version): Discord would show "This interaction failed" after
   * 3 s, so the user is told privately what to do instead.
   */
  private async unsupported(i: RepliableInteraction): Promise<void> {
    const name = i.isCommand() ? clip(i.commandName, 100) : undefined;
    const text =
      name === undefined
        ? 'This menu no longer works: it belongs to a message from an older version of briefbot. Run the command again, such as /briefing or /help, to get one that works.'
        : `briefbot does not know the command "${name}": it may belong to an older version. /help lists the commands it has.`;
    const reply = await this.render(textReply(text, { tone: 'error' }));
    await i.reply({ embeds: reply.embeds, components: [], allowedMentions: NO_MENTIONS, flags: MessageFlags.Ephemeral });
  }

  /** The message for a document; its buttons' long lines are kept before it resolves. */
  private render(doc: ReplyDocument): Promise<DiscordMessage> {
    const shown = this.usage(doc);
    return this.deps.lines.render((customIdOf) => toDiscordMessage(shown, customIdOf));
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
    // The scope is the server the command came from: its digests are the only ones it may see or change.
    const scope = i.guildId ?? `dm:${i.user.id}`;
    return { actor: this.actorOf(i), channel: { platform: 'discord', id: i.channelId ?? 'dm', scope }, ...(attachments && { attachments }) };
  }

  private async autocomplete(i: AutocompleteInteraction): Promise<void> {
    const data = this.deps.commands.resolve(i.commandName, i.options.getSubcommand(false));
    const focused = i.options.getFocused(true);
    const option = data?.options.find((o) => o.name === focused.name);
    const typed = String(focused.value ?? '');
    let choices: { name: string; value: string }[] = [];
    if (option?.autocomplete === 'briefing') {
      choices = (await this.deps.library.suggest(typed, AUTOCOMPLETE_MAX)).map(({ briefing: b }) => ({
        name: clip(`${b.title} (${b.slug})`, CHOICE_MAX),
        value: b.slug.slice(0, CHOICE_MAX),
      }));
    } else if (option?.autocomplete === 'removed-briefing') {
      // Removed briefings are hidden from the library; only moderators, who can restore them, see their titles.
      const removed = this.actorOf(i).isModerator && this.deps.moderation ? await this.deps.moderation.removedBriefings() : [];
      choices = rankBriefings(typed, removed, AUTOCOMPLETE_MAX).map((b) => ({ name: clip(`${b.title} (${b.slug})`, CHOICE_MAX), value: b.slug.slice(0, CHOICE_MAX) }));
    } else if (option?.autocomplete === 'time-zone') {
      choices = zonesMatching(typed, AUTOCOMPLETE_MAX).map((z) => ({ name: z, value: z }));
    }
    await respondWithChoices(i, choices);
  }

  private argsOf(i: ChatInputCommandInteraction, data: CommandData): Args {
    const args: Record<string, ArgValue> = {};
    for (const o of data.options) {
      const option = i.options.get(o.name);
      // Only values of the declared type: an upload named like a text option is not its text.
      if (option?.type !== DISCORD_TYPE[o.type]) continue;
      const value = option.value;
      if (typeof value === 'string' && o.namesCommand) args[o.name] = this.deps.commands.briefbotName(value);
      else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') args[o.name] = value;
    }
    return args;
  }

  /**
   * Whether an option names a channel outside the server the command came from: the bot may sit
   * in many servers, and a moderator of one must not subscribe, stop or post digests in another's
   * channels by typing its id. Asked of Discord (the bot's cache, else GET /channels/:id).
   */
  private async namesChannelElsewhere(i: ChatInputCommandInteraction, data: CommandData, args: Args): Promise<boolean> {
    for (const o of data.options) {
      const value = args[o.name];
      if (!o.namesChannel || typeof value !== 'string') continue;
      const id = parseChannelMention(value);
      // Not a channel at all: the command itself explains; this channel: nothing to check.
      if (id === undefined || id === i.channelId) continue;
      if (!i.guildId) return true;
      // allowUnknownGuild: over HTTP interactions the client caches no server, and would make nothing of the answer.
      const channel = await i.client.channels.fetch(id, { allowUnknownGuild: true }).catch(() => null);
      if (!channel || !('guildId' in channel) || channel.guildId !== i.guildId) return true;
    }
    return false;
  }

  private async command(i: ChatInputCommandInteraction): Promise<void> {
    const data = this.deps.commands.resolve(i.commandName, i.options.getSubcommand(false));
    if (!data) {
      await deliver(i, 'none', await this.render(textReply('This command is not served any more; the bot was updated. Try /help.', { tone: 'error' })));
      return;
    }
    const key = commandKey(data);
    const args = this.argsOf(i, data);
    if (await this.namesChannelElsewhere(i, data, args)) {
      const why = "That channel is not one of this server's, so nothing about it can be changed or shown from here. Name a channel of this server, or leave the channel out for this one. Nothing was changed.";
      await deliver(i, 'none', await this.render(textReply(why, { tone: 'error' })));
      return;
    }
    if (FORM_COMMANDS.has(key)) {
      await this.forms.open(i, key, args, data);
      return;
    }
    const expected: Ack = args.public === true ? 'public' : 'private';
    // Rendered under the deferral timer: keeping a long button line is a store write.
    const { result: msg, ack } = await withDeferral(this.deps.deferAfterMs, this.deps.logger, expected, () => i.deferReply(expected === 'private' ? { flags: MessageFlags.Ephemeral } : {}), async () =>
      this.render(await this.deps.dispatcher.run(key, args, this.invocationOf(i))),
    );
    await deliver(i, ack, msg);
  }

  private async button(i: ButtonInteraction): Promise<void> {
    const ref = await this.deps.lines.parse(i.customId);
    switch (ref.kind) {
      case 'confirm':
        return this.forms.confirm(i, ref.id);
      case 'cancel':
        return this.forms.cancel(i, ref.id);
      case 'line':
        return this.pressLine(i, ref.line);
      case 'ref':
      case 'expired':
      case 'form':
      case 'unknown':
        await deliver(i, 'none', await this.render(textReply('This button has expired. Run the command again to get fresh buttons.', { tone: 'error' })));
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
      await deliver(i, 'none', await this.render(textReply('Only the person who asked can use these buttons. Run the command yourself to get your own copy.', { tone: 'error' })));
      return;
    }
    const guess: Ack = isOwner ? 'update' : 'private';
    const { result: [result, msg], ack } = await withDeferral(this.deps.deferAfterMs, this.deps.logger, guess, () => (isOwner ? i.deferUpdate() : i.deferReply({ flags: MessageFlags.Ephemeral })), async () => {
      const doc = await this.deps.dispatcher.runLine(line, this.invocationOf(i));
      return [doc, await this.render(doc)] as const;
    });
    let target: Ack;
    if (result.tone === 'error') target = 'private';
    else if (!msg.ephemeral && ephemeral) target = 'public';
    else target = isOwner ? 'update' : 'private';
    await deliver(i, ack, msg, target);
  }

}
