import { subscribedReply } from '../src/core/digest/describe-digest.js';
import { unmatchedTagsNote } from '../src/core/digest/unmatched-tags.js';
import { parseDays, parseTags, parseTime, parseTimeZone } from '../src/core/digest/schedule-input.js';
import type { Command } from '../src/ports/command.js';
import { digestsOf, targetChannel } from '../src/core/digest/digest-command-input.js';

export default {
  data: {
    name: 'digest',
    subcommand: 'subscribe',
    description: 'Post a daily digest of new briefings in a channel at a local time',
    permission: 'moderator',
    options: [
      { name: 'channel', description: 'The channel (default: this one)', type: 'string', maxLength: 100, namesChannel: true },
      { name: 'at', description: 'Local time, HH:MM on a 24-hour clock', type: 'string', keyword: 'at', required: true, maxLength: 5 },
      { name: 'tz', description: 'IANA time zone, e.g. Europe/London (default UTC)', type: 'string', keyword: 'tz', autocomplete: 'time-zone', maxLength: 64 },
      { name: 'days', description: 'daily, weekdays, or days like mon,wed,fri', type: 'string', keyword: 'days', maxLength: 60 },
      { name: 'tags', description: 'Only briefings with one of these tags: t1,t2', type: 'string', keyword: 'tags', maxLength: 200 },
      { name: 'style', description: 'compact (one line each) or full (TL;DR and top quote)', type: 'string', keyword: 'style', choices: ['compact', 'full'] },
      { name: 'note', description: 'Post a one-line note when nothing is new', type: 'boolean' },
    ],
  },
  async execute(ctx, args) {
    const digests = digestsOf(ctx);
    const minuteOfDay = parseTime(String(args.at ?? ''));
    const timeZone = parseTimeZone(typeof args.tz === 'string' ? args.tz : 'UTC');
    const days = parseDays(typeof args.days === 'string' ? args.days : 'daily');
    const tags = typeof args.tags === 'string' ? parseTags(args.tags) : [];
    const channel = targetChannel(ctx, args.channel);
    const style = args.style === 'full' ? 'full' : 'compact';
    const { subscription, created, nextRun } = await digests.subscribe(
      { channel, minuteOfDay, timeZone, days, tags, style, noteWhenEmpty: args.note === true },
      ctx.actor,
    );
    const tagNote = tags.length ? unmatchedTagsNote(tags, (await ctx.library.list()).flatMap((e) => e.briefing.tags)) : undefined;
    return subscribedReply(subscription, created, nextRun, tagNote);
  },
} satisfies Command;
