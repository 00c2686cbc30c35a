import { buildHelp } from '../src/core/render/help.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'briefing',
    subcommand: 'help',
    description: 'How to use /briefing',
    permission: 'everyone',
    options: [],
  },
  async execute(ctx) {
    return buildHelp(ctx.commands, 'briefing');
  },
} satisfies Command;
