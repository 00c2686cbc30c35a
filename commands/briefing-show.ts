import { BriefbotError } from '../src/core/errors.js';
import { unknownBriefingMessage } from '../src/core/briefing/find-briefing.js';
import { buildBriefingCard, CARD_SECTIONS, type CardSection } from '../src/core/render/briefing-card.js';
import type { Command } from '../src/ports/command.js';

export default {
  data: {
    name: 'briefing',
    description: 'Show a briefing: summary, key quotes with speakers and the issue breakdown',
    permission: 'everyone',
    options: [
      { name: 'topic', description: 'The briefing (its slug or title)', type: 'string', required: true, rest: true, autocomplete: 'briefing' },
      { name: 'section', description: 'One section only', type: 'string', choices: CARD_SECTIONS.filter((s) => s !== 'card') },
      { name: 'page', description: 'Page of a long section', type: 'integer', minValue: 1, maxValue: 10_000 },
      { name: 'public', description: 'Post the card for the whole channel', type: 'boolean' },
    ],
  },
  async execute(ctx, args) {
    const topic = String(args.topic ?? '');
    let found = await ctx.library.resolve(topic);
    let isPublic = args.public === true;
    // "public" is also a word of slugs and titles ("public-inquiry"): when the line took it for the
    // flag and the rest names nothing, it was part of the topic.
    if (found.kind === 'not-found' && isPublic) {
      for (const whole of [`public ${topic}`, `${topic} public`]) {
        const again = await ctx.library.resolve(whole);
        if (again.kind === 'found') {
          found = again;
          isPublic = false;
          break;
        }
      }
    }
    if (found.kind === 'not-found') throw new BriefbotError('UNKNOWN_BRIEFING', unknownBriefingMessage(topic, found.suggestions));
    const { entry } = found;
    const section = (args.section as CardSection | undefined) ?? 'card';
    const analysis = await ctx.library.analysisOf(entry);
    const card = buildBriefingCard({ briefing: entry.briefing, analysis, section, page: Number(args.page ?? 1), postToChannel: !isPublic });
    return isPublic ? { ...card, visibility: 'public' } : card;
  },
} satisfies Command;
