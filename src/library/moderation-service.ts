import type { Briefing } from '../core/briefing/briefing.js';
import { bodyHash } from '../core/briefing/body-hash.js';
import { type BriefingForm, briefingFromForm, parseSubmission, requireValid, type SubmittedFile } from '../core/briefing/briefing-form.js';
import { describeChange } from '../core/briefing/describe-change.js';
import { parseBriefing, serializeBriefing } from '../core/briefing/parse-briefing.js';
import { BriefbotError } from '../core/errors.js';
import type { BriefingStore, ChangeRequest, StoredHead, StoredRevision } from '../ports/briefing-store.js';
import type { Clock } from '../ports/clock.js';
import type { BriefingSource, LibraryEntry } from '../ports/library.js';
import type { ActingUser, AuditEntry, AuditFilter, EditOptions, ModerationPort, RevisionInfo } from '../ports/moderation.js';

export interface ModerationDeps {
  store: BriefingStore;
  /** The files in briefings/, whose slugs the store shares. */
  files: BriefingSource;
  clock: Clock;
  maxBodyBytes: number;
  /** Called after every committed change (the Library forgets its snapshot at once). */
  onChange?: () => void;
  /** Reads a shell user's file; absent where no shell runs. */
  readLocalFile?: (path: string, maxBytes: number) => Promise<Uint8Array>;
  /** Creates a new file for a shell user (never overwrites); absent where no shell runs. */
  writeLocalFile?: (path: string, content: string) => Promise<void>;
}

/** Where a slug stands now: its store head, its file, and the text readers see. */
interface Current {
  slug: string;
  head: StoredHead | undefined;
  file: LibraryEntry | undefined;
  /** The current text (archived too); undefined when the slug follows a file that is gone. */
  briefing: Briefing | undefined;
  archived: boolean;
  revision: number;
}

function toInfo(r: StoredRevision): RevisionInfo {
  return { slug: r.slug, revision: r.revision, action: r.action, platform: r.platform, userId: r.userId, userName: r.userName, at: r.at, change: r.change };
}

/**
 * Whether making `target` current (null: follow the file in briefings/) would leave the briefing
 * as it is: the same text, and following the file exactly when it does now.
 */
function revertChangesNothing(current: Current, target: Briefing | null): boolean {
  const targetText = target ?? current.file?.briefing;
  if (!targetText || !current.briefing) return false;
  return describeChange(current.briefing, targetText) === 'no change to the text' && (target === null) === (current.head?.briefing == null);
}

/**
 * The moderation rules on top of a BriefingStore: permission (again, behind the dispatcher),
 * validation, one slug space shared with the files, duplicate text, and one revision plus one
 * audit entry per change.
 */
export class ModerationService implements ModerationPort {
  private fileHashes: { version: string; bySlug: Map<string, string>; byHash: Map<string, string[]> } | undefined;

  constructor(private readonly deps: ModerationDeps) {}

  async add(input: Briefing, actor: ActingUser): Promise<RevisionInfo> {
    this.requireModerator(actor, 'add briefings');
    const briefing = this.revalidate(input);
    const current = await this.current(briefing.slug);
    if (current.file && !current.head) {
      throw new BriefbotError('SLUG_TAKEN', `"${briefing.slug}" is already a briefing (a file in briefings/). Choose another slug, or change it with /briefing edit ${briefing.slug}.`);
    }
    if (current.head) {
      const hint = current.archived ? `It was removed; bring it back with /briefing restore ${briefing.slug}` : `Change it with /briefing edit ${briefing.slug}`;
      throw new BriefbotError('SLUG_TAKEN', `"${briefing.slug}" is already taken. ${hint}, or choose another slug.`);
    }
    await this.refuseDuplicate(briefing, undefined);
    return this.commit(current, 'add', actor, { state: 'active', briefing, change: describeChange(undefined, briefing) });
  }

  async edit(slug: string, input: Briefing, actor: ActingUser, options: EditOptions = {}): Promise<RevisionInfo> {
    this.requireModerator(actor, 'edit briefings');
    const briefing = this.revalidate(input);
    if (briefing.slug !== slug) {
      throw new BriefbotError('INVALID_BRIEFING', `The new text names the slug "${briefing.slug}", but you are editing "${slug}". Slugs cannot be renamed; add it as a new briefing instead.`);
    }
    const current = await this.requireActive(slug, 'edit');
    await this.requireUnchanged(current, options.basedOn, 'your text starts from', 'edit the current text again');
    const change = current.briefing ? describeChange(current.briefing, briefing) : describeChange(undefined, briefing);
    if (current.briefing && change === 'no change to the text') {
      throw new BriefbotError('CONFLICT', `That is the text "${slug}" already has (revision ${current.revision}). Nothing was changed.`);
    }
    await this.refuseDuplicate(briefing, slug);
    return this.commit(current, 'edit', actor, { state: 'active', briefing, change });
  }

  async remove(slug: string, actor: ActingUser): Promise<RevisionInfo> {
    this.requireModerator(actor, 'remove briefings');
    const current = await this.requireActive(slug, 'remove');
    return this.commit(current, 'remove', actor, {
      state: 'archived',
      briefing: current.head?.briefing ?? null,
      change: `removed (hidden; /briefing restore ${slug} brings it back)`,
    });
  }

  async restore(slug: string, actor: ActingUser): Promise<RevisionInfo> {
    this.requireModerator(actor, 'restore briefings');
    const current = await this.current(slug);
    if (!current.head && !current.file) throw this.notFound(slug);
    if (!current.archived) throw new BriefbotError('CONFLICT', `"${slug}" is not removed; there is nothing to restore. Nothing was changed.`);
    const head = current.head as StoredHead;
    if (!head.briefing && !current.file) {
      throw new BriefbotError('NOT_FOUND', `"${slug}" followed the file briefings/${slug}.md, which is gone; restore the file, or add the text again.`);
    }
    return this.commit(current, 'restore', actor, { state: 'active', briefing: head.briefing, change: 'restored the text it had before it was removed' });
  }

  async revert(slug: string, revision: number, actor: ActingUser, options: EditOptions = {}): Promise<RevisionInfo> {
    this.requireModerator(actor, 'revert briefings');
    if (!Number.isInteger(revision) || revision < 0) throw new BriefbotError('BAD_ARGUMENTS', 'A revision is a whole number, 0 or more (see /briefing history).');
    const current = await this.requireActive(slug, 'revert');
    await this.requireUnchanged(current, options.basedOn, 'you chose the revert when it was at', 'choose again');
    let target: Briefing | null;
    if (revision === 0) {
      if (!current.file) {
        const why = current.head?.origin === 'store' ? 'it was added in chat, so its first revision is 1' : `the file briefings/${slug}.md is gone`;
        throw new BriefbotError('NOT_FOUND', `"${slug}" has no revision 0: ${why}.`);
      }
      target = null;
    } else {
      const stored = await this.deps.store.revision(slug, revision);
      if (!stored) throw new BriefbotError('NOT_FOUND', `"${slug}" has no revision ${revision}; it is at revision ${current.revision} (see /briefing history ${slug}).`);
      target = stored.briefing;
      if (target === null && !current.file) throw new BriefbotError('NOT_FOUND', `Revision ${revision} of "${slug}" is the text of briefings/${slug}.md, which is gone.`);
    }
    if (revision === current.revision) throw new BriefbotError('CONFLICT', `"${slug}" is already at revision ${revision}. Nothing was changed.`);
    const targetText = target ?? (current.file as LibraryEntry).briefing;
    const difference = current.briefing ? describeChange(current.briefing, targetText) : describeChange(undefined, targetText);
    if (revertChangesNothing(current, target)) {
      throw new BriefbotError('CONFLICT', `"${slug}" already has the text of revision ${revision}. Nothing was changed.`);
    }
    await this.refuseDuplicate(targetText, slug);
    return this.commit(current, 'revert', actor, { state: 'active', briefing: target, change: `reverted to revision ${revision}${revision === 0 ? ' (the file)' : ''}: ${difference}` });
  }

  async removedBriefings(): Promise<{ slug: string; title: string }[]> {
    const [heads, files] = await Promise.all([this.deps.store.heads(), this.deps.files.entries()]);
    const fileTitles = new Map(files.map((e) => [e.briefing.slug, e.briefing.title]));
    return heads.filter((h) => h.state === 'archived').flatMap((h) => {
      const title = h.briefing?.title ?? fileTitles.get(h.slug);
      return title === undefined ? [] : [{ slug: h.slug, title }];
    });
  }

  async history(slug: string): Promise<RevisionInfo[]> {
    const current = await this.current(slug);
    if (!current.head && !current.file) throw this.notFound(slug);
    const stored = (await this.deps.store.revisions(slug)).map((r) => ({ ...toInfo(r), sameAsCurrent: r.action !== 'remove' && revertChangesNothing(current, r.briefing) }));
    const fileOrigin = current.file !== undefined || current.head?.origin === 'file';
    if (!fileOrigin) return stored;
    const file = current.file;
    const zero: RevisionInfo = {
      slug,
      revision: 0,
      action: 'add',
      platform: 'file',
      userId: `briefings/${slug}.md`,
      userName: `briefings/${slug}.md`,
      at: file?.updatedAt ?? current.head?.createdAt ?? new Date(0),
      change: file ? 'the text of the file in briefings/' : 'the text of the file in briefings/ (the file is gone)',
      sameAsCurrent: file !== undefined && revertChangesNothing(current, null),
    };
    return [zero, ...stored];
  }

  async exportMarkdown(slug: string): Promise<string> {
    const current = await this.current(slug);
    if (!current.briefing) throw this.notFound(slug);
    return serializeBriefing(current.briefing);
  }

  async exportToFile(slug: string, path: string, actor: ActingUser): Promise<string> {
    // The server's disk is the shell user's own; from chat it is nobody's to write on.
    if (actor.platform !== 'shell' || !this.deps.writeLocalFile) {
      throw new BriefbotError('FORBIDDEN', 'Saving to a file only works in the terminal shell.');
    }
    const markdown = await this.exportMarkdown(slug);
    await this.deps.writeLocalFile(path, markdown);
    return path;
  }

  audit(filter: AuditFilter): Promise<AuditEntry[]> {
    return this.deps.store.audit(filter);
  }

  async readSubmission(source: { attachment: SubmittedFile } | { path: string }, actor: ActingUser, slug?: string): Promise<Briefing> {
    this.requireModerator(actor, 'submit briefings');
    const options = { maxBodyBytes: this.deps.maxBodyBytes, ...(slug !== undefined && { slug }) };
    if ('attachment' in source) return requireValid(parseSubmission(source.attachment, options));
    // A path is the shell user's own disk; from chat it would let anyone read the server's files.
    if (actor.platform !== 'shell' || !this.deps.readLocalFile) {
      throw new BriefbotError('FORBIDDEN', 'A file path only works in the terminal shell; attach the file instead.');
    }
    const content = await this.deps.readLocalFile(source.path, this.deps.maxBodyBytes * 4 + 64 * 1024);
    return requireValid(parseSubmission({ name: source.path, content }, options));
  }

  fromForm(form: BriefingForm, slug?: string): Briefing {
    return requireValid(briefingFromForm(form, { maxBodyBytes: this.deps.maxBodyBytes, ...(slug !== undefined && { slug }) }));
  }

  private requireModerator(actor: ActingUser, what: string): void {
    if (!actor.isModerator) throw new BriefbotError('FORBIDDEN', `Only moderators can ${what}. Nothing was changed.`);
  }

  /** Callers of the port may hand any object: it must survive the same checks as a file. */
  private revalidate(briefing: Briefing): Briefing {
    return requireValid(parseBriefing(serializeBriefing(briefing), { maxBodyBytes: this.deps.maxBodyBytes }));
  }

  private notFound(slug: string): BriefbotError {
    return new BriefbotError('UNKNOWN_BRIEFING', `There is no briefing "${slug}". Try /briefing list.`);
  }

  private async current(slug: string): Promise<Current> {
    const [head, files] = await Promise.all([this.deps.store.head(slug), this.deps.files.entries()]);
    const file = files.find((e) => e.briefing.slug === slug);
    return {
      slug,
      head,
      file,
      briefing: head?.briefing ?? file?.briefing,
      archived: head?.state === 'archived',
      revision: head?.revision ?? 0,
    };
  }

  /** Refuses a change made from a revision that is no longer current: it would silently replace someone's change its author never saw. */
  private async requireUnchanged(current: Current, basedOn: number | undefined, madeFrom: string, retry: string): Promise<void> {
    if (basedOn === undefined || basedOn === current.revision) return;
    const { slug } = current;
    if (basedOn > current.revision) {
      // A revision from the future is a typo, not someone else's change.
      throw new BriefbotError('BAD_ARGUMENTS', `"${slug}" has no revision ${basedOn} yet: it is at revision ${current.revision}. Nothing was saved. See /briefing history ${slug} for the revision to start from.`);
    }
    const latest = current.revision > 0 ? await this.deps.store.revision(slug, current.revision) : undefined;
    const by = latest ? `, by ${latest.userName}` : '';
    throw new BriefbotError(
      'CONFLICT',
      `"${slug}" changed since you started: it is at revision ${current.revision} now${by}, and ${madeFrom} revision ${basedOn}. Nothing was saved. See /briefing history ${slug}, then ${retry}.`,
    );
  }

  private async requireActive(slug: string, verb: string): Promise<Current> {
    const current = await this.current(slug);
    if (!current.head && !current.file) throw this.notFound(slug);
    // Removed twice (a second press, or two moderators): "restore it before you remove it" would read as nonsense.
    if (current.archived && verb === 'remove') throw new BriefbotError('CONFLICT', `"${slug}" is already removed (revision ${current.revision}). Nothing was changed; /briefing restore ${slug} brings it back.`);
    if (current.archived) throw new BriefbotError('CONFLICT', `"${slug}" is removed. Bring it back with /briefing restore ${slug} before you ${verb} it.`);
    if (!current.briefing) throw new BriefbotError('NOT_FOUND', `"${slug}" followed the file briefings/${slug}.md, which is gone.`);
    return current;
  }

  /** Refuses a text that another briefing (shown or removed) already has, naming it. */
  private async refuseDuplicate(briefing: Briefing, self: string | undefined): Promise<void> {
    const hash = bodyHash(briefing.body);
    for (const head of await this.deps.store.headsWithBodyHash(hash)) {
      if (head.slug === self) continue;
      const removed = head.state === 'archived' ? ` (removed; /briefing restore ${head.slug} brings it back)` : '';
      throw new BriefbotError('DUPLICATE_CONTENT', `The same text is already the briefing "${head.slug}"${removed}. Nothing was changed.`);
    }
    const files = await this.fileHashIndex();
    for (const slug of files.byHash.get(hash) ?? []) {
      if (slug === self) continue;
      // A file whose slug the store overrides with other text no longer shows that text.
      const head = await this.deps.store.head(slug);
      if (head?.briefing) continue;
      const removed = head?.state === 'archived' ? ` (removed; /briefing restore ${slug} brings it back)` : '';
      throw new BriefbotError('DUPLICATE_CONTENT', `The same text is already the briefing "${slug}"${removed}. Nothing was changed.`);
    }
  }

  private async fileHashIndex(): Promise<{ byHash: Map<string, string[]> }> {
    const version = await this.deps.files.version();
    if (this.fileHashes?.version === version) return this.fileHashes;
    const bySlug = new Map<string, string>();
    const byHash = new Map<string, string[]>();
    for (const e of await this.deps.files.entries()) {
      const h = bodyHash(e.briefing.body);
      bySlug.set(e.briefing.slug, h);
      byHash.set(h, [...(byHash.get(h) ?? []), e.briefing.slug]);
    }
    this.fileHashes = { version, bySlug, byHash };
    return this.fileHashes;
  }

  private async commit(
    current: Current,
    action: ChangeRequest['action'],
    actor: ActingUser,
    next: { state: ChangeRequest['state']; briefing: Briefing | null; change: string },
  ): Promise<RevisionInfo> {
    const revision = await this.deps.store.commit({
      slug: current.slug,
      origin: current.head?.origin ?? (current.file ? 'file' : 'store'),
      basedOn: current.revision,
      action,
      state: next.state,
      briefing: next.briefing,
      // Null text follows the file; its hash is looked up among the files.
      bodyHash: next.briefing ? bodyHash(next.briefing.body) : null,
      author: { platform: actor.platform, userId: actor.userId, userName: actor.userName },
      at: this.deps.clock.now(),
      change: next.change,
    });
    this.deps.onChange?.();
    return toInfo(revision);
  }
}
