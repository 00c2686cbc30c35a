import { BriefbotError } from '../errors.js';
import { type Action, pageNote, type ReplyDocument } from './document.js';

/** A revision as the moderation replies show it (the port's RevisionInfo has this shape). */
export interface RevisionView {
  slug: string;
  revision: number;
  action: string;
  platform: string;
  userId: string;
  userName: string;
  at: Date;
  change: string;
  sameAsCurrent?: boolean;
}

/** "2026-11-29 09:10 UTC": the same on every platform and replica, whatever the server's zone. */
export function formatUtc(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function who(r: RevisionView): string {
  if (r.platform === 'file') return r.userName;
  return r.userName === r.userId ? `${r.userName} (${r.platform})` : `${r.userName} (${r.platform} ${r.userId})`;
}

/** The error for a deployment without a store. */
export function moderationUnavailable(): BriefbotError {
  return new BriefbotError('UNAVAILABLE', 'Changing the library is not available here (no store is configured). Nothing was changed.');
}

const HEADLINES: Record<string, (slug: string, revision: number) => string> = {
  add: (s, n) => `Added "${s}" (revision ${n})`,
  edit: (s, n) => `Saved "${s}" as revision ${n}`,
  remove: (s, n) => `Removed "${s}" (revision ${n})`,
  restore: (s, n) => `Restored "${s}" (revision ${n})`,
  revert: (s, n) => `Reverted "${s}" (now revision ${n})`,
};

/** The confirmation of a committed change, with the next useful commands. */
export function revisionReply(r: RevisionView): ReplyDocument {
  const actions: Action[] =
    r.action === 'remove'
      ? [{ label: 'Undo (restore)', command: `/briefing restore ${r.slug}`, style: 'primary' }]
      : [
          { label: 'Open', command: `/briefing ${r.slug}`, style: 'primary' },
          { label: 'History', command: `/briefing history ${r.slug}` },
        ];
  // A removal's change already says it is hidden and how to bring it back ("removed (hidden; /briefing restore ...)").
  return {
    title: (HEADLINES[r.action] ?? HEADLINES.edit!)(r.slug, r.revision),
    sections: [{ blocks: [{ kind: 'text', text: r.change }] }],
    actions,
    footer: `${who(r)} · ${formatUtc(r.at)}`,
    visibility: 'private',
  };
}

// Discord shows at most 25 fields in an embed.
export const HISTORY_PAGE_SIZE = 25;

/** A briefing's revisions, newest first, a page at a time: who, when, what changed. */
export function historyReply(slug: string, revisions: readonly RevisionView[], canRevert: boolean, page = 1): ReplyDocument {
  const newest = [...revisions].reverse();
  const pages = Math.max(1, Math.ceil(newest.length / HISTORY_PAGE_SIZE));
  const p = Math.min(Math.max(1, page), pages);
  const shown = newest.slice((p - 1) * HISTORY_PAGE_SIZE, p * HISTORY_PAGE_SIZE);
  const current = newest[0]?.revision;
  const pager: Action[] = [];
  if (p > 1) pager.push({ label: '◀ Previous', command: `/briefing history ${slug} ${p - 1}` });
  if (p < pages) pager.push({ label: 'Next ▶', command: `/briefing history ${slug} ${p + 1}` });
  // A removed briefing takes no revert (restore it first): its moderators are offered the restore.
  const removed = newest[0]?.action === 'remove';
  const restore: Action[] = removed && canRevert ? [{ label: 'Restore', command: `/briefing restore ${slug}`, style: 'primary' }] : [];
  const reverts: Action[] = canRevert && !removed
    ? shown
        // A revision whose text is current would only answer "Nothing was changed".
        .filter((r) => r.revision !== current && r.action !== 'remove' && !r.sameAsCurrent)
        .slice(0, 3)
        // "from": a button pressed after someone else's change is refused rather than silently undoing it.
        .map((r) => ({ label: `Revert to r${r.revision}`, command: `/briefing revert ${slug} ${r.revision} from ${current}`, style: 'secondary' as const }))
    : [];
  const paging = page > pages ? ` · ${pageNote(page, p, pages)}` : pages > 1 ? ` · page ${p} of ${pages}` : '';
  return {
    title: `History of "${slug}"`,
    sections: [
      {
        blocks: [
          {
            kind: 'fields',
            fields: shown.map((r) => ({
              label: `r${r.revision}${r.revision === current ? ' (current)' : ''} · ${r.action} · ${formatUtc(r.at)} · ${who(r)}`,
              value: r.change,
            })),
          },
        ],
      },
    ],
    actions: [...pager, ...restore, ...reverts],
    footer: `${newest.length} revision${newest.length === 1 ? '' : 's'}${paging} · ${
      removed ? `removed: a moderator's /briefing restore ${slug} brings it back, and then any revision can be reverted to` : `/briefing revert ${slug} <revision> brings an old text back`
    }`,
    visibility: 'private',
  };
}

/** The Markdown file of a briefing, to copy or save. */
export function exportReply(slug: string, markdown: string): ReplyDocument {
  return {
    title: `${slug}.md`,
    sections: [{ blocks: [{ kind: 'text', text: markdown }] }],
    actions: [],
    footer: 'Front-matter and text, as a file in briefings/ holds them.',
    visibility: 'private',
  };
}
