import { BriefbotError } from '../src/core/errors.js';
import { moderationUnavailable, revisionReply } from '../src/core/render/moderation-replies.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'briefing',
    subcommand: 'add',
    description: 'Add a briefing from a .md or .txt file',
    permission: 'moderator',
    options: [{ name: 'file', description: 'Path of a .md or .txt file (shell only); elsewhere attach the file', type: 'string', rest: true, maxLength: 1000 }],
  },
  async execute(ctx, args) {
    const moderation = ctx.services.moderation;
    if (!moderation) throw moderationUnavailable();
    const attachment = ctx.attachments[0];
    const path = typeof args.file === 'string' ? args.file : undefined;
    if (!attachment && !path) {
      const how = ctx.actor.platform === 'shell' ? 'Give the path of a .md or .txt file: /briefing add <path>' : 'Attach a .md or .txt file to the command';
      throw new BriefbotError('BAD_ARGUMENTS', `${how}. A .md file has front-matter; a .txt file's first line is its title.`);
    }
    const briefing = await moderation.readSubmission(attachment ? { attachment } : { path: path as string }, ctx.actor);
    return revisionReply(await moderation.add(briefing, ctx.actor));
  },
} satisfies Command;
