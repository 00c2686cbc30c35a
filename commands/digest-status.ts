import { statusReply } from '../src/core/digest/describe-digest.js';
import { digestsOf } from '../src/core/digest/digest-command-input.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'digest',
    subcommand: 'status',
    description: 'Each digest: next run in its local time, last delivery and result, last error',
    permission: 'everyone',
    options: [{ name: 'page', description: 'Page number', type: 'integer', minValue: 1, maxValue: 10_000 }],
  },
  async execute(ctx, args) {
    return statusReply(await digestsOf(ctx).status(ctx.channel), Number(args.page ?? 1));
  },
} satisfies Command;
