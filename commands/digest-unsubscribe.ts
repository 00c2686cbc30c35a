import { channelName } from '../src/core/digest/describe-digest.js';
import { digestsOf, targetChannel } from '../src/core/digest/digest-command-input.js';
import { textReply } from '../src/core/render/document.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'digest',
    subcommand: 'unsubscribe',
    description: "Stop a channel's daily digest",
    permission: 'moderator',
    options: [{ name: 'channel', description: 'The channel (default: this one)', type: 'string', maxLength: 100, namesChannel: true }],
  },
  async execute(ctx, args) {
    const channel = targetChannel(ctx, args.channel);
    const removed = await digestsOf(ctx).unsubscribe(channel, ctx.actor);
    const where = channelName(channel.platform, channel.id);
    return removed
      ? { ...textReply(`${where} no longer gets a digest.`, { title: 'Digest stopped' }), visibility: 'public' }
      : textReply(`${where} had no digest; nothing was changed.`);
  },
} satisfies Command;
