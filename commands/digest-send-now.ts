import { channelName } from '../src/core/digest/describe-digest.js';
import { digestsOf, targetChannel } from '../src/core/digest/digest-command-input.js';
import { textReply } from '../src/core/render/document.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'digest',
    subcommand: 'send-now',
    description: "Post a channel's digest now, outside its schedule",
    permission: 'moderator',
    options: [{ name: 'channel', description: 'The channel (default: this one)', type: 'string', maxLength: 100, namesChannel: true }],
  },
  async execute(ctx, args) {
    const channel = targetChannel(ctx, args.channel);
    const result = await digestsOf(ctx).sendNow(channel, ctx.actor);
    const where = channelName(channel.platform, channel.id);
    const n = `${result.items} briefing${result.items === 1 ? '' : 's'}`;
    switch (result.status) {
      case 'delivered':
      case 'late':
        return textReply(`Posted the digest (${n}) in ${where}. The next scheduled digest starts from now.`);
      case 'skipped':
        return textReply(`Nothing was posted in ${where}: ${result.error ?? 'nothing new'}.`);
      case 'failed':
        return textReply(`The digest could not be posted in ${where}: ${result.error ?? 'unknown error'}. See /digest status.`, { tone: 'error' });
    }
  },
} satisfies Command;
