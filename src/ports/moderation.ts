import type { Briefing } from '../core/briefing/briefing.js';
import type { Actor } from './actor.js';

export type AuditAction = 'add' | 'edit' | 'remove' | 'restore' | 'revert';

export interface RevisionInfo {
  slug: string;
  revision: number;
  action: AuditAction;
  platform: string;
  userId: string;
  userName: string;
  at: Date;
  /** What changed, for people: "title changed; body +120/-30 characters". */
  change: string;
}

export interface AuditEntry {
  id: number;
  at: Date;
  platform: string;
  userId: string;
  userName: string;
  action: AuditAction;
  slug: string;
  revision: number;
}

/**
 * Changes to the library. Every call checks permission itself, writes a revision and an audit
 * entry in one transaction, and fails with a typed BriefbotError (FORBIDDEN, SLUG_TAKEN,
 * DUPLICATE_CONTENT, NOT_FOUND, INVALID_BRIEFING, TOO_LARGE) that changes nothing.
 */
export interface ModerationPort {
  add(briefing: Briefing, actor: Actor): Promise<RevisionInfo>;
  edit(slug: string, briefing: Briefing, actor: Actor): Promise<RevisionInfo>;
  remove(slug: string, actor: Actor): Promise<RevisionInfo>;
  restore(slug: string, actor: Actor): Promise<RevisionInfo>;
  revert(slug: string, revision: number, actor: Actor): Promise<RevisionInfo>;
  history(slug: string): Promise<RevisionInfo[]>;
  /** The Markdown file, front-matter and body, of the current text (archived too). */
  exportMarkdown(slug: string): Promise<string>;
  audit(filter: { slug?: string; since?: Date; limit?: number }): Promise<AuditEntry[]>;
}
