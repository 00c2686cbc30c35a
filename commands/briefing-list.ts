import type { Action } from '../src/core/render/document.js';
import { typedTag } from '../src/core/briefing/briefing-form.js';
import { asWord } from '../src/core/commands/parse-command-line.js';
import { subtitleOf } from '../src/core/render/briefing-card.js';
import type { Command } from '../src/ports/command.js';

const PAGE_SIZE = 10;

export default {
  data: {
    name: 'briefing',
    subcommand: 'list',
    description: 'List the briefings, newest first, optionally with one tag',
    permission: 'everyone',
    options: [
      { name: 'tag', description: 'Only briefings with this tag', type: 'string', maxLength: 40, rest: true },
      { name: 'page', description: 'Page number', type: 'integer', minValue: 1, maxValue: 100_000 },
    ],
  },
  async execute(ctx, args) {
    let tag = typeof args.tag === 'string' ? typedTag(args.tag).toLowerCase() || undefined : undefined;
    let wantedPage = args.page;
    const all = await ctx.library.list();
    // A lone number ("/briefing list 2", the Next button's own line) is the page, unless a briefing has it as a tag.
    if (tag === undefined && typeof wantedPage === 'number' && all.some((e) => e.briefing.tags.includes(String(wantedPage)))) {
      tag = String(wantedPage);
      wantedPage = undefined;
    }
    const entries = tag ? all.filter((e) => e.briefing.tags.includes(tag)) : all;
    const pages = Math.max(1, Math.ceil(entries.length / PAGE_SIZE));
    const page = Math.min(Math.max(1, Number(wantedPage ?? 1)), pages);
    const shown = entries.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    const base = `/briefing list${tag ? ` ${asWord(tag)}` : ''}`;
    const actions: Action[] = [];
    if (page > 1) actions.push({ label: '◀ Previous', command: `${base} ${page - 1}` });
    if (page < pages) actions.push({ label: 'Next ▶', command: `${base} ${page + 1}` });
    const title = tag ? `Briefings tagged "${tag}"` : 'Briefings';
    if (shown.length === 0) {
      const text = tag ? `No briefings are tagged "${tag}".` : 'The library is empty. Moderators can add a briefing with /briefing add.';
      return { title, sections: [{ blocks: [{ kind: 'text', text }] }], actions: [], visibility: 'private' };
    }
    return {
      title,
      sections: [
        {
          blocks: [
            {
              kind: 'fields',
              fields: shown.map((e) => ({
                label: `${e.briefing.title}`,
                value: [e.briefing.slug, subtitleOf(e.briefing), e.briefing.tags.length ? `#${e.briefing.tags.join(' #')}` : undefined]
                  .filter(Boolean)
                  .join(' · '),
              })),
            },
          ],
        },
      ],
      actions,
      footer: `Page ${page} of ${pages} · ${entries.length} briefing${entries.length === 1 ? '' : 's'} · open one with /briefing <slug>`,
      visibility: 'private',
    };
  },
} satisfies Command;
