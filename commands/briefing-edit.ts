import { BASED_ON_KEYWORD, BASED_ON_OPTION } from '../src/core/commands/command-data.js';
import { normaliseSlugInput } from '../src/core/briefing/find-briefing.js';
import { BriefbotError } from '../src/core/errors.js';
import { moderationUnavailable, revisionReply } from '../src/core/render/moderation-replies.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'briefing',
    subcommand: 'edit',
    description: 'Replace the text of a briefing, keeping every earlier revision',
    permission: 'moderator',
    options: [
      { name: 'slug', description: 'The briefing to change', type: 'string', required: true, autocomplete: 'briefing', maxLength: 64 },
      { name: 'file', description: 'Path of a .md or .txt file (shell only); elsewhere attach the file', type: 'string', rest: true, maxLength: 1000 },
      {
        name: BASED_ON_OPTION,
        description: 'The revision your text starts from (see history): refused if the briefing has changed since',
        type: 'integer',
        keyword: BASED_ON_KEYWORD,
        minValue: 0,
        maxValue: 1_000_000_000,
      },
    ],
  },
  async execute(ctx, args) {
    const moderation = ctx.services.moderation;
    if (!moderation) throw moderationUnavailable();
    const slug = normaliseSlugInput(String(args.slug ?? ''));
    const attachment = ctx.attachments[0];
    const path = typeof args.file === 'string' ? args.file : undefined;
    if (!attachment && !path) {
      const how = ctx.actor.platform === 'shell' ? `Give the path of the new text: /briefing edit ${slug} <path>` : 'Attach the new text as a .md or .txt file';
      throw new BriefbotError('BAD_ARGUMENTS', `${how}. /briefing export ${slug} gives the current file to start from.`);
    }
    const briefing = await moderation.readSubmission(attachment ? { attachment } : { path: path as string }, ctx.actor, slug);
    return revisionReply(await moderation.edit(slug, briefing, ctx.actor, typeof args[BASED_ON_OPTION] === 'number' ? { basedOn: args[BASED_ON_OPTION] } : {}));
  },
} satisfies Command;
