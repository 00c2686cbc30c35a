import { statusReply } from '../src/core/digest/describe-digest.js';
import { digestsOf } from '../src/core/digest/digest-command-input.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'digest',
    subcommand: 'status',
    description: 'Each digest: next run in its local time, last delivery and result, last error',
    permission: 'everyone',
    options: [],
  },
  async execute(ctx) {
    return statusReply(await digestsOf(ctx).status(ctx.channel));
  },
} satisfies Command;
