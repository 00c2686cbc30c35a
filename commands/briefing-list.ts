import { type Action, pageNote } from '../src/core/render/document.js';
import { lookupTag } from '../src/core/briefing/briefing-form.js';
import { asWord } from '../src/core/commands/parse-command-line.js';
import { subtitleOf } from '../src/core/render/briefing-card.js';
import { type CommandData, usageOf } from '../src/core/commands/command-data.js';
import { BriefbotError } from '../src/core/errors.js';
import type { Command } from '../src/ports/command.js';

const PAGE_SIZE = 10;

const MAX_PAGE = 100_000;

const data = {
  name: 'briefing',
  subcommand: 'list',
  description: 'List the briefings, newest first, optionally with one tag',
  permission: 'everyone',
  options: [
    { name: 'tag', description: 'Only briefings with this tag', type: 'string', maxLength: 40, rest: true },
    { name: 'page', description: 'Page number', type: 'integer', minValue: 1, maxValue: MAX_PAGE },
  ],
} satisfies CommandData;

export default {
  data,
  async execute(ctx, args) {
    let tag = typeof args.tag === 'string' ? lookupTag(args.tag) || undefined : undefined;
    let wantedPage = args.page;
    const all = await ctx.library.list();
    // A lone number ("/briefing list 2", the Next button's own line) is the page, unless a briefing has it as a tag.
    if (tag === undefined && typeof wantedPage === 'number' && all.some((e) => e.briefing.tags.includes(String(wantedPage)))) {
      tag = String(wantedPage);
      wantedPage = undefined;
    }
    const entries = tag ? all.filter((e) => e.briefing.tags.includes(tag)) : all;
    // "/briefing list diplomacy 0": a page out of range is read as part of the tag by the grammar; when no
    // briefing has that tag, the number was plainly meant as the page.
    const outOfRange = tag !== undefined && entries.length === 0 ? /^(?:.*\S\s+)?([-+]?\d+)$/.exec(tag)?.[1] : undefined;
    if (outOfRange !== undefined && (Number(outOfRange) < 1 || Number(outOfRange) > MAX_PAGE)) {
      const range = Number(outOfRange) < 1 ? 'pages start at 1' : `at most ${MAX_PAGE}`;
      throw new BriefbotError('BAD_ARGUMENTS', `"${outOfRange.slice(0, 20)}" is not a valid page: ${range}.\nUsage: ${usageOf(data)}`);
    }
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
      footer: `${Number(wantedPage ?? 1) > pages ? `${pageNote(Number(wantedPage), page, pages)} ` : ''}Page ${page} of ${pages} · ${entries.length} briefing${entries.length === 1 ? '' : 's'} · open one with /briefing <slug>`,
      visibility: 'private',
    };
  },
} satisfies Command;
