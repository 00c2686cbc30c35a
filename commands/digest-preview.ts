import { digestsOf, targetChannel } from '../src/core/digest/digest-command-input.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'digest',
    subcommand: 'preview',
    description: "Show only you what a channel's digest would post now",
    permission: 'everyone',
    options: [{ name: 'channel', description: 'The channel (default: this one)', type: 'string', maxLength: 100, namesChannel: true }],
  },
  async execute(ctx, args) {
    const doc = await digestsOf(ctx).preview(targetChannel(ctx, args.channel));
    return { ...doc, visibility: 'private' };
  },
} satisfies Command;
