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
      {
        name: 'current',
        description: 'The revision the briefing was at when you chose: refused if it has changed since',
        type: 'integer',
        keyword: 'from',
        minValue: 0,
        maxValue: 1_000_000_000,
      },
    ],
  },
  async execute(ctx, args) {
    const moderation = ctx.services.moderation;
    if (!moderation) throw moderationUnavailable();
    const basedOn = typeof args.current === 'number' ? { basedOn: args.current } : {};
    return revisionReply(await moderation.revert(normaliseSlugInput(String(args.slug ?? '')), Number(args.revision), ctx.actor, basedOn));
  },
} satisfies Command;
