import { listReply } from '../src/core/digest/describe-digest.js';
import { digestsOf } from '../src/core/digest/digest-command-input.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'digest',
    subcommand: 'list',
    description: 'List the channels that get a daily digest, with their times and tags',
    permission: 'everyone',
    options: [],
  },
  async execute(ctx) {
    return listReply(await digestsOf(ctx).list(ctx.channel));
  },
} satisfies Command;
