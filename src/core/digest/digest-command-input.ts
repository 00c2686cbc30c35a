import { BriefbotError } from '../errors.js';
import type { ArgValue, PlatformName } from '../commands/command-data.js';
import { parseChannelMention } from './schedule-input.js';

interface ChannelLike {
  platform: PlatformName;
  id: string;
  scope: string;
  named?: boolean;
  name?: string;
}

/** The slice of a command's context the /digest commands read (structurally a CommandContext). */
interface DigestCommandContext<D> {
  actor: { platform: PlatformName };
  channel: ChannelLike;
  services: { digests?: D };
}

/** The digest service, or a polite refusal when this deployment runs without digests. */
export function digestsOf<D>(ctx: DigestCommandContext<D>): D {
  const digests = ctx.services.digests;
  if (!digests) throw new BriefbotError('UNAVAILABLE', 'Digests are turned off on this bot (DIGESTS=off, or no store). Nothing was changed.');
  return digests;
}

/**
 * The channel a /digest command is about: the one named (a mention or an id), or the current one.
 * A named channel is taken to be of the caller's server or workspace (adapters refuse one that is
 * not, before the command runs), so the command acts within that scope.
 */
export function targetChannel<D>(ctx: DigestCommandContext<D>, arg: ArgValue | undefined): ChannelLike {
  if (typeof arg !== 'string' || arg.trim() === '') return ctx.channel;
  const id = parseChannelMention(arg);
  if (!id) throw new BriefbotError('BAD_ARGUMENTS', `"${arg.slice(0, 40)}" is not a channel; mention it (#channel) or leave it out for this channel.`);
  return id === ctx.channel.id ? ctx.channel : { platform: ctx.actor.platform, id, scope: ctx.channel.scope, named: true };
}
