import type { Briefing } from '../core/briefing/briefing.js';
import type { AnalysisCache, ParsedFileCache } from './library.js';
import type { AuditAuthor, AuditEntry, AuditFilter, RevisionAction } from './audit.js';

export type StoredState = 'active' | 'archived';

/** The current state of one slug the store knows about. */
export interface StoredHead {
  slug: string;
  /** 'file': the slug belongs to a file in briefings/ that this head overrides. */
  origin: 'file' | 'store';
  revision: number;
  state: StoredState;
  /** The text of this revision; null means "the file's text" (origin 'file' only). */
  briefing: Briefing | null;
  bodyHash: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One revision, as written; revisions are never updated or deleted. */
export interface StoredRevision {
  /** Global, increasing id: the store's version is the largest. */
  id: number;
  slug: string;
  revision: number;
  action: RevisionAction;
  state: StoredState;
  briefing: Briefing | null;
  bodyHash: string | null;
  platform: string;
  userId: string;
  userName: string;
  at: Date;
  change: string;
}

/** Who made a change, as the audit log records it. */
export type ChangeAuthor = AuditAuthor;

/** A new revision for one slug, committed with its audit entry in one transaction. */
export interface ChangeRequest {
  slug: string;
  origin: 'file' | 'store';
  /** The head revision this change was computed from; 0 when the store has no head yet. */
  basedOn: number;
  action: RevisionAction;
  state: StoredState;
  briefing: Briefing | null;
  bodyHash: string | null;
  author: ChangeAuthor;
  at: Date;
  change: string;
}

/**
 * Where moderators' briefings, their revisions and the audit log live (SQLite, PostgreSQL, or
 * memory in tests). It enforces integrity, not policy: permission and validation are the
 * moderation service's. It also keeps the analysis cache and the parsed-file cache.
 */
export interface BriefingStore extends AnalysisCache, ParsedFileCache {
  /** A cheap token that changes with every committed change (the largest revision id). */
  version(): Promise<string>;
  heads(): Promise<StoredHead[]>;
  head(slug: string): Promise<StoredHead | undefined>;
  /** Heads (any state) whose current body has this hash. */
  headsWithBodyHash(hash: string): Promise<StoredHead[]>;
  /**
   * Writes the revision `basedOn + 1`, moves the head and appends the audit entry, all or nothing.
   * Fails with CONFLICT when the head is no longer at `basedOn` (another change got there first).
   */
  commit(change: ChangeRequest): Promise<StoredRevision>;
  /** Oldest first. */
  revisions(slug: string): Promise<StoredRevision[]>;
  revision(slug: string, revision: number): Promise<StoredRevision | undefined>;
  /** Newest first: briefing changes, and digest changes written by the digest store on the same database. */
  audit(filter: AuditFilter): Promise<AuditEntry[]>;
  close(): Promise<void>;
}
