import { listReply } from '../src/core/digest/describe-digest.js';
import { digestsOf } from '../src/core/digest/digest-command-input.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'digest',
    subcommand: 'list',
    description: 'List the channels that get a daily digest, with their times and tags',
    permission: 'everyone',
    options: [{ name: 'page', description: 'Page number', type: 'integer', minValue: 1, maxValue: 10_000 }],
  },
  async execute(ctx, args) {
    return listReply(await digestsOf(ctx).list(ctx.channel), Number(args.page ?? 1));
  },
} satisfies Command;
