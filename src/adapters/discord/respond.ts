import { type ButtonInteraction, type ChatInputCommandInteraction, type InteractionReplyOptions, MessageFlags, type ModalSubmitInteraction } from 'discord.js';
import type { Logger } from '../../ports/logger.js';
import { preparedPayload } from './reply-payload.js';
import { type DiscordMessage, NO_MENTIONS } from './to-discord-message.js';

/** How an interaction has been acknowledged so far, or where its answer must go. */
export type Ack = 'none' | 'update' | 'private' | 'public';
export type Repliable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

/**
 * Runs `work`; if it has not finished after `afterMs`, acknowledges the interaction with `defer`
 * first so that Discord's 3-second deadline is met, and says so in the returned ack.
 */
export async function withDeferral<T>(afterMs: number, logger: Logger, kind: Ack, defer: () => Promise<unknown>, work: () => Promise<T>): Promise<{ result: T; ack: Ack }> {
  let deferring: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferring = defer().catch((err: unknown) => logger.warn({ err }, 'could not defer the interaction'));
  }, afterMs);
  try {
    const result = await work();
    return { result, ack: deferring ? kind : 'none' };
  } finally {
    clearTimeout(timer);
    if (deferring) await deferring;
  }
}

/** Sends a rendered answer the way the interaction's state allows. */
export async function deliver(i: Repliable, ack: Ack, msg: DiscordMessage, target: Ack = msg.ephemeral ? 'private' : 'public'): Promise<void> {
  const body = {
    embeds: msg.embeds,
    components: msg.components,
    allowedMentions: NO_MENTIONS,
    ...(msg.file && { files: [{ attachment: msg.file.content, name: msg.file.name }] }),
  };
  const flagged: InteractionReplyOptions = { ...body, ...(target === 'private' && { flags: MessageFlags.Ephemeral }) };
  let acked = ack;
  if (acked === 'none' && msg.file) {
    // Files go with a webhook edit: an HTTP-interactions first response cannot carry them.
    const inPlace = target === 'update' && i.isButton();
    if (inPlace) await i.deferUpdate();
    else await i.deferReply(target === 'private' ? { flags: MessageFlags.Ephemeral } : {});
    acked = inPlace ? 'update' : target;
  }
  if (acked === 'none') {
    // The body made here (the same JSON) when there is no file: discord.js's own costs a tenth of a card.
    if (target === 'update' && i.isButton()) await i.update((!msg.file && preparedPayload(i, msg)) || body);
    else await i.reply((!msg.file && preparedPayload(i, msg, target === 'private' ? MessageFlags.Ephemeral : undefined)) || flagged);
    return;
  }
  if (acked === target) {
    await i.editReply(body);
    return;
  }
  // Acknowledged one way, answered another: a deferred update keeps its message and the answer
  // follows as a new one; a "thinking" reply of the wrong visibility is replaced.
  if (acked !== 'update') await i.deleteReply().catch(() => undefined);
  await i.followUp(flagged);
}
