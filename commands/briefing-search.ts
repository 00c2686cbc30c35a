import { terms } from '../src/core/search/text-terms.js';
import type { Command } from '../src/ports/command.js';

const LIMIT = 10;

export default {
  data: {
    name: 'briefing',
    subcommand: 'search',
    description: 'Search the briefings by words in their title, tags and text',
    permission: 'everyone',
    options: [{ name: 'query', description: 'Words to look for', type: 'string', required: true, rest: true, maxLength: 500 }],
  },
  async execute(ctx, args) {
    const query = String(args.query ?? '').trim();
    const hits = await ctx.library.search(query, LIMIT);
    const title = `Search: ${query.length > 80 ? `${query.slice(0, 80)}…` : query}`;
    if (hits.length === 0) {
      // "No briefing matches" would be untrue of "the": it is simply not searched.
      const none =
        terms(query).length === 0
          ? `"${query.slice(0, 80)}" has no word to search for: common words such as "the" and "of", and punctuation, are left out. Try a name, a place or another word you expect in the story.`
          : 'No briefing matches those words. Try fewer or different words, or /briefing list.';
      return {
        title,
        sections: [{ blocks: [{ kind: 'text', text: none }] }],
        actions: [],
        visibility: 'private',
      };
    }
    return {
      title,
      sections: [{ blocks: [{ kind: 'fields', fields: hits.map((h) => ({ label: `${h.entry.briefing.title} (${h.entry.briefing.slug})`, value: h.snippet })) }] }],
      actions: hits.slice(0, 5).map((h) => ({ label: h.entry.briefing.slug, command: `/briefing ${h.entry.briefing.slug}` })),
      visibility: 'private',
    };
  },
} satisfies Command;
