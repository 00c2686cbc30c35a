import { buildHelp } from '../src/core/render/help.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'briefing',
    subcommand: 'help',
    description: 'How to use /briefing',
    permission: 'everyone',
    options: [{ name: 'command', description: 'One /briefing command, e.g. list or add', type: 'string', maxLength: 40, rest: true }],
  },
  async execute(ctx, args) {
    return buildHelp(ctx.commands, typeof args.command === 'string' ? `briefing ${args.command}` : 'briefing');
  },
} satisfies Command;
