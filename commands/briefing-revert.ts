import { normaliseSlugInput } from '../src/core/briefing/find-briefing.js';
import { moderationUnavailable, revisionReply } from '../src/core/render/moderation-replies.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'briefing',
    subcommand: 'revert',
    description: 'Make an earlier revision current again, as a new revision',
    permission: 'moderator',
    options: [
      { name: 'slug', description: 'The briefing', type: 'string', required: true, autocomplete: 'briefing', maxLength: 64 },
      { name: 'revision', description: 'The revision to bring back (0: the file in briefings/)', type: 'integer', required: true, minValue: 0, maxValue: 1_000_000_000 },
    ],
  },
  async execute(ctx, args) {
    const moderation = ctx.services.moderation;
    if (!moderation) throw moderationUnavailable();
    return revisionReply(await moderation.revert(normaliseSlugInput(String(args.slug ?? '')), Number(args.revision), ctx.actor));
  },
} satisfies Command;
