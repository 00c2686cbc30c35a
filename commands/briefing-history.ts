import { normaliseSlugInput } from '../src/core/briefing/find-briefing.js';
import { historyReply, moderationUnavailable } from '../src/core/render/moderation-replies.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'briefing',
    subcommand: 'history',
    description: 'The revisions of a briefing: who changed what, and when',
    permission: 'everyone',
    options: [
      { name: 'slug', description: 'The briefing', type: 'string', required: true, autocomplete: 'briefing', maxLength: 64 },
      { name: 'page', description: 'Page of a long history (newest first)', type: 'integer', minValue: 1, maxValue: 100_000 },
    ],
  },
  async execute(ctx, args) {
    const moderation = ctx.services.moderation;
    if (!moderation) throw moderationUnavailable();
    const slug = normaliseSlugInput(String(args.slug ?? ''));
    return historyReply(slug, await moderation.history(slug), ctx.actor.isModerator, Number(args.page ?? 1));
  },
} satisfies Command;
