import { normaliseSlugInput } from '../src/core/briefing/find-briefing.js';
import { BriefbotError } from '../src/core/errors.js';
import { textReply } from '../src/core/render/document.js';
import { exportReply, moderationUnavailable } from '../src/core/render/moderation-replies.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'briefing',
    subcommand: 'export',
    description: 'The Markdown file of a briefing, front-matter included',
    permission: 'everyone',
    options: [
      { name: 'slug', description: 'The briefing', type: 'string', required: true, autocomplete: 'briefing', maxLength: 64 },
      { name: 'path', description: 'Shell only: save it as this new file', type: 'string', keyword: 'to', maxLength: 1000 },
    ],
  },
  async execute(ctx, args) {
    const moderation = ctx.services.moderation;
    if (!moderation) throw moderationUnavailable();
    const slug = normaliseSlugInput(String(args.slug ?? ''));
    // Removed briefings are hidden from readers; moderators can still export them.
    if (!ctx.actor.isModerator && !(await ctx.library.get(slug))) {
      throw new BriefbotError('UNKNOWN_BRIEFING', `There is no briefing "${slug}". Try /briefing list.`);
    }
    if (typeof args.path === 'string') {
      if (!moderation.exportToFile || ctx.actor.platform !== 'shell') throw new BriefbotError('FORBIDDEN', 'Saving to a file only works in the terminal shell.');
      const written = await moderation.exportToFile(slug, args.path, ctx.actor);
      return textReply(`Saved "${slug}" as ${written}. Edit it and send it back with /briefing edit ${slug} ${written}.`, { title: `Exported "${slug}"` });
    }
    return exportReply(slug, await moderation.exportMarkdown(slug));
  },
} satisfies Command;
