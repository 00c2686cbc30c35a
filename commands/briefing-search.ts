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
      return {
        title,
        sections: [{ blocks: [{ kind: 'text', text: 'No briefing matches those words. Try fewer or different words, or /briefing list.' }] }],
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
