/** Who did something, as the audit log records it. */
export interface AuditAuthor {
  platform: string;
  userId: string;
  userName: string;
}

/** A change to a briefing; each one is also a revision. */
export type RevisionAction = 'add' | 'edit' | 'remove' | 'restore' | 'revert';

/** A change to a channel's digest: subscribed (created or replaced), unsubscribed, or posted on request. */
export type DigestAuditAction = 'digest-subscribe' | 'digest-unsubscribe' | 'digest-send-now';

export type AuditAction = RevisionAction | DigestAuditAction;

interface AuditEntryBase extends AuditAuthor {
  id: number;
  at: Date;
}

export interface RevisionAuditEntry extends AuditEntryBase {
  action: RevisionAction;
  slug: string;
  revision: number;
}

export interface DigestAuditEntry extends AuditEntryBase {
  action: DigestAuditAction;
  channelId: string;
  /** What changed, for people: "time 07:00 → 08:00; zone UTC → Asia/Seoul". */
  change: string;
}

/** One line of the audit log: a briefing revision, or a change to a digest. */
export type AuditEntry = RevisionAuditEntry | DigestAuditEntry;

/** A digest audit entry before the store gives it an id. */
export type NewDigestAuditEntry = Omit<DigestAuditEntry, 'id'>;

export interface AuditFilter {
  /** Only changes to this briefing. */
  slug?: string;
  /** Only changes to this channel's digest. */
  channelId?: string;
  since?: Date;
  /** Newest entries first; at most this many (default 100). */
  limit?: number;
}

const DIGEST_ACTIONS: ReadonlySet<string> = new Set<DigestAuditAction>(['digest-subscribe', 'digest-unsubscribe', 'digest-send-now']);

export function isDigestAuditAction(action: string): action is DigestAuditAction {
  return DIGEST_ACTIONS.has(action);
}

export function isDigestAuditEntry(entry: AuditEntry): entry is DigestAuditEntry {
  return isDigestAuditAction(entry.action);
}
