import type { Generated } from 'kysely';

/**
 * The tables this module owns, as kysely sees them. Other features add their own tables with
 * their own migrations and widen the type with `db.withTables<...>()`.
 */
export interface StoreTables {
  /** The current state of each briefing the store knows: one row per slug, the head of its revisions. */
  briefings: BriefingsTable;
  /** Every revision ever written; never updated, never deleted. */
  briefing_revisions: BriefingRevisionsTable;
  audit_log: AuditLogTable;
  analysis_cache: AnalysisCacheTable;
  briefing_file_cache: BriefingFileCacheTable;
}

export type BriefingState = 'active' | 'archived';
/** Who owns the slug: a file in briefings/ (edits override it) or the store alone. */
export type SlugOrigin = 'file' | 'store';

export interface BriefingsTable {
  slug: string;
  origin: SlugOrigin;
  revision: number;
  state: BriefingState;
  /** The Briefing as JSON; null means "the file's text" (a file briefing never edited, or reverted to revision 0). */
  content: string | null;
  body_hash: string | null;
  /** ISO 8601 UTC; text sorts correctly and reads the same on SQLite and PostgreSQL. */
  created_at: string;
  updated_at: string;
}

export interface BriefingRevisionsTable {
  id: Generated<number>;
  slug: string;
  revision: number;
  action: string;
  state: BriefingState;
  content: string | null;
  body_hash: string | null;
  platform: string;
  user_id: string;
  user_name: string;
  at: string;
  change: string;
}

/** Who did what: briefing revisions (slug, revision) and, since migration 0006, digest changes (channel_id, change). */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  platform: string;
  user_id: string;
  user_name: string;
  action: string;
  slug: string | null;
  revision: number | null;
  channel_id: string | null;
  /** What changed, for people (digest entries). */
  change: string | null;
}

export interface AnalysisCacheTable {
  key: string;
  analysis: string;
  created_at: string;
}

export interface BriefingFileCacheTable {
  /** A hash of the parser's version, the size limit, the file's name and its bytes. */
  key: string;
  /** The parsed front-matter as JSON (a Briefing without its body). */
  front_matter: string;
  created_at: string;
}
