import type { Briefing } from '../core/briefing/briefing.js';
import type { BriefingForm, SubmittedFile } from '../core/briefing/briefing-form.js';
import type { PlatformName } from '../core/commands/command-data.js';
import type { AuditEntry, AuditFilter, RevisionAction } from './audit.js';

export type { AuditAction, AuditEntry, AuditFilter, RevisionAction } from './audit.js';

/** Who asks for a change: the command's Actor has this shape (kept here so the ports do not import each other). */
export interface ActingUser {
  platform: PlatformName;
  userId: string;
  userName: string;
  isModerator: boolean;
}

/** One revision in a history. Revision 0 of a file briefing is the file itself: platform "file", user its path. */
export interface EditOptions {
  /** The revision the change was made from (what the edit form or the history showed). */
  basedOn?: number;
}

export interface RevisionInfo {
  slug: string;
  revision: number;
  action: RevisionAction;
  platform: string;
  userId: string;
  userName: string;
  at: Date;
  /** What changed, for people: "title changed; body +120/-30 characters". */
  change: string;
  /** True when this revision's text is the briefing's text now, so reverting to it would change nothing. */
  sameAsCurrent?: boolean;
}

export type { BriefingForm } from '../core/briefing/briefing-form.js';

/**
 * Changes to the library. Every call checks permission itself, writes a revision and an audit
 * entry in one transaction, and fails with a typed BriefbotError (FORBIDDEN, SLUG_TAKEN,
 * DUPLICATE_CONTENT, NOT_FOUND, INVALID_BRIEFING, TOO_LARGE, CONFLICT) that changes nothing.
 */
export interface ModerationPort {
  add(briefing: Briefing, actor: ActingUser): Promise<RevisionInfo>;
  /** With `basedOn`, refused (CONFLICT) unless the briefing is still at that revision: the editor saw every change. */
  edit(slug: string, briefing: Briefing, actor: ActingUser, options?: EditOptions): Promise<RevisionInfo>;
  remove(slug: string, actor: ActingUser): Promise<RevisionInfo>;
  restore(slug: string, actor: ActingUser): Promise<RevisionInfo>;
  /** Makes the text of `revision` current again, as a new revision; 0 is the file's text. */
  /** The removed briefings (slug and title), which only restore can reach. */
  removedBriefings(): Promise<{ slug: string; title: string }[]>;
  /** With `basedOn`, refused (CONFLICT) unless the briefing is still at that revision (a history button pressed late). */
  revert(slug: string, revision: number, actor: ActingUser, options?: EditOptions): Promise<RevisionInfo>;
  /** Oldest first; a file briefing starts with revision 0, the file's text. */
  history(slug: string): Promise<RevisionInfo[]>;
  /** The Markdown file, front-matter and body, of the current text (archived too). */
  exportMarkdown(slug: string): Promise<string>;
  /**
   * The terminal shell only: writes the export to a new file on the local disk (a chat reply
   * may rewrap long lines). Never overwrites. Returns the path written.
   */
  exportToFile?(slug: string, path: string, actor: ActingUser): Promise<string>;
  audit(filter: AuditFilter): Promise<AuditEntry[]>;
  /**
   * Reads a submission: an attachment, or on the shell only a local path, into a briefing with the
   * same validation everywhere (.md with front-matter, or .txt whose first line is the title).
   * `slug`, when given (edit), is the briefing's slug and the file may not name another.
   */
  readSubmission(source: { attachment: SubmittedFile } | { path: string }, actor: ActingUser, slug?: string): Promise<Briefing>;
  /** Validates form fields (modals) into a briefing, by the same rules as files. */
  fromForm(form: BriefingForm, slug?: string): Briefing;
}
