import { buildHelp } from '../src/core/render/help.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'help',
    description: 'What briefbot can do',
    permission: 'everyone',
    options: [{ name: 'command', description: 'Only this command family, e.g. briefing', type: 'string', maxLength: 40 }],
  },
  async execute(ctx, args) {
    const family = typeof args.command === 'string' ? args.command.replace(/^\//, '').toLowerCase() : undefined;
    return buildHelp(ctx.commands, family);
  },
} satisfies Command;
