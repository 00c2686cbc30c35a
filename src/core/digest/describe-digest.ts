import { type Action, type ChannelLine, documentText, pageNote, type ReplyDocument } from '../render/document.js';
import { describeDays } from './schedule-input.js';
import { formatLocal, formatTimeOfDay } from './slots.js';

/** A subscription as the replies show it (the store's subscriptions fit this shape). */
export interface SubscriptionView {
  platform: string;
  channelId: string;
  minuteOfDay: number;
  timeZone: string;
  days: readonly number[];
  tags: readonly string[];
  style: 'compact' | 'full';
  noteWhenEmpty: boolean;
  createdBy: string;
  pausedAt?: Date;
  pausedReason?: string;
}

export interface DeliveryView {
  slotAt: Date;
  manual: boolean;
  status: 'claimed' | 'delivered' | 'late' | 'failed' | 'skipped';
  items?: number;
  error?: string;
  finishedAt?: Date;
}

/** One audit entry about a channel's digest. */
export interface DigestChangeView {
  at: Date;
  action: 'digest-subscribe' | 'digest-unsubscribe' | 'digest-send-now';
  userName: string;
  change: string;
}

export interface StatusView {
  subscription: SubscriptionView;
  nextRun?: Date;
  lastDelivery?: DeliveryView;
  lastError?: { at: Date; error: string };
  /** Newest first. */
  changes?: readonly DigestChangeView[];
}

const CHANGE_VERBS: Record<DigestChangeView['action'], string> = {
  'digest-subscribe': 'Subscribed',
  'digest-unsubscribe': 'Unsubscribed',
  'digest-send-now': 'Sent on request',
};

/** How describeSubscriptionChange begins the change of a channel that had no digest, and of one subscribed again as it was. */
const NEW_SUBSCRIPTION = 'new: ';
const SAME_SUBSCRIPTION = 'unchanged: ';

/**
 * "Subscribed by sam, Mon 30 Nov 2026, 08:00 (Europe/London): new: 08:00 ...", or "Changed by"
 * for a subscribe that replaced a digest the channel had ("time 07:00 → 08:00").
 */
export function describeDigestChange(c: DigestChangeView, timeZone: string): string {
  const resubscribed = c.action === 'digest-subscribe' && c.change.startsWith(SAME_SUBSCRIPTION);
  const verb = resubscribed ? 'Subscribed again' : c.action === 'digest-subscribe' && !c.change.startsWith(NEW_SUBSCRIPTION) ? 'Changed' : CHANGE_VERBS[c.action];
  return `${verb} by ${c.userName}, ${formatLocal(c.at.getTime(), timeZone)}: ${c.change}`;
}

/** "channel C123", "the shell": plain text, since renderers escape mention syntax. */
export function channelName(platform: string, channelId: string): string {
  if (platform === 'shell') return channelId === 'shell' ? 'the shell' : `shell channel ${channelId}`;
  return `channel ${channelId}`;
}

/** A line about a subscription's channel, which Discord and Slack link by its id (so readers see its name). */
function channelLine(s: SubscriptionView, text: string): ChannelLine {
  return { platform: s.platform, channelId: s.channelId, name: channelName(s.platform, s.channelId), text };
}

/** "08:00 Europe/London, weekdays · #asia · compact". */
export function describeSchedule(s: SubscriptionView): string {
  const parts = [`${formatTimeOfDay(s.minuteOfDay)} ${s.timeZone}`, describeDays(s.days)];
  if (s.tags.length) parts.push(`#${s.tags.join(' #')}`);
  parts.push(s.style);
  if (s.noteWhenEmpty) parts.push('note when empty');
  return parts.join(' · ');
}

const tagList = (tags: readonly string[]) => (tags.length ? `#${tags.join(' #')}` : 'none');

/**
 * What a subscribe did, for the audit log: the whole schedule when the channel had none ("new:
 * 08:00 Europe/London · weekdays · compact"), else each setting that changed ("time 07:00 → 08:00;
 * zone UTC → Asia/Seoul"), or "unchanged".
 */
export function describeSubscriptionChange(before: SubscriptionView | undefined, after: SubscriptionView): string {
  if (!before) return `${NEW_SUBSCRIPTION}${describeSchedule(after)}`;
  const changes: string[] = [];
  const compare = (what: string, from: string, to: string) => {
    if (from !== to) changes.push(`${what} ${from} → ${to}`);
  };
  compare('time', formatTimeOfDay(before.minuteOfDay), formatTimeOfDay(after.minuteOfDay));
  compare('zone', before.timeZone, after.timeZone);
  compare('days', describeDays(before.days), describeDays(after.days));
  compare('tags', tagList(before.tags), tagList(after.tags));
  compare('style', before.style, after.style);
  compare('note when empty', before.noteWhenEmpty ? 'on' : 'off', after.noteWhenEmpty ? 'on' : 'off');
  if (before.pausedAt) changes.push(`resumed (was paused: ${before.pausedReason ?? 'unknown reason'})`);
  return changes.length ? changes.join('; ') : `${SAME_SUBSCRIPTION}${describeSchedule(after)}`;
}

/** An unsubscribe, for the audit log: the schedule that stopped. */
export function describeSubscriptionRemoval(before: SubscriptionView): string {
  return `stopped: ${describeSchedule(before)}`;
}

/** A /digest send-now, for the audit log; its outcome is in the delivery ledger (/digest status). */
export const SEND_NOW_CHANGE = 'asked to post the digest now, outside the schedule';

export function describeOutcome(d: DeliveryView, timeZone: string): string {
  const when = formatLocal(d.slotAt.getTime(), timeZone);
  const what = d.manual ? 'sent on request' : 'scheduled';
  switch (d.status) {
    case 'delivered':
      return `${when}: delivered (${what}, ${d.items ?? 0} briefing${d.items === 1 ? '' : 's'})`;
    case 'late':
      return `${when}: delivered late after a restart (${d.items ?? 0} briefing${d.items === 1 ? '' : 's'})`;
    case 'skipped':
      return `${when}: nothing posted — ${d.error ?? 'skipped'}`;
    case 'failed':
      return `${when}: failed — ${d.error ?? 'unknown error'}`;
    case 'claimed':
      return `${when}: being delivered now`;
  }
}

/** The reply to a subscribe; `tagNote` warns of tags no briefing has (see unmatchedTagsNote). */
export function subscribedReply(s: SubscriptionView, created: boolean, nextRun: Date | undefined, tagNote?: string): ReplyDocument {
  const where = channelName(s.platform, s.channelId);
  const next = nextRun ? `Next digest: ${formatLocal(nextRun.getTime(), s.timeZone)}.` : 'No digest is scheduled: the days list is empty.';
  return {
    title: created ? 'Digest subscribed' : 'Digest updated',
    sections: [
      {
        blocks: [
          { kind: 'text', text: `${where} gets a digest of new briefings at ${describeSchedule(s)}.` },
          ...(tagNote ? [{ kind: 'text' as const, text: tagNote }] : []),
          { kind: 'context', text: next },
        ],
      },
    ],
    actions: [
      { label: 'Preview', command: '/digest preview' },
      { label: 'Status', command: '/digest status' },
    ],
    visibility: 'public',
  };
}

/** Subscriptions a /digest list page shows at most: Discord held 25 in an embed, and the rest were only counted. */
export const LIST_PAGE_SIZE = 20;
/** Subscriptions a /digest status page shows at most: each takes several lines. */
export const STATUS_PAGE_SIZE = 10;
/**
 * Characters of text a page holds at most: Discord shows a reply's text in one embed description
 * of 4,096 characters (escaping and bullets add some); Slack's sections hold far more.
 */
const PAGE_CHARS = 3500;

/**
 * Items split into pages of at most `size` items and PAGE_CHARS characters, in order; an item
 * longer than a page has a page to itself (the renderer shortens it).
 */
export function pagesOf<T>(items: readonly T[], size: number, charsOf: (item: T) => number): T[][] {
  const pages: T[][] = [];
  let page: T[] = [];
  let chars = 0;
  for (const item of items) {
    const n = charsOf(item);
    if (page.length > 0 && (page.length >= size || chars + n > PAGE_CHARS)) {
      pages.push(page);
      page = [];
      chars = 0;
    }
    page.push(item);
    chars += n;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/** Previous and Next for a paged reply whose page N is `${command} N`. */
function pager(command: string, p: number, pages: number): Action[] {
  const out: Action[] = [];
  if (p > 1) out.push({ label: '◀ Previous', command: `${command} ${p - 1}` });
  if (p < pages) out.push({ label: 'Next ▶', command: `${command} ${p + 1}` });
  return out;
}

export function listReply(subs: readonly SubscriptionView[], page = 1): ReplyDocument {
  if (subs.length === 0) {
    return {
      title: 'Digests',
      sections: [{ blocks: [{ kind: 'text', text: 'No channel here subscribes to a digest. A moderator can start one with /digest subscribe at 08:00 tz Europe/London.' }] }],
      actions: [],
      visibility: 'private',
    };
  }
  const lineOf = (s: SubscriptionView) => channelLine(s, `${describeSchedule(s)}${s.pausedAt ? ` · PAUSED: ${s.pausedReason ?? ''}` : ''} · by ${s.createdBy}`);
  const paged = pagesOf(subs.map(lineOf), LIST_PAGE_SIZE, (c) => c.name.length + c.text.length + 8);
  const pages = paged.length;
  const p = Math.min(Math.max(1, page), pages);
  const shown = paged[p - 1] ?? [];
  const where = pageNote(page, p, pages);
  return {
    title: 'Digests',
    sections: [
      {
        blocks: [
          { kind: 'channels', items: shown },
        ],
      },
    ],
    actions: [...pager('/digest list', p, pages), { label: 'Status', command: '/digest status' }],
    footer: `${subs.length} subscription${subs.length === 1 ? '' : 's'}${where ? ` · ${where}` : ''}`,
    visibility: 'private',
  };
}

/**
 * /digest status, a page at a time (ten subscriptions at most, fewer when their lines are long):
 * beyond about fifteen, one message had to shorten them and attach the rest as a file.
 */
export function statusReply(rows: readonly StatusView[], page = 1): ReplyDocument {
  if (rows.length === 0) return { ...listReply([]), title: 'Digest status' };
  const sections = rows.map((r) => {
      const s = r.subscription;
      const lines: string[] = [];
      if (s.pausedAt) lines.push(`Paused since ${formatLocal(s.pausedAt.getTime(), s.timeZone)}: ${s.pausedReason ?? 'unknown reason'}. Subscribe again to resume.`);
      else lines.push(r.nextRun ? `Next run: ${formatLocal(r.nextRun.getTime(), s.timeZone)}` : 'Next run: none (no days selected)');
      lines.push(r.lastDelivery ? `Last: ${describeOutcome(r.lastDelivery, s.timeZone)}` : 'Last: no digest yet');
      if (r.lastError) lines.push(`Last error: ${formatLocal(r.lastError.at.getTime(), s.timeZone)} — ${r.lastError.error}`);
      for (const c of r.changes ?? []) lines.push(describeDigestChange(c, s.timeZone));
      return { blocks: [{ kind: 'channels' as const, items: [channelLine(s, describeSchedule(s))] }, { kind: 'list' as const, items: lines }] };
  });
  const paged = pagesOf(sections, STATUS_PAGE_SIZE, (section) => documentText({ sections: [section], actions: [], visibility: 'private' }).length + 10);
  const pages = paged.length;
  const p = Math.min(Math.max(1, page), pages);
  const where = pageNote(page, p, pages);
  return {
    title: 'Digest status',
    sections: paged[p - 1] ?? [],
    actions: pager('/digest status', p, pages),
    ...(where && { footer: `${rows.length} subscription${rows.length === 1 ? '' : 's'} · ${where}` }),
    visibility: 'private',
  };
}
