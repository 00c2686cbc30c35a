import { buildHelp } from '../src/core/render/help.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'help',
    description: 'What briefbot can do',
    permission: 'everyone',
    options: [{ name: 'command', description: 'A command family or one command, e.g. briefing or digest subscribe', type: 'string', maxLength: 40, rest: true, namesCommand: true }],
  },
  async execute(ctx, args) {
    return buildHelp(ctx.commands, typeof args.command === 'string' ? args.command : undefined);
  },
} satisfies Command;
