import { normaliseSlugInput } from '../src/core/briefing/find-briefing.js';
import { moderationUnavailable, revisionReply } from '../src/core/render/moderation-replies.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'briefing',
    subcommand: 'restore',
    description: 'Bring back a removed briefing',
    permission: 'moderator',
    options: [{ name: 'slug', description: 'The briefing', type: 'string', required: true, autocomplete: 'removed-briefing', maxLength: 64 }],
  },
  async execute(ctx, args) {
    const moderation = ctx.services.moderation;
    if (!moderation) throw moderationUnavailable();
    return revisionReply(await moderation.restore(normaliseSlugInput(String(args.slug ?? '')), ctx.actor));
  },
} satisfies Command;
